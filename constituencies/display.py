"""How the public site names, links and orders facts.

Every fact has an anchor on the page that shows it (a seat page for seat facts, a
person page for party moves and roles), a one-line label for article pages and feeds,
and a place in a seat's timeline, ordered by where the articles first state it.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.prefetch import GenericPrefetch

from .export import official_check
from .models import (
    Candidacy,
    Constituency,
    Event,
    Evidence,
    Majority,
    Organisation,
    PartyMove,
    Person,
    Role,
    ShortlistDecision,
    Statement,
)

ANCHOR_PREFIXES = {
    Majority: "majority",
    ShortlistDecision: "shortlist",
    Candidacy: "candidate",
    Statement: "statement",
    Event: "event",
    PartyMove: "party-move",
    Role: "role",
}

# The facts an Atom feed announces: those that change what a seat's page says.
FEED_MODELS = {
    Candidacy: ("person",),
    Statement: ("speaker", "organisation"),
    ShortlistDecision: ("decided_by",),
    Majority: (),
    Event: (),
}


# The House of Commons Library's party codes, as the official results write them.
PARTY_NAMES = {
    "Alliance": "Alliance",
    "Con": "Conservative",
    "DUP": "Democratic Unionist",
    "Green": "Green",
    "Ind": "Independent",
    "Lab": "Labour",
    "LD": "Liberal Democrat",
    "Other": "Other candidates",
    "PC": "Plaid Cymru",
    "SDLP": "SDLP",
    "SF": "Sinn Féin",
    "SNP": "SNP",
    "SNP/PC": "SNP or Plaid Cymru",
    "Spk": "The Speaker",
    "UKIP": "UKIP",
    "UUP": "Ulster Unionist",
}


def party_name(code):
    """A party's name from its Commons Library code; unknown codes are shown as they are."""
    return PARTY_NAMES.get(code, code or "")


def fact_anchor(fact):
    prefix = ANCHOR_PREFIXES.get(type(fact))
    return f"{prefix}-{fact.pk}" if prefix else ""


def fact_url(fact):
    """Where the site shows a fact, or "" for facts with no page of their own (an event
    or statement about all the splitters' seats with no one named)."""
    if isinstance(fact, Constituency | Person):
        return fact.get_absolute_url()
    if isinstance(fact, Organisation):
        return fact.constituency.get_absolute_url() if fact.constituency else ""
    if isinstance(fact, PartyMove | Role):
        return f"{fact.person.get_absolute_url()}#{fact_anchor(fact)}"
    if fact.constituency is not None:
        return f"{fact.constituency.get_absolute_url()}#{fact_anchor(fact)}"
    if isinstance(fact, Statement) and fact.speaker is not None:
        return f"{fact.speaker.get_absolute_url()}#{fact_anchor(fact)}"
    return ""


def fact_label(fact):
    match fact:
        case Majority():
            return f"{fact.constituency}: majority of {fact.majority:,} in {fact.year}"
        case ShortlistDecision():
            by = f", {fact.get_firmness_display().lower()}" if fact.firmness else ""
            by += f" by {fact.decided_by}" if fact.decided_by else ""
            return f"{fact.constituency}: {fact.get_kind_display().lower()}{by}"
        case Candidacy():
            status = fact.get_status_display().lower()
            return f"{fact.person}, possible candidate for {fact.constituency} ({status})"
        case Statement():
            who = fact.speaker or fact.organisation or "Unattributed"
            about = f" on {fact.constituency}" if fact.constituency else ""
            return f"{who}{about}: “{truncate(fact.text, 120)}”"
        case Event():
            return f"{fact.constituency or 'All seats'}: {fact.description}"
        case Constituency():
            return f"{fact}, held by {fact.mp}" if fact.mp else f"Seat: {fact}"
        case Person():
            return f"{fact}" + (f", {fact.description}" if fact.description else "")
        case Organisation():
            return f"{fact} ({fact.get_kind_display().lower()})"
    return str(fact)


def shortlist_label(kind):
    """The label of a `shortlist_kind` annotation; None means no public decision."""
    return ShortlistDecision.Kind(kind).label if kind else "No decision reported"


def majority_checks(seat):
    """Each of a seat's public majority claims, newest election first, with the official
    figure for that election, whether they agree, and by how many votes they differ."""
    checks = []
    for majority in sorted(seat.majorities.all(), key=lambda m: (-m.year, m.majority)):
        check = official_check(seat, majority)
        official = check["official_majority"]
        check["difference"] = None if official is None else abs(majority.majority - official)
        checks.append((majority, check))
    return checks


def truncate(text, length):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@dataclass(frozen=True)
class TimelineEntry:
    fact: object
    kind: str
    date: datetime.date | None
    date_text: str
    text: str
    anchor: str

    @property
    def element_id(self):
        """Events appear only in the timeline; other facts have their anchor elsewhere."""
        return self.anchor if isinstance(self.fact, Event) else f"timeline-{self.anchor}"


def first_evidence(fact):
    return min(
        fact.evidence.all(),
        key=lambda e: (e.article.published or datetime.date.max, e.article.slug, e.start),
        default=None,
    )


def source_order(fact):
    """Sort key: where the articles first state a fact (undated sources last)."""
    source = first_evidence(fact)
    if source is None:
        return (True, datetime.date.max, "", 0)
    published = source.article.published
    return (published is None, published or datetime.date.max, source.article.slug, source.start)


def statement_order(statement):
    return (source_order(statement), statement.text)


def timeline(seat):
    """A seat's events, statements and its MP's party moves, in the order the articles
    report them: by the fact's own date where known, else the first source's date, then
    by position in that source."""
    moves = seat.mp.party_moves.all() if seat.mp else []
    entries = []
    for fact in [*seat.events.all(), *seat.statements.all(), *moves]:
        source = first_evidence(fact)
        published = source.article.published if source else None
        date = getattr(fact, "date", None) or published
        key = (
            date is None,
            date or datetime.date.min,
            source.article.slug if source else "",
            source.start if source else 0,
        )
        entries.append((key, timeline_entry(fact, date)))
    return [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]


def timeline_entry(fact, date):
    match fact:
        case Event():
            kind, text = fact.get_kind_display(), fact.description
        case Statement():
            kind, text = "Statement", fact_label(fact)
        case _:
            kind, text = "Party move", str(fact)
    return TimelineEntry(
        fact=fact,
        kind=kind,
        date=date,
        date_text=getattr(fact, "date_text", ""),
        text=text,
        anchor=fact_anchor(fact),
    )


def latest_facts(seat=None, limit=50):
    """The newest public seat facts of the kinds a feed announces, newest first: one query
    per kind however many facts there are."""
    found = []
    for model, related in FEED_MODELS.items():
        facts = model.objects.public().filter(constituency__isnull=False)
        if seat is not None:
            facts = facts.filter(constituency=seat)
        found += facts.select_related("constituency", *related).order_by("-created_at", "-pk")[
            :limit
        ]
    return sorted(found, key=lambda fact: fact.created_at, reverse=True)[:limit]


# Each kind of fact with what its label and link need, for resolving evidence to facts.
FACT_QUERYSETS = (
    Constituency.objects.public().select_related("mp"),
    Person.objects.public(),
    Organisation.objects.public().select_related("constituency"),
    Role.objects.public().select_related("person", "organisation"),
    PartyMove.objects.public().select_related("person", "from_party", "to_group"),
    Majority.objects.public().select_related("constituency"),
    ShortlistDecision.objects.public().select_related("constituency", "decided_by"),
    Candidacy.objects.public().select_related("person", "constituency"),
    Statement.objects.public().select_related("speaker", "organisation", "constituency"),
    Event.objects.public().select_related("constituency"),
)


@dataclass(frozen=True)
class Passage:
    """One span of an article and the public facts it supports."""

    start: int
    end: int
    quote: str
    facts: list

    @property
    def span_id(self):
        return f"span-{self.start}-{self.end}"

    @property
    def note_id(self):
        return f"source-{self.start}-{self.end}"


def passages(article):
    """The spans of `article` that support public facts, in text order, one per span.

    Evidence of rejected facts resolves to no fact and is left out, so its span is not
    highlighted. One query for the evidence and one per kind of fact it supports.
    """
    evidence = (
        Evidence.objects.filter(article=article)
        .order_by("start", "end")
        .prefetch_related(GenericPrefetch("fact", [qs.all() for qs in FACT_QUERYSETS]))
    )
    spans = {}
    for item in evidence:
        if item.fact is not None:
            spans.setdefault((item.start, item.end, item.quote), []).append(item.fact)
    return [
        Passage(start, end, quote, sorted(facts, key=fact_label))
        for (start, end, quote), facts in sorted(spans.items())
    ]
