"""Sentences and paragraphs keep exact offsets into the article text."""

from pathlib import Path

import pytest

from constituencies.ingest.segment import paragraphs, sentences

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests/fixtures/articles").glob("*.txt")
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One sentence only", ["One sentence only"]),
        ("Labour lost. The MP quit.", ["Labour lost.", "The MP quit."]),
        (
            "Headline without stop\nFirst line. Second line.",
            ["Headline without stop", "First line.", "Second line."],
        ),
        ("  Padded line.  \n\n\n  Next paragraph.", ["Padded line.", "Next paragraph."]),
        # a missing space after a full stop is a typo, not a sentence end
        (
            "They were joined by Conservatives.Anna Soubry said so.",
            ["They were joined by Conservatives.Anna Soubry said so."],
        ),
        # a semicolon never ends a sentence
        ("X won with 303 votes; Y received five.", ["X won with 303 votes; Y received five."]),
        ('He said: "We will fight." Then he left.', ['He said: "We will fight."', "Then he left."]),
        (
            "Mr. Smith met Dr. Jones in St. Albans today.",
            ["Mr. Smith met Dr. Jones in St. Albans today."],
        ),
        ("", []),
    ],
)
def test_sentences(text, expected):
    assert [s.text for s in sentences(text)] == expected


def test_paragraph_numbers_follow_lines():
    found = sentences("First para. Still first.\nSecond para.")
    assert [s.paragraph for s in found] == [0, 0, 1]


def test_paragraph_spans_are_trimmed():
    text = "  a  \n\n b\n"
    assert [text[start:end] for start, end in paragraphs(text)] == ["a", "b"]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_offsets_are_exact(path):
    text = path.read_text(encoding="utf-8")
    found = sentences(text)
    assert found
    for sentence in found:
        assert text[sentence.start : sentence.end] == sentence.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
