"""Precision and recall of extracted facts against hand-written expected records.

Expected records live in JSON files (one per article) as a list of objects whose
`type` is one of `FACT_TYPES` and whose other keys are the fields of that fact
class in `facts.py`, less `rule` and `evidence`. Records are compared whole: every
field listed in `KEY_FIELDS` must agree. Statement texts are compared loosely (one
contains the other once case, quotes and spacing are folded), because where a
quotation starts and stops is a matter of taste.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import facts, references

FACT_TYPES = {
    "party_move": facts.PartyMoveFact,
    "seat": facts.SeatFact,
    "majority": facts.MajorityFact,
    "shortlist": facts.ShortlistFact,
    "candidacy": facts.CandidacyFact,
    "statement": facts.StatementFact,
    "event": facts.EventFact,
}

KEY_FIELDS = {
    "party_move": ("person", "from_party", "to_group", "constituency"),
    "seat": ("person", "constituency"),
    "majority": ("constituency", "year", "majority"),
    "shortlist": ("constituency", "kind", "decided_by", "firmness"),
    "candidacy": ("person", "constituency", "status", "description", "backers"),
    "statement": ("constituency", "speaker", "organisation", "by_clp", "medium"),
    "event": ("constituency", "kind", "person"),
}

TYPE_NAMES = {cls: name for name, cls in FACT_TYPES.items()}


def _fold(value):
    if isinstance(value, (list, tuple)):
        return tuple(sorted(_fold(item) for item in value))
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip().casefold()
    return value


def _fold_text(text):
    text = re.sub(r"[\"“”‘’'….,:;!?-]", " ", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def record_of(fact):
    """The comparable dict of a fact dataclass (type plus its fields, no evidence)."""
    record = {"type": TYPE_NAMES[type(fact)]}
    for name in fact.__dataclass_fields__:
        if name not in ("rule", "evidence"):
            value = getattr(fact, name)
            record[name] = list(value) if isinstance(value, tuple) else value
    return record


def key_of(record):
    kind = record["type"]
    return (kind,) + tuple(_fold(record.get(name, "")) for name in KEY_FIELDS[kind])


def _same(expected, extracted):
    if key_of(expected) != key_of(extracted):
        return False
    if expected["type"] != "statement":
        return True
    want, got = _fold_text(expected["text"]), _fold_text(extracted["text"])
    return bool(want) and bool(got) and (want in got or got in want)


@dataclass
class Score:
    true_positives: int = 0
    false_positives: list = field(default_factory=list)
    false_negatives: list = field(default_factory=list)

    @property
    def precision(self):
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self):
        wanted = self.true_positives + len(self.false_negatives)
        return self.true_positives / wanted if wanted else 1.0

    def add(self, other):
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives


def score(expected_records, extracted_facts):
    """Match each expected record to at most one extracted fact of the scored types."""
    extracted = [record_of(f) for f in extracted_facts if type(f) in TYPE_NAMES]
    result = Score()
    unmatched = list(extracted)
    for want in expected_records:
        match = next((got for got in unmatched if _same(want, got)), None)
        if match is None:
            result.false_negatives.append(want)
        else:
            unmatched.remove(match)
            result.true_positives += 1
    # Two extracted facts for one expected record (e.g. one statement cut in two) are
    # not counted against precision when both match it.
    result.false_positives = [
        got for got in unmatched if not any(_same(want, got) for want in expected_records)
    ]
    return result


def placed(extractions):
    """The facts of a set of articles as the loader would write them: a fact that names
    only its MP (`seat_holder`) takes the seat any article of the set gives that MP, and
    one whose MP's seat no article gives is left out, as it waits unseen."""
    seats = {}
    for found in extractions:
        seats.update({f.person: f.constituency for f in found if isinstance(f, facts.SeatFact)})
    result = []
    for found in extractions:
        ready, _ = references.place(found, seats.get)
        result.append(ready)
    return result


def load_expected(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))
