"""Candidacy rules: who is tipped, applied, listed, selected or withdrew -> `CandidacyFact`.

A clause with a status cue ("tipped", "in the frame", "could stand", "applied", "was
longlisted", "the shortlist included", "was selected as", "won the selection", "chose X",
"withdrew") and people who are not MPs. Each person's status is the cue in their own
stretch of the clause, else the cue leading a list of names, else the clause's; people
after "beat" were shortlisted; items of a bulleted list take the status of the line that
introduces it. Seats: paired "respectively", "X in Y", an "In Y," opening, "for Y", the
clause's only seat, the seat of the MP being replaced, else the story's seat. The
description is the role phrase before the name ("NEC member X", "Abbott's chief of staff
X") or in apposition after it ("X, a Hackney councillor"); backers are organisations said
to back the person anywhere in the article ("backed by", "endorsed by", "Momentum-backed").
"""

import re
from collections.abc import Iterator

from .. import gazetteer
from ..document import Document, indices, mask_quotes, untemplate
from ..facts import (
    CandidacyFact,
)
from ..mentions import SentenceView
from .common import clauses, marker, recent_constituency

_LIST_VERBS = (
    r"included|includes|featured|features|comprised|comprises|contained|contains|consisted of|"
    r"(?:is|was|will be) made up of|consists of"
)
_STATUS_CUES = [
    (
        "not_selected",
        re.compile(
            r"\b(?:(?:was|were|is|are|been) (?:not|n't) (?:\w+ )?(?:selected|chosen|picked)|"
            r"lost (?:out )?(?:in |on )?(?:the|a) (?:[\w-]+ ){0,2}?(?:selection|nomination|"
            r"contest|ballot)|lost out to|failed to (?:win|secure) (?:the|a) "
            r"(?:[\w-]+ ){0,2}?(?:selection|nomination))\b"
        ),
    ),
    (
        "withdrawn",
        re.compile(
            r"\b(?:withdrew|withdrawn|withdraws|pulled out|dropped out|stood aside from the race)\b"
        ),
    ),
    (
        "selected",
        re.compile(
            r"\b(?:(?:was|been|is|being|were|are) (?:\w+ )?(?:selected|chosen|picked|adopted|"
            r"elected as|confirmed as)|"
            r"won (?:the|its|their)? ?(?:[\w'-]+ |\{[CY]\d+\}(?:'s)? ){0,4}?(?:selection|"
            r"nomination|contest|ballot)|"
            r"wins? (?:the |)(?:[\w-]+ ){0,2}nomination|selected (?:as|to)|chosen (?:as|to|by)|"
            r"chose\b|won with|(?:has|have|had) (?:now |finally |)(?:chosen|picked|selected)\b|"
            r"\bpicked\b(?! up)|"
            r"won (?:the|a) (?:[\w-]+ ){0,3}?(?:vote|race|hustings)|selection winner)"
        ),
    ),
    (
        "shortlisted",
        re.compile(
            rf"\b(?:shortlisted|on the (?:[\w-]+ )?shortlist|made the shortlist|"
            rf"shortlist (?:[\w-]+ ){{0,3}}?(?:also )?(?:{_LIST_VERBS})|"
            r"names on the shortlist|came (?:second|third|fourth|last)|finished (?:second|third|"
            r"fourth|last))\b"
        ),
    ),
    (
        "longlisted",
        re.compile(
            r"\b(?:longlisted|on the (?:[\w-]+ )?longlist|made the longlist|"
            rf"longlist (?:of [\w-]+ )?(?:also )?(?:{_LIST_VERBS}))\b"
        ),
    ),
    (
        "applied",
        re.compile(
            r"\b(?:applied|put (?:himself|herself|themselves) forward|announced (?:his|"
            r"her) (?:candidacy|bid)|"
            r"is standing for selection|threw (?:his|her) hat)\b"
        ),
    ),
    (
        "tipped",
        re.compile(
            r"\b(?:tipped|in the frame|favourite|front-?runner|contender|could stand|may stand|"
            r"might stand|"
            r"(?:may|might|could) (?:be urged to )?run|expected to (?:run|stand|be backed|seek)|"
            r"speculated|speculation|"
            r"touted|in the running|considering (?:a bid|standing)|linked with|mentioned for|"
            r"eyeing|likely candidate|"
            r"strong candidate|has been mentioned)\b"
        ),
    ),
]
_ANY_STATUS = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _STATUS_CUES))
# "chief of staff to Diane Abbott": a name after a preposition is not a candidate
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|of|for|with|from|by|under|behind) $")
_NOT_ON_LIST = re.compile(
    r"\b(?:not|never) (?:on|make|made) the (?:[\w-]+ )?(?:shortlist|longlist|final cut)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:should|if|would|could|hopes? to|aims? to|"
    r"wants? to) (?:[\w{}]+ ){0,8}?(?:get )?(?:selected|chosen)\b"
)
_BEATEN = re.compile(r"\b(?:beat|beating|defeated|defeating|ahead of)\b")
_LIST_LEAD = re.compile(r"\b(?P<list>shortlist|longlist)\b[^:]*:\s*$")
# A line introducing a list of winners: "So who won?", "The candidates selected so far:"
_WINNERS_LEAD = re.compile(
    r"\b(?:who (?:won|was (?:selected|chosen|picked))|(?:selected|chosen) candidates|"
    r"candidates (?:selected|chosen)|winners)\b[^:?]*[:?]\s*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-–•*]|\d+[.)])\s+")
_BACKING = re.compile(
    r"\b(?:backed by|backing of|support of|supported by|endorsed by|endorsements? from|"
    r"nominated by|"
    r"nominations from|backing from)\b|-backed\b|'s (?:backing|support|endorsement)\b|"
    r"\bhas (?:the )?(?=\{O)"
)
_DESC_DROP_START = re.compile(r"^(?:fellow|the|a|an|also|\d+-year-old)$", re.IGNORECASE)


def candidacy_facts(doc: Document) -> list[CandidacyFact]:
    facts: list[CandidacyFact] = []
    seen: set[tuple[str, str, str]] = set()
    excluded = set(doc.seat_of)
    profiles = _Profiles(doc)
    lead_status = ""
    for position, view in enumerate(doc.views):
        bullet = bool(_BULLET.match(view.sentence.text))
        if not bullet:
            lead = _LIST_LEAD.search(view.sentence.text)
            lead_status = (lead.group("list") + "ed") if lead else ""
            if not lead and _WINNERS_LEAD.search(view.sentence.text):
                lead_status = "selected"
        if not bullet and ("{P" not in view.template or not _ANY_STATUS.search(view.template)):
            continue
        for offset, clause in clauses(view):
            masked = mask_quotes(doc, view, clause, offset)
            if not bullet and not _ANY_STATUS.search(masked):
                continue
            people = [
                n
                for n in indices(masked, "P")
                if not view.mentions[n].possessive
                and view.mentions[n].name not in excluded
                and not doc.is_known_mp(view.mentions[n].name)
            ]
            people = [n for n in people if not _inside_description(view, n)]
            people = [
                n
                for n in people
                if not _is_object_of_replace(masked, n)
                and not _PREPOSITION_BEFORE.search(view.template, 0, view.slots[n])
            ]
            if not people:
                continue
            statuses = _statuses(masked, people, lead_status if bullet else "")
            if not statuses:
                continue
            seats = _candidacy_seats(doc, view, position, masked, people)
            for number in people:
                status = statuses.get(number, "")
                seat = seats.get(number, "")
                if (
                    not status
                    or not seat
                    or (status == "selected" and _HYPOTHETICAL.search(masked))
                ):
                    continue
                person = view.mentions[number].name
                key = (person, seat.casefold(), status)
                if key in seen:
                    continue
                seen.add(key)
                description = _description(view, number)[0] or profiles.description(person)
                description = _casing(doc, description)
                backers = profiles.backers_of(person)
                facts.append(
                    CandidacyFact(
                        f"candidacy.{status}",
                        (doc.sentence_span(view),),
                        person,
                        seat,
                        status,
                        description,
                        tuple(backers),
                    )
                )
    return facts


class _Profiles:
    """What the whole article says about a candidate, worked out only when asked: the
    first description it gives them, and the organisations it says back them."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.backers: dict[str, list[str]] | None = None

    def description(self, person: str) -> str:
        for view in self.doc.views:
            for index, mention in enumerate(view.mentions):
                if (
                    mention.kind == "person"
                    and mention.name == person
                    and not mention.possessive
                    and (found := _description(view, index)[0])
                ):
                    return found
        return ""

    def backers_of(self, person: str) -> list[str]:
        if self.backers is None:
            self.backers = {}
            for position, view in enumerate(self.doc.views):
                if _BACKING.search(view.template):
                    self._collect(position, view)
        return self.backers.get(person, [])

    def _collect(self, position: int, view: SentenceView) -> None:
        people = [i for i, m in enumerate(view.mentions) if m.kind == "person" and not m.possessive]
        for index, segment in _segments(view, people):
            _add_backers(self.backers.setdefault(view.mentions[index].name, []), view, segment)
        if not people and re.search(r"(?:^\s*|, )(?:[Hh]e|[Ss]he)\b", view.template):
            subject = self.doc.recent_subject(position, include_current=False)
            if subject:
                _add_backers(self.backers.setdefault(subject, []), view, view.template)


def _segments(view: SentenceView, people: list[int]) -> Iterator[tuple[int, str]]:
    """Each person with the template text from their name up to the next person's.

    Someone named inside another's relative clause ("X, who took over from Y, was backed
    by ...") does not end X's stretch.
    """
    people = [
        index
        for order, index in enumerate(people)
        if not order
        or not re.search(r", (?:who|whom|which) [^,]*$", view.template[: view.slots[index]])
    ]
    for order, index in enumerate(people):
        end = view.slots[people[order + 1]] if order + 1 < len(people) else len(view.template)
        yield index, view.template[view.slots[index] : end]


def _add_backers(found: list[str], view: SentenceView, segment: str) -> None:
    for match in _BACKING.finditer(segment):
        if match.group().startswith(("-", "'")):
            before = re.search(r"\{O(\d+)\}$", segment[: match.start()])
            numbers = [int(before.group(1))] if before else []
        else:
            rest = re.split(r"[.;]| who | which ", segment[match.end() :])[0]
            numbers = indices(rest, "O")
        for number in numbers:
            name = view.mentions[number].name
            if name not in found and name != "NEC":
                found.append(name)


def _statuses(clause: str, people: list[int], lead_status: str) -> dict[int, str]:
    """Each person's status: the cue in their own stretch of the clause, else the cue that
    leads a list of names, else the clause's; people after "beat" were shortlisted."""
    clause_for_cues = _NOT_ON_LIST.sub(" ", clause)
    first = clause_for_cues.find(marker(people[0]))
    lead = _status(clause_for_cues[:first]) if first > 0 else ""
    overall = _status(clause_for_cues) or lead_status
    result: dict[int, str] = {}
    positions = [clause_for_cues.find(marker(n)) for n in people]
    for order, number in enumerate(people):
        start = positions[order]
        end = positions[order + 1] if order + 1 < len(people) else len(clause_for_cues)
        own = _status(clause_for_cues[start:end])
        before = clause_for_cues[positions[order - 1] : start] if order else clause_for_cues[:start]
        if _BEATEN.search(before):
            result[number] = "shortlisted"
        elif re.search(r"\b(?:chose|picked|selected)\s*$", before):
            result[number] = "selected"
        elif (
            not own
            and order
            and re.fullmatch(
                r"[^.;]*?(?:,|and|, and)\s*(?:[\w'{}-]+ ){0,5}",
                before[before.find("}") + 1 :] + " ",
            )
        ):
            # the next name in a list shares the status of the one before
            result[number] = result[people[order - 1]]
        else:
            result[number] = own or lead or overall
    return result


def _status(clause: str) -> str:
    best, best_at = "", len(clause) + 1
    for status, pattern in _STATUS_CUES:
        match = pattern.search(clause)
        if match and match.start() < best_at:
            best, best_at = status, match.start()
    return best


def _inside_description(view: SentenceView, number: int) -> bool:
    """Whether a person only describes another: "former Corbyn campaign chief Sam Tarry"."""
    slot = view.slots[number]
    after = view.template[slot + len(marker(number)) :]
    match = re.match(r"(?:'s)? ((?:[a-z][\w-]* ){1,4})\{P\d+\}", after)
    return bool(match) and not set(match.group(1).split()) <= {"and", "or"}


def _is_object_of_replace(clause: str, number: int) -> bool:
    return bool(
        re.search(
            r"\b(?:replace|unseat|unseating|oust|challenge|succeed|take on) "
            r"(?:\{P\d+\}(?:,| and) )*" + re.escape(marker(number)),
            clause,
        )
    )


_DESC_TOKEN = re.compile(r"\{[PCOYU]\d+\}(?:'s)?|[^\s,;:()\"]+|[,;:()\"]")
_PUNCTUATION = {",", ";", ":", "(", ")", '"', "-"}


def _description(view: SentenceView, number: int, depth: int = 0) -> tuple[str, int]:
    """The role words before a name ("NEC member"), or after it in apposition.

    Walks back from the name over words and organisation/place placeholders until a
    function word or punctuation; "chief of staff" keeps its "of"; in "official and
    Momentum supporter X" the first role is the description; in "councillors A and B"
    B shares A's.
    """
    slot = view.slots[number]
    tokens = _DESC_TOKEN.findall(view.template[:slot])
    roles = gazetteer.role_nouns()
    taken: list[str] = []
    index = len(tokens) - 1
    while index >= 0:
        token = tokens[index]
        lower = token.lower()
        previous = tokens[index - 1] if index else ""
        if lower == "and" and taken and _is_role(previous, roles):
            taken = []  # "A official and B supporter X": keep the first role
        elif lower == "and" and not taken and re.fullmatch(r"\{P\d+\}", previous) and depth < 3:
            # "local councillors A and B": a plural role covers both names
            plural_role = (
                index >= 2
                and tokens[index - 2].lower().endswith("s")
                and _is_role(tokens[index - 2], roles)
            )
            if plural_role:
                return _description(view, int(previous[2:-1]), depth + 1)[0], slot
            break
        elif lower == "of" and taken and (_is_role(previous, roles) or previous[:1].isupper()):
            taken.append(token)
        elif token in _PUNCTUATION or lower in gazetteer.description_stopwords():
            if taken and lower in {"in", "for"} and taken[-1].startswith("{C"):
                taken.pop()
            break
        elif (
            re.fullmatch(r"\{P\d+\}", token)
            and not (taken and taken[-1].islower())
            or taken
            and _plural_before_name(token, taken[-1], roles)
        ):
            break
        else:
            taken.append(token)
        index -= 1
    taken.reverse()
    while taken and _DESC_DROP_START.match(taken[0]):
        taken.pop(0)
    if taken and _is_role(taken[-1], roles):
        taken[-1] = _singular(taken[-1])
        return untemplate(view, " ".join(taken)), slot
    after = view.template[slot:]
    match = re.match(
        r"\{P\d+\}, (?:an? |the )?([\w{][\w' {}-]{2,80}?)(?:,|\.|$| who| whom| and| has| had| is|"
        r" was)",
        after,
    )
    # another name may only follow a preposition: "chief of staff to Diane Abbott"
    other_people = (
        re.sub(r"\b(?:to|of|for) \{P\d+\}|^\{P\d+\}'s\b", "", match.group(1)) if match else ""
    )
    if (
        match
        and "{P" not in other_people
        and any(_is_role(word, roles) for word in re.findall(r"[\w-]+", match.group(1)))
    ):
        return untemplate(view, match.group(1)), slot
    return "", slot


def _casing(doc: Document, description: str) -> str:
    """Lower-case a common first word: "Local councillor" opening a sentence is "local
    councillor"; "Lambeth councillor" stays.
    A first word is common, not proper, when it is a usual modifier or the article also
    writes it in lower case."""
    first = description.split(" ", 1)[0]
    common = first.lower() in gazetteer.description_modifiers()
    if (
        first[:1].isupper()
        and first[1:].islower()
        and (common or re.search(rf"\b{re.escape(first.lower())}\b", doc.text))
    ):
        return first.lower() + description[len(first) :]
    return description


def _is_role(token: str, roles: frozenset[str]) -> bool:
    word = token.lower()
    return word in roles or (word.endswith("s") and word[:-1] in roles)


def _plural_before_name(token: str, following: str, roles: frozenset[str]) -> bool:
    """Whether a plural common noun ends the phrase before it ("centrists London Assembly
    member")."""
    return (
        token.islower()
        and token.endswith("s")
        and not token.endswith("ss")
        and not _is_role(token, roles)
        and following[:1] in "{ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )


def _singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith("s") and lower[:-1] in gazetteer.role_nouns():
        return word[:-1]
    return word


_IN_SEAT = re.compile(r"\{P(\d+)\}(?: \([^)]*\))? (?:in|for) \{C(\d+)\}")
_SCOPE_IN = re.compile(r"(?:^[-–•*\s]*|\b[Ii]n |\bFor )\{C(\d+)\}[,:]?")
_FOR_SEAT = re.compile(
    r"\b(?:for|in|contest|fight|win|stand in|run in|selection for|candidate for|nomination for|"
    r"eyeing) (?:the |)\{C(\d+)\}"
)


def _candidacy_seats(
    doc: Document, view: SentenceView, position: int, clause: str, people: list[int]
) -> dict[int, str]:
    """Each candidate's seat: paired "respectively", "X in Y", an "In Y," opening, "for Y"
    after the name, the clause's only seat, the seat of the MP being replaced, else the
    seat the story is about."""
    seats: dict[int, str] = {}
    constituencies = indices(clause, "C")
    if "respectively" in clause and len(constituencies) == len(people) and len(people) > 1:
        return {p: view.mentions[c].name for p, c in zip(people, constituencies, strict=True)}
    for match in _IN_SEAT.finditer(clause):
        seats.setdefault(int(match.group(1)), view.mentions[int(match.group(2))].name)
    scope = _SCOPE_IN.search(clause)
    for number in people:
        if number in seats:
            continue
        if scope and clause.find(marker(number)) > scope.start():
            seats[number] = view.mentions[int(scope.group(1))].name
            continue
        after = clause[clause.find(marker(number)) :]
        match = _FOR_SEAT.search(after)
        if match:
            seats[number] = view.mentions[int(match.group(1))].name
        elif len({view.mentions[n].name for n in constituencies}) == 1:
            seats[number] = view.mentions[constituencies[0]].name
        elif not constituencies:
            replaced = re.search(
                r"\b(?:replace|unseat|succeed|challenge|take on) \{P(\d+)\}", clause
            )
            if replaced:
                seats[number] = doc.seat(view.mention(replaced.group(1)).name, outside=False)[0]
            if not seats.get(number):
                seats[number] = (
                    _context_seat(doc, position)
                    or doc.focus_seat()
                    or recent_constituency(doc, view)
                )
    return seats


def _context_seat(doc: Document, position: int) -> str:
    """The one seat named in the previous sentence of the same paragraph, if any."""
    if position == 0:
        return ""
    view, previous = doc.views[position], doc.views[position - 1]
    if previous.sentence.paragraph != view.sentence.paragraph:
        return ""
    names = {m.name for m in previous.mentions if m.kind == "constituency"}
    return next(iter(names)) if len(names) == 1 else ""
