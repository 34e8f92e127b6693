"""Majority rules: winning margins at general elections -> `MajorityFact`.

A number is a majority only in a majority phrase: "a majority of N", "the N majority",
"by N votes" after beat/won/held, "N more votes than", "N votes ahead of", "margin of N",
"held on by N", "rose from N to M", "turned a majority of N into M", and "up/down from N"
after one of those. Vote totals ("polling 18,090 votes to their 18,068"), shares,
turnouts, money and ages are never majorities. Years: see `_assign_years`. Seat: the one
named, else the seat of the MP named (or meant by "he"/"she") before the number.
"""

import re

from .. import gazetteer
from ..document import Document
from ..facts import (
    MajorityFact,
)
from ..mentions import SentenceView
from .common import STORY_YEAR, recent_constituency

_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d{2,6})"
# "just over", "a mere", "fewer than": hedges before the number
_ABOUT = (
    r"(?:(?:just|only|around|about|some|nearly|over|almost|under|roughly|barely|a mere|a little|"
    r"fewer than|more than|less than|little more than) )*"
)
_MAJORITY_PATTERNS = [
    (
        "majority.of",
        re.compile(
            rf"\bmajority (?:in (?:19|20)\d\d |at the (?:last |\d{{4}} )?(?:general )?election )?"
            rf"(?:over (?:the )?(?:\{{Y\d+\}}|[\w-]+) )?"
            rf"(?:of|was|is|had been|has been|stood at) "
            rf"{_ABOUT}{_NUMBER}"
            r"(?![\d%.,]\d| per ?cent|%)"
        ),
    ),
    # rundowns: "(Streatham, majority 26,285)", "Ilford South - Mike Gapes - 31,647"
    ("majority.rundown", re.compile(rf"[(,] ?majority:? {_NUMBER}(?![\d%.,]\d| per ?cent|%)")),
    (
        "majority.rundown",
        re.compile(rf"^[-•*\s]*\{{C\d+\}} - \{{P\d+\}} - {_NUMBER}(?![\d%.,]\d| per ?cent|%)"),
    ),
    ("majority.before_noun", re.compile(rf"(?<![£$€\d,.]){_NUMBER}(?:-| )(?:vote )?majority\b")),
    ("majority.by_votes", re.compile(rf"\b(?:by|of) {_ABOUT}{_NUMBER} votes?\b")),
    # "Gapes's majority of 31,647 is the largest; Coffey's 14,477 is mid-table"
    (
        "majority.possessive",
        re.compile(rf"\{{[PC]\d+\}}'s {_ABOUT}{_NUMBER}(?![\d%.,]\d| per ?cent|%)"),
    ),
    (
        "majority.more_votes",
        re.compile(rf"(?<![£$€\d,.]){_NUMBER} (?:more votes than|votes ahead of)"),
    ),
    ("majority.into", re.compile(rf"\bmajority of {_NUMBER} into (?:one of |)?{_NUMBER}")),
    ("majority.to", re.compile(rf"\bmajority (?:\w+ ){{0,3}}?(?:from {_NUMBER} )?to {_NUMBER}")),
    (
        "majority.margin",
        re.compile(
            rf"\bmargin (?:of victory )?(?:[\w-]+ ){{0,4}}?(?:of|was|is|stood at) {_ABOUT}{_NUMBER}"
            r"(?![\d%.,]\d| per ?cent|%| points?)"
        ),
    ),
    ("majority.held_on_by", re.compile(rf"\bheld on by (?:just |only |)?{_NUMBER}")),
    # "beat the Conservative candidate by 19,590", "defeated her Tory rival by 863"
    (
        "majority.beat",
        re.compile(
            rf"\b(?:beat|defeated|beating|defeating) (?:[\w'-]+ |\{{[YP]\d+\}} ){{1,4}}?by "
            rf"{_ABOUT}{_NUMBER}(?![\d%.,]\d| per ?cent|%| points?| votes? to)"
        ),
    ),
    # "held the seat by 6,723", "clung on by 22", "the seat was held by 29,466"
    (
        "majority.held_by",
        re.compile(
            r"\b(?:held|won|kept|retained|took|holds|wins|clung on|hung on|scraped home|"
            r"returned (?:him|her|them))(?: back)?(?: on)?(?: (?:the seat|it|\{C\d+\}|on to it))?"
            rf"(?: in (?:19|20)\d\d)? by {_ABOUT}{_NUMBER}(?![\d%.,]\d| per ?cent|%| points?)"
        ),
    ),
    (
        "majority.from_to",
        re.compile(
            rf"\b(?:rose|grew|fell|increased|dropped|cut|slashed) from {_NUMBER} (?:in (?:19|"
            rf"20)\d\d )?to {_NUMBER}"
        ),
    ),
]
_FOLLOW_ON = re.compile(
    rf"\b(?:(?:up|down|and|but) from (?:the |a |)?|(?:grew|rose|increased|fell|dropped|shrank|"
    rf"was cut|was slashed)"
    rf"(?: it)? to |into (?:one of )?|(?:and|then) by {_ABOUT}|"
    rf"(?:double|treble|triple|half|improvement on|compared with|compared to|than) "
    rf"(?:the |his |her |its |their )?){_NUMBER}\b(?![.,]\d| per ?cent|%| points?)"
    # "... and Luciana's Wavertree was barely less generous at 29,466": a figure with
    # a thousands comma after "at", once majorities are the topic
    rf"|\bat (\d{{1,3}}(?:,\d{{3}})+)\b(?![.,]\d| per ?cent|%)"
    # "... by 22 votes in 2017, after 4,181 in 2015 and 649 in 2010"
    rf"|(?:\bafter|\band|,) ((?:\d{{1,3}}(?:,\d{{3}})+|\d{{2,6}})) (?=in (?:19|20)\d\d\b)"
)
# "by 14,477 and 13,925 respectively", "majorities of 15,952 and 13,477 in A and B"
_NUMBER_LIST = (
    r"((?:\d{1,3}(?:,\d{3})+|\d{2,6})(?:, (?:\d{1,3}(?:,\d{3})+|\d{2,6}))*,? and "
    r"(?:\d{1,3}(?:,\d{3})+|\d{2,6}))"
)
_CLIST = r"((?:\{C\d+\}(?:,? and |, ))*\{C\d+\})"
_PAIRED = [
    re.compile(rf"{_CLIST} by {_NUMBER_LIST},? respectively"),
    re.compile(rf"\bmajorities (?:of |were |)(?:\w+ )?{_NUMBER_LIST} in {_CLIST}"),
]
# A majority in a council chamber or a vote of members is not a general-election margin.
_NOT_ELECTION = re.compile(
    r"\b(?:council|councillors|motion|confidence|ballot|votes? to \d|seats on|wards?|"
    r"members voted)\b"
)
_IN_SEAT_AFTER = re.compile(r"^[\d,]*(?: votes?)? in \{C(\d+)\}")
_VOTE_TOTALS = re.compile(
    r"\b(?:polling|took|received|won|secured|with|got)\s+[\d,]+\s+votes?\b|\bvotes? to\b|"
    r"\bto their\b"
)
_DIGIT = re.compile(r"\d")
_CLAIM = re.compile(r"^\W*Claims?:|\b(?:claimed|wrongly|incorrectly|falsely|mistakenly)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MAJORITY_CUE = re.compile(
    r"\b(?:majority|majorities|margin|votes? ahead|more votes|beat|beating|defeated|won|held|"
    r"returned|clung|hung on|scraped|kept|retained|holds?|went (?:his|her|their) way|"
    r"by (?:[a-z]+ )?[\d,]+ votes)\b"
    r"|^[-•*\s]*\{C\d+\} - \{P\d+\} - \d"
)
_YEARS_EARLIER = re.compile(r"\b(two|three|four|five) years (?:earlier|before)\b", re.IGNORECASE)
_YEARS_LATER = re.compile(r"\b(two|three|four|five) years later\b", re.IGNORECASE)
_YEARS_AGO = re.compile(r"\b(two|three|four|five) years ago\b", re.IGNORECASE)
_ELECTION_YEAR = re.compile(r"\b(?:[Ii]n|[Bb]y|[Aa]t the|[Aa]t|[Aa]) ((?:19|20)\d\d)\b(?! *-)")
_LAST_ELECTION = re.compile(r"\bat the (?:last|most recent|previous) (?:general )?election\b")
# "since the seat was created in 2010", "first elected in 2005": years that date no majority
_NOT_ELECTION_YEAR = re.compile(
    r"\b(?:since|first elected|created|founded|born)\b[^,;.]*?(?:19|20)\d\d\b"
)
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
# "By 2015 it was 13,934, and in 2017 it reached 26,285": the majority just given, again
_CONTINUED = re.compile(
    rf"\b(?:[Ii]t|[Tt]hat|[Tt]his|[Tt]he (?:majority|margin|lead))(?: had| has)? "
    rf"(?:was|is|reached|stood at|rose to|grew to|fell to|climbed to|dropped to|increased to|"
    rf"shrank to|was cut to|hit) {_ABOUT}{_NUMBER}(?![\d%.,]\d| per ?cent|%| points?)"
)
# A table row: a seat (and perhaps its MP) then figures split by "/", "|" or ";"
_TABLE_ROW = re.compile(
    r"^\W*\{C(\d+)\}(?:[^\d{]|\{P\d+\}){0,40}?((?:\d[\d,]*\s*[/|;]\s*)+\d[\d,]*)\s*$"
)
_CAPTION = re.compile(r"\b(?:majorit|margin)", re.IGNORECASE)


def _previous_election(year: int) -> int:
    earlier = [y for y in gazetteer.election_years() if y < year]
    return earlier[-1] if earlier else year


def majority_facts(doc: Document) -> list[MajorityFact]:
    facts: list[MajorityFact] = []
    seen: set[tuple[str, int, int]] = set()
    last_year, last_seat, last_position = 0, "", -9
    for position, view in enumerate(doc.views):
        template = view.template
        if not _DIGIT.search(template):
            continue
        if row := _table_row(doc, view, position):
            for seat, year, value in row:
                if (seat.casefold(), year, value) not in seen:
                    seen.add((seat.casefold(), year, value))
                    facts.append(
                        MajorityFact(
                            "majority.table", (doc.sentence_span(view),), seat, year, value
                        )
                    )
            continue
        if position - last_position == 1 and not _MAJORITY_CUE.search(template):
            for match in _CONTINUED.finditer(template):
                value = int(match.group(1).replace(",", ""))
                years = _assign_years(template, [(match.start(1), value, "")], last_year)
                seat = _majority_seat(doc, view, position)[0] or last_seat
                key = (seat.casefold(), years[0], value)
                if seat and value >= 2 and key not in seen and not _is_year(match.group(1)):
                    seen.add(key)
                    facts.append(
                        MajorityFact(
                            "majority.continued", (doc.sentence_span(view),), seat, years[0], value
                        )
                    )
                    last_year, last_position = years[0], position
            continue
        if not _MAJORITY_CUE.search(template):
            continue
        if _CLAIM.search(template):
            continue  # a figure someone claims, which the article goes on to check
        paired = _paired_numbers(view, template)
        for seat, value, year in paired:
            key = (seat.casefold(), year, value)
            if key not in seen:
                seen.add(key)
                facts.append(
                    MajorityFact("majority.paired", (doc.sentence_span(view),), seat, year, value)
                )
        numbers = [n for n in _majority_numbers(template) if n[1] not in {v for _, v, _ in paired}]
        if not numbers:
            continue
        years = _assign_years(template, numbers, last_year)
        default_seat, default_suffix = _majority_seat(doc, view, position)
        previous_end = 0
        several = _several_seats(doc, view)
        for (pos, value, rule), year in zip(numbers, years, strict=True):
            after = _IN_SEAT_AFTER.match(template, pos)
            if after:
                seat, suffix = view.mention(after.group(1)).name, ""
            else:
                seat, suffix = _seat_before(
                    doc, view, template, previous_end, pos, first=several and not previous_end
                )
            if not seat:
                seat, suffix = default_seat, default_suffix
            previous_end = pos
            key = (seat.casefold(), year, value)
            if seat and year and key not in seen:
                seen.add(key)
                facts.append(
                    MajorityFact(rule + suffix, (doc.sentence_span(view),), seat, year, value)
                )
                last_seat, last_position = seat, position
        last_year = years[-1] if years else last_year
    return facts


def _table_row(doc: Document, view: SentenceView, position: int) -> list[tuple[str, int, int]]:
    """(seat, year, majority) from a row of figures whose caption, a few lines up, names
    majorities and one year per column ("Majorities at the 2010, 2015 and 2017 ...")."""
    match = _TABLE_ROW.match(view.template)
    if not match:
        return []
    values = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", match.group(2))]
    for earlier in reversed(doc.views[max(0, position - 6) : position]):
        if _CAPTION.search(earlier.sentence.text):
            years = [int(y) for y in _YEAR.findall(earlier.sentence.text)]
            if len(years) == len(values) and not any(_is_year(str(v)) for v in values):
                seat = view.mention(match.group(1)).name
                return [(seat, year, value) for year, value in zip(years, values, strict=True)]
            return []
    return []


def _several_seats(doc: Document, view: SentenceView) -> bool:
    seats = {m.name for m in view.mentions if m.kind == "constituency"}
    seats |= {doc.seat(m.name)[0] for m in view.mentions if m.kind == "person"} - {""}
    return len(seats) > 1


def _paired_numbers(view: SentenceView, template: str) -> list[tuple[str, int, int]]:
    """(seat, majority, year) from lists matched in order: "hold A and B by N and M
    respectively", "majorities of N and M in A and B"."""
    found = []
    for pattern in _PAIRED:
        for match in pattern.finditer(template):
            seat_group, number_group = (1, 2) if match.group(1).startswith("{") else (2, 1)
            seats = [
                view.mentions[int(n)].name
                for n in re.findall(r"\{C(\d+)\}", match.group(seat_group))
            ]
            values = [
                int(n.replace(",", "")) for n in re.findall(r"[\d,]*\d", match.group(number_group))
            ]
            if len(seats) != len(values) or any(_is_year(str(v)) for v in values):
                continue
            year_match = _ELECTION_YEAR.search(template[match.end() : match.end() + 30])
            before = re.search(r"\b((?:19|20)\d\d) majorities\b", template[: match.end()])
            year = (
                int(year_match.group(1))
                if year_match
                else int(before.group(1))
                if before
                else _previous_election(STORY_YEAR)
            )
            found += [(seat, value, year) for seat, value in zip(seats, values, strict=True)]
    return found


def _seat_before(
    doc: Document,
    view: SentenceView,
    template: str,
    start: int,
    end: int,
    first: bool = False,
) -> tuple[str, str]:
    """A seat named, or an MP with a known seat, between the previous majority and this one
    ("Allen was returned with a majority of X ... and Wollaston with a margin of Y"); for the
    first majority of a sentence naming several seats, the nearest one before it."""
    if not start and not first:
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
                if rule == "majority.possessive" and "majorit" not in template:
                    continue
                if rule == "majority.by_votes" and any(s <= start < e for s, e in totals):
                    continue
                if rule == "majority.by_votes" and re.search(
                    r"^\s*(?:votes? )?to \d", template[match.end() : match.end() + 12]
                ):
                    continue
                if rule == "majority.by_votes" and not re.search(
                    r"\b(?:beat|won|win|held|defeated|lost|majority|margin|victory|clung|hung|"
                    r"scraped|returned|re-elected|elected|kept|retained|"
                    r"went (?:his|her|their) way)\b",
                    template[max(0, start - 80) : start],
                ):
                    continue
                found.setdefault(start, (value, rule))
    if found:
        for match in _FOLLOW_ON.finditer(template):
            group = next(g for g in (1, 2, 3) if match.group(g))
            if match.start(group) > min(found) and not _is_year(match.group(group)):
                found.setdefault(
                    match.start(group),
                    (int(match.group(group).replace(",", "")), "majority.up_from"),
                )
    for start in list(found):
        window = template[max(0, start - 60) : start + 40]
        if _NOT_ELECTION.search(window):
            del found[start]
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
        own = (
            after[: m.start()]
            if (m := _CLAUSE_BREAK.search(after, len(str(numbers[index][1])) + 2))
            else after
        )
        between = template[bounds[index - 1] if index else 0 : pos]
        if index:
            previous_clause = _CLAUSE_BREAK.search(
                between, len(re.match(r"[\d,]*", between).group())
            )
            between = between[previous_clause.start() :] if previous_clause else ""
        previous = years[-1] if years else last_year
        between = _NOT_ELECTION_YEAR.sub(" ", between)
        if match := _ELECTION_YEAR.search(own):
            year = int(match.group(1))
        elif _LAST_ELECTION.search(own):
            year = _previous_election(STORY_YEAR)
        elif match := list(_ELECTION_YEAR.finditer(between)):
            year = int(match[-1].group(1))
        elif (match := _YEARS_EARLIER.search(after) or _YEARS_EARLIER.search(between)) and previous:
            year = previous - _WORD_NUMBERS[match.group(1).lower()]
        elif (match := _YEARS_LATER.search(after)) and previous:
            year = previous + _WORD_NUMBERS[match.group(1).lower()]
        elif match := _YEARS_AGO.search(between[-60:]) or _YEARS_AGO.search(own):
            year = STORY_YEAR - _WORD_NUMBERS[match.group(1).lower()]
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
        subject = doc.recent_subject(position, include_current=False)
        people = [subject] if subject else []
    for person in people:
        seat, elsewhere = doc.seat(person)
        if seat:
            return seat, ".known_seat" if elsewhere else ""
    if not seats and re.search(r"\b(?:the|this) (?:seat|constituency)\b|\bthere\b", view.template):
        recent = recent_constituency(doc, view) or doc.focus_seat()
        if recent:
            return recent, ""
    return "", ""
