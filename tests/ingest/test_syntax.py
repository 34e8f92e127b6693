"""The shared reader of a parse: who a pronoun or an office noun stands for."""

import pytest

from constituencies.ingest.document import Document
from constituencies.ingest.extract import facts_of, parse_wanted
from constituencies.ingest.rules.syntax import clauses

# (article, the sentence read, the word asked about, who it stands for)
CASES = [
    # "the U MP ... he": the holder of U, not whoever was named last before
    (
        "Marta Lind holds Wigan with a majority of 3,000. The council leader, "
        "Cllr Owen Pike, was angry. The Wigan MP said he had quit the party.",
        2,
        "he",
        "Marta Lind",
    ),
    (
        "Marta Lind holds Wigan with a majority of 3,000. Owen Pike spoke next. "
        "The MP for Wigan said she would stay.",
        2,
        "MP",
        "Marta Lind",
    ),
    # a pronoun after a named person is that person
    (
        "Marta Lind holds Wigan with a majority of 3,000. Owen Pike said he would stand.",
        1,
        "he",
        "Owen Pike",
    ),
]


@pytest.mark.parametrize(("text", "position", "word", "person"), CASES)
def test_who_a_word_stands_for(text, position, word, person):
    doc = Document.parse(text)
    parse_wanted([doc])
    facts_of(doc)  # the seat rules tell the article's MPs
    (clause,) = clauses(doc, [position])
    token = next(t for t in clause.sent if t.text == word)
    assert clause.people(token) == [person]
