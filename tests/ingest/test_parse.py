"""The parse layer: remembered token attributes are exactly what the whole pipeline gives."""

import pytest

from constituencies.ingest import parse

# Verbs, auxiliaries, negation, possessives, numbers, quotes and the spans that the
# attribute ruler reads over two tokens ("there is", "gon na"), some twice so that the
# second sentence is annotated from memory.
SENTENCES = [
    "The MP for Northfield quit the party on Monday and will sit as an independent.",
    "She has not ruled out standing again, but isn't expected to.",
    "There is no chance of a by-election, the chairman said.",
    "There were 1,204 votes cast; Ms Hale's majority fell to 43.",
    "Members are gonna choose a candidate from an all-women shortlist.",
    "It's time we got on with it, y'all.",
    "Let's see whether the local party backs him: I doubt it.",
    "The MP for Northfield quit the party on Monday and will sit as an independent.",
    "\u201cWe were betrayed,\u201d said one councillor, who asked not to be named.",
    "Her majority was 4,181 in 2015 \u2013 and 22 two years later.",
]


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture
def whole_pipeline():
    return parse.nlp()


def test_every_token_is_annotated_as_the_whole_pipeline_annotates_it(whole_pipeline):
    expected = [annotations(doc) for doc in whole_pipeline.pipe(SENTENCES)]

    assert [annotations(doc) for doc in parse.parse_all(SENTENCES)] == expected


def test_a_token_seen_before_is_annotated_from_memory(whole_pipeline, monkeypatch):
    attributes = parse.TokenAttributes(whole_pipeline)
    docs = list(whole_pipeline.pipe(SENTENCES[:2], disable=parse._MEMOISED))
    attributes(docs[0])
    annotated = []
    monkeypatch.setattr(attributes, "annotate", lambda key: annotated.append(key))

    attributes(docs[0])

    assert annotated == []
    assert annotations(docs[0]) == annotations(whole_pipeline(SENTENCES[0]))


def test_memory_starts_afresh_when_full(whole_pipeline, monkeypatch):
    attributes = parse.TokenAttributes(whole_pipeline)
    monkeypatch.setattr(parse.TokenAttributes, "LIMIT", 5)
    doc = next(whole_pipeline.pipe(SENTENCES[:1], disable=parse._MEMOISED))

    attributes(doc)

    assert 0 < len(attributes.known) <= 5
    assert annotations(doc) == annotations(whole_pipeline(SENTENCES[0]))


def test_nothing_is_parsed_for_no_sentences():
    assert parse.parse_all([]) == []
