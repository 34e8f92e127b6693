"""Facts about "X's seat" in articles that never name it: placed by the loader, never by
extracting an article twice."""

import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from constituencies import models
from constituencies.ingest import facts as f
from constituencies.ingest import work
from constituencies.ingest.facts import Extraction, Span
from constituencies.ingest.load import Item, KnownSeats, Names, load_batch
from constituencies.ingest.read import RawArticle

pytestmark = pytest.mark.django_db

MAJORITY = "Jane Doe's majority was 4,321 in 2017."
SEAT = "Jane Doe, the MP for Testshire North, spoke."
OTHER_SEAT = "Jane Doe, now the MP for Testshire South, spoke."


def span(text, quote):
    start = text.index(quote)
    return Span(start, start + len(quote), quote)


def raw(text, filename):
    return RawArticle(filename, text, hashlib.sha256(text.encode()).hexdigest())


def majority_item(text=MAJORITY, filename="majority.txt"):
    fact = f.MajorityFact(
        "majority.noun", (span(text, text),), "", 2017, 4321, seat_holder="Jane Doe"
    )
    return Item(raw(text, filename), Extraction(facts=[fact]))


def seat_item(text=SEAT, filename="seat.txt", seat="Testshire North"):
    fact = f.SeatFact("seat.appos", (span(text, text),), person="Jane Doe", constituency=seat)
    return Item(raw(text, filename), Extraction(facts=[fact]))


def load(*items, seats=None):
    with transaction.atomic():
        return load_batch(list(items), names=Names(), seats=seats)


def majorities():
    return sorted(
        (m.constituency.name, m.year, m.majority, [e.article.filename for e in m.evidence.all()])
        for m in models.Majority.objects.prefetch_related("evidence__article")
    )


PLACED = [("Testshire North", 2017, 4321, ["majority.txt"])]


def test_a_fact_waits_until_a_later_batch_names_the_seat():
    load(majority_item())
    assert majorities() == []
    waiting = models.WaitingFact.objects.get()
    assert (waiting.seat_holder, waiting.kind, waiting.article.filename) == (
        "Jane Doe",
        "MajorityFact",
        "majority.txt",
    )
    results = load(seat_item())
    assert majorities() == PLACED
    assert not models.WaitingFact.objects.exists()
    # the second batch reports the facts it wrote for the first article
    assert [(r.article.filename, r.counts["majority:created"]) for r in results] == [
        ("seat.txt", 0),
        ("majority.txt", 1),
    ]


@pytest.mark.parametrize("order", ["seat first", "majority first"])
def test_within_one_batch_the_order_does_not_matter(order):
    items = [seat_item(), majority_item()]
    load(*(items if order == "seat first" else reversed(items)), seats=KnownSeats())
    assert majorities() == PLACED
    assert not models.WaitingFact.objects.exists()


def test_a_seat_already_known_places_the_fact_at_once():
    load(seat_item())
    load(majority_item())
    assert majorities() == PLACED
    assert not models.WaitingFact.objects.exists()


def test_reloading_after_the_fact_was_placed_changes_nothing():
    load(majority_item())
    load(seat_item())
    results = load(majority_item())
    assert majorities() == PLACED
    assert results[0].counts["majority:unchanged"] == 1
    assert results[0].removed == 0
    assert not models.WaitingFact.objects.exists()


def test_a_waiting_fact_goes_when_its_article_no_longer_says_it():
    load(majority_item())
    text = "Jane Doe spoke."
    load(Item(raw(text, "majority.txt"), Extraction(facts=[])))
    assert not models.WaitingFact.objects.exists()
    load(seat_item())
    assert majorities() == []


def test_a_placed_fact_goes_when_its_article_no_longer_says_it():
    load(majority_item())
    load(seat_item())
    load(Item(raw("Jane Doe spoke.", "majority.txt"), Extraction(facts=[])))
    assert majorities() == []


def test_placing_a_fact_leaves_the_rest_of_its_article_alone():
    text = MAJORITY + " Sam Hope is tipped."
    item = majority_item(text)
    candidacy = f.CandidacyFact(
        "candidacy.tipped",
        (span(text, "Sam Hope is tipped."),),
        person="Sam Hope",
        constituency="Testshire North",
        status="tipped",
    )
    item.extraction.facts.append(candidacy)
    load(item)
    load(seat_item())
    assert majorities() == [("Testshire North", 2017, 4321, ["majority.txt"])]
    assert models.Candidacy.objects.get().person.name == "Sam Hope"
    assert models.Evidence.objects.filter(article__filename="majority.txt").count() == 2


def test_a_seat_known_after_placing_does_not_move_the_fact():
    load(seat_item())
    load(majority_item())
    load(seat_item(OTHER_SEAT, "moved.txt", "Testshire South"))
    assert [m[0] for m in majorities()] == ["Testshire North"]


@pytest.mark.django_db(transaction=True)
def test_load_articles_places_facts_from_later_files_without_extracting_twice(
    tmp_path, monkeypatch
):
    (tmp_path / "1-majority.txt").write_text(
        "Jane Doe's majority was 4,321 in 2017, she said.\n", encoding="utf-8"
    )
    (tmp_path / "2-seat.txt").write_text(
        "Jane Doe, the Labour MP for Wigan, spoke on Monday.\n", encoding="utf-8"
    )
    extracted = []
    real = work.extract

    def counting(text, published=None):
        extracted.append(text)
        return real(text, published)

    monkeypatch.setattr(work, "extract", counting)
    call_command("load_articles", str(tmp_path), stdout=StringIO())
    assert len(extracted) == 2
    assert [(m[0], m[1], m[2]) for m in majorities()] == [("Wigan", 2017, 4321)]
    assert not models.WaitingFact.objects.exists()
