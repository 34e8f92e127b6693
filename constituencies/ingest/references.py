"""Cross-article references: facts about "X's seat" in articles that never name the seat.

The extractor gives such a fact a `seat_holder` (X) and no `constituency`. The loader
places it with the seat it knows X to hold, from any article (`place`). Where it knows
none yet, the fact waits in the database (`waiting.py`) and is written, as a fact of its
own article with its own evidence, in the batch that first tells the loader X's seat. No
article is extracted twice. Pure Python, like the rest of extraction: scoring places
references the same way.
"""

import dataclasses

from . import facts as fact_classes
from .facts import Fact, Span


def waits_for(fact: Fact) -> str:
    """The MP whose seat the fact needs before it can be written, or ""."""
    if getattr(fact, "constituency", "") or not getattr(fact, "seat_holder", ""):
        return ""
    return fact.seat_holder


def place(facts: list[Fact], seat_of) -> tuple[list[Fact], list[Fact]]:
    """(facts to write, facts still waiting): a fact naming only its MP gets the seat
    `seat_of(person)` gives, if any."""
    ready, waiting = [], []
    for fact in facts:
        holder = waits_for(fact)
        if not holder:
            ready.append(fact)
        elif seat := seat_of(holder):
            ready.append(dataclasses.replace(fact, constituency=seat))
        else:
            waiting.append(fact)
    return ready, waiting


def as_fields(fact: Fact) -> tuple[str, dict]:
    """(kind, fields) of a fact, evidence included, as JSON can hold them."""
    return type(fact).__name__, dataclasses.asdict(fact)


def from_fields(kind: str, fields: dict) -> Fact:
    fields = dict(fields)
    fields["evidence"] = tuple(Span(**span) for span in fields["evidence"])
    for name, value in fields.items():
        if isinstance(value, list):
            fields[name] = tuple(value)
    return getattr(fact_classes, kind)(**fields)
