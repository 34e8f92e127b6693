"""Every public page runs the same number of queries for 3 seats as for all 650, and
never more than 10.

The tracker is built in bulk (`bulk_create`, no per-row saves) so that the 650-seat case
stays quick; each seat has majorities, a shortlist, several candidates, statements and
an event, all with evidence in one long article, and one person stands and speaks in
every seat so that the person page grows with the data too. Every seat has official
results for two elections, spread over regions and winning parties, so that the list's
filters and the seat page's official result run against real rows.

Pages are counted as served: through the page cache, emptied before each page, so that
each count is a first render plus the one query every request pays to read the data
version. The tests commit for real (`transaction=True`): the page cache is bypassed
inside a transaction.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse

from constituencies import demo, models, pagecache

from . import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

QUERY_LIMIT = 10

CANDIDATES_PER_SEAT = 4
KINDS = ["all_women", "open", "undecided"]
PLACES = [("England", "London"), ("England", "North West"), ("Scotland", "Scotland")]
WINNERS = ["Lab", "Con", "SNP", "LD"]

# Queries per page, whatever the number of seats, the data-version read included. Seat
# and JSON pay one query per kind of fact (a seat's official results ride in its row and
# a candidacy's backers in its own) and one for the evidence of every fact at once; the
# person page likewise. An article page reads its spans and their facts' labels in one
# UNION query. Lists pay a count, the page of seats, their MPs' party moves and newest
# statements; the filter form's places and parties cost one query wherever it is drawn
# (home and list), and in downloads filtered by them; the home page one more to count all
# seats.
EXPECTED_QUERIES = {
    "home": 7,
    "list": 6,
    "list-all": 6,
    "list-page-13": 6,
    "list-official": 6,
    "list-untracked": 6,
    "seat": 9,
    "quiet-seat": 9,
    "person": 9,
    "articles": 3,
    "article": 3,
    "csv": 4,
    "csv-all": 4,
    "csv-official": 5,
    "json": 9,
    "json-all": 9,
    "json-official": 10,
    "feed": 6,
    "seat-feed": 7,
}


class Line:
    """Builds one line of the article and remembers where each phrase sits in it."""

    def __init__(self, offset):
        self.offset, self.parts, self.spans = offset, [], {}

    def add(self, key, phrase):
        start = self.offset + sum(len(p) for p in self.parts)
        self.parts.append(phrase)
        self.spans[key] = (start, start + len(phrase))

    @property
    def text(self):
        return "".join(self.parts)


def build_tracker(n):
    """`n` seats with their facts and evidence; returns the article and a prolific person."""
    labour = f.OrganisationFactory(name="Labour")
    tig = f.OrganisationFactory(name="The Independent Group")
    nec = f.OrganisationFactory(name="NEC", kind=models.Organisation.Kind.COMMITTEE)
    unite = f.OrganisationFactory(name="Unite", kind=models.Organisation.Kind.UNION)
    prolific = f.PersonFactory(name="Pat Prolific", slug="pat-prolific")

    lines, offset = [], 0
    for i in range(n):
        line = Line(offset)
        line.add("seat", f"Seat {i:04d} is held by MP {i:04d}, ")
        line.add("move", "who quit Labour for TIG on Monday. ")
        line.add("m2017", f"The majority was {2000 + i} in 2017")
        line.add("m2015", f" and {9000 - i} in 2015. ")
        line.add("shortlist", "The NEC agreed the shortlist. ")
        for c in range(CANDIDATES_PER_SEAT):
            line.add(f"cand{c}", f"Candidate {i:04d}-{c} is tipped. ")
        line.add("prolific", "Pat Prolific is tipped too. ")
        for s in range(3):
            line.add(f"st{s}", f"Statement {i}-{s}: we want a by-election. ")
        line.add("event", "Members held a campaign day.")
        lines.append(line)
        offset += len(line.text) + 1
    article = f.ArticleFactory(
        title="Everything at once", slug="everything", text="\n".join(line.text for line in lines)
    )

    mps = models.Person.objects.bulk_create(
        models.Person(name=f"MP {i:04d}", slug=f"mp-{i:04d}") for i in range(n)
    )
    seats = models.Constituency.objects.bulk_create(
        models.Constituency(
            name=f"Seat {i:04d}",
            slug=f"seat-{i:04d}",
            mp=mps[i],
            country=PLACES[i % len(PLACES)][0],
            region=PLACES[i % len(PLACES)][1],
        )
        for i in range(n)
    )
    candidates = models.Person.objects.bulk_create(
        models.Person(name=f"Candidate {i:04d}-{c}", slug=f"candidate-{i:04d}-{c}")
        for i in range(n)
        for c in range(CANDIDATES_PER_SEAT)
    )
    facts = {}  # (seat index, key) -> fact
    for i, mp in enumerate(mps):
        facts[i, "seat"] = seats[i]
        facts[i, "move"] = models.PartyMove(
            person=mp, from_party=labour, to_group=tig, constituency=seats[i], date_text="Monday"
        )
        facts[i, "m2017"] = models.Majority(constituency=seats[i], year=2017, majority=2000 + i)
        facts[i, "m2015"] = models.Majority(constituency=seats[i], year=2015, majority=9000 - i)
        facts[i, "shortlist"] = models.ShortlistDecision(
            constituency=seats[i], kind=KINDS[i % 3], decided_by=nec, firmness="agreed"
        )
        for c in range(CANDIDATES_PER_SEAT):
            facts[i, f"cand{c}"] = models.Candidacy(
                person=candidates[i * CANDIDATES_PER_SEAT + c], constituency=seats[i]
            )
        facts[i, "prolific"] = models.Candidacy(person=prolific, constituency=seats[i])
        for s in range(3):
            facts[i, f"st{s}"] = models.Statement(
                constituency=seats[i],
                speaker=prolific if s == 0 else mp,
                organisation=labour,
                medium="tweet",
                text=f"Statement {i}-{s}: we want a by-election.",
            )
        facts[i, "event"] = models.Event(
            constituency=seats[i], kind="campaign_day", description=f"Campaign day {i}"
        )
    for model in (
        models.PartyMove,
        models.Majority,
        models.ShortlistDecision,
        models.Candidacy,
        models.Statement,
        models.Event,
    ):
        model.objects.bulk_create(fact for fact in facts.values() if type(fact) is model)
    models.Candidacy.backers.through.objects.bulk_create(
        models.Candidacy.backers.through(candidacy_id=fact.pk, organisation_id=unite.pk)
        for (_, key), fact in facts.items()
        if key == "cand0"
    )
    # Seats with official results and no news: the ones `tracked=no` finds.
    quiet_mps = models.Person.objects.bulk_create(
        models.Person(name=f"Quiet MP {i:04d}", slug=f"quiet-mp-{i:04d}")
        for i in range(max(1, n // 10))
    )
    quiet = models.Constituency.objects.bulk_create(
        models.Constituency(name=f"Quiet {i:04d}", slug=f"quiet-{i:04d}", mp=mp, region="Wales")
        for i, mp in enumerate(quiet_mps)
    )
    models.OfficialResult.objects.bulk_create(
        models.OfficialResult(
            constituency=seat,
            year=year,
            electorate=70000,
            valid_votes=50000,
            winner=WINNERS[i % len(WINNERS)],
            runner_up="Con" if i % len(WINNERS) else "Lab",
            majority=majority,
            votes={WINNERS[i % len(WINNERS)]: 20000 + majority, "Con": 20000, "Other": 10000},
            source="constituency" if year == 2017 else "historical",
        )
        for i, seat in enumerate(seats + quiet)
        for year, majority in ((2017, 2000 + i), (2015, 9000 - i))
    )
    roles = models.Role.objects.bulk_create(
        [
            models.Role(person=prolific, title="chair", organisation=unite),
            models.Role(person=prolific, title="councillor"),
        ]
    )
    content_types = ContentType.objects.get_for_models(*{type(fact) for fact in facts.values()})
    evidence = [
        models.Evidence(
            article=article,
            content_type=content_types[type(fact)],
            object_id=fact.pk,
            start=lines[i].spans[key][0],
            end=lines[i].spans[key][1],
            quote=article.text[slice(*lines[i].spans[key])],
        )
        for (i, key), fact in facts.items()
    ]
    for role in roles:
        evidence.append(f.evidence_for(role, article, *lines[0].spans["prolific"]))
    evidence.append(f.evidence_for(prolific, article, *lines[0].spans["prolific"]))
    models.Evidence.objects.bulk_create(evidence)
    return article, prolific


def pages(article, person):
    seat = models.Constituency.objects.tracked().order_by("name").first()
    quiet = models.Constituency.objects.tracked(False).order_by("name").first()
    return {
        "home": "/",
        "list": reverse("constituencies:constituency-list") + "?o=-majority&shortlist=open",
        "list-all": reverse("constituencies:constituency-list"),
        "list-page-13": reverse("constituencies:constituency-list") + "?page=13",
        "list-official": reverse("constituencies:constituency-list")
        + "?region=London&country=England&winner=Lab&majority_share_max=50&majority_min=1"
        "&tracked=yes&o=majority_share",
        "list-untracked": reverse("constituencies:constituency-list") + "?tracked=no",
        "seat": seat.get_absolute_url(),
        "quiet-seat": quiet.get_absolute_url(),
        "person": person.get_absolute_url(),
        "articles": reverse("constituencies:article-list"),
        "article": article.get_absolute_url(),
        "csv": reverse("constituencies:constituency-csv") + "?majority_max=5000",
        "csv-all": reverse("constituencies:constituency-csv"),
        "csv-official": reverse("constituencies:constituency-csv")
        + "?region=London&winner=Lab&majority_share_min=1&o=-majority_share",
        "json": reverse("constituencies:constituency-json") + "?shortlist=all_women",
        "json-all": reverse("constituencies:constituency-json"),
        "json-official": reverse("constituencies:constituency-json")
        + "?country=England&region=London&winner=Lab&o=-majority_share",
        "feed": reverse("constituencies:latest-feed"),
        "seat-feed": reverse("constituencies:constituency-feed", kwargs={"slug": seat.slug}),
    }


def test_no_page_runs_more_than_the_limit():
    assert max(EXPECTED_QUERIES.values()) <= QUERY_LIMIT


@pytest.mark.parametrize("seats", [3, 650])
def test_query_counts_do_not_grow_with_the_data(client, django_assert_num_queries, seats):
    article, person = build_tracker(seats)
    assert models.Constituency.objects.tracked().count() == seats
    # Content types are cached per process, and the database's JSON support is probed once
    # per connection: pay for both first, so that no page does.
    ContentType.objects.get_for_models(*models.Fact.__subclasses__(), models.Evidence)
    assert connection.features.supports_json_field
    for name, url in pages(article, person).items():
        pagecache.store.clear()
        with django_assert_num_queries(EXPECTED_QUERIES[name], info=f"{name}: {url}"):
            response = client.get(url)
        assert response.status_code == 200, (name, url)
        # Served again from the page cache: only the data version is read.
        with django_assert_num_queries(1, info=f"{name} (cached): {url}"):
            assert client.get(url).content == response.content


@pytest.mark.parametrize("seats", [3, 650])
def test_query_counts_on_the_benchmark_data(client, django_assert_num_queries, seats):
    """The same counts on `make_demo_data`, the dataset `bench/pages.py` serves."""
    # Fewer articles than facts, or empty articles would share a text (and a hash).
    demo.make_demo_data(seats=seats, candidates=3, statements=5, articles=min(200, seats * 10))
    ContentType.objects.get_for_models(*models.Fact.__subclasses__(), models.Evidence)
    assert connection.features.supports_json_field
    seat = models.Constituency.objects.order_by("name").first()
    urls = {
        "home": "/",
        "list-all": reverse("constituencies:constituency-list"),
        "list-page-13": reverse("constituencies:constituency-list") + "?page=13",
        "list": reverse("constituencies:constituency-list") + "?o=-majority&shortlist=open",
        "seat": seat.get_absolute_url(),
        "person": seat.mp.get_absolute_url(),
        "article": models.Article.objects.order_by("slug").first().get_absolute_url(),
        "csv-all": reverse("constituencies:constituency-csv"),
        "json-all": reverse("constituencies:constituency-json"),
    }
    for name, url in urls.items():
        pagecache.store.clear()
        with django_assert_num_queries(EXPECTED_QUERIES[name], info=f"{name}: {url}"):
            response = client.get(url)
        assert response.status_code == 200, (name, url)
