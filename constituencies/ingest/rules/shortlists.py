"""Shortlist rules: all-women, open or undecided selections -> `ShortlistFact`.

A clause with an all-women cue ("all-women shortlist", "female-only", "replaced by
women", "restricted to women"), an open cue ("open to both men and women", "decided
against a women-only shortlist") or an undecided cue ("has not yet decided", "yet to make
up its mind") near talk of shortlists. Seats are those named, those of the MPs named
("Seats held by X and Y", "X's seat"), or "the seat"/"the contest" of the story. The NEC
decides when the clause or sentence names it, or the previous shortlist's decider carries
on ("will also be"). "The local party had asked for one" is a proposal by the CLP.
Firmness: recommended > proposed > agreed, from the verbs of the clause.
"""

import re
from collections.abc import Iterator

from ..document import Document, indices, mask_quotes
from ..facts import (
    ShortlistFact,
)
from ..mentions import SentenceView
from .common import clauses, recent_constituency

_WOMEN_CUE = (
    r"all-women|women-only|female-only|all women|women only|replaced by (?:a )?wom[ae]n|"
    r"succeeded by (?:a )?(?:wom[ae]n|female)|restricted to women|all-BAME"
)
_OPEN_CUE = (
    r"open to (?:both men and women|men (?:as well as|and) women|candidates of both sexes|"
    r"both sexes|candidates of any gender|any gender|"
    r"all candidates|all\b|anyone)|open (?:shortlists?|selections?|contests?)|"
    r"(?:both )?men (?:and|as well as) women (?:can|could|may|will be able to|are able to) "
    r"(?:apply|stand)|any gender|"
    r"(?:decided against|rather than|instead of) (?:an? )?(?:all-women|women-only|female-only)"
)
_SHORTLIST_CUE = re.compile(rf"\b(?:{_WOMEN_CUE}|{_OPEN_CUE})")
_OPEN = re.compile(rf"\b(?:{_OPEN_CUE})")
_UNDECIDED = re.compile(
    r"\b(?:not (?:yet )?(?:decided|made (?:up )?(?:its|their) mind)|yet to (?:decide|make up)|"
    r"undecided|[Nn]o decision (?:yet|has (?:yet )?been (?:taken|made)))"
)
_SHORTLIST_TOPIC = re.compile(r"\bshortlists?\b|\bwomen\b")
_LOCAL_REQUEST = re.compile(
    r"(?:\blocal party|\bconstituency party|\blocal Labour party|\bCLP|\{O(\d+)\}|"
    r"\b[Ll]ocal members|\b[Mm]embers in (?:[^,;]{0,40}?)(?:constituency|seat|\{C\d+\}))"
    r"(?:,? (?:which|who))? (?:had |has |have |)(?:also |)"
    r"(?:asked for|requested|called for|wanted|backed|voted for)\b"
)
_RECOMMENDED = re.compile(r"\brecommend(?:ed|s|ation)?\b")
_PROPOSED = re.compile(
    r"\b(?:propos(?:ed|es|al)|suggest(?:ed|s)|plans? to|considering|asked for|requested)\b"
)
_AGREED = re.compile(
    r"\b(?:agreed|decided|decision|imposed|approved|confirmed|ruled|voted|ordered|subject to|"
    r"opted|chose|settled on|went for|"
    r"restricted to)\b"
)
_THE_CONTEST = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]his) "
    r"(?:seat|contest|race|selection|candidate|constituency|shortlist)\b"
    r"|\b(?:[Tt]his|[Ii]t) (?:is|was|will be) (?:an? |)(?=open|all-women|women-only)"
)


# "In Luton South, ..., although the NEC has decided on an all-women shortlist"
_IN_SEAT_OPENING = re.compile(r"^\W*In \{C(\d+)\},")


def shortlist_facts(doc: Document) -> list[ShortlistFact]:
    found: dict[tuple[str, str], ShortlistFact] = {}
    previous: dict[str, tuple[str, str]] = {}  # kind -> the last (decider, firmness)
    for position, view in enumerate(doc.views):
        masked_sentence = mask_quotes(doc, view, view.template, 0)
        undecided_here = _UNDECIDED.search(masked_sentence) and _shortlist_context(doc, position)
        if not _SHORTLIST_CUE.search(masked_sentence) and not undecided_here:
            continue
        sentence_decider = _decider(view, masked_sentence)
        for offset, clause in _decision_clauses(view):
            masked = mask_quotes(doc, view, clause, offset)
            for fact in _shortlist_clause(doc, view, masked, sentence_decider, previous):
                key = (fact.constituency.casefold(), fact.kind, fact.decided_by)
                current = found.get(key)
                if current is None or _richness(fact) > _richness(current):
                    found[key] = fact
                if (
                    fact.decided_by
                    and fact.decided_by != "NEC"
                    or fact.kind == "undecided"
                    or not (fact.decided_by or fact.firmness)
                ):
                    continue
                previous[fact.kind] = (fact.decided_by, fact.firmness)
    decided = {(seat, kind) for seat, kind, decider in found if decider}
    return [
        fact
        for (seat, kind, decider), fact in found.items()
        if decider or (seat, kind) not in decided
    ]


def _shortlist_clause(
    doc: Document,
    view: SentenceView,
    clause: str,
    sentence_decider: str,
    previous: dict[str, tuple[str, str]],
) -> Iterator[ShortlistFact]:
    """Shortlist facts of one clause; `previous` is the last (decider, firmness) seen for
    each kind: "will also use women-only lists" carries on the last all-women decision."""
    span = doc.sentence_span(view)
    if request := _LOCAL_REQUEST.search(clause):
        seats = _shortlist_seats(doc, view, clause)
        for seat, _ in seats:
            org = view.mention(request.group(1)).name if request.group(1) else f"{seat} CLP"
            if org.endswith(" CLP"):
                yield ShortlistFact(
                    "shortlist.local_request", (span,), seat, "all_women", org, "proposed"
                )
        if not _SHORTLIST_CUE.search(clause[: request.start()]):
            return
    undecided = bool(_UNDECIDED.search(clause))
    if not _SHORTLIST_CUE.search(clause) and not undecided:
        return
    kind = "undecided" if undecided else "open" if _OPEN.search(clause) else "all_women"
    decider = _decider(view, clause) or sentence_decider
    firmness = "" if kind == "undecided" else _firmness(clause)
    if re.search(r"\balso\b", clause):
        before = previous.get(kind, ("", ""))
        decider = decider or before[0]
        firmness = firmness or ("" if kind == "undecided" else before[1])
    for seat, suffix in _shortlist_seats(doc, view, clause):
        yield ShortlistFact(f"shortlist.{kind}{suffix}", (span,), seat, kind, decider, firmness)


# "imposed women-only lists in A and B, and opted for open selections in C": a second
# decision, with its own verb, starts a new clause.
_SECOND_DECISION = re.compile(
    r",? and (?=(?:also |then |instead |)(?:opted|chose|decided|agreed|imposed|ordered|voted|"
    r"went|settled|approved|allowed|kept|left|gave)\b)"
)


def _decision_clauses(view: SentenceView) -> list[tuple[int, str]]:
    pieces = []
    for offset, clause in clauses(view):
        last = 0
        for match in _SECOND_DECISION.finditer(clause):
            pieces.append((offset + last, clause[last : match.start()]))
            last = match.end()
        pieces.append((offset + last, clause[last:]))
    return pieces


def _richness(fact: ShortlistFact) -> int:
    return bool(fact.decided_by) + bool(fact.firmness)


def _shortlist_context(doc: Document, position: int) -> bool:
    return any(
        _SHORTLIST_TOPIC.search(doc.views[i].template)
        for i in range(max(0, position - 3), position + 1)
    )


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


def _only_held_seat(doc: Document) -> str:
    """The seat of a story about one MP: the only seat the article has given anyone."""
    seats = set(doc.seat_of.values())
    return next(iter(seats)) if len(seats) == 1 else ""


def _shortlist_seats(doc: Document, view: SentenceView, clause: str) -> list[tuple[str, str]]:
    """Seats a shortlist clause is about: named, through their MPs, or "the seat" of the story."""
    seats: list[tuple[str, str]] = [(view.mentions[n].name, "") for n in indices(clause, "C")]
    seats += [
        (view.mentions[n].constituency, "")
        for n in indices(clause, "O")
        if view.mentions[n].constituency
    ]
    for number in indices(clause, "P"):
        mention = view.mentions[number]
        seat, elsewhere = doc.seat(mention.name)
        possessive_seat = re.search(
            re.escape(f"{{P{number}}}") + r"'s (?:\{C\d+\} |)(?:seat|constituency)", clause
        )
        if seat and (not mention.possessive or possessive_seat):
            seats.append((seat, ".known_seat" if elsewhere else ""))
    if not seats and (opening := _IN_SEAT_OPENING.match(view.template)):
        seats.append((view.mention(opening.group(1)).name, ""))
    if not seats and _THE_CONTEST.search(clause):
        seat = doc.focus_seat() or recent_constituency(doc, view) or _only_held_seat(doc)
        if seat:
            seats.append((seat, ""))
    if not seats:
        seat = doc.section_seat(doc.views.index(view))
        if seat:
            seats.append((seat, ""))
    unique: list[tuple[str, str]] = []
    for seat, suffix in seats:
        if seat.casefold() not in {s.casefold() for s, _ in unique}:
            unique.append((seat, suffix))
    return unique
