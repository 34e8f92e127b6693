"""Seat rules: who is the sitting MP for which constituency -> `SeatFact`.

Explicit patterns come first ("X, the MP for Y", "Y MP X", "Y, held by X", "X's CLP, Y",
"X's Y seat", "challenge X in Y", "A and B, held by X and Y" paired in order). A second
pass takes weaker, sentence-level evidence: "the Y MP" referring back to the story's
subject, "X's CLP ... the people of Y", "the battle to replace X" in a sentence naming one
seat, and "the constituency is represented by X" in a story about one seat. The first
seat found for a person wins; `Document.seat_of` keeps it for the later rules.
"""

import re
from collections.abc import Iterator

from ..document import Document
from ..facts import (
    SeatFact,
)
from ..mentions import SentenceView
from .common import (
    CLIST,
    CLP_WORDS,
    O_,
    PLIST,
    C,
    P,
    Y,
    constituency_names,
    person_names,
    recent_constituency,
)

# An aside between a name and its verb: "Angela Smith, another of the seven, held ..."
_APPOSITION = r"(?:, (?:(?!\{P)[^,;]){1,100},)?"
_SEAT_PATTERNS = [
    (
        "seat.mp_for",
        re.compile(
            rf"{P}, (?:(?:you|who|he|she) (?:are|were|is|was) )?(?:the |)"
            rf"(?:[\w-]+ |\{{Y\d+\}} ){{0,2}}(?:MP|lawmaker|member of parliament) for {C}"
        ),
    ),
    ("seat.mp_for", re.compile(rf"\bMP for {C},? (?:{Y} |)(?:[a-z]+ )?{P}")),
    (
        "seat.mp_for",
        re.compile(
            rf"{P} (?:is|was|has been|had been) (?:the )?(?:[\w-]+ |\{{Y\d+\}} ){{0,2}}MP for {C}"
        ),
    ),
    ("seat.mp_for", re.compile(rf"{C} (?:{Y} |independent |TIG )?MP,? {P}")),
    ("seat.mp_for", re.compile(rf"{P}, (?:the |)(?:{Y} |independent |)?{C} MP\b")),
    ("seat.mp_for", re.compile(rf"{P} \((?:[^()]*?, )?{C}(?:[,;:] [^()]*)?\)")),
    # table and list lines: "Dudley North (Ian Austin): 649 / 4,181 / 22"
    ("seat.mp_for", re.compile(rf"{C} \({P}\)")),
    ("seat.possessive", re.compile(rf"{P}'s {CLP_WORDS},? (?:in )?{C}")),
    # "X's share of the vote in Y", "X's majority there in Y"
    (
        "seat.possessive",
        re.compile(
            rf"{P}'s (?:share of the vote|vote share|majority|margin|winning margin)"
            rf"(?: [^.;{{]{{0,30}}?)? in {C}"
        ),
    ),
    # "X beat the Conservatives in Y by 863 votes"
    (
        "seat.won",
        re.compile(rf"{P}{_APPOSITION} (?:beat|defeated) (?:the )?(?:\{{Y\d+\}}|[\w-]+) in {C}"),
    ),
    # "Y, which X held by 13,925 votes", "In Y, where X's departure left ..."
    (
        "seat.held_since",
        re.compile(
            rf"{C},? (?:which|that) {P} (?:has |had |)(?:\w+ly |)"
            r"(?:held|won|represented|took|holds|represents|has held)\b"
        ),
    ),
    (
        "seat.where_mp",
        re.compile(
            rf"{C},? where {P}'s (?:departure|defection|exit|resignation|majority|walkout)\b"
        ),
    ),
    # "X lost a similar no-confidence vote in Y", "X lost one in Y by 27 votes to 20"
    (
        "seat.vote_in",
        re.compile(
            rf"{P} (?:lost|survived|faced) (?:a |an |the |)(?:[\w-]+ ){{0,3}}?"
            rf"(?:vote|motion|one|ballot) in {C}"
        ),
    ),
    # "a day of action in Y, where ... activists campaigning against X"
    (
        "seat.campaign_against",
        re.compile(
            rf"{C},? where [^.;{{]{{0,60}}?(?:\{{P\d+\}} [^.;{{]{{0,40}}?)?"
            rf"(?:campaign\w* against|to unseat|canvassing against) {P}"
        ),
    ),
    ("seat.possessive", re.compile(rf"{P}'s {C}")),
    # "Gapes's east London seat, Ilford South"
    (
        "seat.possessive",
        re.compile(rf"{P}'s (?:[\w-]+ ){{0,3}}?(?:seat|constituency)(?:,| of) {C}"),
    ),
    (
        "seat.represents",
        re.compile(
            rf"{P}{_APPOSITION},? (?:who |)(?:has |)(?:\w+ly |)"
            rf"(?:represents|represented|holds|held|sits for|sat for|has sat for) {C}"
        ),
    ),
    # "Y, the seat straddling A and B that X won for the party in 2017"
    (
        "seat.held_since",
        re.compile(
            rf"{C}, the (?:seat|constituency) (?:[^.{{;]{{0,80}}? )??(?:that |which |)"
            rf"(?:\{{[CY]\d+\}} [^.{{;]{{0,40}}? )?{P} (?:has |had |)(?:held|represented|took|won)"
        ),
    ),
    (
        "seat.seat_of",
        re.compile(rf"{C}, the (?:seat|constituency) (?:of|held by) (?:[a-z][\w-]* ){{0,3}}{P}"),
    ),
    # "Nottingham East, the city seat that Chris Leslie has represented since 2010"
    (
        "seat.held_since",
        re.compile(
            rf"{C}, (?:the|a|an) (?:[\w-]+ ){{1,3}}?(?:seat|constituency) (?:that |which |)"
            rf"{P} (?:has |had |)(?:\w+ly |)(?:held|represented|took|won|holds|represents)\b"
        ),
    ),
    ("seat.seat_of", re.compile(rf"{C} seat (?:left|vacated|held|represented) by {P}")),
    (
        "seat.where_mp",
        re.compile(
            rf"{C},? where (?:the )?(?:former |sitting |)(?:[\w-]+ |\{{Y\d+\}} ){{0,2}}MP {P}"
        ),
    ),
    (
        "seat.where_mp",
        re.compile(
            rf"{C},? where (?:the )?(?:former |sitting |)(?:[\w-]+ |\{{Y\d+\}} ){{0,2}}?{P} "
            r"(?:has |had |)(?:quit|left|resigned|defected|walked out)\b"
        ),
    ),
    (
        "seat.won",
        re.compile(
            rf"{P}{_APPOSITION} (?:\w+ly |)(?:won|held|holds|retained|kept|took)(?: back)? {C}"
            r"(?!'s| \{| (?:selection|contest|nomination|race|hustings|ballot|shortlist))"
        ),
    ),
    # "X, once Labour's shadow chancellor, currently enjoys a majority of 19,590 in Y"
    (
        "seat.majority_in",
        re.compile(
            rf"{P}{_APPOSITION} (?:\w+ly |)(?:has|had|enjoys|enjoyed|sits on|sat on|won|holds|held)"
            rf" (?:a |an |)(?:[\w-]+ ){{0,2}}?majority of [\d,]+ in {C}"
        ),
    ),
    # rundown lines: "Ilford South - Mike Gapes - 31,647", "Ann Coffey, Stockport: a margin of"
    ("seat.rundown", re.compile(rf"^[-•*\s]*{C} - {P} - ")),
    ("seat.rundown", re.compile(rf"^[-•*\s]*{P}, {C}(?::| -) ")),
    # "Luciana Berger's 29,466-vote majority in Liverpool Wavertree", "X held on by 1,322 votes
    # in Y"
    ("seat.majority_in", re.compile(rf"{P}'s [^.;{{]{{0,30}}?majority (?:of [\d,]+ )?in {C}")),
    (
        "seat.majority_in",
        re.compile(
            rf"{P}{_APPOSITION} (?:won|held(?: on)?|clung on|hung on|scraped home) by "
            rf"(?:[a-z]+ )?[\d,]+(?: votes)? in {C}"
        ),
    ),
    (
        "seat.challenge_in",
        re.compile(rf"(?:challenge|oust|unseat|replace|defeat|succeed|take on) {P} in {C}"),
    ),
    (
        "seat.represented_by",
        re.compile(rf"{C} (?:is|was) (?:currently )?(?:represented|held) by {P}"),
    ),
]
_HELD_BY = re.compile(
    rf"{CLIST}(?:(?:,| -| –)? (?:which are |which is |are |is |were |was |)(?:held|represented) by"
    rf"|(?:,| -| –) the (?:seats|constituencies) (?:of|held by)(?: [^.;{{]{{0,50}}?)?) {PLIST}"
)
_ASIDE = re.compile(r" \([^(){}]*\)")
_WHERE_SITTING = re.compile(
    rf"{CLIST},? where {PLIST} "
    r"(?:(?:are|is) the (?:sitting )?MPs?|(?:has|have) (?:sat|served|been the MPs?)\b)"
)
# "Ann and Gavin hold Stockport and Luton South by ...", "A and B, with majorities of N and M
# in S and T": MPs and seats paired in order.
_PAIRED_HOLD = re.compile(
    rf"{PLIST}{_APPOSITION} (?:hold|held|represent|represented|sit for|won|retained|kept) {CLIST}"
)
_PAIRED_MAJORITIES = re.compile(
    rf"{PLIST}(?:, | )[^.;]{{0,80}}?\bmajorities (?:of |were |)[\d,]+(?:, [\d,]+)*,? and [\d,]+ "
    rf"in {CLIST}"
)
# "Her Penistone and Stocksbridge seat": the seat of the person the text was just about.
_PRONOUN_SEAT = re.compile(
    rf"\b(?:[Hh]is|[Hh]er) {C} (?:seat|constituency|majority|party|CLP|local party|constituents)\b"
    rf"|\b(?:[Hh]e|[Ss]he) (?:first |had |has |)(?:won|took|held|gained|represented) {C}\b"
)
# "Broxtowe returned her by 863 votes"
_RETURNED = re.compile(
    rf"{C} (?:returned|re-elected|elected|went (?:his|her) way|backed) (?:him|her|by)\b"
)
_RESPECTIVE = re.compile(
    rf"(?:challenge|oust|unseat|replace|defeat|succeed|take on) {PLIST} in {CLIST},? respectively"
)
_THE_SEAT_MP = re.compile(
    rf"(?<!for )(?<!to )(?<!on )(?<!against )(?<!with )(?<!of )\b[Tt]he {C} MP\b(?!,? \{{P)"
)
# "Ian Austin, its MP, quit", "X, the seat's MP since 2005", "X, the MP since 2010"
_ITS_MP = re.compile(
    rf"{P}, (?:its|the seat's|the constituency's|the|the sitting|the local) "
    rf"(?:[\w-]+ )?MP\b(?! for)"
)
# "A, B and C, who held those three seats": the seats just listed, in order
_THOSE_SEATS = re.compile(
    rf"{PLIST},? who (?:\w+ )?(?:held|represented|hold|represent) (?:those|these|the) "
    r"(?:\w+ )?seats\b"
)
_OUR_MP = re.compile(rf"\b(?:[Oo]ur|[Tt]heir|[Yy]our|[Ii]ts|[Tt]he local) (?:local )?MP,? {P}")
# "When Chuka Umunna walked out of Labour ...": the mover in a story about one seat
_MOVER = re.compile(
    rf"{P}(?:, [^,{{]{{0,80}},)? (?:\w+ly |has |had |)(?:quit|left|walked out|resigned from|"
    r"defected|broke away)\b"
)
_SECTION_MOVER = re.compile(
    rf"^\W*{P}{_APPOSITION},? (?:who |)(?:has |had |)(?:\w+ly |)"
    r"(?:quit|left|resigned|defected|walked out|broke away)\b"
)
# "We call on X to resign the seat, to give the people of Y ...": the MP of the one seat
_CALL_TO_GO = re.compile(
    rf"\b(?:call(?:ed|s|ing)? (?:on|for)|urg(?:ed|es|ing)|demand(?:ed|s|ing)?) {P} to "
    r"(?:[\w-]+ ){0,2}?(?:resign|stand down|step down|trigger|fight|face)\b"
)
_OWN_MAJORITY = re.compile(rf"{P}'s (?:majority|share of the vote|vote share)\b")
_FOCUS_HOLDER = re.compile(
    rf"\b[Tt]he (?:constituency|seat),? (?:is |was |has been |had been |)(?:currently )?"
    rf"(?:represented|held)(?: (?:since|from) (?:19|20)\d\d)? by {P}"
    rf"|{P}'s (?:seat|constituency)\b"
    rf"|\b[Tt]he (?:seat|constituency)\b[^.]*{P} (?:has |had |)(?:left|quit|resigned|defected)\b"
)
_CLP_POSSESSIVE = re.compile(rf"{P}'s {CLP_WORDS}")
_CLP_APPOSITION = re.compile(rf"{O_}, {P}'s {CLP_WORDS}")
_REPLACE_OBJECT = re.compile(
    rf"\b(?:replace|unseat|unseating|oust|ousting|challenge|succeed|face) {P}(?!')"
)
# "She will fight the seat Chuka Umunna took out of Labour": the seat under discussion
_THE_SEAT_OF = re.compile(
    rf"\bthe (?:seat|constituency) (?:that |which |)(?:(?:was )?(?:held|won|vacated) by {P}|"
    rf"{P} (?:took|held|won|represented|left|vacated))"
)
_OFFICER = re.compile(
    r"\b(?:chair|chairman|chairwoman|secretary|treasurer|coordinator|co-ordinator|organiser|"
    r"officer|"
    r"spokesperson|spokesman|spokeswoman|leader|member|councillor)\b"
)


def _record_seat(
    doc: Document, rule: str, view: SentenceView, person: str, seat: str
) -> Iterator[SeatFact]:
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
        if "{P" not in template or ("{C" not in template and "{O" not in template):
            continue
        for rule, pattern in _SEAT_PATTERNS:
            for match in pattern.finditer(template):
                numbers = [int(n) for n in match.groups() if n is not None]
                people = [view.mentions[n] for n in numbers if view.mentions[n].kind == "person"]
                seats = [
                    view.mentions[n] for n in numbers if view.mentions[n].kind == "constituency"
                ]
                if people and seats:
                    found += _record_seat(doc, rule, view, people[0].name, seats[0].name)
        # bracketed asides ("Streatham (majority: 26,285), ...") would break the lists
        plain = _ASIDE.sub("", template) if "(" in template else template
        for pattern, rule in ((_HELD_BY, "seat.held_by"), (_WHERE_SITTING, "seat.held_by")):
            for match in pattern.finditer(plain):
                found += _paired(doc, rule, view, match.group(1), match.group(2))
        for pattern in (_PAIRED_HOLD, _PAIRED_MAJORITIES):
            for match in pattern.finditer(template):
                found += _paired(doc, "seat.paired", view, match.group(2), match.group(1))
        for match in _RESPECTIVE.finditer(template):
            found += _paired(doc, "seat.respectively", view, match.group(2), match.group(1))
        for match in _CLP_APPOSITION.finditer(template):
            org, person = view.mention(match.group(1)), view.mention(match.group(2))
            if org.constituency:
                found += _record_seat(
                    doc, "seat.clp_apposition", view, person.name, org.constituency
                )
    # Second pass: weaker, sentence-level evidence once the explicit patterns are known.
    for position, view in enumerate(doc.views):
        if "{P" not in view.template and "{C" not in view.template:
            continue
        found += _seat_from_clp_context(doc, view)
        found += _seat_from_replacement(doc, view)
        found += _seat_from_the_mp(doc, view, position)
        found += _seat_from_focus(doc, view)
        found += _seat_from_pronoun(doc, view, position)
        if "{P" in view.template:
            found += _seat_from_section(doc, view, position)
            found += _seat_from_call(doc, view)
    for position, view in enumerate(doc.views):
        if "{P" in view.template:
            found += _seat_from_own_mp(doc, view, position)
    return found


def _seat_from_own_mp(doc: Document, view: SentenceView, position: int) -> Iterator[SeatFact]:
    """Weakest evidence, once everything else is known: "our MP, X" and the one person who
    left a party, in a story (or section) about one seat that has no MP yet."""
    seat = doc.section_seat(position) or doc.focus_seat()
    if not seat or doc.holder_of(seat):
        return
    for pattern in (_OUR_MP, _MOVER):
        match = pattern.search(doc.masked_template(view))
        if match and not view.mention(match.group(1)).possessive:
            person = view.mention(match.group(1)).name
            if person not in doc.seat_of:
                yield from _record_seat(doc, "seat.own_mp", view, person, seat)
                return


def _one_seat(view: SentenceView) -> str:
    seats = {m.name for m in view.mentions if m.kind == "constituency"}
    seats |= {m.constituency for m in view.mentions if m.kind == "org" and m.constituency}
    return next(iter(seats)) if len(seats) == 1 else ""


def _local_seat(doc: Document, view: SentenceView, position: int) -> str:
    """The seat a sentence is about without naming it twice: its section's heading, else
    the only seat it names, else the only seat the sentence before (same paragraph) names."""
    seat = doc.section_seat(position) or _one_seat(view)
    if not seat and position:
        previous = doc.views[position - 1]
        if previous.sentence.paragraph == view.sentence.paragraph:
            seat = _one_seat(previous)
    return seat


def _seat_from_section(doc: Document, view: SentenceView, position: int) -> Iterator[SeatFact]:
    """ "X, its MP", "X, the seat's MP since 2005"; under a seat's heading, "the seat X
    held" and the person who left; "A, B and C, who held those three seats"."""
    template = view.template
    for match in _ITS_MP.finditer(template):
        seat = _local_seat(doc, view, position)
        if seat and not doc.holder_of(seat):
            person = view.mention(match.group(1)).name
            yield from _record_seat(doc, "seat.its_mp", view, person, seat)
    section = doc.section_seat(position)
    if section and not doc.holder_of(section):
        match = _THE_SEAT_OF.search(template) or _SECTION_MOVER.search(template)
        if match:
            number = next(group for group in match.groups() if group)
            person = view.mention(number).name
            yield from _record_seat(doc, "seat.section", view, person, section)
    for match in _THOSE_SEATS.finditer(template):
        people = person_names(view, match.group(1))
        for back in range(position, max(-1, position - 3), -1):
            earlier = doc.views[back]
            lists = [
                constituency_names(earlier, m.group(1))
                for m in re.finditer(CLIST, earlier.template)
            ]
            seats = next((names for names in lists if len(names) == len(people)), None)
            if seats:
                for person, seat in zip(people, seats, strict=True):
                    yield from _record_seat(doc, "seat.those_seats", view, person, seat)
                break


def _seat_from_call(doc: Document, view: SentenceView) -> Iterator[SeatFact]:
    """The one seat of a sentence calling on one MP to resign or face a by-election, or
    giving one person's majority or vote share."""
    seat = _one_seat(view)
    if not seat or doc.holder_of(seat):
        return
    people = {m.name for m in view.mentions if m.kind == "person"}
    for pattern in (_CALL_TO_GO, _OWN_MAJORITY):
        match = pattern.search(view.template)
        if match and len(people) == 1:
            person = view.mention(match.group(1)).name
            yield from _record_seat(doc, "seat.one_seat", view, person, seat)
            return


def _seat_from_pronoun(doc: Document, view: SentenceView, position: int) -> Iterator[SeatFact]:
    """ "Her Y seat ...", "Y returned her by N votes": the seat of the person just named."""
    for pattern in (_PRONOUN_SEAT, _RETURNED):
        for match in pattern.finditer(view.template):
            seat = view.mention(match.group(match.lastindex)).name
            if doc.holder_of(seat):
                continue
            subject = doc.recent_subject(position, include_current=True)
            if subject:
                yield from _record_seat(doc, "seat.pronoun", view, subject, seat)


def _paired(
    doc: Document, rule: str, view: SentenceView, seat_list: str, people_list: str
) -> Iterator[SeatFact]:
    """Pair seats and MPs in order: "Stockport and Ilford South, held by Ann Coffey and Mike
    Gapes"."""
    seats = constituency_names(view, seat_list)
    people = person_names(view, people_list)
    if len(seats) == len(people):
        for person, seat in zip(people, seats, strict=True):
            yield from _record_seat(doc, rule, view, person, seat)


def _seat_from_the_mp(doc: Document, view: SentenceView, position: int) -> Iterator[SeatFact]:
    """Resolve "The Dudley North MP, who ..." to the person the story is about."""
    for match in _THE_SEAT_MP.finditer(view.template):
        seat = view.mention(match.group(1)).name
        if doc.holder_of(seat):
            continue
        subject = doc.recent_subject(position, include_current=False)
        if subject:
            yield from _record_seat(doc, "seat.the_seat_mp", view, subject, seat)


def _seat_from_focus(doc: Document, view: SentenceView) -> Iterator[SeatFact]:
    """In a one-seat story: "The constituency is currently represented by X", "X's seat",
    "the seat, held by X", "the seat ... since X left the party"."""
    focus = doc.focus_seat()
    if not focus or doc.holder_of(focus):
        return
    for match in _FOCUS_HOLDER.finditer(view.template):
        number = next(group for group in match.groups() if group)
        yield from _record_seat(doc, "seat.focus", view, view.mention(number).name, focus)
        return


def _seat_from_clp_context(doc: Document, view: SentenceView) -> Iterator[SeatFact]:
    """One seat, one MP in a sentence about a CLP: "X's CLP ... people of Y" or "Y CLP ...
    says X should resign"."""
    template = view.template
    clp_seats = {m.constituency for m in view.mentions if m.kind == "org" and m.constituency}
    seats = {m.name for m in view.mentions if m.kind == "constituency"}
    for match in _CLP_POSSESSIVE.finditer(template):
        person = view.mention(match.group(1)).name
        if person not in doc.seat_of and len(seats | clp_seats) == 1:
            yield from _record_seat(
                doc, "seat.clp_context", view, person, next(iter(seats | clp_seats))
            )
    if (
        len(clp_seats) == 1
        and not seats
        and re.search(r"\b(?:MP|by-election|resign|seat)\b", template)
    ):
        seat = next(iter(clp_seats))
        if doc.holder_of(seat):
            return
        candidates = [
            m
            for i, m in enumerate(view.mentions)
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
        or _OFFICER.search(
            after[placeholder_len : placeholder_len + 40].split(",")[1]
            if after.count(",") > 1
            else ""
        )
        or re.match(r", (?:who )?(?:chairs|leads)\b", after[placeholder_len:])
    )


def _seat_from_replacement(doc: Document, view: SentenceView) -> Iterator[SeatFact]:
    """The only seat in a sentence about replacing X is X's ("... the Y party ... the battle
    to replace X")."""
    seats = {m.name for m in view.mentions if m.kind == "constituency"}
    if not seats and (
        _THE_SEAT_OF.search(view.template)
        or _REPLACE_OBJECT.search(view.template)
        and re.search(r"\b(?:picked|chosen|selected|candidate|nominated)\b", view.template)
    ):
        # a section about one seat: its heading or the sentence before names it
        seats = {recent_constituency(doc, view, back=2)} - {""}
    if len(seats) != 1:
        return
    seat = next(iter(seats))
    for match in _THE_SEAT_OF.finditer(view.template):
        number = next(group for group in match.groups() if group)
        if not doc.holder_of(seat):
            yield from _record_seat(doc, "seat.the_seat_of", view, view.mention(number).name, seat)
    for match in _REPLACE_OBJECT.finditer(view.template):
        person = view.mention(match.group(1)).name
        if not doc.holder_of(seat):
            yield from _record_seat(doc, "seat.replace_context", view, person, seat)
