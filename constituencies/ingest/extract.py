"""Extract layer: article text -> `Extraction` (title, publisher, facts with evidence).

The article is parsed once into a `Document` (sentences, mentions, templates, quotations;
see `document.py` and `mentions.py`). Named relation rules then run in a fixed order,
because later rules use what earlier ones learnt:

1. seats: who sits for which constituency ("X, the MP for Y", "Y, held by X",
   "X's CLP, Y", "X's Y seat", "challenge X in Y") -> `SeatFact`;
2. roles: "X, the Labour chairman", "Momentum's national co-ordinator X" -> `RoleFact`,
   `PersonFact` (used to give speakers an organisation);
3. party moves: who left which party for which group -> `PartyMoveFact`;
4. majorities, shortlists, candidacies and events;
5. statements (`statements.py`): quoted or reported words, attributed.

Rules are regular expressions over sentence templates, in which every mention is a
placeholder (``{P0}`` a person, ``{C1}`` a constituency, ``{O2}`` an organisation,
``{Y3}`` a party, ``{U4}`` an outlet), so a rule reads like the prose it matches and
never names a particular person or seat. Every fact's `rule` is the name of the rule that
made it and its evidence quotes the sentence(s) that support it.

Only what the article itself says is used, unless the caller passes `known_seats`
(person -> constituency, e.g. learnt by the loader from earlier articles); facts that
needed such outside knowledge say so in their rule name (suffix ".known_seat").
"""

import re
from collections.abc import Iterator

from . import gazetteer, statements
from .document import Document, indices, mask_quotes, untemplate
from .facts import (
    CandidacyFact,
    EventFact,
    Extraction,
    Fact,
    MajorityFact,
    PartyMoveFact,
    PersonFact,
    RoleFact,
    SeatFact,
    ShortlistFact,
    Span,
)
from .mentions import SentenceView
from .read import guess_publisher, guess_title

TIG = "The Independent Group"
STORY_YEAR = 2019  # the split happened in February 2019

# --- template building blocks -------------------------------------------------------
P = r"\{P(\d+)\}"
C = r"\{C(\d+)\}"
O_ = r"\{O(\d+)\}"
Y = r"\{Y(\d+)\}"
_SEP = r"(?:,? and |, | & |,? as well as )"
PLIST = rf"((?:\{{P\d+\}}(?:'s)?{_SEP})*\{{P\d+\}}(?:'s)?)"
CLIST = rf"((?:\{{C\d+\}}{_SEP})*\{{C\d+\}})"
AUX = r"(?:(?:has|have|had|was|were|is|are|also|already|now|then|too|just|since|yesterday|today|formally|finally),? )*"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_TEXT = re.compile(
    rf"\b(?:(?:on|last|this|next) )?(?:{WEEKDAY}|(?:last|next|this) (?:week|weekend|month|year|"
    rf"summer|autumn|spring|winter)|in {MONTH}(?: \d{{4}})?|the coming weeks|coming weeks)\b"
)

_CLP_WORDS = r"(?:CLP|local party|local Labour party|constituency (?:Labour )?party|constituency Labour party)"


def extract(text: str, known_seats: dict[str, str] | None = None) -> Extraction:
    """All facts in one article. `known_seats` maps MPs' full names to seats learnt elsewhere."""
    doc = Document.parse(text, known_seats)
    facts: list[Fact] = []
    facts += seat_facts(doc)
    roles = role_facts(doc)
    facts += roles
    facts += party_move_facts(doc)
    facts += majority_facts(doc)
    facts += shortlist_facts(doc)
    facts += candidacy_facts(doc)
    facts += event_facts(doc)
    facts += statements.statement_facts(doc, roles)
    return Extraction(title=guess_title(text), publisher=guess_publisher(text), facts=facts)


# --- shared helpers -----------------------------------------------------------------
def person_names(view: SentenceView, fragment: str) -> list[str]:
    return [view.mentions[i].name for i in indices(fragment, "P")]


def constituency_names(view: SentenceView, fragment: str) -> list[str]:
    return [view.mentions[i].name for i in indices(fragment, "C")]


def date_in(text: str) -> str:
    match = DATE_TEXT.search(text)
    return match.group().removeprefix("on ").removeprefix("in ") if match else ""


def clauses(view: SentenceView) -> list[tuple[int, str]]:
    """(template offset, clause) pieces cut at contrastive joins and semicolons."""
    pieces, last = [], 0
    for match in re.finditer(r"; |, while |, whereas |, but |, even though |, although | while in |\. ", view.template):
        pieces.append((last, view.template[last : match.start()]))
        last = match.start() + (2 if match.group() in {"; ", ". "} else 1)
    pieces.append((last, view.template[last:]))
    return pieces


# --- seats --------------------------------------------------------------------------
_SEAT_PATTERNS = [
    ("seat.mp_for", re.compile(rf"{P}, (?:the |who is the |)(?:[\w-]+ |\{{Y\d+\}} ){{0,2}}MP for {C}")),
    ("seat.mp_for", re.compile(rf"\bMP for {C},? (?:{Y} |)(?:[a-z]+ )?{P}")),
    ("seat.mp_for", re.compile(rf"{C} (?:{Y} |independent |TIG )?MP,? {P}")),
    ("seat.mp_for", re.compile(rf"{P}, (?:the |)(?:{Y} |independent |)?{C} MP\b")),
    ("seat.mp_for", re.compile(rf"{P} \((?:[^()]*?, )?{C}\)")),
    ("seat.possessive", re.compile(rf"{P}'s {_CLP_WORDS},? {C}")),
    ("seat.possessive", re.compile(rf"{P}'s {C}")),
    ("seat.possessive", re.compile(rf"{P}'s (?:seat|constituency)(?:,| of) {C}")),
    ("seat.represents", re.compile(rf"{P},? (?:who |)(?:has |)(?:represents|represented|holds|held|sits for) {C}")),
    ("seat.held_since", re.compile(rf"{C}, the seat {P} (?:has |had |)(?:held|represented|took|won)")),
    ("seat.seat_of", re.compile(rf"{C}, the (?:seat|constituency) (?:of|held by) (?:[a-z][\w-]* ){{0,3}}{P}")),
    ("seat.seat_of", re.compile(rf"{C} seat (?:left|vacated|held|represented) by {P}")),
    ("seat.where_mp", re.compile(rf"{C},? where (?:the )?(?:former |sitting |)(?:[\w-]+ |\{{Y\d+\}} ){{0,2}}MP {P}")),
    ("seat.challenge_in", re.compile(rf"(?:challenge|oust|unseat|replace|defeat|succeed|take on) {P} in {C}")),
    ("seat.represented_by", re.compile(rf"{C} (?:is|was) (?:currently )?(?:represented|held) by {P}")),
]
_HELD_BY = re.compile(rf"{CLIST}(?:,| -| –)? (?:which are |which is |)(?:held|represented) by {PLIST}")
_WHERE_SITTING = re.compile(rf"{CLIST},? where {PLIST} (?:are|is) the (?:sitting )?MPs?")
_RESPECTIVE = re.compile(
    rf"(?:challenge|oust|unseat|replace|defeat|succeed|take on) {PLIST} in {CLIST},? respectively"
)
_THE_SEAT_MP = re.compile(rf"\b[Tt]he {C} MP\b(?!,? \{{P)")
_FOCUS_HOLDER = re.compile(
    rf"\b[Tt]he (?:constituency|seat) is (?:currently )?(?:represented|held) by {P}|{P}'s (?:seat|constituency)\b"
)
_CLP_POSSESSIVE = re.compile(rf"{P}'s {_CLP_WORDS}")
_CLP_APPOSITION = re.compile(rf"{O_}, {P}'s {_CLP_WORDS}")
_REPLACE_OBJECT = re.compile(rf"\b(?:replace|unseat|unseating|oust|ousting|challenge|succeed) {P}(?!')")
_OFFICER = re.compile(
    r"\b(?:chair|chairman|chairwoman|secretary|treasurer|coordinator|co-ordinator|organiser|officer|"
    r"spokesperson|spokesman|spokeswoman|leader|member|councillor)\b"
)


def _record_seat(doc: Document, rule: str, view: SentenceView, person: str, seat: str) -> Iterator[SeatFact]:
    if person in doc.seat_of or not seat:
        return
    doc.seat_of[person] = seat
    span = doc.sentence_span(view)
    doc.seat_evidence[person] = (span,)
    yield SeatFact(rule, (span,), person, seat)


def seat_facts(doc: Document) -> list[SeatFact]:
    found: list[SeatFact] = []
    for view in doc.views:
        template = view.template
        for rule, pattern in _SEAT_PATTERNS:
            for match in pattern.finditer(template):
                numbers = [int(n) for n in match.groups() if n is not None]
                people = [view.mentions[n] for n in numbers if view.mentions[n].kind == "person"]
                seats = [view.mentions[n] for n in numbers if view.mentions[n].kind == "constituency"]
                if people and seats:
                    found += _record_seat(doc, rule, view, people[0].name, seats[0].name)
        for pattern, rule in ((_HELD_BY, "seat.held_by"), (_WHERE_SITTING, "seat.held_by")):
            for match in pattern.finditer(template):
                found += _paired(doc, rule, view, match.group(1), match.group(2))
        for match in _RESPECTIVE.finditer(template):
            found += _paired(doc, "seat.respectively", view, match.group(2), match.group(1))
        for match in _CLP_APPOSITION.finditer(template):
            org, person = view.mention(match.group(1)), view.mention(match.group(2))
            if org.constituency:
                found += _record_seat(doc, "seat.clp_apposition", view, person.name, org.constituency)
    # Second pass: weaker, sentence-level evidence once the explicit patterns are known.
    for position, view in enumerate(doc.views):
        found += _seat_from_clp_context(doc, view)
        found += _seat_from_replacement(doc, view)
        found += _seat_from_the_mp(doc, view, position)
        found += _seat_from_focus(doc, view)
    return found


def _paired(doc: Document, rule: str, view: SentenceView, seat_list: str, people_list: str) -> Iterator[SeatFact]:
    """"Stockport and Ilford South, held by Ann Coffey and Mike Gapes": pair in order."""
    seats = constituency_names(view, seat_list)
    people = person_names(view, people_list)
    if len(seats) == len(people):
        for person, seat in zip(people, seats):
            yield from _record_seat(doc, rule, view, person, seat)


def _seat_from_the_mp(doc: Document, view: SentenceView, position: int) -> Iterator[SeatFact]:
    """"The Dudley North MP, who ..." refers back to the person the story is about."""
    for match in _THE_SEAT_MP.finditer(view.template):
        seat = view.mention(match.group(1)).name
        if doc.holder_of(seat):
            continue
        subject = recent_subject(doc, position, include_current=False)
        if subject:
            yield from _record_seat(doc, "seat.the_seat_mp", view, subject, seat)


def _seat_from_focus(doc: Document, view: SentenceView) -> Iterator[SeatFact]:
    """"The constituency is currently represented by X", "X's seat" in a one-seat story."""
    focus = doc.focus_seat()
    if not focus or doc.holder_of(focus):
        return
    for match in _FOCUS_HOLDER.finditer(view.template):
        number = match.group(1) or match.group(2)
        yield from _record_seat(doc, "seat.focus", view, view.mention(number).name, focus)
        return


def recent_subject(doc: Document, position: int, include_current: bool = True, back: int = 3) -> str:
    """The first person named (outside quotations, not as a possessive) in the nearest
    earlier sentence that names one: who "he", "she" or "the MP" most likely is."""
    start = position if include_current else position - 1
    for index in range(start, max(-1, position - back - 1), -1):
        for mention in doc.views[index].mentions:
            if mention.kind == "person" and not mention.possessive and not doc.in_quote(mention.start):
                return mention.name
    return ""


def _seat_from_clp_context(doc: Document, view: SentenceView) -> Iterator[SeatFact]:
    """"X's CLP ... people of Y" or "Y CLP ... says X should resign": one seat, one MP."""
    template = view.template
    clp_seats = {m.constituency for m in view.mentions if m.kind == "org" and m.constituency}
    seats = {m.name for m in view.mentions if m.kind == "constituency"}
    for match in _CLP_POSSESSIVE.finditer(template):
        person = view.mention(match.group(1)).name
        if person not in doc.seat_of and len(seats | clp_seats) == 1:
            yield from _record_seat(doc, "seat.clp_context", view, person, next(iter(seats | clp_seats)))
    if len(clp_seats) == 1 and not seats and re.search(r"\b(?:MP|by-election|resign|seat)\b", template):
        seat = next(iter(clp_seats))
        if doc.holder_of(seat):
            return
        candidates = [
            m for i, m in enumerate(view.mentions)
            if m.kind == "person" and not m.possessive and not _is_officer(view, i)
        ]
        if len({m.name for m in candidates}) == 1:
            yield from _record_seat(doc, "seat.clp_context", view, candidates[0].name, seat)


def _is_officer(view: SentenceView, index: int) -> bool:
    """Whether a person in the sentence is described by a role (an officer, not the MP)."""
    slot = view.slots[index]
    before = view.template[max(0, slot - 40) : slot]
    after = view.template[slot : slot + 60]
    placeholder_len = len("{P" + str(index) + "}")
    return bool(
        re.search(rf"{_OFFICER.pattern}(?: of [^,]+)?,? $", before)
        or _OFFICER.search(after[placeholder_len : placeholder_len + 40].split(",")[1] if after.count(",") > 1 else "")
        or re.match(r", (?:who )?(?:chairs|leads)\b", after[placeholder_len:])
    )


def _seat_from_replacement(doc: Document, view: SentenceView) -> Iterator[SeatFact]:
    """"... the Y party ... the battle to replace X": the only seat in the sentence is X's."""
    seats = {m.name for m in view.mentions if m.kind == "constituency"}
    if len(seats) != 1:
        return
    seat = next(iter(seats))
    for match in _REPLACE_OBJECT.finditer(view.template):
        person = view.mention(match.group(1)).name
        if not doc.holder_of(seat):
            yield from _record_seat(doc, "seat.replace_context", view, person, seat)


# --- roles --------------------------------------------------------------------------
_ROLE_NOUN = r"(?:[a-z][\w-]* ){0,3}?(?:chair|chairman|chairwoman|leader|co-ordinator|coordinator|secretary|organiser|spokesperson|spokesman|spokeswoman|convenor|official|officer|member|deputy leader|general secretary|treasurer|director)"
_ROLE_PATTERNS = [
    # "Ian Lavery, the Labour chairman" / "Labour chair Ian Lavery"
    ("role.apposition_party", re.compile(rf"{P}, the {Y} ({_ROLE_NOUN})\b")),
    ("role.prefix_party", re.compile(rf"{Y} ({_ROLE_NOUN}) {P}")),
    # "Laura Parker, Momentum's national co-ordinator" / "Redbridge Council's leader Jas Athwal"
    ("role.apposition_org", re.compile(rf"{P}, {O_}'s ({_ROLE_NOUN})\b")),
    ("role.prefix_org", re.compile(rf"{O_}(?:'s)? ({_ROLE_NOUN}) {P}")),
    # "Michael Chessum, organiser of ... group Another Europe is Possible"
    ("role.of_org", re.compile(rf"{P}, (?:the )?({_ROLE_NOUN}|organiser|founder) (?:of|for|at) (?:[^,{{]{{0,40}} )?{O_}")),
]
_CLP_OFFICER = re.compile(
    rf"\b[Tt]he (chair|chairman|chairwoman|secretary|treasurer) of (?:{P}'s {_CLP_WORDS}|{O_})"
    rf"(?:,? {C})?(?:,? {P}'s {_CLP_WORDS})?,? (?:is (?:[\w-]+ ){{0,3}}?)?{P}(?!')"
)
_WHO_CHAIRS = re.compile(rf"{P}, who (chairs|leads) {O_}")


def role_facts(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str, str]] = set()

    def add(rule: str, view: SentenceView, person: str, title: str, organisation: str):
        key = (person, title, organisation)
        if key not in seen:
            seen.add(key)
            span = doc.sentence_span(view)
            facts.append(RoleFact(rule, (span,), person, title, organisation))
            facts.append(PersonFact(rule, (span,), person, description=f"{title} {organisation}".strip()))

    for view in doc.views:
        for rule, pattern in _ROLE_PATTERNS:
            for match in pattern.finditer(view.template):
                numbers = [g for g in match.groups() if g and g.isdigit()]
                title = next(g for g in match.groups() if g and not g.isdigit())
                person = next(view.mention(n) for n in numbers if view.mention(n).kind == "person")
                org = next(view.mention(n) for n in numbers if view.mention(n).kind in ("org", "party"))
                add(rule, view, person.name, title, org.name)
        for match in _CLP_OFFICER.finditer(view.template):
            title, mp, org_index, seat_index, _mp2, officer = match.groups()
            seat = ""
            if org_index is not None:
                seat = view.mention(org_index).constituency
                organisation = view.mention(org_index).name if not seat else f"{seat} CLP"
            else:
                seat = view.mention(seat_index).name if seat_index else doc.seat(view.mention(mp).name)[0]
                organisation = f"{seat} CLP" if seat else ""
            if organisation:
                add("role.clp_officer", view, view.mention(officer).name, title, organisation)
        for match in _WHO_CHAIRS.finditer(view.template):
            org = view.mention(match.group(3))
            add("role.who_chairs", view, view.mention(match.group(1)).name, "chair", org.name)
    return facts


# --- party moves --------------------------------------------------------------------
_LEAVE_VERB = (
    r"(?:quit|quits|left|leave|leaves|leaving|resigned from|resign from|resigning from|defected|defects|"
    r"walked out(?: on| of)?|walks out(?: on)?|broke away|split from|decided to resign|"
    r"made the decision to resign|crossed the floor|quitting)"
)
_SPLIT_TOPIC = re.compile(
    r"\b(?:quit|quits|defect\w*|splitters?|breakaway|walked out|resigned from|left the party|"
    r"Independent Group|Independence Group|TIG|Change UK)\b"
)
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
}
_MOVE_PATTERNS = [
    # "Chuka Umunna decided to resign from the Labour Party", "Joan Ryan, the MP for X, resigned"
    ("party_move.left", re.compile(
        rf"{PLIST}(?:,(?: who| too| the| one| a)[^,]{{0,100}},)? {AUX}(?:[a-z]+ly |on [A-Z]\w+ |)?(?P<verb>{_LEAVE_VERB})\b"
    )),
    # "Gavin Shuker, who was elected in 2010 but resigned from the party in February"
    ("party_move.left", re.compile(rf"{PLIST}, who [^.;]{{0,80}}? (?:but |and |)(?P<verb>{_LEAVE_VERB})\b")),
    # "Umunna ... announced he was leaving the Labour Party"
    ("party_move.left", re.compile(
        rf"{PLIST} [^.;]{{0,80}}?\b(?:he|she) (?:was|is|had|has|would be) (?P<verb>{_LEAVE_VERB})\b"
    )),
    # "Chris Leslie was one of the seven who walked out", "one of Monday's defectors"
    ("party_move.one_of", re.compile(
        rf"{PLIST},? (?:was |is |became |)(?:one of|among) (?:the )?(?:[\w'-]+ |\{{Y\d+\}} ){{0,4}}?"
        rf"(?:defectors|splitters|(?:MPs )?who (?:\w+ )?{_LEAVE_VERB})"
    )),
    ("party_move.group_list", re.compile(
        rf"(?:{Y} |breakaway |defecting |rebel |former {Y} )MPs?,? ?(?:- |– |\(|: |including |)?{PLIST}"
    )),
    ("party_move.group_list", re.compile(rf"{Y} (?:MPs|members)[^.]{{0,30}}, (?:among them|including) {PLIST}")),
    ("party_move.defector", re.compile(rf"\b(?:fellow |former |)(?:defector|splitter)s?,? {PLIST}")),
    ("party_move.by_election_demand", re.compile(
        rf"(?:demanded|demand|called on|calls on|calling on|urged|urging|asked|told) (?:that )?{PLIST} "
        r"(?:to )?(?:[\w-]+ ){0,5}?(?:by-elections?|stand down|resign|step aside|step down)"
    )),
    ("party_move.seat_of_defector", re.compile(
        rf"(?:[Cc]onstituencies|[Ss]eats|[Cc]onstituency|[Ss]eat) (?:of|held by) {PLIST}"
    )),
    ("party_move.departures", re.compile(rf"(?:departures?|defections?|resignations?|exit) of {PLIST}")),
]
_JOINED_BY = re.compile(rf"joined by (?:fellow |three |two |)?{Y}(?: MPs?)?[.:,]? ?{PLIST}")
# "Three Conservative MPs quit ..." followed by "Anna Soubry, Heidi Allen and Sarah Wollaston, ..."
_COUNTED_MOVE = re.compile(rf"\b([Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight) {Y} MPs? (?:have |had |)(?:\w+ )?{_LEAVE_VERB}\b")
_LEADING_LIST = re.compile(rf"^{PLIST}")
_NOT_JOINED = re.compile(
    r"\b(?:not join|not joined|not joining|won't join|will not join|no plans to (?:sign up|join)|"
    r"without joining|sit as an independent|as an independent)\b"
)
_JOINED_GROUP = re.compile(rf"\bjoin(?:ed|s|ing)? (?!by\b)(?:the |)?(?:[\w-]+ ){{0,4}}{Y}")
_LEFT_PARTY = re.compile(rf"^(?:the )?(?:[\w-]+ ){{0,2}}?{Y}")


class _Movers:
    """Who left which party, with the sentences that say so."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.entries: dict[tuple[str, str], dict] = {}

    def note(self, rule: str, view: SentenceView, person: str, from_party: str = "", to_group: str | None = None):
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


def party_move_facts(doc: Document) -> list[PartyMoveFact]:
    if not _SPLIT_TOPIC.search(doc.text):
        return []
    article_has_tig = any(m.kind == "party" and m.name == TIG for v in doc.views for m in v.mentions)
    movers = _Movers(doc)
    split_day = ""
    counted: tuple[str, int, int] | None = None
    for position, view in enumerate(doc.views):
        template = view.template
        if not split_day and re.search(_LEAVE_VERB, template):
            split_day = date_in(view.sentence.text)
        for rule, pattern in _MOVE_PATTERNS:
            for match in pattern.finditer(template):
                from_party, to_group = "", None
                if "verb" in pattern.groupindex:
                    rest = template[match.end("verb") :]
                    from_party = _left_party(view, rest)
                    to_group = "" if _NOT_JOINED.search(rest[:120]) else _joined(view, rest)
                elif match.lastindex and match.lastindex > 1 and match.group(1) and rule == "party_move.group_list":
                    party = view.mention(match.group(1)).name
                    from_party, to_group = ("", TIG) if party == TIG else (party, None)
                people = next(g for g in match.groups() if g and "{P" in g)
                for i in indices(people):
                    if not view.mentions[i].possessive or "verb" not in pattern.groupindex:
                        movers.note(rule, view, view.mentions[i].name, from_party, to_group)
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
            counted = (view.mention(match.group(2)).name, _NUMBER_WORDS[match.group(1).lower()], position)
    # An MP whose seat the article names is, in a story about the split, one who left.
    for person, spans in doc.seat_evidence.items():
        if not any(key[0] == person for key in movers.entries):
            movers.entries[(person, "")] = {"rule": "party_move.seat_holder", "spans": list(spans), "to": None}
    facts = []
    for (person, from_party), entry in movers.entries.items():
        to_group = entry["to"]
        if to_group is None:
            declined = _declined_to_join(doc, person)
            to_group = "" if declined or from_party == TIG or not article_has_tig else TIG
        seat, _ = doc.seat(person, outside=False)
        facts.append(
            PartyMoveFact(
                entry["rule"], tuple(entry["spans"]), person, from_party or "Labour", to_group, seat, split_day
            )
        )
    return facts


def _left_party(view: SentenceView, rest: str) -> str:
    """The party right after the verb: "quit Labour", "left Change UK", "resigned from the Labour Party"."""
    match = _LEFT_PARTY.match(rest.lstrip())
    return view.mention(match.group(1)).name if match else ""


def _joined(view: SentenceView, fragment: str) -> str | None:
    match = _JOINED_GROUP.search(fragment)
    if match:
        return view.mention(match.group(1)).name
    return None


def _declined_to_join(doc: Document, person: str) -> bool:
    """Whether the article says this person will not join the new group."""
    surname = person.split()[-1]
    for position, view in enumerate(doc.views):
        if not _NOT_JOINED.search(view.template):
            continue
        named = any(m.kind == "person" and m.name == person for m in view.mentions)
        by_pronoun = re.match(r"\s*(?:He|She)\b", view.template) and recent_subject(
            doc, position, include_current=False
        ) == person
        if named or by_pronoun or surname in view.sentence.text:
            return True
    return False


# --- majorities ---------------------------------------------------------------------
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d{2,6})"
_MAJORITY_PATTERNS = [
    ("majority.of", re.compile(rf"\bmajority (?:of|was|is|had been|has been|stood at) (?:just |only |around |about |some |nearly |over |almost |)?{_NUMBER}(?![\d%.,]\d| per ?cent|%)")),
    ("majority.before_noun", re.compile(rf"(?<![£$€\d,.]){_NUMBER}(?:-| )(?:vote )?majority\b")),
    ("majority.by_votes", re.compile(rf"\b(?:by|of) (?:just |only |a mere |)?{_NUMBER} votes?\b")),
    ("majority.more_votes", re.compile(rf"(?<![£$€\d,.]){_NUMBER} (?:more votes than|votes ahead of)")),
    ("majority.into", re.compile(rf"\bmajority of {_NUMBER} into (?:one of |)?{_NUMBER}")),
    ("majority.to", re.compile(rf"\bmajority (?:\w+ ){{0,3}}?(?:from {_NUMBER} )?to {_NUMBER}")),
    ("majority.margin", re.compile(rf"\bmargin (?:of victory )?(?:of|was) (?:just |only |)?{_NUMBER}")),
    ("majority.held_on_by", re.compile(rf"\bheld on by (?:just |only |)?{_NUMBER}")),
    ("majority.from_to", re.compile(rf"\b(?:rose|grew|fell|increased|dropped|cut|slashed) from {_NUMBER} (?:in (?:19|20)\d\d )?to {_NUMBER}")),
]
_FOLLOW_ON = re.compile(
    rf"\b(?:(?:up|down) from (?:the |a |)?|(?:grew|rose|increased|fell|dropped|shrank|was cut|was slashed)"
    rf"(?: it)? to |into (?:one of )?){_NUMBER}\b"
)
_VOTE_TOTALS = re.compile(r"\b(?:polling|took|received|won|secured|with|got)\s+[\d,]+\s+votes?\b|\bvotes? to\b|\bto their\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MAJORITY_CUE = re.compile(r"\b(?:majority|majorities|margin|votes? ahead|more votes|beat|won|held on|returned)\b")
_AT_YEAR = re.compile(r"\b(?:in|at the|at|the) ((?:19|20)\d\d)\b")
_YEARS_EARLIER = re.compile(r"\b(two|three|four|five) years (?:earlier|before)\b", re.IGNORECASE)
_YEARS_LATER = re.compile(r"\b(two|three|four|five) years later\b", re.IGNORECASE)
_ELECTION_YEAR = re.compile(r"\b(?:[Ii]n|[Aa]t the|[Aa]t|[Aa]) ((?:19|20)\d\d)\b(?! *-)")
_LAST_ELECTION = re.compile(r"\b(?:the )?last (?:general )?election\b")
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _previous_election(year: int) -> int:
    earlier = [y for y in gazetteer.election_years() if y < year]
    return earlier[-1] if earlier else year


def majority_facts(doc: Document) -> list[MajorityFact]:
    facts: list[MajorityFact] = []
    seen: set[tuple[str, int, int]] = set()
    last_year = 0
    for position, view in enumerate(doc.views):
        template = view.template
        if not _MAJORITY_CUE.search(template):
            continue
        numbers = _majority_numbers(template)
        if not numbers:
            continue
        years = _assign_years(template, numbers, last_year)
        default_seat, default_suffix = _majority_seat(doc, view, position)
        previous_end = 0
        for (pos, value, rule), year in zip(numbers, years):
            seat, suffix = _seat_before(doc, view, template, previous_end, pos)
            if not seat:
                seat, suffix = default_seat, default_suffix
            previous_end = pos
            key = (seat.casefold(), year, value)
            if seat and year and key not in seen:
                seen.add(key)
                facts.append(MajorityFact(rule + suffix, (doc.sentence_span(view),), seat, year, value))
        last_year = years[-1] if years else last_year
    return facts


def _seat_before(doc: Document, view: SentenceView, template: str, start: int, end: int) -> tuple[str, str]:
    """A seat named, or an MP with a known seat, between the previous majority and this one
    ("Allen was returned with a majority of X ... and Wollaston with a margin of Y")."""
    if not start:
        return "", ""
    for match in reversed(list(re.finditer(r"\{([PC])(\d+)\}", template[start:end]))):
        mention = view.mention(match.group(2))
        if mention.kind == "constituency":
            return mention.name, ""
        seat, elsewhere = doc.seat(mention.name)
        if seat:
            return seat, ".known_seat" if elsewhere else ""
    return "", ""


def _majority_numbers(template: str) -> list[tuple[int, int, str]]:
    """(template offset, value, rule) of numbers that are majorities, in text order."""
    found: dict[int, tuple[int, str]] = {}
    totals = [m.span() for m in _VOTE_TOTALS.finditer(template)]
    for rule, pattern in _MAJORITY_PATTERNS:
        for match in pattern.finditer(template):
            for group in range(1, (match.lastindex or 0) + 1):
                if match.group(group) is None:
                    continue
                start = match.start(group)
                value = int(match.group(group).replace(",", ""))
                if _is_year(match.group(group)) or value < 2:
                    continue
                if rule == "majority.by_votes" and any(s <= start < e for s, e in totals):
                    continue
                if rule == "majority.by_votes" and re.search(r"\bvotes? to \d", template[match.end() : match.end() + 8]):
                    continue
                if rule == "majority.by_votes" and not re.search(
                    r"\b(?:beat|won|win|held|defeated|lost|majority|margin|victory)\b", template[max(0, start - 80) : start]
                ):
                    continue
                found.setdefault(start, (value, rule))
    if found:
        for match in _FOLLOW_ON.finditer(template):
            if match.start(1) > min(found) and not _is_year(match.group(1)):
                found.setdefault(match.start(1), (int(match.group(1).replace(",", "")), "majority.up_from"))
    return sorted((pos, value, rule) for pos, (value, rule) in found.items())


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", token))


_CLAUSE_BREAK = re.compile(r"[;,.]|\s[-–—]\s|\b(?:and|into|up from|down from|to|but|while)\b")


def _assign_years(template: str, numbers: list[tuple[int, int, str]], last_year: int) -> list[int]:
    """Each majority's election year.

    A year in the majority's own clause comes first ("the 13,934 majority he won in
    2015"), then one written since the previous majority ("At the 2015 election her
    margin was 1,086"; "in 2017 it grew to 10,247"), then a relative phrase ("two years
    earlier", counted from the previous majority, even in an earlier sentence), else the
    latest general election before the story.
    """
    years: list[int] = []
    bounds = [pos for pos, _, _ in numbers] + [len(template)]
    for index, (pos, _, _) in enumerate(numbers):
        after = template[pos : bounds[index + 1]]
        own = after[: m.start()] if (m := _CLAUSE_BREAK.search(after, len(str(numbers[index][1])) + 2)) else after
        between = template[bounds[index - 1] if index else 0 : pos]
        if index:
            previous_clause = _CLAUSE_BREAK.search(between, len(re.match(r"[\d,]*", between).group()))
            between = between[previous_clause.start() :] if previous_clause else ""
        previous = years[-1] if years else last_year
        if match := _ELECTION_YEAR.search(own):
            year = int(match.group(1))
        elif match := list(_ELECTION_YEAR.finditer(between)):
            year = int(match[-1].group(1))
        elif (match := _YEARS_EARLIER.search(after) or _YEARS_EARLIER.search(between)) and previous:
            year = previous - _WORD_NUMBERS[match.group(1).lower()]
        elif (match := _YEARS_LATER.search(after)) and previous:
            year = previous + _WORD_NUMBERS[match.group(1).lower()]
        else:
            year = _previous_election(STORY_YEAR)
        years.append(year if year in gazetteer.election_years() else _nearest_election(year))
    return years


def _nearest_election(year: int) -> int:
    return min(gazetteer.election_years(), key=lambda y: abs(y - year))


def _majority_seat(doc: Document, view: SentenceView, position: int) -> tuple[str, str]:
    seats = [m.name for m in view.mentions if m.kind == "constituency"]
    seats += [m.constituency for m in view.mentions if m.kind == "org" and m.constituency]
    if len(set(seats)) == 1:
        return seats[0], ""
    people = [m.name for m in view.mentions if m.kind == "person" and not doc.in_quote(m.start)]
    if not people and re.search(r"\b(?:he|she|his|her)\b", view.template, re.IGNORECASE):
        subject = recent_subject(doc, position, include_current=False)
        people = [subject] if subject else []
    for person in people:
        seat, elsewhere = doc.seat(person)
        if seat:
            return seat, ".known_seat" if elsewhere else ""
    if not seats and re.search(r"\b(?:the|this) (?:seat|constituency)\b|\bthere\b", view.template):
        recent = _recent_constituency(doc, view) or doc.focus_seat()
        if recent:
            return recent, ""
    return "", ""


def _recent_constituency(doc: Document, view: SentenceView, back: int = 3) -> str:
    position = doc.views.index(view)
    for earlier in reversed(doc.views[max(0, position - back) : position]):
        names = [m.name for m in earlier.mentions if m.kind == "constituency"]
        names += [m.constituency for m in earlier.mentions if m.kind == "org" and m.constituency]
        if names:
            return names[-1]
    return ""


# --- shortlists ---------------------------------------------------------------------
_WOMEN_CUE = (
    r"all-women|women-only|female-only|all women|women only|replaced by (?:a )?wom[ae]n|"
    r"succeeded by (?:a )?(?:wom[ae]n|female)|restricted to women|all-BAME"
)
_OPEN_CUE = (
    r"open to (?:both men and women|men (?:as well as|and) women|candidates of both sexes|both sexes|"
    r"all candidates)|open shortlist|decided against (?:an? )?(?:all-women|women-only|female-only)"
)
_SHORTLIST_CUE = re.compile(rf"\b(?:{_WOMEN_CUE}|{_OPEN_CUE})")
_OPEN = re.compile(rf"\b(?:{_OPEN_CUE})")
_UNDECIDED = re.compile(
    r"\b(?:not (?:yet )?(?:decided|made (?:up )?(?:its|their) mind)|yet to (?:decide|make up)|undecided|"
    r"no decision has (?:yet )?been (?:taken|made))"
)
_SHORTLIST_TOPIC = re.compile(r"\bshortlists?\b|\bwomen\b")
_LOCAL_REQUEST = re.compile(
    r"\b(?:local party|constituency party|local Labour party|CLP|\{O\d+\}) (?:had |has |have |)"
    r"(?:asked for|requested|called for|wanted|backed|voted for)\b"
)
_RECOMMENDED = re.compile(r"\brecommend(?:ed|s|ation)?\b")
_PROPOSED = re.compile(r"\b(?:propos(?:ed|es|al)|suggest(?:ed|s)|plans? to|considering|asked for|requested)\b")
_AGREED = re.compile(
    r"\b(?:agreed|decided|decision|imposed|approved|confirmed|ruled|voted|ordered|subject to|restricted to)\b"
)
_THE_CONTEST = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]his) (?:seat|contest|race|selection|candidate|constituency)\b")


def shortlist_facts(doc: Document) -> list[ShortlistFact]:
    found: dict[tuple[str, str], ShortlistFact] = {}
    previous: tuple[str, str] = ("", "")
    for position, view in enumerate(doc.views):
        masked_sentence = mask_quotes(doc, view, view.template, 0)
        undecided_here = _UNDECIDED.search(masked_sentence) and _shortlist_context(doc, position)
        if not _SHORTLIST_CUE.search(masked_sentence) and not undecided_here:
            continue
        sentence_decider = _decider(view, masked_sentence)
        for offset, clause in clauses(view):
            masked = mask_quotes(doc, view, clause, offset)
            for fact in _shortlist_clause(doc, view, position, masked, sentence_decider, previous):
                key = (fact.constituency.casefold(), fact.kind, fact.decided_by)
                current = found.get(key)
                if current is None or _richness(fact) > _richness(current):
                    found[key] = fact
                if fact.decided_by and fact.decided_by != "NEC" or fact.kind == "undecided":
                    continue
                previous = (fact.decided_by, fact.firmness)
    decided = {(seat, kind) for seat, kind, decider in found if decider}
    return [fact for (seat, kind, decider), fact in found.items() if decider or (seat, kind) not in decided]


def _shortlist_clause(doc, view, position, clause, sentence_decider, previous) -> Iterator[ShortlistFact]:
    span = doc.sentence_span(view)
    if request := _LOCAL_REQUEST.search(clause):
        seats = _shortlist_seats(doc, view, position, clause)
        for seat, _ in seats:
            org = view.mention(request.group()[2:].split("}")[0]).name if request.group().startswith("{O") else f"{seat} CLP"
            if org.endswith(" CLP"):
                yield ShortlistFact("shortlist.local_request", (span,), seat, "all_women", org, "proposed")
        if not _SHORTLIST_CUE.search(clause[: request.start()]):
            return
    undecided = bool(_UNDECIDED.search(clause))
    if not _SHORTLIST_CUE.search(clause) and not undecided:
        return
    kind = "undecided" if undecided else "open" if _OPEN.search(clause) else "all_women"
    decider = _decider(view, clause) or sentence_decider
    firmness = "" if kind == "undecided" else _firmness(clause)
    if re.search(r"\balso\b", clause):
        decider = decider or previous[0]
        firmness = firmness or ("" if kind == "undecided" else previous[1])
    for seat, suffix in _shortlist_seats(doc, view, position, clause):
        yield ShortlistFact(f"shortlist.{kind}{suffix}", (span,), seat, kind, decider, firmness)


def _richness(fact: ShortlistFact) -> int:
    return bool(fact.decided_by) + bool(fact.firmness)


def _shortlist_context(doc: Document, position: int) -> bool:
    return any(_SHORTLIST_TOPIC.search(doc.views[i].template) for i in range(max(0, position - 3), position + 1))


def _decider(view: SentenceView, fragment: str) -> str:
    for number in indices(fragment, "O"):
        if view.mentions[number].name == "NEC":
            return "NEC"
    return ""


def _firmness(clause: str) -> str:
    if _RECOMMENDED.search(clause):
        return "recommended"
    if _PROPOSED.search(clause):
        return "proposed"
    if _AGREED.search(clause):
        return "agreed"
    return ""


def _shortlist_seats(doc: Document, view: SentenceView, position: int, clause: str) -> list[tuple[str, str]]:
    """Seats a shortlist clause is about: named, through their MPs, or "the seat" of the story."""
    seats: list[tuple[str, str]] = [(view.mentions[n].name, "") for n in indices(clause, "C")]
    seats += [(view.mentions[n].constituency, "") for n in indices(clause, "O") if view.mentions[n].constituency]
    for number in indices(clause, "P"):
        mention = view.mentions[number]
        seat, elsewhere = doc.seat(mention.name)
        possessive_seat = re.search(r"\{P%d\}'s (?:\{C\d+\} |)(?:seat|constituency)" % number, clause)
        if seat and (not mention.possessive or possessive_seat):
            seats.append((seat, ".known_seat" if elsewhere else ""))
    if not seats and _THE_CONTEST.search(clause):
        seat = doc.focus_seat() or _recent_constituency(doc, view)
        if seat:
            seats.append((seat, ""))
    unique: list[tuple[str, str]] = []
    for seat, suffix in seats:
        if seat.casefold() not in {s.casefold() for s, _ in unique}:
            unique.append((seat, suffix))
    return unique


# --- candidacies --------------------------------------------------------------------
_STATUS_CUES = [
    ("withdrawn", re.compile(r"\b(?:withdrew|withdrawn|withdraws|pulled out|dropped out|stood aside from the race)\b")),
    ("selected", re.compile(
        r"\b(?:(?:was|been|is|being|were|are) (?:\w+ )?(?:selected|chosen|picked|adopted|elected as|confirmed as)|"
        r"won (?:the|its|their)? ?(?:[\w'-]+ |\{[CY]\d+\}(?:'s)? ){0,4}?(?:selection|nomination|contest|ballot)|"
        r"wins? (?:the |)(?:[\w-]+ ){0,2}nomination|selected (?:as|to)|chosen (?:as|to|by)|chose\b|won with|"
        r"won (?:the|a) (?:[\w-]+ ){0,3}?(?:vote|race|hustings)|selection winner)")),
    ("shortlisted", re.compile(
        r"\b(?:shortlisted|on the (?:[\w-]+ )?shortlist|made the shortlist|shortlist (?:also )?included|"
        r"names on the shortlist|came (?:second|third|fourth|last)|finished (?:second|third|fourth|last))\b")),
    ("longlisted", re.compile(
        r"\b(?:longlisted|on the (?:[\w-]+ )?longlist|made the longlist|longlist of applicants (?:also )?included|"
        r"longlist (?:also )?included)\b")),
    ("applied", re.compile(
        r"\b(?:applied|put (?:himself|herself|themselves) forward|announced (?:his|her) (?:candidacy|bid)|"
        r"is standing for selection|threw (?:his|her) hat)\b")),
    ("tipped", re.compile(
        r"\b(?:tipped|in the frame|favourite|front-?runner|contender|could stand|may stand|might stand|"
        r"(?:may|might|could) (?:be urged to )?run|expected to (?:run|stand|be backed|seek)|speculated|speculation|"
        r"touted|in the running|considering (?:a bid|standing)|linked with|mentioned for|eyeing|likely candidate|"
        r"strong candidate|has been mentioned)\b")),
]
_NOT_ON_LIST = re.compile(r"\b(?:not|never) (?:on|make|made) the (?:[\w-]+ )?(?:shortlist|longlist|final cut)\b")
_HYPOTHETICAL = re.compile(r"\b(?:should|if|would|could|hopes? to|aims? to|wants? to) (?:\w+ ){0,6}?(?:get )?(?:selected|chosen)\b")
_BEATEN = re.compile(r"\b(?:beat|beating|defeated|defeating|ahead of)\b")
_LIST_LEAD = re.compile(r"\b(?P<list>shortlist|longlist)\b[^:]*:\s*$")
_BULLET = re.compile(r"^\s*(?:[-–•*]|\d+[.)])\s+")
_BACKING = re.compile(
    r"\b(?:backed by|backing of|support of|supported by|endorsed by|endorsements? from|nominated by|"
    r"nominations from|backing from)\b|-backed\b|\bhas (?:the )?(?=\{O)"
)
_DESC_STOP = {
    "are", "is", "was", "were", "in", "at", "for", "by", "while", "that", "believe", "believes", "the", "a",
    "an", "among", "including", "with", "as", "and", "to", "from", "on", "be", "been", "has", "have",
    "had", "said", "says", "but", "also", "then", "than", "like", "such", "names", "name", "of", "who", "whom",
    "chose", "included", "include", "were", "leaves", "left", "beat", "where",
}
_DESC_DROP_START = re.compile(r"^(?:fellow|the|a|an|also|\d+-year-old)$", re.IGNORECASE)


def candidacy_facts(doc: Document) -> list[CandidacyFact]:
    facts: list[CandidacyFact] = []
    seen: set[tuple[str, str, str]] = set()
    excluded = set(doc.seat_of) | set(doc.known_seats)
    profiles = _profiles(doc)
    lead_status = ""
    for position, view in enumerate(doc.views):
        bullet = bool(_BULLET.match(view.sentence.text))
        if not bullet:
            lead = _LIST_LEAD.search(view.sentence.text)
            lead_status = (lead.group("list") + "ed") if lead else ""
        for offset, clause in clauses(view):
            masked = mask_quotes(doc, view, clause, offset)
            people = [
                n for n in indices(masked, "P")
                if not view.mentions[n].possessive and view.mentions[n].name not in excluded
            ]
            people = [n for n in people if not _inside_description(view, n, people)]
            people = [n for n in people if not _is_object_of_replace(masked, n)]
            if not people:
                continue
            statuses = _statuses(masked, people, lead_status if bullet else "")
            if not statuses:
                continue
            seats = _candidacy_seats(doc, view, position, masked, people)
            for number in people:
                status = statuses.get(number, "")
                seat = seats.get(number, "")
                if not status or not seat or (status == "selected" and _HYPOTHETICAL.search(masked)):
                    continue
                person = view.mentions[number].name
                key = (person, seat.casefold(), status)
                if key in seen:
                    continue
                seen.add(key)
                description = _description(view, number)[0] or profiles[person][0]
                facts.append(
                    CandidacyFact(
                        f"candidacy.{status}", (doc.sentence_span(view),), person, seat, status, description,
                        tuple(profiles[person][1]),
                    )
                )
    return facts


def _profiles(doc: Document) -> dict[str, tuple[str, list[str]]]:
    """Person -> (first description given anywhere, organisations said to back them)."""
    descriptions: dict[str, str] = {}
    backers: dict[str, list[str]] = {}
    for position, view in enumerate(doc.views):
        people = [i for i, m in enumerate(view.mentions) if m.kind == "person" and not m.possessive]
        for index in people:
            name = view.mentions[index].name
            if not descriptions.get(name):
                descriptions[name] = _description(view, index)[0]
        for index, segment in _segments(view, people):
            _add_backers(backers.setdefault(view.mentions[index].name, []), view, segment)
        if not people and re.match(r"\s*(?:He|She)\b", view.template):
            subject = recent_subject(doc, position, include_current=False)
            if subject:
                _add_backers(backers.setdefault(subject, []), view, view.template)
    return {
        name: (descriptions.get(name, ""), backers.get(name, []))
        for name in {m.name for v in doc.views for m in v.mentions if m.kind == "person"}
    }


def _segments(view: SentenceView, people: list[int]) -> Iterator[tuple[int, str]]:
    """Each person with the template text from their name up to the next person's."""
    for order, index in enumerate(people):
        end = view.slots[people[order + 1]] if order + 1 < len(people) else len(view.template)
        yield index, view.template[view.slots[index] : end]


def _add_backers(found: list[str], view: SentenceView, segment: str) -> None:
    for match in _BACKING.finditer(segment):
        if match.group().startswith("-"):
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
    first = clause_for_cues.find("{P%d}" % people[0])
    lead = _status(clause_for_cues[:first]) if first > 0 else ""
    overall = _status(clause_for_cues) or lead_status
    result: dict[int, str] = {}
    positions = [clause_for_cues.find("{P%d}" % n) for n in people]
    for order, number in enumerate(people):
        start = positions[order]
        end = positions[order + 1] if order + 1 < len(people) else len(clause_for_cues)
        own = _status(clause_for_cues[start:end])
        before = clause_for_cues[positions[order - 1] : start] if order else clause_for_cues[:start]
        if order and _BEATEN.search(before):
            result[number] = "shortlisted"
        elif re.search(r"\b(?:chose|picked|selected)\s*$", before):
            result[number] = "selected"
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


def _inside_description(view: SentenceView, number: int, people: list[int]) -> bool:
    """"former Corbyn campaign chief Sam Tarry": Corbyn only describes Tarry."""
    slot = view.slots[number]
    after = view.template[slot + len("{P%d}" % number) :]
    return bool(re.match(r"(?:'s)? (?:[a-z][\w-]* ){1,4}\{P\d+\}", after))


def _is_object_of_replace(clause: str, number: int) -> bool:
    return bool(re.search(r"\b(?:replace|unseat|unseating|oust|challenge|succeed|take on) (?:\{P\d+\}(?:,| and) )*\{P%d\}" % number, clause))


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
            return _description(view, int(previous[2:-1]), depth + 1)[0], slot
        elif lower == "of" and taken and _is_role(previous, roles):
            taken.append(token)
        elif token in _PUNCTUATION or lower in _DESC_STOP:
            if taken and lower in {"in", "for"} and taken[-1].startswith("{C"):
                taken.pop()
            break
        elif re.fullmatch(r"\{P\d+\}", token) and not (taken and taken[-1].islower()):
            break
        elif taken and _plural_before_name(token, taken[-1], roles):
            break
        else:
            taken.append(token)
        index -= 1
    taken.reverse()
    while taken and _DESC_DROP_START.match(taken[0]):
        taken.pop(0)
    if taken and _is_role(taken[-1], roles):
        taken[-1] = _singular(taken[-1])
        text = untemplate(view, " ".join(taken))
        if index < 0 and text[1:2].islower():
            text = text[0].lower() + text[1:]  # capitalised only because it opens the sentence
        return text, slot
    after = view.template[slot:]
    match = re.match(r"\{P\d+\}, (?:an? |the )?([\w{][\w' {}-]{2,80}?)(?:,|\.|$| who| whom| and| has| had| is| was)", after)
    if match and any(_is_role(word, roles) for word in re.findall(r"[\w-]+", match.group(1))):
        return untemplate(view, match.group(1)), slot
    return "", slot


def _is_role(token: str, roles: frozenset[str]) -> bool:
    word = token.lower()
    return word in roles or (word.endswith("s") and word[:-1] in roles)


def _plural_before_name(token: str, following: str, roles: frozenset[str]) -> bool:
    """"centrists London Assembly member": a plural common noun ends the phrase before it."""
    return (
        token.islower() and token.endswith("s") and not token.endswith("ss")
        and not _is_role(token, roles) and following[:1] in "{ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )


def _singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith("s") and lower[:-1] in gazetteer.role_nouns():
        return word[:-1]
    return word


_IN_SEAT = re.compile(r"\{P(\d+)\}(?: \([^)]*\))? (?:in|for) \{C(\d+)\}")
_SCOPE_IN = re.compile(r"(?:^|\b[Ii]n |\bFor )\{C(\d+)\},?")
_FOR_SEAT = re.compile(
    r"\b(?:for|in|contest|fight|win|stand in|run in|selection for|candidate for|nomination for|eyeing) (?:the |)\{C(\d+)\}"
)


def _candidacy_seats(doc: Document, view: SentenceView, position: int, clause: str, people: list[int]) -> dict[int, str]:
    """Each candidate's seat: paired "respectively", "X in Y", an "In Y," opening, "for Y"
    after the name, the clause's only seat, the seat of the MP being replaced, else the
    seat the story is about."""
    seats: dict[int, str] = {}
    constituencies = indices(clause, "C")
    if "respectively" in clause and len(constituencies) == len(people) and len(people) > 1:
        return {p: view.mentions[c].name for p, c in zip(people, constituencies)}
    for match in _IN_SEAT.finditer(clause):
        seats.setdefault(int(match.group(1)), view.mentions[int(match.group(2))].name)
    scope = _SCOPE_IN.search(clause)
    for number in people:
        if number in seats:
            continue
        if scope and clause.find("{P%d}" % number) > scope.start():
            seats[number] = view.mentions[int(scope.group(1))].name
            continue
        after = clause[clause.find("{P%d}" % number) :]
        match = _FOR_SEAT.search(after)
        if match:
            seats[number] = view.mentions[int(match.group(1))].name
        elif len({view.mentions[n].name for n in constituencies}) == 1:
            seats[number] = view.mentions[constituencies[0]].name
        elif not constituencies:
            replaced = re.search(r"\b(?:replace|unseat|succeed|challenge|take on) \{P(\d+)\}", clause)
            if replaced:
                seats[number] = doc.seat(view.mention(replaced.group(1)).name, outside=False)[0]
            if not seats.get(number):
                seats[number] = _context_seat(doc, position) or doc.focus_seat() or _recent_constituency(doc, view)
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


# --- events -------------------------------------------------------------------------
_NO_CONFIDENCE = re.compile(r"\b(?:no-confidence (?:vote|motion)|(?:vote|motion) of no confidence|confidence (?:vote|motion))\b")
_CAMPAIGN = re.compile(
    r"\b(?:days? of action|action days?|campaign days?|canvassing (?:events?|sessions?)|similar events|"
    r"street stalls?|door-knocking|canvass(?:ing)? (?:in|the)|knocking on doors)\b"
)
_LETTER = re.compile(r"\b(?:written to|wrote to|writes to|letter to) (?:[\w-]+ |\{Y\d+\} ){0,3}?members?\b")
_SELECTION = re.compile(
    r"\b(?:selection process(?:es)?|process of (?:selecting|choosing)|selections? (?:will|to|for|are|is)|"
    r"pick new candidates|select(?:ing)? a (?:new )?candidate|fast-tracked the selection|selections\b)"
)
_TARGET = re.compile(r"\b(?:aimed at|against|targeting|unseating|constituenc(?:y|ies) of|seats? of|places like|in) ")


def event_facts(doc: Document) -> list[EventFact]:
    facts: list[EventFact] = []
    seen: set[tuple[str, str, str]] = set()

    def add(rule, view, kind, seat, person, description, date_text):
        key = (kind, seat.casefold(), person)
        if key in seen:
            return
        seen.add(key)
        facts.append(EventFact(rule, (doc.sentence_span(view),), seat, kind, description, person, date_text))

    for view in doc.views:
        template = view.template
        text = view.sentence.text
        if _NO_CONFIDENCE.search(template):
            for person in _no_confidence_people(view):
                seat = doc.seat(person, outside=False)[0]
                add("event.no_confidence_vote", view, "no_confidence_vote", seat, person, text, _no_confidence_date(text))
        if _CAMPAIGN.search(template):
            for seat, person in _campaign_targets(doc, view):
                add("event.campaign_day", view, "campaign_day", seat, person, text, date_in(text))
        if _LETTER.search(template) and not doc.in_quote(view.sentence.start + 1):
            seat, person = _event_seat(doc, view)
            add("event.letter", view, "letter", seat, person, text, date_in(text))
        if _SELECTION.search(template):
            seat, person = _event_seat(doc, view)
            add("event.selection_process", view, "selection_process", seat, person, text, date_in(text))
    return facts


def _no_confidence_people(view: SentenceView) -> list[str]:
    cue = _NO_CONFIDENCE.search(view.template).start()
    before = [
        m for i, m in enumerate(view.mentions)
        if m.kind == "person" and view.slots[i] < cue and not m.possessive
    ]
    if before:
        return [before[-1].name]
    match = re.search(r"\bin (?:him|her)\b|\bagainst \{P(\d+)\}|\bin \{P(\d+)\}", view.template)
    if match and match.lastindex:
        return [view.mention(match.group(match.lastindex)).name]
    return []


def _no_confidence_date(text: str) -> str:
    match = re.search(rf"\b(?:in |last )({MONTH}(?: \d{{4}})?|year|month|week)\b|\b(last {MONTH})\b", text)
    if not match:
        return ""
    value = match.group(1) or match.group(2)
    return value if value[0].isupper() else f"last {value}"


def _campaign_targets(doc: Document, view: SentenceView) -> list[tuple[str, str]]:
    template = view.template
    cue = _CAMPAIGN.search(template).start()
    targets: list[tuple[str, str]] = []
    after = template[cue:]
    for number in indices(after, "P"):
        mention = view.mentions[number]
        marker = "{P%d}" % number
        at = after.find(marker)
        if mention.possessive and not re.match(r"'s (?:[A-Z]\w+ |\{C\d+\} |)(?:seat|constituency|patch)", after[at + len(marker) :]):
            continue
        if not _TARGET.search(after[max(0, at - 60) : at]):
            continue
        targets.append((doc.seat(mention.name, outside=False)[0], mention.name))
    for number in indices(after, "C"):
        seat = view.mentions[number].name
        if seat.casefold() not in {s.casefold() for s, _ in targets}:
            targets.append((seat, doc.holder_of(seat)))
    return targets


def _event_seat(doc: Document, view: SentenceView) -> tuple[str, str]:
    """The seat an event concerns: named, or via its MP, or 'the seat' just mentioned."""
    masked = mask_quotes(doc, view, view.template, 0)
    seats = {view.mentions[n].name for n in indices(masked, "C")}
    seats |= {view.mentions[n].constituency for n in indices(masked, "O") if view.mentions[n].constituency}
    people = [view.mentions[n].name for n in indices(masked, "P")]
    if not seats and doc.in_quote(view.sentence.start + 1):
        seats = {m.name for m in view.mentions if m.kind == "constituency"}
    if len(seats) == 1:
        seat = next(iter(seats))
        return seat, doc.holder_of(seat)
    if seats:
        return "", ""
    holders = [p for p in people if p in doc.seat_of]
    if len(set(holders)) == 1:
        return doc.seat_of[holders[0]], holders[0]
    if re.search(r"\bthe (?:[\w-]+ ){0,2}(?:seat|constituency)\b", masked) and not re.search(r"\b(?:seven|eight|nine|all|the) (?:[\w-]+ )?constituencies\b", masked):
        seat = _recent_constituency(doc, view)
        return seat, doc.holder_of(seat) if seat else ""
    return "", ""


def evidence(doc: Document, view: SentenceView) -> tuple[Span, ...]:
    return (doc.sentence_span(view),)
