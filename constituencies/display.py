"""How the public site names, links, marks and orders facts.

Every fact has an anchor on the page that shows it (a seat page for seat facts, a
person page for party moves and roles), a one-line label for article pages and feeds,
a mark saying whether an editor checked it, and a place in a seat's timeline, ordered
by where the articles first state it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F, Value
from django.db.models.functions import JSONObject

from .export import official_check
from .models import (
    Candidacy,
    Constituency,
    Event,
    Majority,
    Organisation,
    PartyMove,
    Person,
    Review,
    Role,
    ShortlistDecision,
    Statement,
    partial_instance,
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


# What a fact's mark says (see `models.CHECKED`): the long form beside a fact's sources,
# and the short one (visible words, then the rest for screen readers) in tables.
CHECK_LABELS = {
    "confirmed": ("Confirmed by an editor", "Checked", ": confirmed by an editor"),
    "added": ("Added by an editor", "Checked", ": added by an editor"),
    "checked": ("Checked by an editor", "Checked", " by an editor"),
    "unchecked": ("Machine-read, not yet checked", "Machine-read", ", not yet checked"),
}


def check_status(fact):
    """How a fact was checked: "confirmed", "added" or "unchecked"; a `*_checked`
    annotation (a bare True or False) gives "checked" or "unchecked"."""
    if isinstance(fact, bool):
        return "checked" if fact else "unchecked"
    if not fact.is_checked:
        return "unchecked"
    return "confirmed" if fact.review == Review.CONFIRMED else "added"


def check_label(fact):
    return CHECK_LABELS[check_status(fact)][0]


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
            about = f" on {fact.constituency}" if fact.constituency else ""
            return f"{fact.attribution}{about}: {statement_excerpt(fact, 120)}"
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


def statement_excerpt(statement, length):
    """The start of a statement's words as the article gives them (see `Statement.text`):
    never more than its first passage, and a passage cut short keeps its closing
    quotation mark, so that what stands in quotation marks is always the article's."""
    first, *rest = statement.text.split(" … ")
    if len(first) <= length:
        return f"{first} …" if rest else first
    cut = truncate(first, length - 1)
    return cut + "”" if cut.count("“") > cut.count("”") else cut


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
        fact.evidence_rows,
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


# Each kind of fact with the fields its label and link need (`fact_label`, `fact_url`),
# for the facts an article page lists. A field left out still works, at one query per
# fact: the instances are built like `only()` ones.
LABEL_FIELDS = {
    Constituency: ("name", "slug", "mp__name", "mp__slug"),
    Person: ("name", "slug", "description"),
    Organisation: ("name", "kind", "constituency__name", "constituency__slug"),
    Role: ("title", "person__name", "person__slug", "organisation__name"),
    PartyMove: ("person__name", "person__slug", "from_party__name", "to_group__name"),
    Majority: ("year", "majority", "constituency__name", "constituency__slug"),
    ShortlistDecision: (
        "kind",
        "firmness",
        "constituency__name",
        "constituency__slug",
        "decided_by__name",
    ),
    Candidacy: (
        "status",
        "person__name",
        "person__slug",
        "constituency__name",
        "constituency__slug",
    ),
    Statement: (
        "text",
        "speaker_role",
        "speaker__name",
        "speaker__slug",
        "organisation__name",
        "constituency__name",
        "constituency__slug",
    ),
    Event: ("description", "constituency__name", "constituency__slug"),
}


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

    Evidence of rejected facts is left out, so its span is not highlighted. One query
    whatever the kinds of fact: a UNION ALL of one SELECT per kind, each row a span with
    its fact's label fields as JSON, from which the facts are rebuilt (`LABEL_FIELDS`).
    """
    parts = [
        model.objects.public()
        .filter(evidence__article=article)
        .order_by()
        .values_list(
            Value(tag),
            "pk",
            "evidence__start",
            "evidence__end",
            "evidence__quote",
            JSONObject(**{path: F(path) for path in label_paths(model)}),
        )
        for tag, model in enumerate(LABEL_FIELDS)
    ]
    kinds = list(LABEL_FIELDS)
    spans = defaultdict(list)
    rows = parts[0].union(*parts[1:], all=True).order_by()
    for tag, pk, start, end, quote, values in rows:
        fact = labelled_fact(kinds[tag], pk, values, article._state.db)
        spans[start, end, quote].append(fact)
    return [
        Passage(start, end, quote, sorted(facts, key=fact_label))
        for (start, end, quote), facts in sorted(spans.items())
    ]


# What a fact's check mark needs (`check_status`), whatever its kind.
CHECK_FIELDS = ("review", "origin")


def label_paths(model):
    """`LABEL_FIELDS` of `model` and `CHECK_FIELDS`, with the key of each relation they
    go through."""
    paths = (*LABEL_FIELDS[model], *CHECK_FIELDS)
    relations = {path.split("__")[0] for path in paths if "__" in path}
    return (*paths, *(model._meta.get_field(name).attname for name in sorted(relations)))


def labelled_fact(model, pk, values, db):
    """A `model` instance with `values` (keyed by field path) and its related records."""
    local, related = {"id": pk}, defaultdict(dict)
    for path, value in values.items():
        name, _, rest = path.partition("__")
        if rest:
            related[name][rest] = value
        else:
            local[name] = value
    fact = partial_instance(model, db, local)
    for name, fields in related.items():
        field = model._meta.get_field(name)
        key = local[field.attname]
        setattr(
            fact,
            name,
            None if key is None else labelled_fact(field.related_model, key, fields, db),
        )
    return fact
