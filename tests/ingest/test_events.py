"""Events read from the parse: each case is a passage and every event record it should
yield, compared whole (`scoring.record_of`), including passages that must yield none.
The sentences are written for these tests."""

import pytest

from constituencies.ingest.extract import extract
from constituencies.ingest.facts import EventFact
from constituencies.ingest.scoring import record_of


def events(text, **kwargs):
    found = [record_of(f) for f in extract(text, **kwargs).facts if isinstance(f, EventFact)]
    return sorted(found, key=repr)


def event(sentence, constituency, kind, person, date_text="", seat_holder=""):
    """The whole record of an event told in `sentence` ("" for one implied by a candidacy)."""
    return {
        "type": "event",
        "constituency": constituency,
        "kind": kind,
        "description": sentence,
        "person": person,
        "date_text": date_text,
        "seat_holder": seat_holder,
    }


NC = "no_confidence_vote"
CAMPAIGN = "campaign_day"
SELECTION = "selection_process"

S_TWO_CHOSEN = "Wigan members picked Kim Ray on Friday, and Wakefield members chose Sam Cole."
S_ACTIVE = "Kate Hoey, the MP for Vauxhall, lost a no-confidence vote in July."
S_PASSIVE = (
    "A motion of no confidence in Kate Hoey, the MP for Vauxhall, was passed by local members."
)
S_CLP = "Vauxhall CLP passed a motion of no confidence in its MP."
S_RELATIVE = "Kate Hoey, who represents Vauxhall, faced a vote of no confidence last week."
S_POSSESSIVE = "Kate Hoey's local party, Vauxhall CLP, passed a censure motion against her."
S_COORDINATED = (
    "Dennis Skinner, the MP for Bolsover, and Mary Creagh, the MP for Wakefield, both lost "
    "confidence votes."
)
S_FRONTED = "In Bolsover, members passed a no-confidence motion against Dennis Skinner."
S_NUMBER = "Dennis Skinner, the MP for Bolsover, survived a no-confidence vote by 30 votes to 12."
S_PRONOUN = "Local members backed a motion of no confidence in her."
S_DAY = "Momentum held a day of action in Vauxhall on Saturday."
S_CANVASS = "Activists went canvassing in Bolsover and Wakefield last weekend."
S_OWNER = "Momentum is planning canvassing sessions in Kate Hoey's constituency."
S_AIMED = "Campaigners held a day of action aimed at unseating Kate Hoey, the MP for Vauxhall."
S_RESPECTIVELY = (
    "Momentum held days of action in Bolsover and Wakefield, the seats of Dennis Skinner and "
    "Mary Creagh respectively."
)
S_THE_MP = "Activists held a day of action against the MP on Saturday."
S_MONEY = "Some 200 activists joined a day of action in Wakefield, raising £3,000."
S_LETTER = "Ian Lavery wrote to party members in Vauxhall on Monday."
S_LETTER_NOUN = "A letter to members in Bolsover from the general secretary was published."
S_ALL_SEATS = "Ian Lavery has written to members in all seven constituencies."
S_PROCESS = "The selection process in Vauxhall will begin next week."
S_HALTED = "The Bolsover contest was halted after a complaint."
S_REPLACE = (
    "Labour will begin the process of choosing a candidate to replace Dennis Skinner, the MP "
    "for Bolsover."
)
S_PLURAL = "Selections in the seven seats will start after the local elections."
S_UNTIL = "Labour said the Vauxhall selection would not start until May."
S_TO_REPLACE_HIM = "The selection to replace him will open next month."
S_BY_MEMBERS = "Kate Hoey, the MP for Vauxhall, lost a no-confidence vote by local members in July."
S_CHALLENGE = (
    "The process of selecting a candidate to challenge John Mann in Bassetlaw will begin next week."
)
S_PRONOUN_LATER = "Members passed a motion of no confidence in her last year."
S_SEAT_MEMBERS = "Ian Lavery wrote to Vauxhall members."
S_WHEN = (
    "Dennis Skinner lost a vote of no confidence when members in Bolsover backed a motion against "
    "him."
)
S_WHERE = (
    "Momentum held a day of action in Wigan, where Jon Lansman joined activists campaigning "
    "against Lisa Nandy."
)
S_EXPECTED = "Selections in the defectors' seats are expected to get going after the summer."
S_HER_SEAT = "Momentum has promised canvassing sessions in her constituency."
S_NEW_CANDIDATES = (
    "The general secretary emailed activists to say the process of choosing new candidates "
    "would begin soon."
)
S_OF_CANDIDATES = "The party will start the selection of candidates after the summer."
S_THEIR_MP = "Bolsover members passed a no-confidence motion in their MP by 30 votes to 12."
S_ONE_SAME = (
    "Members in Bolsover passed a motion of no confidence in Dennis Skinner, and members in "
    "Wakefield backed one against Mary Creagh."
)
S_ONE_AFTER = "A week later Mary Creagh lost one in Wakefield by 40 votes to 31."
S_COLON_LIST = (
    "Two of the rebels had lost no-confidence votes in their local parties: Dennis Skinner "
    "(Bolsover) and Mary Creagh (Wakefield)."
)
S_LONG_CHAIN = "In March the local party passed a motion of no confidence in him."
S_DASH_SEATS = (
    "Activists will hold canvassing sessions in Bolsover, Wakefield and Penistone and "
    "Stocksbridge – the seats of Dennis Skinner, Mary Creagh and Angela Smith."
)
S_THE_CONSTITUENCY = "Momentum said it would hold canvassing sessions in the constituency."
S_DAY_OF_CANVASSING = (
    "Last month Momentum brought fifty activists to Wakefield for a day of canvassing."
)
S_DOORSTEPS = "Momentum held a day of action on the constituency's doorsteps."
S_SEATS_OF_TWO = (
    "The union funded canvassing days in the seats of two veteran MPs, Dennis Skinner and Mary "
    "Creagh."
)
S_EMAILED = "The general secretary emailed party members in all five constituencies on Friday."
S_EMAILED_SEAT = "Ian Lavery emailed members in Bolsover."
S_MEMBERS_CHOSE = "Members of the Bolsover constituency party chose her on Friday."
S_REPLACEMENT = "Labour members chose her replacement on Thursday."
S_MEMBERS_PICKED = "Local members in Bolsover picked Ruth Evans last night."
S_THE_LOCAL_BODY = "Last year the constituency party passed a motion of no confidence in its MP."
HOEY = "Kate Hoey is the MP for Vauxhall. "
SKINNER = "Dennis Skinner is the MP for Bolsover. "

CASES = [
    # no-confidence votes
    ("active", S_ACTIVE, [event(S_ACTIVE, "Vauxhall", NC, "Kate Hoey", "July")]),
    ("passive", S_PASSIVE, [event(S_PASSIVE, "Vauxhall", NC, "Kate Hoey")]),
    ("a CLP as subject", S_CLP, [event(S_CLP, "Vauxhall", NC, "")]),
    ("relative clause", S_RELATIVE, [event(S_RELATIVE, "Vauxhall", NC, "Kate Hoey", "last week")]),
    ("possessive", S_POSSESSIVE, [event(S_POSSESSIVE, "Vauxhall", NC, "Kate Hoey")]),
    (
        "coordination",
        S_COORDINATED,
        [
            event(S_COORDINATED, "Bolsover", NC, "Dennis Skinner"),
            event(S_COORDINATED, "Wakefield", NC, "Mary Creagh"),
        ],
    ),
    ("fronted place", S_FRONTED, [event(S_FRONTED, "Bolsover", NC, "Dennis Skinner")]),
    ("a tally is no date", S_NUMBER, [event(S_NUMBER, "Bolsover", NC, "Dennis Skinner")]),
    ("pronoun", HOEY + S_PRONOUN, [event(S_PRONOUN, "Vauxhall", NC, "Kate Hoey")]),
    (
        "negation",
        "No motion of no confidence was tabled against Dennis Skinner, the MP for Bolsover.",
        [],
    ),
    ("hedge", "Members in Bolsover may table a motion of no confidence in Dennis Skinner.", []),
    (
        "denial",
        "Dennis Skinner, the MP for Bolsover, denied there would be a no-confidence vote in him.",
        [],
    ),
    (
        "confidence lost is no vote",
        "Voters in Bolsover have lost confidence in Dennis Skinner.",
        [],
    ),
    (
        "their MP: the MP of the members' seat",
        "Mary Creagh is the MP for Wakefield. " + SKINNER + S_THEIR_MP,
        [event(S_THEIR_MP, "Bolsover", NC, "Dennis Skinner")],
    ),
    (
        "one in a coordinated clause",
        S_ONE_SAME,
        [
            event(S_ONE_SAME, "Bolsover", NC, "Dennis Skinner"),
            event(S_ONE_SAME, "Wakefield", NC, "Mary Creagh"),
        ],
    ),
    (
        "one in the next sentence",
        SKINNER + "Members in Bolsover passed a motion of no confidence in him. " + S_ONE_AFTER,
        [
            event(
                "Members in Bolsover passed a motion of no confidence in him.",
                "Bolsover",
                NC,
                "Dennis Skinner",
            ),
            event(S_ONE_AFTER, "Wakefield", NC, "Mary Creagh"),
        ],
    ),
    ("one of many is no vote", SKINNER + "He lost one of his seats in 2010.", []),
    (
        "a list after a colon",
        S_COLON_LIST,
        [
            event(S_COLON_LIST, "Bolsover", NC, "Dennis Skinner"),
            event(S_COLON_LIST, "Wakefield", NC, "Mary Creagh"),
        ],
    ),
    (
        "a pronoun far from its MP",
        SKINNER
        + "He has sat there since 1970. He rarely speaks to reporters. Was he popular locally? "
        + "Not always. "
        + S_LONG_CHAIN,
        [event(S_LONG_CHAIN, "Bolsover", NC, "Dennis Skinner", "March")],
    ),
    (
        "the constituency party: the story's seat",
        SKINNER + S_THE_LOCAL_BODY,
        [event(S_THE_LOCAL_BODY, "Bolsover", NC, "Dennis Skinner", "Last year")],
    ),
    # campaigning
    ("day of action", S_DAY, [event(S_DAY, "Vauxhall", CAMPAIGN, "", "Saturday")]),
    (
        "coordinated places",
        S_CANVASS,
        [
            event(S_CANVASS, "Bolsover", CAMPAIGN, "", "last weekend"),
            event(S_CANVASS, "Wakefield", CAMPAIGN, "", "last weekend"),
        ],
    ),
    (
        "an MP's constituency",
        S_OWNER,
        [event(S_OWNER, "", CAMPAIGN, "Kate Hoey", seat_holder="Kate Hoey")],
    ),
    ("aimed at unseating", S_AIMED, [event(S_AIMED, "Vauxhall", CAMPAIGN, "Kate Hoey")]),
    (
        "respectively",
        S_RESPECTIVELY,
        [
            event(S_RESPECTIVELY, "Bolsover", CAMPAIGN, "Dennis Skinner"),
            event(S_RESPECTIVELY, "Wakefield", CAMPAIGN, "Mary Creagh"),
        ],
    ),
    (
        "the MP",
        SKINNER + S_THE_MP,
        [event(S_THE_MP, "Bolsover", CAMPAIGN, "Dennis Skinner", "Saturday")],
    ),
    ("distracting numbers", S_MONEY, [event(S_MONEY, "Wakefield", CAMPAIGN, "")]),
    (
        "a seat of two words in a list of seats and MPs",
        S_DASH_SEATS,
        [
            event(S_DASH_SEATS, "Bolsover", CAMPAIGN, "Dennis Skinner"),
            event(S_DASH_SEATS, "Wakefield", CAMPAIGN, "Mary Creagh"),
            event(S_DASH_SEATS, "Penistone and Stocksbridge", CAMPAIGN, "Angela Smith"),
        ],
    ),
    (
        "the constituency: the story's, not the one named last",
        SKINNER
        + "Bolsover has voted Labour since 1950. Mary Creagh, his friend, is the MP for "
        + "Wakefield. "
        + S_THE_CONSTITUENCY,
        [event(S_THE_CONSTITUENCY, "Bolsover", CAMPAIGN, "Dennis Skinner")],
    ),
    (
        "a day of canvassing, activists brought to a seat",
        S_DAY_OF_CANVASSING,
        [event(S_DAY_OF_CANVASSING, "Wakefield", CAMPAIGN, "", "Last month")],
    ),
    (
        "the constituency's doorsteps",
        SKINNER + S_DOORSTEPS,
        [event(S_DOORSTEPS, "Bolsover", CAMPAIGN, "Dennis Skinner")],
    ),
    (
        "the seats of N MPs, X and Y",
        SKINNER + "Mary Creagh is the MP for Wakefield. " + S_SEATS_OF_TWO,
        [
            event(S_SEATS_OF_TWO, "Bolsover", CAMPAIGN, "Dennis Skinner"),
            event(S_SEATS_OF_TWO, "Wakefield", CAMPAIGN, "Mary Creagh"),
        ],
    ),
    ("campaign not held", "Momentum has not held a day of action in Vauxhall.", []),
    ("campaign denied", "Momentum denied it had organised canvassing in Vauxhall.", []),
    ("a campaign group is no event", "The campaign group Momentum met in Vauxhall.", []),
    # letters
    ("letter verb", S_LETTER, [event(S_LETTER, "Vauxhall", "letter", "", "Monday")]),
    ("letter noun", S_LETTER_NOUN, [event(S_LETTER_NOUN, "Bolsover", "letter", "")]),
    ("letter to all seats", S_ALL_SEATS, [event(S_ALL_SEATS, "", "letter", "")]),
    (
        "an MP writing to constituents",
        "Kate Hoey, the MP for Vauxhall, wrote to her constituents.",
        [],
    ),
    ("emailed members in all seats", S_EMAILED, [event(S_EMAILED, "", "letter", "", "Friday")]),
    (
        "emailed members in a seat",
        SKINNER + S_EMAILED_SEAT,
        [event(S_EMAILED_SEAT, "Bolsover", "letter", "Dennis Skinner")],
    ),
    (
        "a local party's officer writing to its members",
        "Ruth Evans, who chairs Bolsover CLP, emailed members to thank them.",
        [],
    ),
    (
        "a local body's officer",
        "The secretary of the Bolsover branch wrote to members about the meeting.",
        [],
    ),
    ("the text itself is the letter", "We are writing to members in Vauxhall to thank them.", []),
    # selection processes
    ("process begins", S_PROCESS, [event(S_PROCESS, "Vauxhall", SELECTION, "", "next week")]),
    ("passive halt", S_HALTED, [event(S_HALTED, "Bolsover", SELECTION, "")]),
    ("to replace an MP", S_REPLACE, [event(S_REPLACE, "Bolsover", SELECTION, "Dennis Skinner")]),
    ("many seats", S_PLURAL, [event(S_PLURAL, "", SELECTION, "")]),
    ("not until", S_UNTIL, [event(S_UNTIL, "Vauxhall", SELECTION, "")]),
    (
        "replace him",
        SKINNER + S_TO_REPLACE_HIM,
        [event(S_TO_REPLACE_HIM, "Bolsover", SELECTION, "Dennis Skinner", "next month")],
    ),
    (
        "members of a local party chose X",
        SKINNER + "Ruth Evans applied early. " + S_MEMBERS_CHOSE,
        [event(S_MEMBERS_CHOSE, "Bolsover", SELECTION, "Dennis Skinner", "Friday")],
    ),
    (
        "members in a seat picked X",
        SKINNER + S_MEMBERS_PICKED,
        [event(S_MEMBERS_PICKED, "Bolsover", SELECTION, "Dennis Skinner", "last night")],
    ),
    (
        "her replacement",
        "Mary Creagh is the MP for Wakefield. She quit in May. " + S_REPLACEMENT,
        [event(S_REPLACEMENT, "Wakefield", SELECTION, "Mary Creagh", "Thursday")],
    ),
    (
        "voters electing an MP is no selection",
        "Voters in Bolsover elected Dennis Skinner in 1970.",
        [],
    ),
    # (a named person not chosen is a candidacy not selected, whose seat then has a
    # selection under way: see the candidacy rows)
    ("members not choosing", "Bolsover members have not chosen a candidate yet.", []),
    ("not yet begun", "The selection in Wakefield has not yet begun.", []),
    ("an expected start still counts", S_EXPECTED, [event(S_EXPECTED, "", SELECTION, "")]),
    (
        "her constituency",
        HOEY + S_HER_SEAT,
        [event(S_HER_SEAT, "Vauxhall", CAMPAIGN, "Kate Hoey")],
    ),
    ("a headline", "Three selections, one row: who decides?", []),
    (
        "plural candidates: many seats",
        S_NEW_CANDIDATES,
        [event(S_NEW_CANDIDATES, "", SELECTION, ""), event(S_NEW_CANDIDATES, "", "letter", "")],
    ),
    ("selection of candidates", S_OF_CANDIDATES, [event(S_OF_CANDIDATES, "", SELECTION, "")]),
    ("some contests are no particular one", "Several other contests are still running.", []),
    ("these contests", "Critics say these contests are being run unfairly.", []),
    ("the contest with no seat known", "Ruth Evans won the contest easily.", []),
    (
        "a seat held by an MP is no contest held",
        "The contests in Bolsover and Wakefield, held by Dennis Skinner and Mary Creagh, should "
        "be open to men.",
        [],
    ),
    ("a candidacy with no seat", "Ruth Evans has been selected as a candidate.", []),
    (
        "a candidacy implies a selection",
        "Ruth Evans was selected to fight Vauxhall, where Kate Hoey is standing down.",
        [event("", "Vauxhall", SELECTION, "Kate Hoey")],
    ),
    (
        "a candidacy in a seat where X is standing down",
        "Ruth Evans has been selected for Bolsover, where Dennis Skinner is standing down.",
        [event("", "Bolsover", SELECTION, "Dennis Skinner")],
    ),
    (
        "a candidacy in the seat X held",
        "Ruth Evans has been selected for Bolsover, the seat Dennis Skinner held until May.",
        [event("", "Bolsover", SELECTION, "Dennis Skinner")],
    ),
    (
        "an MP not standing down still holds the seat the selection is for",
        "Ruth Evans has been selected for Bolsover, where Dennis Skinner is not standing down.",
        [event("", "Bolsover", SELECTION, "Dennis Skinner")],
    ),
    (
        "the seat the MP won, in the paragraph's sentence before",
        "Dennis Skinner is retiring. He is not seeking re-election in Bolsover, the seat he "
        "clung on to by 40 votes in 2017. Labour's candidate there is Ruth Evans.",
        [event("", "Bolsover", SELECTION, "Dennis Skinner")],
    ),
    (
        "the seat's MP named in the sentence after the candidacy, other seats before",
        S_TWO_CHOSEN + " In Bolsover, Ruth Evans is on a shortlist with Tom Lee. The seat's MP, "
        "Dennis Skinner, resigned from Labour last year.",
        [
            event(S_TWO_CHOSEN, "Wigan", SELECTION, "", "Friday"),
            event(S_TWO_CHOSEN, "Wakefield", SELECTION, ""),
            event("", "Bolsover", SELECTION, "Dennis Skinner"),
        ],
    ),
    ("no cue", "The weather in Vauxhall was fine.", []),
    # moved from test_extract.py
    ("by local members", S_BY_MEMBERS, [event(S_BY_MEMBERS, "Vauxhall", NC, "Kate Hoey", "July")]),
    (
        "process to challenge",
        S_CHALLENGE,
        [event(S_CHALLENGE, "Bassetlaw", SELECTION, "John Mann", "next week")],
    ),
    (
        "a candidate and a motion about the same MP",
        HOEY + "Ruth Evans was selected to replace her. " + S_PRONOUN_LATER,
        [
            event(S_PRONOUN_LATER, "Vauxhall", NC, "Kate Hoey"),
            event("", "Vauxhall", SELECTION, "Kate Hoey"),
        ],
    ),
    (
        "members named by their seat",
        "Kate Hoey, the MP for Vauxhall, quit Labour. " + S_SEAT_MEMBERS,
        [event(S_SEAT_MEMBERS, "Vauxhall", "letter", "Kate Hoey")],
    ),
    ("when-clause places the vote", S_WHEN, [event(S_WHEN, "Bolsover", NC, "Dennis Skinner")]),
    (
        "a person in a where-clause is no target",
        "Lisa Nandy is the MP for Wigan. " + S_WHERE,
        [event(S_WHERE, "Wigan", CAMPAIGN, "Lisa Nandy")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_events(text, expected):
    assert events(text) == sorted(expected, key=repr)


def test_a_seat_the_article_does_not_give_names_its_holder():
    text = "Local members passed a motion of no confidence in Dennis Skinner."
    assert events(text) == [event(text, "", NC, "Dennis Skinner", seat_holder="Dennis Skinner")]
