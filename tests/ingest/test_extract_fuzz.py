"""Whatever the prose, extraction finishes and every span quotes the text exactly."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from constituencies.ingest.extract import extract

FRAGMENTS = [
    "Chuka Umunna",
    "Streatham",
    "Penistone and Stocksbridge",
    "the MP for",
    "Angela Smith's",
    "CLP",
    "Momentum",
    "The secretary of",
    "the chair of",
    "said:",
    '"We call for a by-election."',
    "“",
    "”",
    "majority of",
    "26,285",
    "in 2017",
    "down from",
    "votes",
    "all-women shortlist",
    "open to both men and women",
    "the NEC",
    "has not yet decided",
    "was selected",
    "tipped",
    "respectively",
    "lost a no-confidence vote",
    "day of action",
    "tweeted",
    "wrote to members",
    "(majority: 1,322)",
    "—",
    "|",
    ":",
    ",",
    ".",
    "\n",
    "\n\n",
    "{O0}",
    "{P1}",
    "'s",
    "and",
    "LABOUR TO THE INDEPENDENT GROUP",
    "Ian Austin",
    "Dudley North",
    "Conservatives",
    "Tory",
    "£15,000",
    "13.2%",
    "Unite and GMB",
    "local councillor",
    "Ms",
    "Dr",
    "left Labour",
    "has said",
    "described the MP as",
    "“should now resign”",
    ", though",
    "local members said.",
    "The CLP said in a statement:",
    "has not issued a statement",
    "is expected to call for",
    "the campaign coordinator",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=60))
@example(["²", "and", "Chuka Umunna", "left Labour"])  # a digit that is not a decimal one
def test_extraction_never_fails_and_spans_are_exact(pieces):
    text = " ".join(pieces)
    for fact in extract(text).facts:
        assert fact.evidence
        for span in fact.evidence:
            assert text[span.start : span.end] == span.quote
