"""Relation rules, passage by passage: each case lists every record of one fact type that
the passage should yield, compared whole (`scoring.record_of`), including the passages
that must yield nothing. Names and phrasings are deliberately not the seed articles'."""

from pathlib import Path

import pytest

from constituencies.ingest.extract import extract
from constituencies.ingest.scoring import FACT_TYPES, TYPE_NAMES, record_of

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests/fixtures/articles").glob("*.txt")
)


def records(text, kind, **kwargs):
    found = [record_of(f) for f in extract(text, **kwargs).facts if TYPE_NAMES.get(type(f)) == kind]
    return sorted(found, key=repr)


def expect(kind, *rows):
    """Whole records: a row gives the fields that matter, a fact's `seat_holder` is "" unless
    the row says otherwise."""
    holder = {"seat_holder": ""} if "seat_holder" in FACT_TYPES[kind].__dataclass_fields__ else {}
    return sorted(({"type": kind, **holder, **row} for row in rows), key=repr)


MOVES = [
    (
        "Yesterday Gavin Shuker quit Labour to join The Independent Group.",
        [
            {
                "person": "Gavin Shuker",
                "from_party": "Labour",
                "to_group": "The Independent Group",
                "constituency": "",
                "date_text": "",
            }
        ],
    ),
    (
        "Frank Field, the MP for Birkenhead, has resigned from the Labour Party and will sit as "
        "an independent.",
        [
            {
                "person": "Frank Field",
                "from_party": "Labour",
                "to_group": "",
                "constituency": "Birkenhead",
                "date_text": "",
            }
        ],
    ),
    (
        "Two Conservative MPs defected on Tuesday.\nNick Boles and Phillip Lee said they had no "
        "choice. "
        "They sit with The Independent Group.",
        [
            {
                "person": "Nick Boles",
                "from_party": "Conservative",
                "to_group": "The Independent Group",
                "constituency": "",
                "date_text": "Tuesday",
            },
            {
                "person": "Phillip Lee",
                "from_party": "Conservative",
                "to_group": "The Independent Group",
                "constituency": "",
                "date_text": "Tuesday",
            },
        ],
    ),
    (
        "Party leaders demanded that Kate Hoey and John Mann resign and fight by-elections after "
        "they quit.",
        [
            {
                "person": "Kate Hoey",
                "from_party": "Labour",
                "to_group": "",
                "constituency": "",
                "date_text": "",
            },
            {
                "person": "John Mann",
                "from_party": "Labour",
                "to_group": "",
                "constituency": "",
                "date_text": "",
            },
        ],
    ),
    ("Jeremy Corbyn said Labour would fight every seat at the election.", []),
    # in a story about the split, MPs listed as staying did not move
    ("Labour MPs Jess Phillips and Wes Streeting criticised the defectors but will stay.", []),
]


@pytest.mark.parametrize(("text", "rows"), MOVES)
def test_party_moves(text, rows):
    assert records(text, "party_move") == expect("party_move", *rows)


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


def _move(person, from_party, to_group="The Independent Group", constituency="", date_text=""):
    return {
        "person": person,
        "from_party": from_party,
        "to_group": to_group,
        "constituency": constituency,
        "date_text": date_text,
    }


DEFECTOR_PARTIES = [
    (
        "Three Conservatives, Nick Boles, Phillip Lee and Sam Gyimah, also defected to The "
        "Independent Group on Monday.",
        [
            _move("Nick Boles", "Conservative", date_text="Monday"),
            _move("Phillip Lee", "Conservative", date_text="Monday"),
            _move("Sam Gyimah", "Conservative", date_text="Monday"),
        ],
    ),
    (
        "Nick Boles, who quit the Tories on Tuesday with Phillip Lee, now sits with The "
        "Independent Group.",
        [
            _move("Nick Boles", "Conservative", date_text="Tuesday"),
            _move("Phillip Lee", "Conservative", date_text="Tuesday"),
        ],
    ),
    (
        "Frank Field followed them out of Labour and into the group on Tuesday; John Mann left "
        "Labour on Friday but will stay unattached. The Independent Group now has nine MPs.",
        [
            _move("Frank Field", "Labour", date_text="Tuesday"),
            _move("John Mann", "Labour", to_group="", date_text="Tuesday"),
        ],
    ),
    (
        "Kate Hoey, the MP for Vauxhall, resigned from Labour in February to join The Independent "
        "Group. She left it in June to sit as an independent.",
        [
            _move("Kate Hoey", "Labour", constituency="Vauxhall", date_text="February"),
            _move("Kate Hoey", "The Independent Group", "", "Vauxhall", "February"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "rows"), DEFECTOR_PARTIES)
def test_defector_parties(text, rows):
    assert records(text, "party_move") == expect("party_move", *rows)


CUED_MOVES = [
    (
        "Kate Hoey quit Labour on Monday. The Wigan MP Lisa Nandy said she was sad to see her go.",
        ["Kate Hoey"],
    ),
    (
        "Three MPs walked out on Monday. Deputy leader Ann Cole, the MP for Bolsover, struck "
        "a warmer note.",
        [],
    ),
    (
        "Two MPs defected on Monday. Seats held by Lisa Nandy and Dennis Skinner, Wigan and "
        "Bolsover, will have all-women shortlists.",
        ["Dennis Skinner", "Lisa Nandy"],
    ),
    (
        "THE DEFECTORS (quit the party on Monday)\n\nLisa Nandy (Wigan, majority 16,027)",
        ["Lisa Nandy"],
    ),
]


@pytest.mark.parametrize(("text", "people"), CUED_MOVES)
def test_seat_holders_need_a_move_cue(text, people):
    assert sorted(r["person"] for r in records(text, "party_move")) == people


HEADING_MOVES = [
    (
        "Three MPs quit this week.\n\nLABOUR TO THE INDEPENDENT GROUP (Monday)\n"
        "Wigan - Lisa Nandy - 16,027\n"
        "Bolsover - Dennis Skinner - 5,288\n\nCONSERVATIVE TO INDEPENDENT (Friday)\n"
        "Wakefield - Mary Creagh - 2,176",
        [
            _move("Lisa Nandy", "Labour", constituency="Wigan", date_text="Monday"),
            _move("Dennis Skinner", "Labour", constituency="Bolsover", date_text="Monday"),
            _move("Mary Creagh", "Conservative", "", "Wakefield", "Friday"),
        ],
    ),
    # a heading that names no move lists no movers
    ("Three MPs quit.\n\nLABOUR TO THE RESCUE\n\nWigan - Lisa Nandy - 16,027", []),
]


@pytest.mark.parametrize(("text", "rows"), HEADING_MOVES)
def test_moves_under_a_heading(text, rows):
    assert records(text, "party_move") == expect("party_move", *rows)
