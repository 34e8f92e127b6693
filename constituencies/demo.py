"""A full-scale synthetic tracker for benchmarks and query-count tests.

All 650 seats (the real ones when official results are loaded, invented ones to make up
the number otherwise), each with an MP who left their party, majorities, a shortlist
decision, `candidates` candidacies and `statements` statements, spread over `articles`
articles whose text states every fact, so that every fact has exact evidence. Rows are
written in bulk: this is test data, not an editor's work, so it keeps no history.
"""

import hashlib
import random
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from . import models
from .pagecache import data_changed

SHORTLISTS = [kind for kind, _ in models.ShortlistDecision.Kind.choices]
STATUSES = [status for status, _ in models.Candidacy.Status.choices]
MEDIA = ["tweet", "email", "letter", "statement"]
FIRST = [
    "Alex",
    "Sam",
    "Jo",
    "Priya",
    "Tom",
    "Aisha",
    "Ben",
    "Chloe",
    "Dev",
    "Ewa",
    "Finn",
    "Grace",
    "Hamid",
    "Isla",
    "Jamal",
    "Kate",
    "Liam",
    "Maya",
    "Nia",
    "Owen",
]
LAST = [
    "Ahmed",
    "Baker",
    "Clarke",
    "Davies",
    "Evans",
    "Fraser",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Naylor",
    "Owusu",
    "Patel",
    "Quinn",
    "Reid",
]


@dataclass
class ArticleBuilder:
    """Accumulates sentences into article texts and remembers where each fact is."""

    count: int
    texts: list = field(default_factory=list)
    spans: list = field(default_factory=list)

    def __post_init__(self):
        self.texts = [[] for _ in range(self.count)]
        self.lengths = [0] * self.count

    def say(self, number, sentence, fact_key):
        index = number % self.count
        start = self.lengths[index]
        self.texts[index].append(sentence)
        self.lengths[index] += len(sentence) + 1
        self.spans.append((index, start, start + len(sentence), sentence, fact_key))


def person_name(n):
    return f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]} {n}"


@transaction.atomic
def make_demo_data(*, seats=650, candidates=20, statements=50, articles=5000, seed=2019):
    """Build the dataset into an empty tracker; returns counts of what was made."""
    rng = random.Random(seed)
    labour, _ = models.Organisation.objects.get_or_create(
        name="Labour", defaults={"slug": "labour", "kind": "party"}
    )
    group, _ = models.Organisation.objects.get_or_create(
        name="The Independent Group", defaults={"slug": "the-independent-group", "kind": "group"}
    )
    existing = list(models.Constituency.objects.order_by("name")[:seats])
    invented = [
        models.Constituency(name=f"Demo Seat {n:03}", slug=f"demo-seat-{n:03}")
        for n in range(len(existing), seats)
    ]
    models.Constituency.objects.bulk_create(invented)
    constituencies = existing + list(
        models.Constituency.objects.filter(slug__in=[c.slug for c in invented])
    )
    people_per_seat = 1 + candidates
    people = [
        models.Person(name=person_name(n), slug=f"demo-person-{n}")
        for n in range(len(constituencies) * people_per_seat)
    ]
    models.Person.objects.bulk_create(people)
    people = list(models.Person.objects.filter(slug__startswith="demo-person-").order_by("pk"))
    builder = ArticleBuilder(articles)
    facts = {
        model: []
        for model in (
            models.PartyMove,
            models.Majority,
            models.ShortlistDecision,
            models.Candidacy,
            models.Statement,
        )
    }
    fact_number = 0
    for index, seat in enumerate(constituencies):
        mp = people[index * people_per_seat]
        seat.mp = mp
        majority = rng.randint(50, 35000)
        kind = SHORTLISTS[index % len(SHORTLISTS)]
        planned = [
            (
                models.PartyMove(person=mp, from_party=labour, to_group=group, constituency=seat),
                f"{mp.name}, the MP for {seat.name}, left Labour for The Independent Group.",
            ),
            (
                models.Majority(constituency=seat, year=2017, majority=majority),
                f"{mp.name} won {seat.name} by {majority:,} votes in 2017.",
            ),
            (
                models.ShortlistDecision(constituency=seat, kind=kind, firmness="agreed"),
                f"The shortlist for {seat.name} will be {kind.replace('_', '-')}.",
            ),
        ]
        for c in range(candidates):
            person = people[index * people_per_seat + 1 + c]
            status = STATUSES[(index + c) % len(STATUSES)]
            planned.append(
                (
                    models.Candidacy(
                        person=person,
                        constituency=seat,
                        status=status,
                        description="local councillor",
                    ),
                    f"Local councillor {person.name} is {status} for {seat.name}.",
                )
            )
        for s in range(statements):
            words = f"We call on {mp.name} to stand down, statement {s} from {seat.name}."
            planned.append(
                (
                    models.Statement(
                        constituency=seat,
                        speaker=None,
                        by_clp=True,
                        medium=MEDIA[s % len(MEDIA)],
                        text=words,
                        stance="calls_for_by_election",
                    ),
                    f"{seat.name} CLP said: “{words}”",
                )
            )
        for fact, sentence in planned:
            facts[type(fact)].append(fact)
            builder.say(fact_number, sentence, (type(fact), len(facts[type(fact)]) - 1))
            fact_number += 1
    models.Constituency.objects.bulk_update(constituencies, ["mp"])
    for model, rows in facts.items():
        model.objects.bulk_create(rows, batch_size=2000)
    article_rows = []
    for index, sentences in enumerate(builder.texts):
        text = "\n".join(sentences) + "\n"
        article_rows.append(
            models.Article(
                slug=f"demo-article-{index:05}",
                filename=f"demo-article-{index:05}.txt",
                title=f"Demo article {index}",
                publisher="Demo data",
                text=text,
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            )
        )
    models.Article.objects.bulk_create(article_rows, batch_size=500)
    saved = list(models.Article.objects.filter(slug__startswith="demo-article-").order_by("slug"))
    content_types = {model: ContentType.objects.get_for_model(model) for model in facts}
    evidence = [
        models.Evidence(
            article=saved[index],
            content_type=content_types[model],
            object_id=facts[model][position].pk,
            start=start,
            end=end,
            quote=quote,
            rule="demo",
        )
        for index, start, end, quote, (model, position) in builder.spans
    ]
    models.Evidence.objects.bulk_create(evidence, batch_size=5000)
    data_changed()
    return {
        "constituencies": len(constituencies),
        "people": len(people),
        "articles": len(saved),
        "facts": sum(len(rows) for rows in facts.values()),
        "evidence": len(evidence),
    }
