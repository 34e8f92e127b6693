"""Seats read from the parse: a battery of constructions, each with every seat record it
should yield compared whole. Sentences are written for these tests in plain news English;
names are invented or common, never the development articles'."""

import pytest

from constituencies.ingest.extract import extract
from constituencies.ingest.facts import SeatFact
from constituencies.ingest.scoring import record_of


def records(text):
    found = [record_of(f) for f in extract(text).facts if isinstance(f, SeatFact)]
    return sorted(found, key=repr)


def seat(person, constituency):
    return {"type": "seat", "person": person, "constituency": constituency}


def expect(*rows):
    return sorted(rows, key=repr)


BATTERY = [
    ("compound", "Wigan MP Anna Price backed the deal.", [seat("Anna Price", "Wigan")]),
    ("compound parsed flat", "Wigan MP Sam Hope backed the deal.", [seat("Sam Hope", "Wigan")]),
    (
        "a fronted place scopes an office before a name",
        "In Bolsover, Labour MP Kim Ray spoke first.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "quoted words continuing a reported clause say who is to resign",
        "Wigan CLP has said nothing, but its secretary said Sam Hope is “a decent man”, though "
        "“should now resign”.",
        [seat("Sam Hope", "Wigan")],
    ),
    (
        "the one who said it is not the one to resign",
        "Wigan CLP met, and its secretary Kim Ray said she would “resign at once” if asked.",
        [],
    ),
    (
        "apposition, the MP for U",
        "Sam Hope, the Labour MP for Wigan, spoke on Friday.",
        [seat("Sam Hope", "Wigan")],
    ),
    (
        "apposition, the MP for U first",
        "The MP for Bolsover, Kim Ray, stayed away.",
        [seat("Kim Ray", "Bolsover")],
    ),
    ("brackets, person first", "Kim Ray (Bolsover) voted against.", [seat("Kim Ray", "Bolsover")]),
    (
        "brackets, seat first",
        "Bolsover (Kim Ray): 5,000 / 6,000 / 7,000",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "relative clause on the person",
        "Sam Hope, who represents Wigan, spoke on Friday.",
        [seat("Sam Hope", "Wigan")],
    ),
    (
        "relative clause, has sat for U since",
        "Kim Ray, who has sat for Bolsover since 2010, is staying.",
        [seat("Kim Ray", "Bolsover")],
    ),
    ("active", "Sam Hope represents Wigan.", [seat("Sam Hope", "Wigan")]),
    (
        "passive on the seat",
        "Wigan, held by Sam Hope, is marginal.",
        [seat("Sam Hope", "Wigan")],
    ),
    (
        "relative clause on the seat",
        "Bolsover, which Kim Ray has held since 2010, votes soon.",
        [seat("Kim Ray", "Bolsover")],
    ),
    ("copula", "Kim Ray is the MP for Bolsover.", [seat("Kim Ray", "Bolsover")]),
    (
        "a former party's MP still sits for the seat",
        "Kim Ray, the former Labour MP for Bolsover, joined the Greens.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "formerly a party's MP",
        "Sam Hope, formerly Conservative MP for Wigan, now sits as an independent.",
        [seat("Sam Hope", "Wigan")],
    ),
    (
        "an ex-party MP",
        "Jo Hart, the ex-Tory MP for Bolsover, spoke on Friday.",
        [seat("Jo Hart", "Bolsover")],
    ),
    (
        "possessive seat noun",
        "Sam Hope's Wigan seat is marginal.",
        [seat("Sam Hope", "Wigan")],
    ),
    ("possessive on the seat", "Wigan's Sam Hope voted for it.", [seat("Sam Hope", "Wigan")]),
    (
        "possessive office noun",
        "Bolsover's MP, Kim Ray, said little.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "coordination with respectively",
        "Kim Ray and Sam Hope, the MPs for Bolsover and Wigan respectively, quit.",
        [seat("Kim Ray", "Bolsover"), seat("Sam Hope", "Wigan")],
    ),
    (
        "seats held by a list, paired in order",
        "The contests in Wigan and Bolsover, held by Sam Hope and Kim Ray, start soon.",
        [seat("Sam Hope", "Wigan"), seat("Kim Ray", "Bolsover")],
    ),
    (
        "pronoun referring back",
        "The odd one out is Sam Hope. Her Wigan seat is marginal.",
        [seat("Sam Hope", "Wigan")],
    ),
    (
        "the U MP referring back",
        "Kim Ray quit the party. The Bolsover MP, who was first elected in 2010, will stand again.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "a distracting number",
        "Sam Hope, who holds Wigan, polled 21,000 votes on a turnout of 64 per cent.",
        [seat("Sam Hope", "Wigan")],
    ),
    (
        "margin in the seat",
        "Kim Ray has a majority of 5,120 in Bolsover.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "challenge in the seat",
        "Activists hope to unseat Kim Ray in Bolsover at the next election.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "a seat noun under a seat's heading",
        "WIGAN\n\nJo Hart was picked on Friday. She will fight the seat Sam Hope held.",
        [seat("Sam Hope", "Wigan")],
    ),
    (
        "each conjunct with its own possessor",
        "Kim Ray's Bolsover and Sam Hope's Wigan are far safer.",
        [seat("Kim Ray", "Bolsover"), seat("Sam Hope", "Wigan")],
    ),
    (
        "coordinated appositions, one MP each",
        "Kim Ray, the MP for Bolsover, and Sam Hope, the MP for Wigan, voted against.",
        [seat("Kim Ray", "Bolsover"), seat("Sam Hope", "Wigan")],
    ),
    (
        "a list the parser reads as an apposition",
        "The seats of Bolsover, Wigan and Leigh, held by Kim Ray, Sam Hope and Jo Hart, "
        "will be contested.",
        [seat("Kim Ray", "Bolsover"), seat("Sam Hope", "Wigan"), seat("Jo Hart", "Leigh")],
    ),
    (
        "they for the list before, a margin after a copula",
        "Kim Ray and Sam Hope are safe: they won majorities of 9,000 and 8,000 in Bolsover "
        "and Wigan respectively.",
        [seat("Kim Ray", "Bolsover"), seat("Sam Hope", "Wigan")],
    ),
    (
        "where-clause on a list of seats",
        "Bolsover and Wigan, where Kim Ray and Sam Hope are the sitting MPs, will be open.",
        [seat("Kim Ray", "Bolsover"), seat("Sam Hope", "Wigan")],
    ),
    (
        "its MP: the seat named last",
        "Labour has not yet chosen a candidate in Bolsover. Kim Ray, its MP, quit the party.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "those three seats",
        "Shortlists were agreed for Bolsover, Wigan and Leigh. Kim Ray, Sam Hope and Jo Hart, "
        "who held those three seats, have left.",
        [seat("Kim Ray", "Bolsover"), seat("Sam Hope", "Wigan"), seat("Jo Hart", "Leigh")],
    ),
    (
        "a vote of no confidence in a place",
        "Kim Ray lost a no-confidence vote in Bolsover last year.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "a local party asks its MP to call a by-election",
        "The chair of Bolsover CLP wrote to Kim Ray to ask him to call a by-election.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "a fronted place and a call to resign",
        "In Bolsover, the local party repeated its call for Ray to resign.",
        [seat("Kim Ray", "Bolsover")],
        "Kim Ray left Labour. ",
    ),
    (
        "campaigning against an MP, where-clause",
        "Activists gathered in Bolsover, where they campaigned against Kim Ray.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "the MP under a seat's heading",
        "BOLSOVER\n\nKim Ray, the MP since 2010, has left the party.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "a departure under a where-clause",
        "In Bolsover, where Kim Ray's departure left a majority of 5,000, members met.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "held on by a margin in a place",
        "Kim Ray held on by just 900 votes in Bolsover.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "a holder's act on the seat, denied, still names the holder",
        "Kim Ray will not be defending Bolsover.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "a relative clause on a list covers the names before it",
        "The rebels are Kim Ray, Sam Hope and Jo Hart, who represent Bolsover, Wigan and "
        "Halifax respectively, and Ann Lee of Stockport.",
        [seat("Kim Ray", "Bolsover"), seat("Sam Hope", "Wigan"), seat("Jo Hart", "Halifax")],
    ),
    (
        "a participle on the seat before the comma, hung on the verb",
        "Kim Ray is moving from Wigan to Bolsover, held by the Tory Sam Hope with a majority "
        "of 1,657.",
        [seat("Sam Hope", "Bolsover")],
    ),
    (
        "the one called on to resign does the coordinated verb too",
        "Ann Lee, secretary of Wigan CLP, said she would be calling on Kim Ray to resign and "
        "allow a by-election.",
        [seat("Kim Ray", "Wigan")],
    ),
    (
        "a tenure held for a party until a date: the party lost it, not the holder",
        "In Bolsover, Ann Lee will fight the seat Kim Ray held for Labour until February.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "an apposition seat noun hung on the subject takes the seat before its comma",
        "Kim Ray is heading across the Pennines to Bolsover, the seat of the senior Tory "
        "backbencher Sir Sam Hope.",
        [seat("Sam Hope", "Bolsover")],
    ),
    (
        "an office apposition hung on the noun before the name takes the name before its comma",
        "She is the daughter of Sam Hope, the suspended MP for neighbouring Luton North, who "
        "has announced that he is standing down.",
        [seat("Sam Hope", "Luton North")],
    ),
    (
        "a participle with a by-phrase on the verb of a named subject",
        "Jo Hart is moving from Wigan to Bury St Edmunds, held by the Tory Sam Hope with a "
        "majority of 1,657.",
        [seat("Sam Hope", "Bury St Edmunds")],
    ),
    (
        "put up against a titled MP in a place",
        "The Greens have put her up against the Conservative MP Sir Sam Hope in Bolsover.",
        [seat("Sam Hope", "Bolsover")],
    ),
    (
        "their MP, X: the seat the clause's subject names, the name set off after it",
        "Last September Wigan members passed a no-confidence motion in their MP, Kim Ray, by "
        "94 votes to 92, and Bolsover's committee backed one against its MP, Sam Hope, on the "
        "same night.",
        [seat("Kim Ray", "Wigan"), seat("Sam Hope", "Bolsover")],
    ),
    (
        "their seats listed after the people named before, paired in order",
        "They are Kim Ray, Sam Hope and Jo Hart. Their constituencies, in the same order: "
        "Wigan, Bolsover and Bury St Edmunds.",
        [
            seat("Kim Ray", "Wigan"),
            seat("Sam Hope", "Bolsover"),
            seat("Jo Hart", "Bury St Edmunds"),
        ],
    ),
    (
        "held it: the seat named in the sentences before",
        "Wigan ought to be safe. It is a seat the party won back in 2015. Kim Ray, who has "
        "held it since 2015, walked out in February.",
        [seat("Kim Ray", "Wigan")],
    ),
    (
        "a second owner whose margin noun is left out",
        "Kim Ray's majority in Wigan was 15,952 and Sam Hope's in Bolsover 13,477.",
        [seat("Kim Ray", "Wigan"), seat("Sam Hope", "Bolsover")],
    ),
    # Nothing: places in passing, candidacies, former MPs, doubt, quotations.
    (
        "held it up: a phrasal verb, not a seat",
        "Kim Ray won the vote in Wigan. Sam Hope held it up.",
        [],
    ),
    (
        "held it after the seat has its MP",
        "Sam Hope is the MP for Wigan. Kim Ray has held it since 2015.",
        [seat("Sam Hope", "Wigan")],
    ),
    (
        "their seats listed, fewer than the people named before",
        "Kim Ray, Sam Hope and Jo Hart met. Their seats are Wigan and Bolsover.",
        [],
    ),
    (
        "a place's person who won a selection is its candidate",
        "Jo Hart, like Wigan's Kim Ray, won a selection limited to women.",
        [],
    ),
    ("a place's person who was picked", "Wigan's Kim Ray was picked on Friday.", []),
    (
        "a challenge to a former MP",
        "Kim Ray campaigned against the former MP Sam Hope in Bolsover.",
        [],
    ),
    (
        "an MP opposed outside any seat",
        "Kim Ray voted against Labour MP Sam Hope in the Commons.",
        [],
    ),
    (
        "one who calls for a by-election is not the one to go",
        "When he quit Labour, the council leader, Ann Lee, called for a by-election, and Sam "
        "Hope, chairman of Wigan Constituency Labour Party, said he had no chance.",
        [],
    ),
    (
        "a pronoun after an unnamed office subject is not the name before",
        "Wigan faces a three-way fight\n\nThe Green Party's Sam Hope completes the field. "
        "Their MP decided, twice, to change her party and then her seat.",
        [],
    ),
    (
        "a tenure told up to a date is over",
        "Sam Hope will fight Bolsover, the seat the former minister Kim Ray held until the "
        "dissolution.",
        [],
    ),
    (
        "a candidate chosen to defend a majority",
        "Jo Hart was chosen to defend Labour's majority of 5,000 in Bolsover.",
        [],
    ),
    (
        "a call to resign about someone else's seat",
        "Jo Hart, who chairs Bolsover CLP, said she would not resign.",
        [],
    ),
    ("speaking in a place", "Sam Hope, speaking in Wigan, praised the council.", []),
    ("visiting a place", "Sam Hope visited Bolsover on Friday.", []),
    ("a councillor named by place", "Barking councillor Jo Hart spoke at the hustings.", []),
    ("a candidate chosen", "Jo Hart was selected as Labour's candidate for Wigan.", []),
    ("former MP", "Sam Hope, the former MP for Wigan, spoke on Friday.", []),
    (
        "former with no party left is still the seat's former MP",
        "Kim Ray, the ex-MP for Bolsover, backed the deal.",
        [],
    ),
    ("negation", "Sam Hope does not represent Wigan.", []),
    ("a hedge", "Sam Hope may stand in Wigan at the next election.", []),
    ("a hedge on representing", "Sam Hope could represent Wigan after the election.", []),
    ("a denial", "Sam Hope denied that she represents Wigan.", []),
    ("won a selection", "Jo Hart won the Wigan selection on Sunday.", []),
    ("a home seat", "Jo Hart was turned down for her home seat of Vauxhall.", []),
    (
        "inside a quotation",
        'Jo Hart said: "Sam Hope, the MP for Wigan, has let us down."',
        [],
    ),
    (
        "a list of MPs, one with a relative clause naming her seat",
        "Anna Bright, the MP for Erewash, Kate Ward, who represents Mid Derbyshire, and Sarah "
        "Hill, the Bolsover MP, announced their resignations in a joint letter to the leader.",
        [
            seat("Anna Bright", "Erewash"),
            seat("Kate Ward", "Mid Derbyshire"),
            seat("Sarah Hill", "Bolsover"),
        ],
    ),
    (
        "an apposed office whose 'for' phrase the parse hung higher",
        "His ally Wes Carter, MP for neighbouring Ilford North, called the suspension an "
        "undemocratic stitch up.",
        [seat("Wes Carter", "Ilford North")],
    ),
    (
        "a neighbouring MP is not the MP of the place in scope",
        "In Wigan, the shortlist has three names: Jo Lane; Kim Ray, who works for "
        "neighbouring MP Tom Cole; and Ann Bell.",
        [],
    ),
    ("an attempt to hold a seat", "In Wigan, Jo Lane will try to hold the seat for Labour.", []),
    (
        "a candidate in a 'where' clause, titled with an office noun",
        "Ann Lowe has left Labour, and in Wigan, where NEC member Jo Lane is Labour's candidate, "
        "the party is confident.",
        [],
    ),
    (
        "a candidate picked for the section's seat defends its majority",
        "Jo Lane, the branch secretary chosen in May, is defending a 4,000 majority.",
        [],
        "Wigan\n\n",
    ),
    (
        "a candidate picked for the section's seat inherits its majority",
        "Jo Lane, a shop steward, was picked by a panel and inherits a 9,000 majority.",
        [],
        "Wigan\n\n",
    ),
    (
        "standing down in a seat",
        "Tom Cole, who backed the deal, is stepping down in North West Durham.",
        [seat("Tom Cole", "North West Durham")],
    ),
    ("retiring from a seat", "Ann Bell has retired from Wigan.", [seat("Ann Bell", "Wigan")]),
    (
        "retiring in a 'where' clause",
        "In Bolsover, where Kim Ray is retiring at the election, five people will go before "
        "members.",
        [seat("Kim Ray", "Bolsover")],
    ),
    (
        "a seat noun under a heading, held by way of a relative pronoun",
        "Jo Lane will try to hold a seat that Tom Cole, who quit Labour in May and now sits "
        "as an independent, won by 3,000 votes in 2017.",
        [seat("Tom Cole", "Wigan")],
        "WIGAN\n\n",
    ),
    (
        "reselected in a seat",
        "Three days later Jo Hart was reselected in Wigan with 233 of almost 400 votes.",
        [seat("Jo Hart", "Wigan")],
    ),
    (
        "members reselect the MP",
        "Members reselected Jo Hart in Wigan on Friday.",
        [seat("Jo Hart", "Wigan")],
    ),
    (
        "a possessive seat noun in a list item labelled by its seat",
        "- Wigan: council leader Jo Lane, selected in Tom Cole's seat over the summer.\n"
        "- Bolsover: Sam Hope, who won the nomination in Ann Bell's seat at a rerun.",
        [seat("Tom Cole", "Wigan"), seat("Ann Bell", "Bolsover")],
        "Three more candidates were chosen this week:\n\n",
    ),
    (
        "a run-in head, the MP's local body passing a motion",
        "Wigan. On the same night Tom Cole's executive committee passed its own no-confidence "
        "motion by 30 votes to four.",
        [seat("Tom Cole", "Wigan")],
    ),
    (
        "a run-in head, the MP losing a vote reported by someone",
        "Bolsover. A local paper reported last week that Ann Bell also lost a no-confidence "
        "vote in the spring.",
        [seat("Ann Bell", "Bolsover")],
    ),
    (
        "a run-in head, motions tabled at her CLP",
        "Wigan. Jo Hart was the one who got away. Two motions of no confidence were tabled at "
        "her CLP in early March.",
        [seat("Jo Hart", "Wigan")],
    ),
    (
        "a subject placed in a seat by 'in', with a relative clause",
        "Jo Hart in Wigan, who quit the whip last year, is standing for her own party.",
        [seat("Jo Hart", "Wigan")],
    ),
    (
        "a subject placed in a seat by 'in', before a copula",
        "Kim Ray in Bolsover was the first, in early September, when four branches voted for a "
        "contest.",
        [seat("Kim Ray", "Bolsover")],
    ),
    ("a titled person placed by 'in'", "Councillor Jo Lane in Wigan backed the motion.", []),
    (
        "the holder expected to defend the seat under its heading",
        "Tom Cole is expected to defend the seat for the Brexit Party.",
        [seat("Tom Cole", "Wigan")],
        "WIGAN\n\n",
    ),
    (
        "a candidate expected to defend the seat",
        "Jo Lane, the new Labour candidate, is expected to defend the seat.",
        [],
        "WIGAN\n\n",
    ),
    (
        "'the seat' in a story of many seats: the one named last",
        "Members in Wigan chose Jo Lane the same evening. She inherits a majority of 900. Tom "
        "Cole, who won the seat for Labour in 2017, quit the party in May.",
        [seat("Tom Cole", "Wigan")],
        "In Bolsover, Kim Ray was picked on Thursday.\n\n",
    ),
    (
        "'the seat's MP' after a fronted place in the sentence before",
        "In Wigan, Greater Manchester, Jo Lane is on a shortlist with two others. The seat's "
        "MP, Tom Cole, resigned from Labour last May.",
        [seat("Tom Cole", "Wigan")],
        "In Bolsover, Kim Ray was picked on Thursday.\n\n",
    ),
    (
        "swapping a seat for another, which has its own margin",
        "Ann Bell took the same route, and has swapped Bolsover for North West Durham, a "
        "Conservative seat with a margin of 1,657.",
        [seat("Ann Bell", "Bolsover")],
    ),
    ("standing down as a candidate", "Jo Lane stood down as candidate in Wigan after a row.", []),
]


@pytest.mark.parametrize(
    ("text", "rows"),
    [(case[1] if len(case) == 3 else case[3] + case[1], case[2]) for case in BATTERY],
    ids=[case[0] for case in BATTERY],
)
def test_battery(text, rows):
    """Each sentence alone, or after a lead-in (a fourth field) that names its people."""
    assert records(text) == expect(*rows)


def test_seat_of_is_kept_for_later_rules():
    from constituencies.ingest.document import Document
    from constituencies.ingest.rules.seats import seat_facts

    text = "Sam Hope, the MP for Wigan, spoke on Friday."
    doc = Document.parse(text)
    facts = seat_facts(doc)
    assert doc.seat_of == {"Sam Hope": "Wigan"}
    assert doc.seat_evidence["Sam Hope"] == facts[0].evidence
    assert facts[0].evidence[0].quote == text


# Cases moved from test_extract.py: rows name only the fields that matter.
def legacy(rows):
    return expect(*({"type": "seat", **row} for row in rows))


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
    assert records(text) == legacy(rows)


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
    assert records(text) == legacy(rows)


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
    # a fact box under a seat's heading, with its county
    (
        "BOLSOVER (Derbyshire)\nMP: Dennis Skinner\nAgent: Ruth Evans",
        [{"person": "Dennis Skinner", "constituency": "Bolsover"}],
    ),
    # the office may carry a word before it, unless the word says it is over
    (
        "BOLSOVER\nSitting MP: Dennis Skinner. Majority: 5,288",
        [{"person": "Dennis Skinner", "constituency": "Bolsover"}],
    ),
    ("BOLSOVER\nFormer MP: Dennis Skinner", []),
    # a labelled line that is not an office, or with no seat's heading above it
    ("BOLSOVER\nCandidate: Ruth Evans", []),
    ("The rebels\nMP: Dennis Skinner", []),
]


@pytest.mark.parametrize(("text", "rows"), SECTION_SEATS)
def test_section_seats(text, rows):
    assert records(text) == legacy(rows)


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
    assert records(text) == legacy(rows)
