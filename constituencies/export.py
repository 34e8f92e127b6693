"""The open-data export: the whole public tracker as one JSON document.

Ordering is fixed everywhere (by name, year, then evidence position), so two exports
of the same data are byte-identical. Rejected facts are left out, as on the site.
"""

import json

from .models import Article, Constituency, Person


def sources(fact):
    return [
        {"article": e.article.slug, "start": e.start, "end": e.end, "quote": e.quote}
        for e in sorted(fact.evidence.all(), key=lambda e: (e.article.slug, e.start, e.end))
    ]


def first_source(fact):
    """Where a fact is first stated, for ordering facts as the articles tell them."""
    return min(((e.article.slug, e.start) for e in fact.evidence.all()), default=("", 0))


def party_fields(person):
    move = person.latest_move if person else None
    if move is None:
        return {"party": name_of(person.party) if person else None, "former_party": None}
    return {
        "party": move.to_group.name if move.to_group else "Independent",
        "former_party": move.from_party.name,
    }


def official_check(seat, majority):
    """The official majority for the claim's seat and year, and whether the claim agrees
    (None where there is no official figure)."""
    result = seat.official_result(majority.year)
    official = result.majority if result else None
    return {
        "official_majority": official,
        "matches_official": None if official is None else official == majority.majority,
    }


def name_of(obj):
    return obj.name if obj else None


def export_article(article):
    return {
        "slug": article.slug,
        "filename": article.filename,
        "title": article.title,
        "publisher": article.publisher,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "sha256": article.sha256,
        "text": article.text,
    }


def export_person(person):
    return {
        "name": person.name,
        "slug": person.slug,
        **party_fields(person),
        "description": person.description,
        "aliases": sorted(alias.alias for alias in person.aliases.all()),
        "party_moves": [
            {
                "from_party": move.from_party.name,
                "to_group": name_of(move.to_group),
                "constituency": name_of(move.constituency),
                "date": move.date_text,
                "sources": sources(move),
            }
            for move in person.party_moves.all()
        ],
        "sources": sources(person),
    }


def export_constituency(seat):
    shortlist = seat.shortlist
    return {
        "name": seat.name,
        "slug": seat.slug,
        "official_name": seat.official_name,
        "ons_code": seat.ons_code,
        "region": seat.region,
        "country": seat.country,
        "mp": {"name": seat.mp.name, **party_fields(seat.mp)} if seat.mp else None,
        "majorities": [
            {
                "year": m.year,
                "majority": m.majority,
                **official_check(seat, m),
                "sources": sources(m),
            }
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
            }
            for r in seat.official_results.all()
        },
        "shortlist": (
            {
                "type": shortlist.kind,
                "firmness": shortlist.firmness,
                "decided_by": name_of(shortlist.decided_by),
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
                "sources": sources(s),
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
                "sources": sources(c),
            }
            for c in sorted(seat.candidacies.all(), key=lambda c: c.person.name)
        ],
        "statements": [
            {
                "speaker": name_of(s.speaker),
                "organisation": name_of(s.organisation),
                "by_clp": s.by_clp,
                "medium": s.medium,
                "stance": s.stance,
                "text": s.text,
                "sources": sources(s),
            }
            for s in sorted(seat.statements.all(), key=lambda s: (first_source(s), s.text))
        ],
        "events": [
            {
                "kind": e.kind,
                "description": e.description,
                "person": name_of(e.person),
                "date": e.date_text,
                "sources": sources(e),
            }
            for e in sorted(seat.events.all(), key=lambda e: (e.kind, e.description))
        ],
    }


def export_tracker():
    return {
        "articles": [export_article(a) for a in Article.objects.order_by("slug")],
        "people": [export_person(p) for p in Person.objects.with_facts().order_by("slug")],
        "constituencies": [
            export_constituency(c) for c in Constituency.objects.with_facts().order_by("slug")
        ],
    }


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
