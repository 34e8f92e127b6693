"""Relation rules, passage by passage: each case lists every record of one fact type that
the passage should yield, compared whole (`scoring.record_of`), including the passages
that must yield nothing. Names and phrasings are deliberately not the seed articles'."""

from pathlib import Path

import pytest

from constituencies.ingest.extract import extract
from constituencies.ingest.facts import StatementFact
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


SHORTLISTS = [
    (
        "The NEC agreed that Vauxhall will be contested on an all-women shortlist.",
        [
            {
                "constituency": "Vauxhall",
                "kind": "all_women",
                "decided_by": "NEC",
                "firmness": "agreed",
            }
        ],
    ),
    (
        "The selection in Bolsover will be open to both men and women, the NEC recommended on "
        "Tuesday.",
        [
            {
                "constituency": "Bolsover",
                "kind": "open",
                "decided_by": "NEC",
                "firmness": "recommended",
            }
        ],
    ),
    (
        "The NEC has yet to decide whether Wakefield gets a female-only shortlist.",
        [{"constituency": "Wakefield", "kind": "undecided", "decided_by": "NEC", "firmness": ""}],
    ),
    (
        "In Bassetlaw the local party had asked for a women-only shortlist.",
        [
            {
                "constituency": "Bassetlaw",
                "kind": "all_women",
                "decided_by": "Bassetlaw CLP",
                "firmness": "proposed",
            }
        ],
    ),
    (
        "Three MPs - Kate Hoey, John Mann and Frank Field - will be replaced by women after the "
        "NEC "
        "agreed all-women shortlists for their seats. Kate Hoey is the MP for Vauxhall.",
        [
            {
                "constituency": "Vauxhall",
                "kind": "all_women",
                "decided_by": "NEC",
                "firmness": "agreed",
            }
        ],
    ),
    (
        "No decision yet on whether Wigan, held by Lisa Nandy, will have an all-women shortlist.",
        [{"constituency": "Wigan", "kind": "undecided", "decided_by": "", "firmness": ""}],
    ),
    ("The shortlist for Vauxhall will be published next week.", []),
]


@pytest.mark.parametrize(("text", "rows"), SHORTLISTS)
def test_shortlists(text, rows):
    assert records(text, "shortlist") == expect("shortlist", *rows)


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


STATEMENTS = [
    (
        "Kate Hoey's CLP, Vauxhall, said: “She must resign and let voters decide.”",
        [
            {
                "constituency": "Vauxhall",
                "text": "“She must resign and let voters decide.”",
                "speaker": "",
                "organisation": "Vauxhall CLP",
                "by_clp": True,
                "medium": "",
                "stance": "calls_for_by_election",
                "speaker_role": "",
            }
        ],
    ),
    (
        "Ian Lavery, the Labour chairman, wrote in a letter to members that Kate Hoey had "
        "“betrayed Vauxhall”.",
        [
            {
                "constituency": "Vauxhall",
                "text": "wrote in a letter to members that Kate Hoey had “betrayed Vauxhall”",
                "speaker": "Ian Lavery",
                "organisation": "Labour",
                "by_clp": False,
                "medium": "letter",
                "stance": "critical",
                "speaker_role": "",
            }
        ],
    ),
    (
        "Wigan Momentum has issued a statement. The group has called on Lisa Nandy to “stand down "
        "and fight a "
        "by-election in Wigan”.",
        [
            {
                "constituency": "Wigan",
                "text": "called on Lisa Nandy to “stand down and fight a by-election in Wigan”",
                "speaker": "",
                "organisation": "Wigan Momentum",
                "by_clp": False,
                "medium": "statement",
                "stance": "calls_for_by_election",
                "speaker_role": "",
            }
        ],
    ),
    (
        "The chair of Bolsover CLP, Ann Peel, has told the local paper that she personally wants "
        "a by-election.",
        [
            {
                "constituency": "Bolsover",
                "text": "told the local paper that she personally wants a by-election",
                "speaker": "Ann Peel",
                "organisation": "Bolsover CLP",
                "by_clp": False,
                "medium": "interview",
                "stance": "calls_for_by_election",
                "speaker_role": "",
            }
        ],
    ),
    # Separate quotations stay separate passages, each in its own quotation marks.
    (
        "Wigan CLP said: “We are disappointed.” It added: “Lisa Nandy should resign her seat.”",
        [
            {
                "constituency": "Wigan",
                "text": "“We are disappointed.” … “Lisa Nandy should resign her seat.”",
                "speaker": "",
                "organisation": "Wigan CLP",
                "by_clp": True,
                "medium": "",
                "stance": "calls_for_by_election",
                "speaker_role": "",
            }
        ],
    ),
    # A body that has not spoken is not credited with its officer's words, and a role
    # without a name stays a role.
    (
        "Bolsover CLP has not yet issued a statement, but the branch secretary has said Dennis "
        "Skinner is “a fine man”, though “should now step down”.",
        [
            {
                "constituency": "Bolsover",
                "text": "said Dennis Skinner is “a fine man”, though “should now step down”",
                "speaker": "",
                "organisation": "Bolsover CLP",
                "by_clp": False,
                "medium": "",
                "stance": "calls_for_by_election",
                "speaker_role": "branch secretary",
            }
        ],
    ),
    # "The CLP" carries on no other body's words, and a bare "members said" reports none.
    (
        "Unison official Ann Peel has been shortlisted for Wigan, local members said. The CLP "
        "said in a statement: “We want a candidate who will fight for Wigan.”",
        [
            {
                "constituency": "Wigan",
                "text": "“We want a candidate who will fight for Wigan.”",
                "speaker": "",
                "organisation": "Wigan CLP",
                "by_clp": True,
                "medium": "statement",
                "stance": "",
                "speaker_role": "",
            }
        ],
    ),
    ("Vauxhall CLP has not issued a statement about the seat.", []),
    ("Vauxhall CLP is expected to call for a by-election in the seat.", []),
    ("Ann Peel, chair of Bolsover CLP, denied calling for a by-election.", []),
    ("“It was a lovely day for it,” the crowd agreed.", []),
]


@pytest.mark.parametrize(("text", "rows"), STATEMENTS)
def test_statements(text, rows):
    assert records(text, "statement") == expect("statement", *rows)


@pytest.mark.parametrize(("text", "rows"), STATEMENTS)
def test_statement_passages_are_exact_spans(text, rows):
    """Every passage a statement shows is cited by an evidence span of exactly its words."""
    for fact in extract(text).facts:
        if TYPE_NAMES.get(type(fact)) == "statement":
            quotes = {span.quote for span in fact.evidence}
            for part in fact.text.split(" … "):
                assert part in quotes or part.removeprefix("“").removesuffix("”") in quotes


def test_transcript_labels_are_speakers():
    text = (
        "PRESENTER: Kate Hoey, you are the MP for Vauxhall. Will you resign?\n\n"
        "KATE HOEY: No. I will serve Vauxhall until the election.\n\n"
        "HOEY: And I will not call a by-election."
    )
    facts = [f for f in extract(text).facts if TYPE_NAMES.get(type(f)) == "statement"]
    assert [(f.rule, f.speaker, f.constituency, f.medium) for f in facts] == [
        ("statement.transcript", "Kate Hoey", "Vauxhall", "interview")
    ]
    assert "not call a by-election" in facts[0].text


def test_signed_letter_speaks_for_the_signatory():
    text = (
        "Subject: John Mann\n\nDear members,\n\nJohn Mann has quit Labour. The people of "
        "Bassetlaw deserve a by-election.\n\nIn solidarity,\n\nAnn Peel\nSecretary, Bassetlaw CLP"
    )
    extraction = extract(text)
    facts = [f for f in extraction.facts if TYPE_NAMES.get(type(f)) == "statement"]
    assert extraction.title == "John Mann"
    assert [
        (f.rule, f.speaker, f.organisation, f.by_clp, f.medium, f.constituency) for f in facts
    ] == [("statement.signed_letter", "Ann Peel", "Bassetlaw CLP", True, "email", "Bassetlaw")]


EVENTS = [
    (
        "Kate Hoey, the MP for Vauxhall, lost a no-confidence vote by local members in July.",
        [{"constituency": "Vauxhall", "kind": "no_confidence_vote", "person": "Kate Hoey"}],
    ),
    (
        "Momentum held a day of action in Vauxhall last weekend.",
        [{"constituency": "Vauxhall", "kind": "campaign_day", "person": ""}],
    ),
    (
        "The process of selecting a candidate to challenge John Mann in Bassetlaw will begin next "
        "week.",
        [{"constituency": "Bassetlaw", "kind": "selection_process", "person": "John Mann"}],
    ),
    ("The weather in Vauxhall was fine.", []),
]


@pytest.mark.parametrize(("text", "rows"), EVENTS)
def test_events(text, rows):
    keys = ("type", "constituency", "kind", "person", "seat_holder")
    got = [{k: r[k] for k in keys} for r in records(text, "event")]
    assert sorted(got, key=repr) == expect("event", *rows)


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


TWO_DECISIONS = [
    (
        "The NEC imposed all-women shortlists in Wigan and Bolsover, and opted for open "
        "selections in Vauxhall.",
        [
            {
                "constituency": "Wigan",
                "kind": "all_women",
                "decided_by": "NEC",
                "firmness": "agreed",
            },
            {
                "constituency": "Bolsover",
                "kind": "all_women",
                "decided_by": "NEC",
                "firmness": "agreed",
            },
            {"constituency": "Vauxhall", "kind": "open", "decided_by": "NEC", "firmness": "agreed"},
        ],
    ),
    (
        "The NEC agreed that Bassetlaw would have an open selection rather than a women-only list.",
        [{"constituency": "Bassetlaw", "kind": "open", "decided_by": "NEC", "firmness": "agreed"}],
    ),
]


@pytest.mark.parametrize(("text", "rows"), TWO_DECISIONS)
def test_two_decisions_in_one_sentence(text, rows):
    assert records(text, "shortlist") == expect("shortlist", *rows)


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


MORE_EVENTS = [
    (
        "Kate Hoey is the MP for Vauxhall. Ruth Evans was selected to replace her. "
        "Members passed a motion of no confidence in her last year.",
        [
            {"constituency": "Vauxhall", "kind": "no_confidence_vote", "person": "Kate Hoey"},
            {"constituency": "Vauxhall", "kind": "selection_process", "person": "Kate Hoey"},
        ],
    ),
    (
        "Kate Hoey, the MP for Vauxhall, quit Labour. Ian Lavery wrote to Vauxhall members.",
        [{"constituency": "Vauxhall", "kind": "letter", "person": "Kate Hoey"}],
    ),
]


@pytest.mark.parametrize(("text", "rows"), MORE_EVENTS)
def test_more_events(text, rows):
    keys = ("type", "constituency", "kind", "person", "seat_holder")
    got = [{k: r[k] for k in keys} for r in records(text, "event")]
    assert sorted(got, key=repr) == expect("event", *rows)


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


SHORTLIST_FAMILIES = [
    (
        "The NEC agreed that in Wigan men and women can apply.",
        [{"constituency": "Wigan", "kind": "open", "decided_by": "NEC", "firmness": "agreed"}],
    ),
    (
        "Members in Lisa Nandy's Wigan constituency had also voted for a women-only list.",
        [
            {
                "constituency": "Wigan",
                "kind": "all_women",
                "decided_by": "Wigan CLP",
                "firmness": "proposed",
            }
        ],
    ),
    (
        "The NEC imposed all-women shortlists in Wigan, and opted for open selections in "
        "Bolsover. Wakefield will also use a women-only list.",
        [
            {
                "constituency": "Wigan",
                "kind": "all_women",
                "decided_by": "NEC",
                "firmness": "agreed",
            },
            {"constituency": "Bolsover", "kind": "open", "decided_by": "NEC", "firmness": "agreed"},
            {
                "constituency": "Wakefield",
                "kind": "all_women",
                "decided_by": "NEC",
                "firmness": "agreed",
            },
        ],
    ),
]


@pytest.mark.parametrize(("text", "rows"), SHORTLIST_FAMILIES)
def test_shortlist_families(text, rows):
    assert records(text, "shortlist") == expect("shortlist", *rows)


EVENT_FAMILIES = [
    (
        "Dennis Skinner lost a vote of no confidence when members in Bolsover backed a motion "
        "against him.",
        [{"constituency": "Bolsover", "kind": "no_confidence_vote", "person": "Dennis Skinner"}],
    ),
    # a headline about selections is no event
    ("Three selections, one row: who decides?", []),
    (
        "Lisa Nandy is the MP for Wigan. Momentum held a day of action in Wigan, where Jon "
        "Lansman joined activists campaigning against Lisa Nandy.",
        [{"constituency": "Wigan", "kind": "campaign_day", "person": "Lisa Nandy"}],
    ),
]


@pytest.mark.parametrize(("text", "rows"), EVENT_FAMILIES)
def test_event_families(text, rows):
    keys = ("type", "constituency", "kind", "person", "seat_holder")
    got = [{k: r[k] for k in keys} for r in records(text, "event")]
    assert sorted(got, key=repr) == expect("event", *rows)


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


def test_an_officer_of_a_named_organisation_is_attributed_to_it():
    """The placeholder index, not the placeholder, identifies the organisation."""
    text = (
        "Momentum activists gathered outside the office. "
        'The secretary of Momentum said: "We will knock on every door in Stockport."'
    )
    statements = [record_of(f) for f in extract(text).facts if isinstance(f, StatementFact)]
    assert [
        (s["organisation"], s["speaker"], s["speaker_role"], s["text"]) for s in statements
    ] == [("Momentum", "", "secretary", "“We will knock on every door in Stockport.”")]
