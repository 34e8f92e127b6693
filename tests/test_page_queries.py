"""The pages' folded reads give what the plain relations hold.

Seat, person and download pages fetch the evidence of all their facts in one query
(`with_evidence`), a candidacy's backers and a seat's official results in the parent's
own row (`related_rows`); an article page resolves its spans to facts in one UNION
(`display.passages`). Each is compared here with the plain ORM's answer.
"""

import pytest
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import connection

from constituencies import display, models
from constituencies.display import fact_label, fact_url

from . import factories as f
from .test_query_counts import build_tracker

pytestmark = pytest.mark.django_db

# How the article page found its facts before: one query per kind of fact.
FACT_QUERYSETS = (
    models.Constituency.objects.public().select_related("mp"),
    models.Person.objects.public(),
    models.Organisation.objects.public().select_related("constituency"),
    models.Role.objects.public().select_related("person", "organisation"),
    models.PartyMove.objects.public().select_related("person", "from_party", "to_group"),
    models.Majority.objects.public().select_related("constituency"),
    models.ShortlistDecision.objects.public().select_related("constituency", "decided_by"),
    models.Candidacy.objects.public().select_related("person", "constituency"),
    models.Statement.objects.public().select_related("speaker", "organisation", "constituency"),
    models.Event.objects.public().select_related("constituency"),
)


def passages_one_kind_at_a_time(article):
    evidence = (
        models.Evidence.objects.filter(article=article)
        .order_by("start", "end")
        .prefetch_related(GenericPrefetch("fact", [qs.all() for qs in FACT_QUERYSETS]))
    )
    spans = {}
    for item in evidence:
        if item.fact is not None:
            spans.setdefault((item.start, item.end, item.quote), []).append(item.fact)
    return [
        (start, end, quote, sorted((fact_label(fact), fact_url(fact)) for fact in facts))
        for (start, end, quote), facts in sorted(spans.items())
    ]


@pytest.fixture
def tracker():
    article, person = build_tracker(4)
    seat = models.Constituency.objects.order_by("name").first()
    momentum = f.OrganisationFactory(name="Momentum", constituency=seat)
    f.add_evidence(momentum, article, 0, 4)
    general = f.StatementFactory(constituency=None, speaker=None, organisation=momentum)
    f.add_evidence(general, article, 0, 4)
    rejected = models.Statement.objects.filter(speaker=person).first()
    rejected.review = models.Review.REJECTED
    rejected.save()
    models.Candidacy.objects.filter(backers__isnull=False).first().backers.add(momentum)
    return article


def test_an_article_page_names_and_links_the_same_facts(tracker):
    found = [
        (p.start, p.end, p.quote, sorted((fact_label(fact), fact_url(fact)) for fact in p.facts))
        for p in display.passages(tracker)
    ]
    assert found == passages_one_kind_at_a_time(tracker)
    kinds = {type(fact) for passage in display.passages(tracker) for fact in passage.facts}
    assert kinds == set(display.LABEL_FIELDS)


def test_seats_carry_their_facts_evidence_backers_and_results(tracker, django_assert_num_queries):
    seats = list(models.Constituency.objects.with_facts().order_by("name"))
    with django_assert_num_queries(0):
        read = {
            seat.pk: (
                [e.pk for e in seat.evidence.all()],
                {c.pk: [b.name for b in c.backers.all()] for c in seat.candidacies.all()},
                {c.pk: [e.pk for e in c.evidence.all()] for c in seat.candidacies.all()},
                [(r.year, r.majority, r.votes, r.source) for r in seat.official_results.all()],
            )
            for seat in seats
        }
    for seat in seats:
        evidence, backers, candidacy_evidence, results = read[seat.pk]
        plain = models.Constituency.objects.get(pk=seat.pk)
        assert evidence == [e.pk for e in plain.evidence.all()]
        for candidacy in models.Candidacy.objects.filter(constituency=seat):
            assert backers[candidacy.pk] == [b.name for b in candidacy.backers.order_by("name")]
            assert candidacy_evidence[candidacy.pk] == [e.pk for e in candidacy.evidence.all()]
        assert results == [
            (r.year, r.majority, r.votes, r.source)
            for r in models.OfficialResult.objects.filter(constituency=seat).order_by("year")
        ]
    assert any(backers for _, backers, _, _ in read.values())


def test_folded_relations_still_answer_queries_chained_on_them(tracker):
    seat = models.Constituency.objects.with_facts().filter(candidacies__backers__isnull=False)[0]
    candidacy = next(c for c in seat.candidacies.all() if c.backers.all())
    assert candidacy.backers.count() == candidacy.backers.all().count() > 0
    assert seat.official_results.filter(year=2017).count() == 1
    assert candidacy.evidence.filter(pk__gt=0).count() == len(candidacy.evidence.all())
    # Backers carry their name and slug; anything else loads when asked for.
    backer = candidacy.backers.all()[0]
    assert "kind" in backer.get_deferred_fields()
    assert backer.kind == models.Organisation.objects.get(pk=backer.pk).kind


def test_evidence_is_fetched_in_batches_where_parameters_are_few(tracker, monkeypatch):
    monkeypatch.setattr(type(connection.features), "max_query_params", 7)
    seats = list(models.Constituency.objects.with_facts())
    quotes = [e.quote for seat in seats for c in seat.candidacies.all() for e in c.evidence_rows]
    assert len(quotes) == models.Evidence.objects.filter(content_type__model="candidacy").count()
