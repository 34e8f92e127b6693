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


SEATS = [
    ("Wigan MP Lisa Nandy backed the deal.", [{"person": "Lisa Nandy", "constituency": "Wigan"}]),
    (
        "Maria Eagle, the Labour MP for Garston and Halewood, said little.",
        [{"person": "Maria Eagle", "constituency": "Garston and Halewood"}],
    ),
    (
        "The contests in Bolsover and Wakefield, held by Dennis Skinner and Mary Creagh, start "
        "soon.",
        [
            {"person": "Dennis Skinner", "constituency": "Bolsover"},
            {"person": "Mary Creagh", "constituency": "Wakefield"},
        ],
    ),
    (
        "John Mann's Bassetlaw seat is marginal.",
        [{"person": "John Mann", "constituency": "Bassetlaw"}],
    ),
    (
        "Activists hope to unseat Kate Hoey in Vauxhall at the next election.",
        [{"person": "Kate Hoey", "constituency": "Vauxhall"}],
    ),
    (
        "Frank Field quit the party. The Birkenhead MP, who has sat since 1979, will stand again.",
        [{"person": "Frank Field", "constituency": "Birkenhead"}],
    ),
    (
        "Joan Ryan, lawmaker for Enfield North in London, quit on Tuesday.",
        [{"person": "Joan Ryan", "constituency": "Enfield North"}],
    ),
    (
        "Kate Hoey held Vauxhall easily in 2017.",
        [{"person": "Kate Hoey", "constituency": "Vauxhall"}],
    ),
    ("Ravi Shah won the Vauxhall selection on Sunday.", []),
    ("Barking councillor Sanchia Alasia spoke at the hustings.", []),
    ("Gordon Brown visited Kirkcaldy.", []),
]


@pytest.mark.parametrize(("text", "rows"), SEATS)
def test_seats(text, rows):
    assert records(text, "seat") == expect("seat", *rows)


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


CANDIDACIES = [
    (
        "Unison official Jane Kirby was selected as Labour's candidate for Wigan on Sunday.",
        [
            {
                "person": "Jane Kirby",
                "constituency": "Wigan",
                "status": "selected",
                "description": "Unison official",
                "backers": [],
            }
        ],
    ),
    (
        "Lambeth councillor Marcia Pope has been shortlisted in Vauxhall.",
        [
            {
                "person": "Marcia Pope",
                "constituency": "Vauxhall",
                "status": "shortlisted",
                "description": "Lambeth councillor",
                "backers": [],
            }
        ],
    ),
    (
        "Local councillor Omar Haddad withdrew from the race in Bolsover.",
        [
            {
                "person": "Omar Haddad",
                "constituency": "Bolsover",
                "status": "withdrawn",
                "description": "local councillor",
                "backers": [],
            }
        ],
    ),
    (
        "Local councillors Ruth Evans and Tom Price may run in Wigan and Bolsover respectively.",
        [
            {
                "person": "Ruth Evans",
                "constituency": "Wigan",
                "status": "tipped",
                "description": "local councillor",
                "backers": [],
            },
            {
                "person": "Tom Price",
                "constituency": "Bolsover",
                "status": "tipped",
                "description": "local councillor",
                "backers": [],
            },
        ],
    ),
    (
        "Ravi Shah, a GMB organiser, won the Bassetlaw selection, backed by Unite and the GMB.",
        [
            {
                "person": "Ravi Shah",
                "constituency": "Bassetlaw",
                "status": "selected",
                "description": "GMB organiser",
                "backers": ["Unite", "GMB"],
            }
        ],
    ),
    (
        "In Wakefield, teacher Amy Lowe is tipped by activists, while in Vauxhall barrister Sean "
        "Dunn could stand.",
        [
            {
                "person": "Amy Lowe",
                "constituency": "Wakefield",
                "status": "tipped",
                "description": "teacher",
                "backers": [],
            },
            {
                "person": "Sean Dunn",
                "constituency": "Vauxhall",
                "status": "tipped",
                "description": "barrister",
                "backers": [],
            },
        ],
    ),
    (
        "Jo Bird, chief of staff to Dennis Skinner, is the frontrunner in Bolsover.",
        [
            {
                "person": "Jo Bird",
                "constituency": "Bolsover",
                "status": "tipped",
                "description": "chief of staff to Dennis Skinner",
                "backers": [],
            }
        ],
    ),
    ("Should Amy Lowe and Sean Dunn get selected as candidates, Momentum gains two allies.", []),
]


@pytest.mark.parametrize(("text", "rows"), CANDIDACIES)
def test_candidacies(text, rows):
    assert records(text, "candidacy") == expect("candidacy", *rows)


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


# Families found on unseen prose: rundowns, paired lists, selection outcomes, two decisions
# in one sentence, the party of a defector, (majority years and traps:
# test_majorities.py). All invented.
RUNDOWN_SEATS = [
    (
        "Dennis Skinner (Bolsover, majority 5,288) spoke first.",
        [{"person": "Dennis Skinner", "constituency": "Bolsover"}],
    ),
    ("Wakefield - Mary Creagh - 2,176.", [{"person": "Mary Creagh", "constituency": "Wakefield"}]),
    (
        "Kate Hoey, another of the rebels, held Vauxhall by 20,250 votes.",
        [{"person": "Kate Hoey", "constituency": "Vauxhall"}],
    ),
    (
        "Kate Hoey and John Mann hold Vauxhall and Bassetlaw by 20,250 and 4,852 respectively.",
        [
            {"person": "Kate Hoey", "constituency": "Vauxhall"},
            {"person": "John Mann", "constituency": "Bassetlaw"},
        ],
    ),
    (
        "Kate Hoey and John Mann are safer, with majorities of 20,250 and 4,852 in Vauxhall and "
        "Bassetlaw.",
        [
            {"person": "Kate Hoey", "constituency": "Vauxhall"},
            {"person": "John Mann", "constituency": "Bassetlaw"},
        ],
    ),
    (
        "The odd one out is Lisa Nandy. Her Wigan seat is marginal.",
        [{"person": "Lisa Nandy", "constituency": "Wigan"}],
    ),
    (
        "Vauxhall, the seat in south London that Kate Hoey won in 2017, is safe.",
        [{"person": "Kate Hoey", "constituency": "Vauxhall"}],
    ),
    (
        "Mary Creagh, once a shadow minister, enjoys a majority of 2,176 in Wakefield.",
        [{"person": "Mary Creagh", "constituency": "Wakefield"}],
    ),
    (
        "John Mann's 4,852-vote majority in Bassetlaw is thin.",
        [{"person": "John Mann", "constituency": "Bassetlaw"}],
    ),
]


@pytest.mark.parametrize(("text", "rows"), RUNDOWN_SEATS)
def test_rundown_seats(text, rows):
    assert records(text, "seat") == expect("seat", *rows)


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


def _selected(person, constituency, description=""):
    return {
        "person": person,
        "constituency": constituency,
        "status": "selected",
        "description": description,
        "backers": [],
    }


SELECTION_OUTCOMES = [
    (
        "Labour has chosen Wigan councillor Ruth Evans as its candidate for Wigan.",
        [_selected("Ruth Evans", "Wigan", "Wigan councillor")],
    ),
    ("Local members picked Ruth Evans to fight Wigan.", [_selected("Ruth Evans", "Wigan")]),
    (
        "So who won?\n- Wigan: Ruth Evans, a nurse.\n- Bolsover: Tom Price.",
        [_selected("Ruth Evans", "Wigan", "nurse"), _selected("Tom Price", "Bolsover")],
    ),
    (
        "- Wigan and Bolsover: Ruth Evans and Tom Price respectively.",
        [],  # no line says these are winners
    ),
]


@pytest.mark.parametrize(("text", "rows"), SELECTION_OUTCOMES)
def test_selection_outcomes(text, rows):
    assert records(text, "candidacy") == expect("candidacy", *rows)


# Seat phrasings generalised in round 3: sections headed by a seat, "its MP", "which X
# held", "who has sat for", "X's share of the vote in", lists "who held those seats".
SECTION_SEATS = [
    (
        "Wigan. Tom Reed won the selection. Lisa Nandy, its MP, quit Labour in March.",
        [{"person": "Lisa Nandy", "constituency": "Wigan"}],
    ),
    (
        "BASSETLAW\n\nJo Hart was picked on Friday. She will fight the seat John Mann held "
        "until he quit.",
        [{"person": "John Mann", "constituency": "Bassetlaw"}],
    ),
    (
        "In Bolsover, which Dennis Skinner held by 5,288 votes, members meet on Monday.",
        [{"person": "Dennis Skinner", "constituency": "Bolsover"}],
    ),
    (
        "Mary Creagh, who has sat for Wakefield since 2005, is staying.",
        [{"person": "Mary Creagh", "constituency": "Wakefield"}],
    ),
    (
        "Frank Field beat the Conservatives in Birkenhead by 25,514 votes in 2017.",
        [{"person": "Frank Field", "constituency": "Birkenhead"}],
    ),
    (
        "Shortlists will be women-only in Bolsover and Wakefield. That means Dennis Skinner "
        "and Mary Creagh, who held those two seats, will be succeeded by women.",
        [
            {"person": "Dennis Skinner", "constituency": "Bolsover"},
            {"person": "Mary Creagh", "constituency": "Wakefield"},
        ],
    ),
    (
        "Wigan and Bolsover, the seats of Lisa Nandy and Dennis Skinner, are safe.",
        [
            {"person": "Lisa Nandy", "constituency": "Wigan"},
            {"person": "Dennis Skinner", "constituency": "Bolsover"},
        ],
    ),
    # the MP of a seat talked about in the third person is not the speaker just named
    (
        "Council leader Sam Ode said it would be right for the Wigan MP to fight a by-election.",
        [],
    ),
    # a surname that is also a seat is a name, not the seat
    ("Ed Poole, the branch secretary, had applied.", []),
]


@pytest.mark.parametrize(("text", "rows"), SECTION_SEATS)
def test_section_seats(text, rows):
    assert records(text, "seat") == expect("seat", *rows)


# An MP whose seat is named is a defector only when the article ties them to the split.
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


# Round 4: broad cues (a seat and an MP bound by structure, not by one template).
GENERAL_SEATS = [
    # a seat and its MP in brackets, either way round
    ("Wigan (Lisa Nandy): 10 / 20 / 30", [{"person": "Lisa Nandy", "constituency": "Wigan"}]),
    (
        "Bolsover, the former mining seat that Dennis Skinner has held since 1970, votes soon.",
        [{"person": "Dennis Skinner", "constituency": "Bolsover"}],
    ),
    (
        "Wakefield, a marginal constituency which Mary Creagh represented for years, is next.",
        [{"person": "Mary Creagh", "constituency": "Wakefield"}],
    ),
    (
        "Labour wants Wakefield back. The seat has been held since 2005 by Mary Creagh. "
        "Wakefield is close.",
        [{"person": "Mary Creagh", "constituency": "Wakefield"}],
    ),
    (
        "Members in Bolsover met last night. In March our MP, Dennis Skinner, left Labour. "
        "Bolsover will choose again.",
        [{"person": "Dennis Skinner", "constituency": "Bolsover"}],
    ),
    (
        "Wigan Labour met on Friday. When Lisa Nandy walked out of the party, the Wigan branch "
        "was stunned.",
        [{"person": "Lisa Nandy", "constituency": "Wigan"}],
    ),
    (
        "Canvassing is planned in Wigan and Bolsover - the seats of two of the defectors, "
        "Lisa Nandy and Dennis Skinner.",
        [
            {"person": "Lisa Nandy", "constituency": "Wigan"},
            {"person": "Dennis Skinner", "constituency": "Bolsover"},
        ],
    ),
    (
        "Wigan (majority: 6,000) and Bolsover (majority: 5,000) are held by Lisa Nandy and "
        "Dennis Skinner respectively.",
        [
            {"person": "Lisa Nandy", "constituency": "Wigan"},
            {"person": "Dennis Skinner", "constituency": "Bolsover"},
        ],
    ),
    # negatives: two seats and no tie; a candidate, not a mover, in a one-seat story
    ("Lisa Nandy visited Wigan and Bolsover on Friday.", []),
    ("Members in Wigan met. Lisa Nandy was selected to fight Wigan.", []),
]


@pytest.mark.parametrize(("text", "rows"), GENERAL_SEATS)
def test_general_seats(text, rows):
    assert records(text, "seat") == expect("seat", *rows)


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
