"""The open-data export: the whole tracker as one JSON document, and its import.

Ordering is fixed everywhere (by slug, year, then evidence position), so two exports of
the same data are byte-identical. Rejected facts are left out, as on the site, unless
`everything` is asked for: that is the backup, which `import_tracker` restores into an
empty database so exactly that a new export of it is byte-identical.

Every record says whether an editor checked it (`"checked"`, see `models.CHECKED`).
With `checked_only`, facts no editor has checked are left out. Seats, people and
organisations stay, as the names the checked facts refer to, but what an unchecked
one's own record claims is left out too: a seat's MP, a person's description and party.
"""

import json

from .models import (
    Article,
    Constituency,
    Event,
    Organisation,
    Person,
    Statement,
    WaitingFact,
    public_with_evidence,
)


def sources(record):
    return [
        {
            "article": e.article.slug,
            "start": e.start,
            "end": e.end,
            "quote": e.quote,
            "rule": e.rule,
        }
        for e in sorted(record.evidence_rows, key=lambda e: (e.article.slug, e.start, e.end))
    ]


def provenance(record):
    """Where a record came from, what editors did to it and whether one checked it."""
    return {
        "origin": record.origin,
        "edited_fields": sorted(record.edited_fields),
        "review": record.review,
        "checked": record.is_checked,
        "sources": sources(record),
    }


def claims_shown(record, checked_only):
    """Whether what `record` itself claims is shown: always, or with checked facts only
    if an editor checked it. Facts are chosen by their querysets; this is for the claims
    of the seat and person records themselves (a seat's MP, a person's description and
    party)."""
    return record.is_checked or not checked_only


def checked_answer(checked):
    """A checked flag as the CSV download writes it; empty where there is no fact."""
    return "" if checked is None else "yes" if checked else "no"


def first_source(fact):
    """Where a fact is first stated, for ordering facts as the articles tell them."""
    return min(((e.article.slug, e.start) for e in fact.evidence_rows), default=("", 0))


def name_of(obj):
    return obj.name if obj else None


def party_fields(person, checked_only=False):
    """A person's party from their latest party move, else from their own record."""
    move = person.latest_move if person else None
    if move is None:
        shown = person is not None and claims_shown(person, checked_only)
        return {"party": name_of(person.party) if shown else None, "former_party": None}
    return {
        "party": move.to_group.name if move.to_group else "Independent",
        "former_party": move.from_party.name,
    }


def party_checked(person):
    """Whether an editor checked what `party_fields` gives; None where it gives no party."""
    move = person.latest_move
    if move is not None:
        return move.is_checked
    return person.is_checked if person.party_id else None


def official_check(seat, majority):
    """The official majority for the claim's seat and year, and whether the claim agrees
    (None where there is no official figure)."""
    result = seat.official_result(majority.year)
    official = result.majority if result else None
    return {
        "official_majority": official,
        "matches_official": None if official is None else official == majority.majority,
    }


def export_article(article):
    return {
        "slug": article.slug,
        "filename": article.filename,
        "title": article.title,
        "publisher": article.publisher,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "edited_fields": sorted(article.edited_fields),
        "sha256": article.sha256,
        "text": article.text,
    }


def export_organisation(organisation):
    return {
        "name": organisation.name,
        "slug": organisation.slug,
        "kind": organisation.kind,
        "parent": name_of(organisation.parent),
        "constituency": organisation.constituency.slug if organisation.constituency else None,
        **provenance(organisation),
    }


def export_person(person, checked_only=False):
    shown = claims_shown(person, checked_only)
    return {
        "name": person.name,
        "slug": person.slug,
        **party_fields(person, checked_only),
        "member_of": name_of(person.party) if shown else None,
        "description": person.description if shown else "",
        "aliases": sorted(alias.alias for alias in person.aliases.all()),
        "roles": [
            {"title": role.title, "organisation": name_of(role.organisation), **provenance(role)}
            for role in sorted(
                person.roles.all(), key=lambda r: (r.title, name_of(r.organisation) or "")
            )
        ],
        "party_moves": [
            {
                "from_party": move.from_party.name,
                "to_group": name_of(move.to_group),
                "constituency": move.constituency.slug if move.constituency else None,
                "date": move.date.isoformat() if move.date else None,
                "date_text": move.date_text,
                **provenance(move),
            }
            for move in sorted(person.party_moves.all(), key=lambda m: (first_source(m), m.pk))
        ],
        **provenance(person),
    }


def export_mp(seat, checked_only=False):
    """The seat's MP, as its record names them; `checked` is the record's."""
    if seat.mp is None or not claims_shown(seat, checked_only):
        return None
    return {
        "name": seat.mp.name,
        **party_fields(seat.mp, checked_only),
        "checked": seat.is_checked,
        "party_checked": party_checked(seat.mp),
    }


def export_constituency(seat, checked_only=False):
    """A seat and the facts about it that its querysets brought (every public one, or
    the checked ones after `checked_only()`); with `checked_only`, its MP only if checked."""
    shortlist = seat.shortlist
    return {
        "name": seat.name,
        "slug": seat.slug,
        "official_name": seat.official_name,
        "ons_code": seat.ons_code,
        "region": seat.region,
        "country": seat.country,
        "mp": export_mp(seat, checked_only),
        "majorities": [
            {"year": m.year, "majority": m.majority, **official_check(seat, m), **provenance(m)}
            for m in sorted(seat.majorities.all(), key=lambda m: (m.year, m.majority))
        ],
        "official_results": {
            str(r.year): {
                "majority": r.majority,
                "winner": r.winner,
                "runner_up": r.runner_up,
                "electorate": r.electorate,
                "valid_votes": r.valid_votes,
                "turnout": round(r.turnout, 4) if r.turnout is not None else None,
                "votes": dict(sorted(r.votes.items())),
                "source": r.source,
            }
            for r in seat.official_results.all()
        },
        "shortlist": (
            {
                "type": shortlist.kind,
                "firmness": shortlist.firmness,
                "decided_by": name_of(shortlist.decided_by),
                "checked": shortlist.is_checked,
                "sources": sources(shortlist),
            }
            if shortlist
            else None
        ),
        "shortlists": [
            {
                "type": s.kind,
                "firmness": s.firmness,
                "decided_by": name_of(s.decided_by),
                **provenance(s),
            }
            for s in sorted(seat.shortlists.all(), key=lambda s: s.kind)
        ],
        "candidates": [
            {
                "name": c.person.name,
                "slug": c.person.slug,
                "status": c.status,
                "description": c.description,
                "backers": sorted(b.name for b in c.backers.all()),
                **provenance(c),
            }
            for c in sorted(seat.candidacies.all(), key=lambda c: c.person.slug)
        ],
        "statements": [export_statement(s) for s in ordered_statements(seat.statements.all())],
        "events": [export_event(e) for e in ordered_events(seat.events.all())],
        **provenance(seat),
    }


def export_statement(statement):
    return {
        "speaker": name_of(statement.speaker),
        "speaker_role": statement.speaker_role,
        "organisation": name_of(statement.organisation),
        "by_clp": statement.by_clp,
        "medium": statement.medium,
        "stance": statement.stance,
        "text": statement.text,
        "source": source_slug(statement),
        "source_key": statement.source_key,
        **provenance(statement),
    }


def source_slug(statement):
    """The slug of the article a statement was read from: one of its sources' articles,
    which pages fetch anyway, except for a statement its article no longer supports."""
    if statement.source_id is None:
        return None
    for evidence in statement.evidence_rows:
        if evidence.article_id == statement.source_id:
            return evidence.article.slug
    return Article.objects.values_list("slug", flat=True).get(pk=statement.source_id)


def export_event(event):
    return {
        "kind": event.kind,
        "description": event.description,
        "person": name_of(event.person),
        "date": event.date.isoformat() if event.date else None,
        "date_text": event.date_text,
        **provenance(event),
    }


def ordered_statements(statements):
    return sorted(statements, key=lambda s: (first_source(s), s.text))


def ordered_events(events):
    return sorted(events, key=lambda e: (first_source(e), e.kind, e.description))


def export_tracker(everything=False, checked_only=False):
    """The tracker as a dict; `everything` includes rejected facts (the backup),
    `checked_only` leaves out the facts no editor has checked."""
    organisations = Organisation.objects.select_related("parent", "constituency").prefetch_related(
        "evidence__article"
    )
    if not everything:
        organisations = organisations.public()
    general = {"everything": everything, "checked": checked_only}
    statements = public_with_evidence(Statement, "speaker", "organisation", **general)
    events = public_with_evidence(Event, "person", **general)
    people = Person.objects.checked_only(checked_only).with_facts(everything)
    seats = Constituency.objects.checked_only(checked_only).with_facts(everything)
    backup = {"waiting_facts": export_waiting_facts()} if everything else {}
    return backup | {
        "articles": [export_article(a) for a in Article.objects.order_by("slug")],
        "organisations": [export_organisation(o) for o in organisations.order_by("slug")],
        "people": [export_person(p, checked_only) for p in people.order_by("slug")],
        "constituencies": [export_constituency(c, checked_only) for c in seats.order_by("slug")],
        # Statements and events about all the splitters' seats rather than one.
        "general": {
            "statements": [
                export_statement(s)
                for s in ordered_statements(statements.filter(constituency=None))
            ],
            "events": [export_event(e) for e in ordered_events(events.filter(constituency=None))],
        },
    }


def export_waiting_facts():
    """Facts that wait for an MP's seat to be known (`WaitingFact`): not facts yet, so only
    the backup carries them."""
    rows = WaitingFact.objects.select_related("article").order_by("article__slug", "pk")
    return [
        {
            "article": row.article.slug,
            "seat_holder": row.seat_holder,
            "kind": row.kind,
            "fields": row.fields,
        }
        for row in rows
    ]


def dumps(data, compact=False):
    """The export as text; `compact` (the seat download) leaves out the indentation,
    which makes it a third smaller and lets the C encoder write it, ten times faster."""
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
