"""The lexical classes the rules share (`data/lexicon.json`)."""

import json

from constituencies.ingest.gazetteer import DATA
from constituencies.ingest.parse import lexicon


def test_no_class_is_defined_twice():
    # JSON lets a later key silently replace an earlier one: two rules adding a class of
    # the same name would each get the other's words.
    repeated = []

    def pairs(items):
        names = [name for name, _ in items]
        repeated.extend(name for name in set(names) if names.count(name) > 1)
        return dict(items)

    json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"), object_pairs_hook=pairs)
    assert repeated == []


def test_classes_are_lists_of_lower_case_lemmas():
    for name, members in lexicon().items():
        if isinstance(members, frozenset):
            assert members, name
            assert all(m == m.lower() and m.strip() == m for m in members), name
