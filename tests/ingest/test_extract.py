"""The extractor as a whole: every span it cites is the article's own text, and it reads a
title and publisher. Each relation's constructions are tested in its own file
(`test_<rule module>.py`)."""

from pathlib import Path

import pytest

from constituencies.ingest.extract import extract

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests/fixtures/articles").glob("*.txt")
)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_every_span_quotes_the_text(path):
    text = path.read_text(encoding="utf-8")
    facts = extract(text).facts
    assert facts
    for fact in facts:
        assert fact.rule and fact.evidence
        for span in fact.evidence:
            assert text[span.start : span.end] == span.quote


def test_title_and_publisher():
    extraction = extract("Wigan MP quits Labour\nLisa Nandy has quit, HuffPost UK has learned.")
    assert (extraction.title, extraction.publisher) == ("Wigan MP quits Labour", "HuffPost UK")


def test_empty_text_has_no_facts():
    assert extract("").facts == []
