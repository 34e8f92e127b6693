"""The load layer on hand-made facts: upserts, evidence, editors' changes, stale facts."""

import hashlib

import pytest
from django.db import transaction

from constituencies import models
from constituencies.ingest import facts as f
from constituencies.ingest.facts import Extraction, Span
from constituencies.ingest.load import load_article
from constituencies.ingest.read import RawArticle

pytestmark = pytest.mark.django_db

TEXT = (
    "Jane Doe, the MP for Testshire North, has quit Labour. "
    "She has a majority of 4,321. "
    "Local councillor Sam Hope is tipped to replace her."
)


def span(text, quote):
    start = text.index(quote)
    return Span(start, start + len(quote), quote)


def raw(text=TEXT, filename="story.txt"):
    return RawArticle(filename, text, hashlib.sha256(text.encode()).hexdigest())


def extraction(text=TEXT, status="tipped", candidate="Sam Hope", majority=4321):
    sentence = span(text, f"Local councillor {candidate} is tipped to replace her.")
    return Extraction(
        title="Jane Doe quits",
        facts=[
            f.SeatFact(
                "seat.mp_for",
                (span(text, "Jane Doe, the MP for Testshire North"),),
                person="Jane Doe",
                constituency="Testshire North",
            ),
            f.PartyMoveFact(
                "move.quit",
                (span(text, "has quit Labour"),),
                person="Jane Doe",
                from_party="Labour",
                constituency="Testshire North",
            ),
            f.MajorityFact(
                "majority.has",
                (span(text, f"a majority of {majority:,}"),),
                constituency="Testshire North",
                year=2017,
                majority=majority,
            ),
            f.CandidacyFact(
                "candidacy.tipped",
                (sentence,),
                person=candidate,
                constituency="Testshire North",
                status=status,
                description="local councillor",
                backers=("Unite",),
            ),
        ],
    )


def load(raw_article=None, extracted=None):
    with transaction.atomic():
        return load_article(raw_article or raw(), extracted or extraction())


def test_first_load_creates_records_with_exact_evidence():
    result = load()
    assert result.counts["created"] > 0 and result.counts["updated"] == 0
    seat = models.Constituency.objects.get(slug="testshire-north")
    assert seat.mp.name == "Jane Doe"
    move = models.PartyMove.objects.get()
    assert (move.person.name, move.from_party.name, move.to_group) == ("Jane Doe", "Labour", None)
    assert models.Majority.objects.get().majority == 4321
    candidacy = models.Candidacy.objects.get()
    assert [b.name for b in candidacy.backers.all()] == ["Unite"]
    assert models.Organisation.objects.get(name="Unite").kind == "union"
    for evidence in models.Evidence.objects.all():
        assert evidence.article.text[evidence.start : evidence.end] == evidence.quote
    assert candidacy.evidence.get().rule == "candidacy.tipped"


def test_second_load_changes_nothing():
    load()
    before = models.Evidence.objects.count(), models.Candidacy.history.count()
    result = load()
    assert result.counts["created"] == result.counts["updated"] == 0
    assert result.counts["unchanged"] == 4
    assert (models.Evidence.objects.count(), models.Candidacy.history.count()) == before


def test_editor_values_survive_a_reload():
    load()
    candidacy = models.Candidacy.objects.get()
    candidacy.description = "councillor for Testshire ward"
    candidacy.edited_fields = ["description"]
    candidacy.save()
    load(extracted=extraction(status="shortlisted"))
    candidacy.refresh_from_db()
    assert candidacy.description == "councillor for Testshire ward"
    assert candidacy.status == "shortlisted"


def test_rejected_fact_stays_rejected_through_reloads():
    load()
    models.Majority.objects.update(review=models.Review.REJECTED)
    load()
    assert models.Majority.objects.get().review == models.Review.REJECTED
    assert not models.Majority.objects.public().exists()


def test_a_later_stage_is_not_undone_by_an_earlier_article():
    load(extracted=extraction(status="selected"))
    load(raw(TEXT + " More.", "older.txt"), extraction(TEXT + " More.", status="tipped"))
    assert models.Candidacy.objects.get().status == "selected"


def test_changed_text_replaces_only_that_articles_facts():
    load()
    other_text = "Jane Doe has a majority of 4,321 in Testshire North."
    load(
        raw(other_text, "other.txt"),
        Extraction(
            facts=[
                f.MajorityFact(
                    "majority.has",
                    (span(other_text, "a majority of 4,321"),),
                    constituency="Testshire North",
                    year=2017,
                    majority=4321,
                ),
            ]
        ),
    )
    new_text = TEXT.replace("4,321", "4,322").replace("Sam Hope", "Kim Ray")
    result = load(raw(new_text), extraction(new_text, candidate="Kim Ray", majority=4322))

    assert result.removed == 1
    assert sorted(models.Majority.objects.values_list("majority", flat=True)) == [4321, 4322]
    assert [c.person.name for c in models.Candidacy.objects.all()] == ["Kim Ray"]
    article = models.Article.objects.get(filename="story.txt")
    assert article.text == new_text
    for evidence in models.Evidence.objects.select_related("article"):
        assert evidence.article.text[evidence.start : evidence.end] == evidence.quote


def test_same_text_under_another_name_is_not_loaded_twice():
    load()
    result = load(raw(filename="copy-of-story.txt"))
    assert result.duplicate_of == "story.txt"
    assert models.Article.objects.count() == 1


def test_surname_resolves_to_a_person_from_an_earlier_article():
    load()
    text = "Doe said nothing."
    load(
        raw(text, "later.txt"),
        Extraction(
            facts=[
                f.StatementFact(
                    "statement.said",
                    (span(text, "Doe said nothing."),),
                    constituency="Testshire North",
                    text="nothing",
                    speaker="Doe",
                ),
            ]
        ),
    )
    assert models.Statement.objects.get().speaker.name == "Jane Doe"
    assert not models.Person.objects.filter(name="Doe").exists()
