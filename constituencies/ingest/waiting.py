"""Facts waiting for an MP's seat (`WaitingFact`): stored, and written when it is known.

See `references.py` for how a fact names only its MP, and `load.BatchLoader.write_waiting`
and `load.load_batch` for when these rows are written and placed.
"""

import dataclasses

from constituencies import models

from .facts import Fact
from .references import as_fields, from_fields


def as_row(article, fact: Fact) -> models.WaitingFact:
    kind, fields = as_fields(fact)
    return models.WaitingFact(
        article=article, seat_holder=fact.seat_holder, kind=kind, fields=fields
    )


def held_seats(people) -> dict[str, str]:
    """{person: seat} for those of `people` the database has as a public seat's MP; an MP
    named for several takes the last by name, as `KnownSeats` does."""
    rows = (
        models.Constituency.objects.public()
        .filter(mp__name__in=sorted(people))
        .order_by("name")
        .values_list("mp__name", "name")
    )
    return dict(rows)


def now_placed():
    """{article: (waiting row pks, facts placed)} for every waiting fact whose MP's seat
    the database now knows: one query, and one more when there are some."""
    holders = models.Constituency.objects.public().filter(mp__isnull=False).values("mp__name")
    rows = list(
        models.WaitingFact.objects.filter(seat_holder__in=holders).select_related("article")
    )
    if not rows:
        return {}
    seats = held_seats({row.seat_holder for row in rows})
    found = {}
    for row in rows:
        pks, placed = found.setdefault(row.article, ([], []))
        pks.append(row.pk)
        fact = from_fields(row.kind, row.fields)
        placed.append(dataclasses.replace(fact, constituency=seats[row.seat_holder]))
    return found
