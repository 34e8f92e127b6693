"""Party-move rules: who left which party for which group -> `PartyMoveFact`.

Only in a story about the split (it mentions quitting, defecting or the new group). A
person moves when they are the subject of a leaving verb, listed as the group's MPs,
"joined by Conservatives A, B and C", counted ("Three Conservative MPs quit" then the
three names), "one of the seven who walked out", asked to resign and fight by-elections,
or named as the MP of a seat the story is about. `from_party` is the party named after
the verb (Labour unless said otherwise); `to_group` is the group joined, "" when they
sit as an independent (anywhere in the article), else The Independent Group if the story
names it. A second move out of the new group ("left Change UK and joined the Liberal
Democrats") is its own fact.
"""

import re

from .. import gazetteer
from ..document import Document, indices
from ..facts import (
    PartyMoveFact,
)
from ..mentions import SentenceView
from .common import AUX, PLIST, TIG, Y, date_in, person_names

_LEAVE_VERB = (
    r"(?:quit|quits|left|leave|leaves|leaving|resigned from|resign from|resigning from|defected|"
    r"defects|"
    r"walked out(?: on| of)?|walks out(?: on)?|broke away|split from|decided to resign|"
    r"made the decision to resign|crossed the floor|quitting|followed (?:[\w-]+ ){1,3}?out of)"
)
_SPLIT_TOPIC = re.compile(
    r"\b(?:quit|quits|defect\w*|splitters?|breakaway|walked out|resigned from|left the party|"
    r"Independent Group|Independence Group|TIG|Change UK)\b"
)
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
}
# Each rule with words (lower case) one of which its sentence must contain: a cheap test
# that spares most sentences the regular expression.
_LEAVE_STEMS = (
    "quit",
    "left",
    "leav",
    "resign",
    "defect",
    "walk",
    "broke",
    "split",
    "crossed",
    "follow",
)
_PARTY_LIST = re.compile(rf"{Y},? {PLIST}")
_MOVE_PATTERNS = [
    # "Chuka Umunna decided to resign from the Labour Party", "Joan Ryan, the MP for X, resigned"
    (
        "party_move.left",
        _LEAVE_STEMS,
        re.compile(
            rf"{PLIST}(?:, [^,{{]{{0,100}},)? {AUX}(?:[a-z]+ly |"
            rf"on [A-Z]\w+ |)?(?P<verb>{_LEAVE_VERB})\b"
        ),
    ),
    # "Gavin Shuker, who was elected in 2010 but resigned from the party in February"
    (
        "party_move.left",
        _LEAVE_STEMS,
        re.compile(rf"{PLIST}, who (?:[^.;]{{0,80}}? )?(?:but |and |)(?P<verb>{_LEAVE_VERB})\b"),
    ),
    # "Umunna ... announced he was leaving the Labour Party"
    (
        "party_move.left",
        _LEAVE_STEMS,
        re.compile(
            rf"{PLIST} [^.;]{{0,80}}?\b(?:he|she) (?:was|is|had|has|"
            rf"would be) (?P<verb>{_LEAVE_VERB})\b"
        ),
    ),
    # "Chris Leslie was one of the seven who walked out", "one of Monday's defectors"
    (
        "party_move.one_of",
        ("one of", "among"),
        re.compile(
            rf"{PLIST},? (?:was |is |became |)(?:one of|among) (?:the )?(?:[\w'-]+ |"
            rf"\{{Y\d+\}} ){{0,4}}?"
            rf"(?:defectors|splitters|(?:MPs )?who (?:\w+ )?{_LEAVE_VERB})"
        ),
    ),
    (
        "party_move.group_list",
        ("mp", "member"),
        re.compile(
            rf"(?:{Y} |breakaway |defecting |rebel |former {Y} )MPs?,? ?(?:- |– |\(|: |including |"
            rf")?{PLIST}"
        ),
    ),
    (
        "party_move.group_list",
        ("mp", "member"),
        re.compile(rf"{Y} (?:MPs|members)[^.]{{0,30}}, (?:among them|including) {PLIST}"),
    ),
    # "Three Conservatives, A, B and C, also defected", "the other two former Tories, A and B"
    (
        "party_move.group_list",
        ("{y",),
        _PARTY_LIST,
    ),
    (
        "party_move.defector",
        ("defector", "splitter"),
        re.compile(rf"\b(?:fellow |former |)(?:defector|splitter)s?,? {PLIST}"),
    ),
    (
        "party_move.by_election_demand",
        ("by-election", "stand down", "resign", "step "),
        re.compile(
            rf"(?:demanded|demand|called on|calls on|calling on|urged|urging|asked|"
            rf"told) (?:that )?{PLIST} "
            r"(?:to )?(?:[\w-]+ ){0,5}?(?:by-elections?|stand down|resign|step aside|step down)"
        ),
    ),
    (
        "party_move.seat_of_defector",
        ("seat", "constituenc"),
        re.compile(
            rf"(?:[Cc]onstituencies|[Ss]eats|[Cc]onstituency|[Ss]eat) (?:of|held by) {PLIST}"
        ),
    ),
    (
        "party_move.departures",
        ("departure", "defection", "resignation", "exit"),
        re.compile(rf"(?:departures?|defections?|resignations?|exit) of {PLIST}"),
    ),
]
_LEAVE = re.compile(rf"\b{_LEAVE_VERB}\b")
_LEFT_AFTER_LIST = re.compile(
    rf"[\s,–—-]*(?:{AUX})(?:[a-z]+ly )?"
    rf"(?:{_LEAVE_VERB}|announced (?:their|his|her) resignations?)\b"
)
_JOINED_BY = re.compile(rf"joined by (?:fellow |three |two |)?{Y}(?: MPs?)?[.:,]? ?{PLIST}")
# "Three Conservative MPs quit ..." followed by "Anna Soubry, Heidi Allen and Sarah Wollaston, ..."
_COUNTED_MOVE = re.compile(
    rf"\b([Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight) {Y} MPs? (?:have |had |"
    rf")(?:\w+ )?{_LEAVE_VERB}\b"
)
_WITH_OTHERS = re.compile(rf"^[^.;{{]*?\{{Y\d+\}}[^.;{{]*? with {PLIST}")
# "She left it in June to sit as an independent": the person just written about
_PRONOUN_LEFT = re.compile(
    rf"^\W*(?:[Hh]e|[Ss]he) {AUX}(?:[a-z]+ly |)(?P<verb>{_LEAVE_VERB})\b(?= (?:it|the|\{{Y))"
)
_LEADING_LIST = re.compile(rf"^{PLIST}")
_NOT_JOINED = re.compile(
    r"\b(?:not join|not joined|not joining|won't join|will not join|no plans to (?:sign up|join)|"
    r"without joining|sit as an independent|as an independent|unattached|sit as independents)\b"
)
_JOINED_GROUP = re.compile(rf"\bjoin(?:ed|s|ing)? (?!by\b)(?:the |)?(?:[\w-]+ ){{0,4}}{Y}")
_INTO_GROUP = re.compile(r"\b(?:join(?:ed|s|ing)?|into) the (?:new )?group\b")
_LEFT_PARTY = re.compile(rf"^(?:the )?(?:[\w-]+ ){{0,2}}?{Y}")
_LEFT_GROUP = re.compile(r"^(?:it|the group|the new group)\b")
# What the article says a person's party is: "Conservatives A and B", "A, the former Tory
# minister", "A, who quit the Conservatives ... with B and C".
_PARTY_OF = [
    re.compile(
        rf"{Y} (?:MPs?|ministers?|backbenchers?|members?),? (?:- |– |: |including |){PLIST}"
    ),
    re.compile(
        rf"{PLIST}, (?:the |a |an |both |all )?(?:former |ex-|veteran |senior |pro-[\w-]+ )*"
        rf"{Y} (?:MPs?|ministers?|backbenchers?|members?)\b"
    ),
    re.compile(
        rf"{PLIST},? (?:who |)(?:{_LEAVE_VERB}) (?:the )?{Y}(?P<with>[^.;]*? with {PLIST})?"
    ),
]
_PLURAL_PARTY = re.compile(r"(?:s|ies)$")


def _departed(match: re.Match) -> bool:
    """Whether a list of a party's MPs is of people who left it: "former Labour MPs A, B",
    "Seven Labour MPs - A, B ... - announced their resignations"."""
    head = match.string[max(0, match.start() - 20) : match.start(match.lastindex)]
    rest = match.string[match.end() : match.end() + 80]
    former = re.search(r"\b(?:former|breakaway|defecting)\b", head)
    return bool(former or _LEFT_AFTER_LIST.match(rest))


class _Movers:
    """Who left which party, with the sentences that say so."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.entries: dict[tuple[str, str], dict] = {}

    def note(
        self,
        rule: str,
        view: SentenceView,
        person: str,
        from_party: str = "",
        to_group: str | None = None,
    ):
        key = (person, from_party)
        if from_party == TIG:
            pass  # a second move, out of the new group, is a separate fact
        elif from_party and (person, "") in self.entries:
            self.entries[key] = self.entries.pop((person, ""))
        elif not from_party:
            key = next((k for k in self.entries if k[0] == person and k[1] != TIG), key)
        entry = self.entries.setdefault(key, {"rule": rule, "spans": [], "to": None})
        span = self.doc.sentence_span(view)
        if span not in entry["spans"]:
            entry["spans"].append(span)
        if to_group is not None and entry["to"] is None:
            entry["to"] = to_group


def _heading_move(text: str) -> tuple[str, str, str] | None:
    """(from_party, to_group, date) of a heading that names a move, in any case:
    "LABOUR TO THE INDEPENDENT GROUP (Monday)", "Conservative to Independent Group"."""
    if not _HEADING.fullmatch(text) or len(text) > 80:
        return None
    match = re.match(
        r"\W*(.+?)\s+(?:to|into|->|→)\s+(?:the\s+)?(.+?)\s*(?:\((.*)\))?\W*$", text, re.I
    )
    if not match:
        return None
    parties = gazetteer.parties()
    folded = {alias.casefold(): name for alias, name in parties.items()}
    source = folded.get(re.sub(r"^the ", "", match.group(1).casefold()).removesuffix(" party"))
    target = match.group(2).casefold()
    target = (
        ""
        if target in {"independent", "independents"}
        else folded.get(target) or folded.get("the " + target)
    )
    if not source or target is None:
        return None
    return source, target, date_in(match.group(3) or "")


def party_move_facts(doc: Document) -> list[PartyMoveFact]:
    if not _SPLIT_TOPIC.search(doc.text):
        return []
    article_has_tig = any(
        m.kind == "party" and m.name == TIG for v in doc.views for m in v.mentions
    )
    movers = _Movers(doc)
    split_day = ""
    counted: tuple[str, int, int] | None = None
    heading: tuple[str, str, str] | None = None
    heading_dates: dict[str, str] = {}
    paragraph = -1
    for position, view in enumerate(doc.views):
        template = view.template
        if view.sentence.paragraph != paragraph:
            paragraph = view.sentence.paragraph
            if not view.mentions and _HEADING.fullmatch(view.sentence.text):
                heading = _heading_move(view.sentence.text)
            elif heading and "{P" in template and re.match(r"[-•*\s]*\{[PC]\d+\}", template):
                # the lines listed under a heading that names the move
                for i in indices(template):
                    name = view.mentions[i].name
                    movers.note("party_move.heading", view, name, heading[0], heading[1])
                    heading_dates.setdefault(name, heading[2])
        if not split_day and _LEAVE.search(template):
            split_day = date_in(view.sentence.text)
        lower = template.lower()
        for rule, triggers, pattern in _MOVE_PATTERNS if "{P" in template else ():
            if not any(trigger in lower for trigger in triggers):
                continue
            for match in pattern.finditer(template):
                from_party, to_group = "", None
                if "verb" in pattern.groupindex:
                    rest = template[match.end("verb") :]
                    from_party = _left_party(view, rest, doc)
                    rest = re.split(r"; |\. ", rest, maxsplit=1)[0]
                    to_group = "" if _NOT_JOINED.search(rest[:120]) else _joined(view, rest)
                elif (
                    match.lastindex
                    and match.lastindex > 1
                    and match.group(1)
                    and rule == "party_move.group_list"
                ):
                    party = view.mention(match.group(1)).name
                    from_party, to_group = ("", TIG) if party == TIG else (party, None)
                people = next(g for g in match.groups() if g and "{P" in g)
                if rule == "party_move.group_list" and to_group != TIG and not _departed(match):
                    continue  # "Labour MPs A and B criticised the defectors" names stayers
                if pattern is _PARTY_LIST and not _PLURAL_PARTY.search(
                    view.mention(match.group(1)).text
                ):
                    continue  # "Labour's Jess Phillips" is one person, not the party's MPs
                for i in indices(people):
                    if not view.mentions[i].possessive or "verb" not in pattern.groupindex:
                        movers.note(rule, view, view.mentions[i].name, from_party, to_group)
                if "verb" in pattern.groupindex and (company := _WITH_OTHERS.match(rest)):
                    # "quit the Conservatives on Wednesday with A and B": they left too
                    for name in person_names(view, company.group(1)):
                        movers.note(rule, view, name, from_party, to_group)
        if (match := _PRONOUN_LEFT.match(template)) and (
            subject := doc.recent_subject(position, include_current=False)
        ):
            rest = re.split(r"; |\. ", template[match.end("verb") :], maxsplit=1)[0]
            from_party = _left_party(view, rest, doc)
            to_group = "" if _NOT_JOINED.search(rest[:120]) else _joined(view, rest)
            movers.note("party_move.pronoun", view, subject, from_party, to_group)
        for match in _JOINED_BY.finditer(template):
            party = view.mention(match.group(1)).name
            for name in person_names(view, match.group(2)):
                movers.note("party_move.joined_by", view, name, party)
        if counted and position - counted[2] <= 2 and (lead := _LEADING_LIST.match(template)):
            names = person_names(view, lead.group(1))
            if len(names) == counted[1]:
                for name in names:
                    movers.note("party_move.counted_list", view, name, counted[0])
                counted = None
        if match := _COUNTED_MOVE.search(template):
            counted = (
                view.mention(match.group(2)).name,
                _NUMBER_WORDS[match.group(1).lower()],
                position,
            )
    # An MP whose seat the article names, in a story about the split, is one who left if
    # the article ties them to the split somewhere (a ministers' or rival's seat is named
    # too, without any such cue).
    cued = _cued_people(doc)
    for person, spans in doc.seat_evidence.items():
        if person in cued and not any(key[0] == person and key[1] != TIG for key in movers.entries):
            movers.entries[(person, "")] = {
                "rule": "party_move.seat_holder",
                "spans": list(spans),
                "to": None,
            }
    declining = [i for i, view in enumerate(doc.views) if _NOT_JOINED.search(view.template)]
    party_of = _parties_of(doc)
    facts = []
    for (person, from_party), entry in movers.entries.items():
        to_group = entry["to"]
        if to_group is None:
            # a sentence about leaving the new group says nothing of the first move
            later = {
                span.start
                for key, other in movers.entries.items()
                if key == (person, TIG)
                for span in other["spans"]
            }
            declined = _declined_to_join(
                doc, person, [i for i in declining if doc.views[i].sentence.start not in later]
            )
            to_group = "" if declined or from_party == TIG or not article_has_tig else TIG
        seat, _ = doc.seat(person, outside=False)
        facts.append(
            PartyMoveFact(
                entry["rule"],
                tuple(entry["spans"]),
                person,
                from_party or party_of.get(person) or "Labour",
                to_group,
                seat,
                heading_dates.get(person) or split_day,
            )
        )
    return facts


_MOVE_CUE = re.compile(
    rf"\b(?:{_LEAVE_VERB}|defectors?|splitters?|breakaway|rebels?|founders?|co-found\w*|"
    r"founding|walkout|departures?|defections?|former Labour|former Tory|former Conservative|"
    r"join(?:ed|s|ing)? them|(?:join(?:ed|s|ing)? the|into the) (?:new |breakaway )?group|"
    r"(?:of|among) the (?:first |original )?(?:seven|eight|nine|ten|eleven|twelve))\b"
    r"|\bformer \{Y\d+\}"
)
# "For the record, the other five are A, B and C.": a list carrying on the sentence before
_LIST_SENTENCE = re.compile(rf"\b(?:are|were):? {PLIST}\W*$")
_CLP_OF = re.compile(r"\{P(\d+)\}'s (?:CLP|local party|constituency (?:Labour )?party)")
_REFILL_CUE = re.compile(
    r"\b(?:shortlists?|selections?|by-elections?|succeed\w*|replace\w*|women-only|all-women|"
    r"open to|restricted to women|candidates?)\b"
)
_HEADING = re.compile(r"[^.!?\"”]{3,100}")


def _cued_people(doc: Document) -> set[str]:
    """People the article ties to the split: named in a sentence with a leaving verb, a
    word for the defectors or the new group, or listed under a heading that says so
    ("THE LABOUR SEVEN (quit the party on Monday)")."""
    cued: set[str] = set()
    heading_cue = previous_cue = False
    paragraph = -1
    refill_paragraphs = {v.sentence.paragraph for v in doc.views if _REFILL_CUE.search(v.template)}
    for position, view in enumerate(doc.views):
        if view.sentence.paragraph != paragraph:
            paragraph = view.sentence.paragraph
            previous_cue = False
            line = view.sentence.text
            if _HEADING.fullmatch(line) and not view.mentions:
                heading_cue = bool(_MOVE_CUE.search(line))
        template = view.template
        if "{" not in template:
            cue = bool(_MOVE_CUE.search(template))
            if cue and re.match(r"\W*(?:He|She)\b", template):
                cued.add(doc.recent_subject(position, include_current=False))
            previous_cue = cue  # "Seven MPs quit. They are A, B and C."
            continue
        people = {m.name for m in view.mentions if m.kind == "person"}
        group = any(m.kind == "party" and m.name == TIG for m in view.mentions)
        cue = bool(group or _MOVE_CUE.search(template))
        if paragraph in refill_paragraphs:
            # "The chair of A's CLP ... welcomes a by-election"
            cued |= {view.mention(n).name for n in _CLP_OF.findall(template)}
        if cue and re.match(r"\W*(?:He|She)\b", template):
            cued.add(doc.recent_subject(position, include_current=False))
        if heading_cue or cue or previous_cue and _LIST_SENTENCE.search(template):
            cued |= people
        elif _REFILL_CUE.search(template):
            # "Seats held by A and B will have all-women shortlists": seats being refilled
            seats = {m.name for m in view.mentions if m.kind == "constituency"}
            seats |= {m.constituency for m in view.mentions if m.constituency}
            cued |= people | {doc.holder_of(seat) for seat in seats}
        previous_cue = cue
    return cued - {""}


def _left_party(view: SentenceView, rest: str, doc: Document | None = None) -> str:
    """The party right after the verb: "quit Labour", "left Change UK", "resigned from the
    Labour Party"; "left it"/"left the group" is the group named last, if it is the new one."""
    match = _LEFT_PARTY.match(rest.lstrip())
    if match:
        return view.mention(match.group(1)).name
    if doc is not None and _LEFT_GROUP.match(rest.lstrip()):
        position = doc.views.index(view)
        for earlier in reversed(doc.views[max(0, position - 1) : position + 1]):
            named = [m.name for m in earlier.mentions if m.kind == "party"]
            if named:
                return TIG if named[-1] == TIG else ""
    return ""


def _parties_of(doc: Document) -> dict[str, str]:
    """Person -> the party the article ties them to, where it says so."""
    found: dict[str, str] = {}
    for view in doc.views:
        if "{Y" not in view.template or "{P" not in view.template:
            continue
        for pattern in _PARTY_OF:
            for match in pattern.finditer(view.template):
                party = next(
                    view.mention(g).name
                    for g in match.groups()
                    if g and g.isdigit() and view.mention(g).kind == "party"
                )
                if party == TIG:
                    continue
                for group in match.groups():
                    if group and "{P" in group:
                        for name in person_names(view, group):
                            found.setdefault(name, party)
    return found


def _joined(view: SentenceView, fragment: str) -> str | None:
    match = _JOINED_GROUP.search(fragment)
    if match:
        return view.mention(match.group(1)).name
    if _INTO_GROUP.search(fragment):
        return TIG
    return None


def _declined_to_join(doc: Document, person: str, declining: list[int]) -> bool:
    """Whether the article says this person will not join the new group."""
    surname = person.split()[-1]
    for position in declining:
        view = doc.views[position]
        named = any(
            m.kind == "person" and m.name == person and _NOT_JOINED.search(_clause_at(view, i))
            for i, m in enumerate(view.mentions)
        )
        by_pronoun = (
            re.match(r"\s*(?:He|She)\b", view.template)
            and doc.recent_subject(position, include_current=False) == person
        )
        if (
            named
            or by_pronoun
            or (
                surname in view.sentence.text
                and not any(m.kind == "person" and m.name == person for m in view.mentions)
            )
        ):
            return True
    return False


def _clause_at(view: SentenceView, index: int) -> str:
    """The clause of the template holding mention `index` (cut at semicolons and "but")."""
    slot = view.slots[index]
    template = view.template
    cuts = [0] + [m.end() for m in re.finditer(r"; |, but |, while ", template)] + [len(template)]
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start <= slot < end:
            return template[start:end]
    return template
