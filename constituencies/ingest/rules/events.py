"""Event rules -> `EventFact`: no-confidence votes, campaign days, letters to members and
selection processes.

The MP concerned is the person before "lost a no-confidence vote" (or "in her"); campaign
targets are the people and seats after "day of action", "canvassing sessions", "against",
"in the constituencies of"; letters and selection processes take the seat named, the
seat of the MP named, or "the seat" of the story, and are general ("" seat) when about
all the seats. A candidacy beyond "tipped" means that seat's selection is under way.
"""

import re

from ..document import Document, indices, mask_quotes
from ..facts import (
    CandidacyFact,
    EventFact,
)
from ..mentions import SentenceView
from .common import MONTH, date_in, recent_constituency

_NO_CONFIDENCE = re.compile(
    r"\b(?:no-confidence (?:vote|motion)|(?:vote|motion) of no confidence|confidence (?:vote|"
    r"motion))\b"
)
_CAMPAIGN = re.compile(
    r"\b(?:days? of action|action days?|campaign days?|canvassing (?:events?|sessions?)|"
    r"similar events|"
    r"street stalls?|door-knocking|canvass(?:ing)? (?:in|the)|knocking on doors)\b"
)
_LETTER = re.compile(
    r"\b(?:written to|wrote to|writes to|letter to) (?:[\w-]+ |\{[YC]\d+\} ){0,3}?members?\b"
)
_SELECTION = re.compile(
    r"\b(?:selection process(?:es)?|process of (?:selecting|choosing)|selections? (?:will|to|for|"
    r"are|is)|"
    r"pick new candidates|select(?:ing)? a (?:new )?candidate|fast-tracked the selection|"
    r"(?<!open )selections\b)"
)
_TARGET = re.compile(
    r"\b(?:aimed at|against|targeting|unseating|constituenc(?:y|ies) of|seats? of|places like|in) "
)


_SENTENCE_END = re.compile(r"[.!\"”]\s*$")
_PEOPLE_BETWEEN = re.compile(r"(?:[\w ]{0,30}?, )?(?:\{P\d+\}(?:'s)?(?:,? and |, ))*")
_NOT_YET = re.compile(r"\b(?:yet to|not yet|has not|have not|hasn't|haven't)\b")


def event_facts(doc: Document, candidacies: list[CandidacyFact]) -> list[EventFact]:
    facts: list[EventFact] = []
    seen: set[tuple[str, str, str]] = set()

    def add(rule, view, kind, seat, person, description, date_text):
        # one event per seat and kind: later sentences about it add nothing new
        key = (kind, seat.casefold(), "" if seat else person)
        if key in seen:
            return
        seen.add(key)
        facts.append(
            EventFact(rule, (doc.sentence_span(view),), seat, kind, description, person, date_text)
        )

    for position, view in enumerate(doc.views):
        template = view.template
        text = view.sentence.text
        if _NO_CONFIDENCE.search(template):
            for person in _no_confidence_people(doc, view, position):
                seat = doc.seat(person, outside=False)[0] or _clp_seat(view) or _only_seat(view)
                add(
                    "event.no_confidence_vote",
                    view,
                    "no_confidence_vote",
                    seat,
                    person,
                    text,
                    _no_confidence_date(text),
                )
        if _CAMPAIGN.search(template):
            for seat, person in _campaign_targets(doc, view):
                add("event.campaign_day", view, "campaign_day", seat, person, text, date_in(text))
        if _LETTER.search(template) and not doc.in_quote(view.sentence.start + 1):
            seat, person = _event_seat(doc, view)
            add("event.letter", view, "letter", seat, person, text, date_in(text))
        if _SELECTION.search(template) and not _NOT_YET.search(template):
            seat, person = _event_seat(doc, view)
            if not seat and not _SENTENCE_END.search(text):
                continue  # a headline ("Two selections, one complaint") is no event
            add(
                "event.selection_process",
                view,
                "selection_process",
                seat,
                person,
                text,
                date_in(text),
            )
    for candidacy in candidacies:
        # Someone applied, was listed or chosen: the seat's selection is under way.
        if candidacy.status != "tipped":
            seat = candidacy.constituency
            view = next(v for v in doc.views if v.sentence.start == candidacy.evidence[0].start)
            add(
                "event.selection_process",
                view,
                "selection_process",
                seat,
                doc.holder_of(seat),
                "",
                "",
            )
    return facts


def _only_seat(view: SentenceView) -> str:
    """ "members in Enfield North backed a motion against her": the one seat named."""
    seats = {m.name for m in view.mentions if m.kind == "constituency"}
    return next(iter(seats)) if len(seats) == 1 else ""


def _clp_seat(view: SentenceView) -> str:
    seats = {m.constituency for m in view.mentions if m.kind == "org" and m.constituency}
    return next(iter(seats)) if len(seats) == 1 else ""


def _no_confidence_people(doc: Document, view: SentenceView, position: int) -> list[str]:
    cue = _NO_CONFIDENCE.search(view.template).start()
    before = [
        m
        for i, m in enumerate(view.mentions)
        if m.kind == "person" and view.slots[i] < cue and not m.possessive
    ]
    if before:
        return [before[-1].name]
    match = re.search(
        r"\b(?:in|against) (?:him|her)\b|\bagainst \{P(\d+)\}|\bin \{P(\d+)\}", view.template
    )
    if match and match.lastindex:
        return [view.mention(match.group(match.lastindex)).name]
    if match:
        subject = _recent_mp(doc, position) or doc.recent_subject(position, include_current=False)
        return [subject] if subject else []
    return []


def _recent_mp(doc: Document, position: int, back: int = 3) -> str:
    """The MP named most recently before sentence `position` ("his" counts): who "a motion
    of no confidence in him" is about, rather than a candidate named nearby."""
    for index in range(position - 1, max(-1, position - back - 1), -1):
        for mention in doc.views[index].mentions:
            if mention.kind == "person" and mention.name in doc.seat_of:
                return mention.name
    return ""


def _no_confidence_date(text: str) -> str:
    match = re.search(
        rf"\b(?:[Ii]n |[Ll]ast )({MONTH}(?: \d{{4}})?|year|month|week)\b|\b(last {MONTH})\b", text
    )
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
        marker = f"{{P{number}}}"
        at = after.find(marker)
        if mention.possessive and not re.match(
            r"'s (?:[A-Z]\w+ |\{C\d+\} |)(?:seat|constituency|patch)", after[at + len(marker) :]
        ):
            continue
        window = after[max(0, at - 60) : at]
        cues = list(_TARGET.finditer(window))
        if not cues or not _PEOPLE_BETWEEN.fullmatch(window[cues[-1].end() :]):
            continue  # "in Streatham, where X joined activists": X is no target
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
    seats |= {
        view.mentions[n].constituency for n in indices(masked, "O") if view.mentions[n].constituency
    }
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
    if re.search(r"\bthe (?:[\w-]+ ){0,2}(?:seat|constituency)\b", masked) and not re.search(
        r"\b(?:seven|eight|nine|all|the) (?:[\w-]+ )?constituencies\b", masked
    ):
        seat = doc.focus_seat() or recent_constituency(doc, view)
        return seat, doc.holder_of(seat) if seat else ""
    return "", ""
