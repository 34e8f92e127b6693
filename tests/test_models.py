import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from constituencies.models import Evidence, Majority, Statement

from . import factories as f

pytestmark = pytest.mark.django_db


def test_evidence_rejects_a_quote_the_article_does_not_contain():
    article = f.ArticleFactory(text="Jane Doe has a majority of 1,234.")
    majority = f.MajorityFactory()
    evidence = Evidence(
        article=article, fact=majority, start=0, end=8, quote="John Doe", rule="test"
    )
    with pytest.raises(ValidationError, match="Quote does not match"):
        evidence.save()
    assert not Evidence.objects.exists()


def test_evidence_accepts_the_exact_slice_and_links_back_to_the_fact():
    article = f.ArticleFactory(text="Jane Doe has a majority of 1,234.")
    majority = f.MajorityFactory(majority=1234)
    evidence = f.add_evidence(majority, article, 15, 32)
    assert evidence.quote == "majority of 1,234"
    assert list(majority.evidence.all()) == [evidence]
    assert evidence.fact == majority
    assert evidence.get_absolute_url().endswith("#span-15-32")


def test_evidence_end_must_follow_start():
    article = f.ArticleFactory(text="abc")
    majority = f.MajorityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.bulk_create(
            [Evidence(article=article, fact=majority, start=2, end=2, quote="")]
        )


@pytest.mark.parametrize(
    "make_duplicate",
    [
        lambda: f.ArticleFactory(sha256="a" * 64) and f.ArticleFactory(sha256="a" * 64),
        lambda: f.ArticleFactory(filename="x.txt") and f.ArticleFactory(filename="x.txt"),
        lambda: f.PersonFactory(name="Jane Doe") and f.PersonFactory(name="Jane Doe", slug="other"),
        lambda: f.PersonFactory(slug="jane") and f.PersonFactory(slug="jane"),
        lambda: (
            f.ConstituencyFactory(name="Seatown")
            and f.ConstituencyFactory(name="Seatown", slug="s")
        ),
        lambda: (
            f.OrganisationFactory(slug="unite")
            and f.OrganisationFactory(name="Other", slug="unite")
        ),
        lambda: (
            (seat := f.ConstituencyFactory())
            and f.MajorityFactory(constituency=seat, year=2017, majority=5)
            and f.MajorityFactory(constituency=seat, year=2017, majority=5)
        ),
        lambda: (
            (seat := f.ConstituencyFactory())
            and f.ShortlistDecisionFactory(constituency=seat)
            and f.ShortlistDecisionFactory(constituency=seat)
        ),
        lambda: (
            (c := f.CandidacyFactory())
            and f.CandidacyFactory(person=c.person, constituency=c.constituency)
        ),
        lambda: (
            (s := f.StatementFactory(source=f.ArticleFactory(), source_key="Speaker|||Seat"))
            and f.StatementFactory(source=s.source, source_key=s.source_key)
        ),
        lambda: (
            (e := f.EventFactory())
            and f.EventFactory(constituency=e.constituency, kind=e.kind, description=e.description)
        ),
        lambda: (
            (m := f.PartyMoveFactory())
            and f.PartyMoveFactory(person=m.person, from_party=m.from_party)
        ),
        lambda: (r := f.RoleFactory()) and f.RoleFactory(person=r.person, title=r.title),
    ],
    ids=[
        "article-sha256",
        "article-filename",
        "person-name",
        "person-slug",
        "constituency-name",
        "organisation-slug",
        "majority",
        "shortlist",
        "candidacy",
        "statement",
        "event",
        "party-move",
        "role-without-organisation",
    ],
)
def test_natural_keys_are_database_constraints(make_duplicate):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_duplicate()


def test_articles_without_a_filename_do_not_clash():
    f.ArticleFactory(filename="")
    f.ArticleFactory(filename="")


def test_majority_year_must_be_plausible():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.MajorityFactory(year=17)


def test_the_same_majority_in_two_years_is_two_records():
    seat = f.ConstituencyFactory()
    f.MajorityFactory(constituency=seat, year=2015, majority=100)
    f.MajorityFactory(constituency=seat, year=2017, majority=100)
    assert Majority.objects.filter(constituency=seat).count() == 2


def test_public_hides_rejected_facts():
    kept = f.StatementFactory()
    f.StatementFactory(review="rejected")
    assert list(Statement.objects.public()) == [kept]


def test_models_read_well_in_the_admin():
    seat = f.ConstituencyFactory(name="Streatham")
    assert str(seat) == "Streatham"
    assert seat.get_absolute_url() == "/constituencies/streatham/"
    assert (
        str(f.MajorityFactory(constituency=seat, year=2017, majority=26285))
        == "Streatham 2017: 26,285"
    )
    assert Majority._meta.verbose_name_plural == "majorities"
