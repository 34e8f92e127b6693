"""The loader's own bulk statements (`insert_many`, `insert_records`, `update_many`) write
exactly what they are given, and `natural_key_conditions` finds exactly the rows asked
for, on whichever database the suite runs against."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from constituencies import models
from constituencies.ingest import load
from constituencies.ingest.load import (
    PlannerStatistics,
    insert_many,
    insert_records,
    natural_key_conditions,
    update_many,
)
from tests.factories import (
    ArticleFactory,
    ConstituencyFactory,
    MajorityFactory,
    OrganisationFactory,
    PersonFactory,
)

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


def matching(model, keys):
    found = set()
    for condition in natural_key_conditions(model, keys):
        found |= set(model.objects.filter(condition).values_list("pk", flat=True))
    return found


def test_natural_keys_match_whole_keys_not_combinations_of_their_values():
    north, south = ConstituencyFactory.create_batch(2)
    wanted = [
        MajorityFactory(constituency=north, year=2017, majority=100),
        MajorityFactory(constituency=south, year=2015, majority=200),
    ]
    # Each field's value is one of those asked for, but not together.
    MajorityFactory(constituency=north, year=2015, majority=200)
    MajorityFactory(constituency=south, year=2017, majority=100)
    keys = [
        {"constituency": m.constituency, "year": m.year, "majority": m.majority} for m in wanted
    ]

    assert matching(models.Majority, keys) == {m.pk for m in wanted}


def test_natural_keys_with_a_field_missing_match_rows_where_it_is_null():
    person = PersonFactory()
    party, council = OrganisationFactory.create_batch(2)
    chair = models.Role.objects.create(person=person, title="Chair", organisation=party)
    officer = models.Role.objects.create(person=person, title="Officer", organisation=None)
    models.Role.objects.create(person=person, title="Chair", organisation=council)
    models.Role.objects.create(person=person, title="Officer", organisation=party)
    keys = [
        {"person": person, "title": "Chair", "organisation": party},
        {"person": person, "title": "Officer", "organisation": None},
    ]

    assert matching(models.Role, keys) == {chair.pk, officer.pk}


def test_natural_keys_beyond_the_parameter_limit_take_several_queries(monkeypatch):
    seats = ConstituencyFactory.create_batch(4)
    majorities = [MajorityFactory(constituency=seat, year=2017) for seat in seats]
    keys = [
        {"constituency": m.constituency, "year": m.year, "majority": m.majority} for m in majorities
    ]
    monkeypatch.setattr(load, "parameter_limit", lambda: 6)

    assert len(natural_key_conditions(models.Majority, keys)) == 2
    assert matching(models.Majority, keys) == {m.pk for m in majorities}


def test_natural_keys_of_one_field_use_in():
    people = PersonFactory.create_batch(3)

    assert matching(models.Person, [{"pk": p.pk} for p in people[:2]]) == {p.pk for p in people[:2]}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statistics guide PostgreSQL only")
def test_tables_are_analysed_once_a_load_has_doubled_them():
    seat = ConstituencyFactory()
    count = PlannerStatistics.AT_LEAST + 5
    models.Majority.objects.bulk_create(
        models.Majority(constituency=seat, year=2017, majority=n + 1) for n in range(count)
    )
    records = sum(model.objects.count() for model in load.FACT_MODELS)
    statistics = PlannerStatistics()
    statistics.known = 0  # as if nothing had been there at the last analysis

    statistics.added_records(count - 10)
    assert (statistics.known, statistics.added) == (0, count - 10)
    assert statistics.rows() != records
    statistics.added_records(10)

    # The planner now knows the rows there are.
    assert (statistics.known, statistics.added) == (records, 0)
    assert statistics.rows() == records


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite plans without statistics")
def test_statistics_cost_nothing_where_the_planner_does_not_use_them(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        statistics = PlannerStatistics()
        statistics.added_records(10 * PlannerStatistics.AT_LEAST)
