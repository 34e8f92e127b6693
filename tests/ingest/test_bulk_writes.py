"""The loader's own bulk statements (`insert_many`, `update_many`) write exactly what they
are given, on whichever database the suite runs against."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from constituencies import models
from constituencies.ingest.load import insert_many, insert_records, update_many
from tests.factories import ArticleFactory, ConstituencyFactory, PersonFactory

pytestmark = pytest.mark.django_db

AWKWARD = [
    'She said: "we\'re staying", then left',
    "a, b; c\td",
    "first line\nsecond line\r\nthird",
    "Ynys Môn — £1,000 \\ 50%",
    "",
]


def test_insert_many_writes_every_value_as_given():
    article = ArticleFactory()
    content_type = ContentType.objects.get_for_model(models.Person)
    columns = ("article", "content_type", "object_id", "start", "end", "quote", "rule")
    rows = [
        (article.pk, content_type.pk, 10 + n, n, n + 1 + len(text), text, text)
        for n, text in enumerate(AWKWARD)
    ]

    insert_many(models.Evidence, columns, rows)

    stored = models.Evidence.objects.order_by("object_id").values_list(
        "article_id", "content_type_id", "object_id", "start", "end", "quote", "rule"
    )
    assert list(stored) == rows


def test_insert_many_of_nothing_writes_nothing():
    insert_many(models.Evidence, ("article", "quote"), [])

    assert not models.Evidence.objects.exists()


def test_update_many_sets_each_row_its_own_values_and_nothing_else():
    seats = ConstituencyFactory.create_batch(3)
    untouched = ConstituencyFactory(name="Untouched")
    newcomer = PersonFactory()
    when = timezone.make_aware(datetime.datetime(2019, 2, 18, 12, 30))

    update_many(
        models.Constituency,
        ["mp", "region"],
        [(seats[0].pk, newcomer.pk, AWKWARD[0]), (seats[1].pk, None, AWKWARD[2])],
        updated_at=when,
    )

    after = {seat.pk: seat for seat in models.Constituency.objects.all()}
    assert (after[seats[0].pk].mp_id, after[seats[0].pk].region) == (newcomer.pk, AWKWARD[0])
    assert (after[seats[1].pk].mp_id, after[seats[1].pk].region) == (None, AWKWARD[2])
    assert after[seats[0].pk].updated_at == after[seats[1].pk].updated_at == when
    for before in (seats[2], untouched):
        row = after[before.pk]
        assert (row.mp_id, row.region, row.updated_at) == (
            before.mp_id,
            before.region,
            before.updated_at,
        )


def test_update_many_can_clear_a_relation_on_every_row():
    seats = ConstituencyFactory.create_batch(2)

    update_many(models.Constituency, ["mp"], [(seat.pk, None) for seat in seats])

    assert list(models.Constituency.objects.values_list("mp", flat=True)) == [None, None]


def test_insert_records_stores_each_record_and_gives_it_its_key():
    seat = ConstituencyFactory()
    people = PersonFactory.create_batch(3)
    candidacies = [
        models.Candidacy(
            person=person,
            constituency=seat,
            status="shortlisted",
            description=text,
            edited_fields=["status"] if n == 0 else [],
        )
        for n, (person, text) in enumerate(zip(people, AWKWARD, strict=False))
    ]
    before = timezone.now()

    insert_records(models.Candidacy, candidacies)

    assert all(not c._state.adding for c in candidacies)
    for candidacy in candidacies:
        stored = models.Candidacy.objects.get(pk=candidacy.pk)
        assert (stored.person, stored.constituency, stored.status, stored.description) == (
            candidacy.person,
            seat,
            "shortlisted",
            candidacy.description,
        )
        assert stored.edited_fields == candidacy.edited_fields
        assert before <= stored.created_at == stored.updated_at == candidacy.updated_at


def test_insert_records_refuses_a_relation_to_an_unsaved_row():
    seat = ConstituencyFactory()
    unsaved = models.Person(name="Nobody Yet", slug="nobody-yet")

    with pytest.raises(ValueError, match="unsaved related object"):
        insert_records(models.Candidacy, [models.Candidacy(person=unsaved, constituency=seat)])
