"""Party moves read from the parse: a battery of constructions, each with every record it
should yield compared whole. Sentences are written for these tests in plain news English;
names are invented, seats and parties real."""

import pytest

from constituencies.ingest.extract import extract
from constituencies.ingest.facts import PartyMoveFact
from constituencies.ingest.scoring import record_of


def records(text):
    found = [record_of(f) for f in extract(text).facts if isinstance(f, PartyMoveFact)]
    return sorted(found, key=repr)


def move(person, from_party, to_group="", constituency="", date_text="", seat_holder=""):
    return {
        "type": "party_move",
        "person": person,
        "from_party": from_party,
        "to_group": to_group,
        "constituency": constituency,
        "date_text": date_text,
        "seat_holder": seat_holder,
    }


def expect(*rows):
    return sorted(rows, key=repr)


LD = "Liberal Democrats"
TIG = "The Independent Group"

BATTERY = [
    (
        "active, with the group joined",
        "Sam Hope quit Labour on Monday to join the Liberal Democrats.",
        [move("Sam Hope", "Labour", LD, date_text="Monday")],
    ),
    (
        "defected from A to B, seat from the title",
        "Wigan MP Sam Hope has defected from the Conservatives to Labour.",
        [move("Sam Hope", "Conservative", "Labour", "Wigan")],
    ),
    (
        "passive",
        "The Conservative Party was abandoned by Sam Hope on Monday.",
        [move("Sam Hope", "Conservative", date_text="Monday")],
    ),
    (
        "relative clause, the group from the main clause",
        "Sam Hope, who left Labour in February, now sits with The Independent Group.",
        [move("Sam Hope", "Labour", TIG, date_text="February")],
    ),
    (
        "apposition gives the seat; to sit as an independent",
        "Sam Hope, the MP for Bolsover, has resigned from the Labour Party and will sit as an "
        "independent.",
        [move("Sam Hope", "Labour", "", "Bolsover")],
    ),
    (
        "coordinated subjects share the verb",
        "Sam Hope, Kim Ray and Lee Moss quit Labour to form The Independent Group.",
        [
            move("Sam Hope", "Labour", TIG),
            move("Kim Ray", "Labour", TIG),
            move("Lee Moss", "Labour", TIG),
        ],
    ),
    (
        "together with: the companions share the verb's arguments",
        "Sam Hope quit the Conservatives together with Kim Ray and Lee Moss.",
        [
            move("Sam Hope", "Conservative"),
            move("Kim Ray", "Conservative"),
            move("Lee Moss", "Conservative"),
        ],
    ),
    (
        "possessive departure noun",
        "Sam Hope's defection from Labour to the Liberal Democrats surprised colleagues.",
        [move("Sam Hope", "Labour", LD)],
    ),
    (
        "pronoun before its name, in a fronted phrase",
        "Following her departure from the SNP, Sam Hope sat as an independent.",
        [move("Sam Hope", "SNP")],
    ),
    (
        "partitive: one of the MPs who walked out",
        "Sam Hope was one of the three MPs who walked out of Labour to set up The Independent "
        "Group.",
        [move("Sam Hope", "Labour", TIG)],
    ),
    (
        "a pronoun referring back, and a second move out of the new group",
        "Sam Hope, the MP for Vauxhall, quit Labour to help found Change UK. She has since left "
        "Change UK and joined the Liberal Democrats.",
        [move("Sam Hope", "Labour", TIG, "Vauxhall"), move("Sam Hope", TIG, LD, "Vauxhall")],
    ),
    (
        "the MP referring back; the group from the later sentence",
        "Sam Hope quit Labour in March. The Wigan MP now sits with the Liberal Democrats.",
        [move("Sam Hope", "Labour", LD, "Wigan", "March")],
    ),
    (
        "fronted place; the party is the person's own",
        "In Wigan, Labour MP Sam Hope has quit the party to sit as an independent.",
        [move("Sam Hope", "Labour", "", "Wigan")],
    ),
    (
        "respectively pairs people with parties",
        "Sam Hope and Kim Ray quit Labour and the Conservatives respectively to join The "
        "Independent Group.",
        [move("Sam Hope", "Labour", TIG), move("Kim Ray", "Conservative", TIG)],
    ),
    (
        "apposed list under a counted plural",
        "Three Conservatives, Sam Hope, Kim Ray and Lee Moss, defected to The Independent Group "
        "on Wednesday.",
        [
            move("Sam Hope", "Conservative", TIG, date_text="Wednesday"),
            move("Kim Ray", "Conservative", TIG, date_text="Wednesday"),
            move("Lee Moss", "Conservative", TIG, date_text="Wednesday"),
        ],
    ),
    (
        "joining verb: the party left is the one the article gives the person",
        "Labour MP Sam Hope has joined the Liberal Democrats.",
        [move("Sam Hope", "Labour", LD)],
    ),
    (
        "copula apposition gives the party; crossing the floor",
        "Kim Ray, the Conservative MP for Wigan, crossed the floor to join the Liberal Democrats.",
        [move("Kim Ray", "Conservative", LD, "Wigan")],
    ),
    (
        "a distracting number",
        "Wigan MP Sam Hope, whose majority is 4,000, quit Labour on Friday.",
        [move("Sam Hope", "Labour", "", "Wigan", "Friday")],
    ),
    (
        "as one of the founders of the group",
        "Kim Ray quit the Green Party in May as one of the founders of the Liberal Democrats.",
        [move("Kim Ray", "Green Party", LD, date_text="May")],
    ),
    (
        "as one of the NUMBER who founded the group",
        "Kim Ray left the SNP in March as one of the five who founded Change UK.",
        [move("Kim Ray", "SNP", TIG, date_text="March")],
    ),
    (
        "a second move out of the group, told with a bare demonstrative",
        "Kim Ray left Labour in March as a co-founder of Change UK, and quit that in July.",
        [
            move("Kim Ray", "Labour", TIG, date_text="March"),
            move("Kim Ray", TIG, "", date_text="July"),
        ],
    ),
    (
        "a purpose clause set off by a participle",
        "Kim Ray, who left the Conservatives in April, blaming the leadership, to help set up "
        "Change UK, spoke first.",
        [move("Kim Ray", "Conservative", TIG, date_text="April")],
    ),
    (
        "a purpose clause after a companion plural",
        "Kim Ray quit Labour in June with four other MPs to form Change UK.",
        [move("Kim Ray", "Labour", TIG, date_text="June")],
    ),
    (
        "a free relative names the group founded",
        "Kim Ray walked out of the SNP to found what became Change UK.",
        [move("Kim Ray", "SNP", TIG)],
    ),
    ("quit as an office holder, not a party", "Kim Ray quit as a minister in May.", []),
    (
        "a later join coordinated with a move to another group",
        "Kim Ray left the Conservatives in May for Change UK and has since joined the Liberal "
        "Democrats.",
        [
            move("Kim Ray", "Conservative", TIG, date_text="May"),
            move("Kim Ray", TIG, LD),
        ],
    ),
    (
        "swapped one party for another",
        "Kim Ray, who swapped the SNP for Labour in August, spoke first.",
        [move("Kim Ray", "SNP", "Labour", date_text="August")],
    ),
    (
        "a route from party to party, step by step",
        "Kim Ray went from the SNP to Labour and then to the Liberal Democrats.",
        [move("Kim Ray", "SNP", "Labour"), move("Kim Ray", "Labour", LD)],
    ),
    (
        "a route with a single step",
        "Kim Ray moved from the Green Party to Labour in March.",
        [move("Kim Ray", "Green Party", "Labour", date_text="March")],
    ),
    ("a seat's route is no one's move", "Kim Ray's seat went from Labour to the SNP.", []),
    (
        "a defector noun with its parties",
        "Kim Ray, a defector from the SNP to Labour, spoke first.",
        [move("Kim Ray", "SNP", "Labour")],
    ),
    (
        "leading the group gives the group joined",
        "Kim Ray, who left the SNP in May and now leads Change UK, spoke first.",
        [move("Kim Ray", "SNP", TIG, date_text="May")],
    ),
    (
        "leading a campaign is no group",
        "Kim Ray, who left the SNP in May, now leads the Labour campaign.",
        [move("Kim Ray", "SNP", date_text="May")],
    ),
    (
        "the group others who left the same party went to",
        "Kim Ray quit the SNP in May to join Labour. Sam Hope, another defector from the SNP, "
        "spoke first.",
        [
            move("Kim Ray", "SNP", "Labour", date_text="May"),
            move("Sam Hope", "SNP", "Labour"),
        ],
    ),
    (
        "the party a seat was held for is the party left",
        "Labour will fight Wigan, the seat Kim Ray held for the SNP until she quit to join "
        "Change UK.",
        [move("Kim Ray", "SNP", TIG, "Wigan")],
    ),
    (
        "a list who held seats for a party until they quit",
        "Kim Ray, Sam Hope and Lee Moss, who held their seats for the SNP until they quit in "
        "May, will stand again.",
        [
            move("Kim Ray", "SNP", date_text="May"),
            move("Sam Hope", "SNP", date_text="May"),
            move("Lee Moss", "SNP", date_text="May"),
        ],
    ),
    (
        "left, but has not joined: no group, whatever group is named",
        "Kim Ray left the SNP in May but has not joined the new Labour group and sits alone.",
        [move("Kim Ray", "SNP", "", date_text="May")],
    ),
    (
        "no longer a party's member",
        "Kim Ray is no longer a Green Party member, and Sam Hope is no longer a member of the SNP.",
        [move("Kim Ray", "Green Party"), move("Sam Hope", "SNP")],
    ),
    ("no longer an office, no party", "Kim Ray is no longer a minister.", []),
    ("not a party's member is no move", "Kim Ray is not a Labour MP.", []),
    (
        "a pronoun in someone's quoted words is not the speaker",
        'Kim Ray, the SNP chair, said: "He had already resigned from the SNP."',
        [],
    ),
    (
        "losing a party's whip",
        "Kim Ray lost the Green Party whip on Tuesday, and Sam Hope surrendered the SNP whip.",
        [
            move("Kim Ray", "Green Party", "", date_text="Tuesday"),
            move("Sam Hope", "SNP", ""),
        ],
    ),
    (
        "a whip withdrawn, stripped or taken: told of the holder",
        "Kim Ray had the Labour whip withdrawn. Sam Hope was stripped of the SNP whip in May. "
        "Green Party MP Lee Moss, whose whip was suspended, spoke.",
        [
            move("Kim Ray", "Labour", ""),
            move("Sam Hope", "SNP", "", date_text="May"),
            move("Lee Moss", "Green Party", ""),
        ],
    ),
    ("a whip threatened is not lost", "Kim Ray will lose the Labour whip.", []),
    ("a whip restored is not lost", "Labour MP Kim Ray, whose whip was restored, spoke.", []),
    (
        "companions hung on the party left",
        "Kim Ray resigned from the Green Party with Sam Hope and Lee Moss to sit with the new "
        "Independent Group.",
        [
            move("Kim Ray", "Green Party", TIG),
            move("Sam Hope", "Green Party", TIG),
            move("Lee Moss", "Green Party", TIG),
        ],
    ),
    (
        "with an abstract noun is no companion",
        "Kim Ray resigned from the Green Party with immediate effect.",
        [move("Kim Ray", "Green Party")],
    ),
    (
        "a counted plural sitting as a group gives the movers' group",
        "Kim Ray and Sam Hope defected from the SNP on Monday. Twelve now sit together as "
        "Change UK.",
        [
            move("Kim Ray", "SNP", TIG, date_text="Monday"),
            move("Sam Hope", "SNP", TIG, date_text="Monday"),
        ],
    ),
    (
        "their parties: several, not one party",
        "Change UK was founded in May. Kim Ray and Sam Hope walked out of their parties.",
        [],
    ),
    (
        "former members of a party named in a sentence of moves",
        "Former SNP members Kim Ray and Sam Hope joined Labour, as did the former "
        "Conservative Lee Moss.",
        [
            move("Kim Ray", "SNP", "Labour"),
            move("Sam Hope", "SNP", "Labour"),
            move("Lee Moss", "Conservative", "Labour"),
        ],
    ),
    (
        "a former party's MP may be an MP no longer",
        "The former Labour MP Kim Ray and former Conservative minister Ann Lowe praised Sam "
        "Hope, who quit the SNP.",
        [move("Sam Hope", "SNP")],
    ),
    ("a question asserts nothing", "Has Kim Ray really left the Green Party?", []),
    (
        "a relative clause inside a question is asserted",
        "Why is Kim Ray, who quit the SNP in May, still silent?",
        [move("Kim Ray", "SNP", date_text="May")],
    ),
    ("negation", "Sam Hope has not left Labour.", []),
    ("hedge", "Sam Hope is expected to quit the Conservatives.", []),
    ("denial", "Sam Hope denied that she would defect to the Liberal Democrats.", []),
    ("ruled out", "Labour MP Sam Hope ruled out joining the Liberal Democrats.", []),
    ("asked to, not done", "Activists urged Sam Hope to quit Labour.", []),
    ("not a party", "Sam Hope left the meeting early.", []),
    ("a leader named near no move", "Jeremy Corbyn said Labour would fight every seat.", []),
    (
        "a leader reporting someone else's move is not a mover",
        "Labour leader Jeremy Corbyn said he was sorry that Sam Hope had left the party.",
        [move("Sam Hope", "Labour")],
    ),
    (
        "no party said or recorded: no move is assumed",
        "Party leaders demanded that Kim Ray and Lee Moss resign and fight by-elections after "
        "they quit.",
        [],
    ),
    (
        "whip lost by a plural the copula puts the person among (relative clause)",
        "Dan Marsh, the MP for Gedling, was one of nine Conservative MPs who lost the whip "
        "on Tuesday.",
        [move("Dan Marsh", "Conservative", "", "Gedling", "Tuesday")],
    ),
    (
        "whip lost by a plural the copula puts the person among (infinitival relative)",
        "Dan Marsh, the MP for Gedling, was one of nine Labour MPs to lose the whip.",
        [move("Dan Marsh", "Labour", "", "Gedling")],
    ),
    (
        "whip withdrawn from a pronoun; the party from an earlier copula",
        "Dan Marsh is the Conservative MP for Gedling. The whip was withdrawn from him on Friday.",
        [move("Dan Marsh", "Conservative", "", "Gedling", "Friday")],
    ),
    (
        "the group left named by a free relative",
        "Dan Marsh left Labour to found The Independent Group. He later quit what had become "
        "Change UK and joined the Liberal Democrats.",
        [move("Dan Marsh", "Labour", TIG), move("Dan Marsh", TIG, LD)],
    ),
    (
        "a pronoun stands for the subject of the sentence before, not a fronted name",
        "After a meeting with Kim Ray on Monday, Dan Marsh set out his reasons. He said he had "
        "quit the Conservatives.",
        [move("Dan Marsh", "Conservative")],
    ),
    (
        "a pronoun stands for the possessor heading the subject of the sentence before",
        "Lee Moss spoke first. Dan Marsh's patience ran out in May. He quit the Conservatives "
        "and joined the Liberal Democrats.",
        [move("Dan Marsh", "Conservative", LD)],
    ),
    (
        "gapping: later subjects with the leaving verb left out",
        "Dan Marsh quit the Green Party in June, Ruth Kerr in August and Tom Vale in October.",
        [
            move("Dan Marsh", "Green Party", date_text="June"),
            move("Ruth Kerr", "Green Party", date_text="August"),
            move("Tom Vale", "Green Party"),
        ],
    ),
    (
        "gapping: later subjects with the joining verb left out",
        "Pat Lowe joined the Liberal Democrats in June, Kim Ray in August and Lee Moss in "
        "October. All three had left the Green Party.",
        [
            move("Pat Lowe", "Green Party", LD, date_text="June"),
            move("Kim Ray", "Green Party", LD, date_text="August"),
            move("Lee Moss", "Green Party", LD),
        ],
    ),
    (
        "an inclusion verb lists the members of a plural mover",
        "Those who quit the SNP this year include Dan Marsh and Ruth Kerr.",
        [move("Dan Marsh", "SNP"), move("Ruth Kerr", "SNP")],
    ),
    (
        "the party left as an earlier sentence without a move gives it (copula)",
        "Ruth Kerr is the Conservative MP for Stroud. On Monday she announced "
        "that she was joining the Liberal Democrats.",
        [move("Ruth Kerr", "Conservative", LD, "Stroud")],
    ),
    (
        "bulleted list under a lead-in: each item's party from the item",
        "Three MPs have joined the Green Party since the spring:\n\n"
        "- Dan Marsh, who represented Gedling for Labour, joined in May.\n"
        "- Ruth Kerr, the Conservative MP for Stroud, followed in June.\n"
        "- Tom Vale, who sat for Wells, joined last week.\n\n"
        "The party hopes for more.",
        [
            move("Dan Marsh", "Labour", "Green Party", "Gedling"),
            move("Ruth Kerr", "Conservative", "Green Party", "Stroud"),
        ],
    ),
    (
        "bulleted list under a lead-in that names both parties; the seat from the item",
        "Four of them have since left the SNP and joined the Liberal Democrats:\n"
        "- Dan Marsh, the former MP for Gedling, was the first, in May.\n"
        "- Ruth Kerr followed in August.\n"
        "Nobody else has moved.",
        [
            move("Dan Marsh", "SNP", LD, "Gedling"),
            move("Ruth Kerr", "SNP", LD),
        ],
    ),
    (
        "notes whose clauses leave out their subject: the person the line before names",
        "GEDLING\nSitting MP: Dan Marsh. Left Labour for The Independent Group in March, then "
        "joined the Liberal Democrats; standing again.",
        [
            move("Dan Marsh", "Labour", TIG, "Gedling", "March"),
            move("Dan Marsh", TIG, LD, "Gedling"),
        ],
    ),
    (
        "notes: a later clause run on with a semicolon is its own move",
        "Dan Marsh, MP for Gedling. Left Labour for The Independent Group in March; left it in "
        "July and now sits as an independent.",
        [
            move("Dan Marsh", "Labour", TIG, "Gedling", "March"),
            move("Dan Marsh", TIG, "", "Gedling", "July"),
        ],
    ),
    ("notes: a subject left out with nobody named before", "Left Labour in March.", []),
    (
        "route in apposition, each step a move",
        "Ruth Kerr, Labour to Change UK to Lib Dem, is asking Stroud to re-elect her.",
        [move("Ruth Kerr", "Labour", TIG), move("Ruth Kerr", TIG, LD)],
    ),
    (
        "route modifying the route noun a verb takes",
        "Ruth Kerr took the same Conservative to Change UK to Liberal Democrat route and is "
        "standing in Stroud.",
        [move("Ruth Kerr", "Conservative", TIG), move("Ruth Kerr", TIG, LD)],
    ),
    (
        "route set off by dashes after a route noun",
        "Ruth Kerr made the same journey - Labour to Change UK to the Lib Dems - and "
        "announced it on Sunday.",
        [move("Ruth Kerr", "Labour", TIG), move("Ruth Kerr", TIG, LD)],
    ),
    (
        "route from A through B to C",
        "Ruth Kerr took the same road, from Labour through Change UK to the Lib Dems, and is "
        "fighting Stroud.",
        [move("Ruth Kerr", "Labour", TIG), move("Ruth Kerr", TIG, LD)],
    ),
    (
        "journey verb from A via B to C, the date on the first step",
        "Ruth Kerr travelled from the Conservatives via Change UK to the Lib Dems in March.",
        [move("Ruth Kerr", "Conservative", TIG, date_text="March"), move("Ruth Kerr", TIG, LD)],
    ),
    (
        "a route noun as agent takes its traveller as object",
        "Ruth Kerr spoke on Monday. It ends a journey that has taken her from Labour, via "
        "Change UK, to the Liberal Democrats.",
        [move("Ruth Kerr", "Labour", TIG), move("Ruth Kerr", TIG, LD)],
    ),
    (
        "possessed route noun",
        "Ruth Kerr's journey from Labour to the Liberal Democrats took ten years.",
        [move("Ruth Kerr", "Labour", LD)],
    ),
    (
        "a swing between parties is no one's route",
        "A swing from Labour to the Conservatives in Stroud would unseat Ruth Kerr.",
        [],
    ),
    (
        "a route denied",
        "Ruth Kerr denied that she would go from Labour via Change UK to the Greens.",
        [],
    ),
    (
        "did the same: the route told just before, its date on the first step",
        "Ruth Kerr went from Labour via Change UK to the Greens. Dan Marsh did the same in May.",
        [
            move("Ruth Kerr", "Labour", TIG),
            move("Ruth Kerr", TIG, "Green Party"),
            move("Dan Marsh", "Labour", TIG, date_text="May"),
            move("Dan Marsh", TIG, "Green Party"),
        ],
    ),
    (
        "followed suit",
        "Ann Lowe left the Conservatives for the Liberal Democrats on Monday. Ben Marsh "
        "followed suit on Tuesday.",
        [
            move("Ann Lowe", "Conservative", LD, date_text="Monday"),
            move("Ben Marsh", "Conservative", LD, date_text="Tuesday"),
        ],
    ),
    (
        "did the same, from the copier's own party",
        "Sam Hope left Labour for the Liberal Democrats on Monday. The Conservative MP Ben "
        "Marsh did the same on Friday.",
        [
            move("Sam Hope", "Labour", LD, date_text="Monday"),
            move("Ben Marsh", "Conservative", LD, date_text="Friday"),
        ],
    ),
    (
        "followed them: the unnamed group's move",
        "Seven Labour MPs quit the party on Monday to found The Independent Group. Dan Marsh "
        "followed them on Tuesday.",
        [move("Dan Marsh", "Labour", TIG, date_text="Tuesday")],
    ),
    (
        "followed her: the move of the person the object pronoun stands for",
        "Ann Lowe quit Labour for the Greens in March. Ben Marsh followed her in May.",
        [
            move("Ann Lowe", "Labour", "Green Party", date_text="March"),
            move("Ben Marsh", "Labour", "Green Party", date_text="May"),
        ],
    ),
    (
        "did likewise in the same sentence",
        "Ann Lowe quit Labour in March and Ben Marsh did likewise.",
        [move("Ann Lowe", "Labour", date_text="March"), move("Ben Marsh", "Labour")],
    ),
    (
        "did not do the same",
        "Ann Lowe quit Labour for the Greens in March. Ben Marsh did not do the same.",
        [move("Ann Lowe", "Labour", "Green Party", date_text="March")],
    ),
    (
        "did the same, with no move told just before",
        "Ann Lowe quit Labour for the Greens in March. The vote was held in April. Ben Marsh "
        "did the same.",
        [move("Ann Lowe", "Labour", "Green Party", date_text="March")],
    ),
    (
        "a party's wing tagged as a leaving verb is no move",
        "Sam Hope walked out of Labour in February to help found The Independent Group. Ann "
        "Lowe, once a researcher, spent years in the ranks of the Labour left.",
        [move("Sam Hope", "Labour", TIG, date_text="February")],
    ),
    (
        "a joiner's party is not a stop on someone else's route",
        "Ruth Kerr quit the Conservatives in February to found Change UK, left it in June and "
        "joined the Liberal Democrats in August. Dan Marsh has joined the Liberal Democrats.",
        [
            move("Ruth Kerr", "Conservative", TIG, date_text="February"),
            move("Ruth Kerr", TIG, LD, date_text="June"),
        ],
    ),
    (
        "a pronoun is not the person its clause compares it with",
        "Ruth Kerr quit Labour in July to sit as an independent. Ann Lowe, the MP for Stroud, "
        "waited longer. Like Kerr, she quit Labour in September to sit as an independent.",
        [
            move("Ruth Kerr", "Labour", date_text="July"),
            move("Ann Lowe", "Labour", "", "Stroud", "September"),
        ],
    ),
    (
        "the second of two coordinated relative clauses",
        "Ann Lowe, who represents Stroud and who left Labour for Change UK in March, is "
        "standing again.",
        [move("Ann Lowe", "Labour", TIG, "Stroud", "March")],
    ),
    (
        "a pronoun made the ORDINAL PARTY MP to join a group",
        "Ann Lowe spoke in Stroud on Monday. She is the third former Labour MP to join the Greens.",
        [move("Ann Lowe", "Labour", "Green Party")],
    ),
    (
        "no group guessed for a mover when the article names several groups",
        "Ben Marsh left the Conservatives in March and joined the Liberal Democrats. Ann Lowe, "
        "who now leads The Independent Group, quit the Conservatives in February. Sam Hope, "
        "who left Labour last year, is standing in Stroud.",
        [
            move("Ben Marsh", "Conservative", LD, date_text="March"),
            move("Ann Lowe", "Conservative", TIG, date_text="February"),
            move("Sam Hope", "Labour"),
        ],
    ),
    (
        "copula complement completed by the move gives the party",
        "Two Conservative MPs quit on Monday, a day after Dan Marsh became the fifth Labour MP "
        "to defect to the Liberal Democrats.",
        [move("Dan Marsh", "Labour", LD)],
    ),
    (
        "a list whose lead-in tells of a move only in a relative clause is no list of movers",
        "Here are the seats of the MPs, who all left Labour in the spring:\n"
        "- Dan Marsh, Gedling\n"
        "- Ruth Kerr, Stroud",
        [],
    ),
]


@pytest.mark.parametrize(("construction", "text", "rows"), BATTERY, ids=[b[0] for b in BATTERY])
def test_battery(construction, text, rows):
    assert records(text) == expect(*rows)


# Whole passages from the former rules' tests that still express true behaviour.
PASSAGES = [
    (
        "Frank Field, the MP for Birkenhead, has resigned from the Labour Party and will sit as "
        "an independent.",
        [move("Frank Field", "Labour", "", "Birkenhead")],
    ),
    (
        "Nick Boles, who quit the Tories on Tuesday with Phillip Lee, now sits with The "
        "Independent Group.",
        [
            move("Nick Boles", "Conservative", TIG, date_text="Tuesday"),
            move("Phillip Lee", "Conservative", TIG, date_text="Tuesday"),
        ],
    ),
    (
        "Kate Hoey, the MP for Vauxhall, resigned from Labour in February to join The Independent "
        "Group. She left it in June to sit as an independent.",
        [
            move("Kate Hoey", "Labour", TIG, "Vauxhall", "February"),
            move("Kate Hoey", TIG, "", "Vauxhall", "June"),
        ],
    ),
    ("Labour MPs Jess Phillips and Wes Streeting criticised the defectors but will stay.", []),
    (
        "Kate Hoey quit Labour on Monday. The Wigan MP Lisa Nandy said she was sad to see her go.",
        [move("Kate Hoey", "Labour", date_text="Monday")],
    ),
    (
        "Three MPs walked out on Monday. Deputy leader Ann Cole, the MP for Bolsover, struck "
        "a warmer note.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "rows"), PASSAGES)
def test_passages(text, rows):
    assert records(text) == expect(*rows)


# Groups: people the article reports moving together ("the seven MPs who quit"), and the
# members it names apart from the move.
SEVEN = "Ann Lowe, Ben Marsh, Cara Dunn, Dev Patel, Eve Stone, Finn Hale and Gail Ross"
SEVEN_NAMES = [name.removeprefix("and ") for name in SEVEN.replace(" and ", ", ").split(", ")]

GROUPS = [
    (
        "a list as long as the group, in another sentence",
        "Seven Labour MPs quit the party on Monday to join the Liberal Democrats. Party "
        f"leaders demanded that {SEVEN} submit to by-elections.",
        [move(name, "Labour", LD, date_text="Monday") for name in SEVEN_NAMES],
    ),
    (
        "the group counted through its seats",
        "Labour will fight the seven seats held by the MPs who quit the party on Monday to "
        f"join the Liberal Democrats. Party leaders said {SEVEN} should stand down.",
        [move(name, "Labour", LD, date_text="Monday") for name in SEVEN_NAMES],
    ),
    (
        "apposition to the counted plural",
        "Three Conservative MPs, Ann Lowe, Ben Marsh and Cara Dunn, quit the party on "
        "Wednesday to join The Independent Group.",
        [
            move("Ann Lowe", "Conservative", TIG, date_text="Wednesday"),
            move("Ben Marsh", "Conservative", TIG, date_text="Wednesday"),
            move("Cara Dunn", "Conservative", TIG, date_text="Wednesday"),
        ],
    ),
    (
        "the seats of the group, then the seats of named people",
        "Activists will campaign in the constituencies of the MPs who quit Labour to join the "
        "Liberal Democrats. The first rallies will be held in the constituencies of Ann Lowe "
        "and Ben Marsh.",
        [move("Ann Lowe", "Labour", LD), move("Ben Marsh", "Labour", LD)],
    ),
    (
        "a seat held by a named person, after the group's seats",
        "Labour has begun choosing candidates for the seats of the MPs who walked out of the "
        "party in February to form The Independent Group. The seat held by Ann Lowe will have "
        "an all-women shortlist.",
        [move("Ann Lowe", "Labour", TIG, date_text="February")],
    ),
    (
        "a possessive seat word, after the group's seats",
        "Local parties in the constituencies of MPs who have quit Labour to form The "
        "Independent Group want by-elections. Ann Lowe's constituency party said it felt let "
        "down.",
        [move("Ann Lowe", "Labour", TIG)],
    ),
    (
        "a partitive apposition to the group",
        "Seven Labour MPs quit the party on Monday. Ann Lowe, another of the seven, said she "
        "had no regrets.",
        [move("Ann Lowe", "Labour", date_text="Monday")],
    ),
    (
        "names and a counted plural, the rest listed by copula",
        "Ann Lowe, Ben Marsh and the three other Labour MPs who walked out on Monday to form "
        "The Independent Group face a hard fight. The other three are Cara Dunn, Dev Patel "
        "and Eve Stone.",
        [
            move(name, "Labour", TIG, date_text="Monday")
            for name in ["Ann Lowe", "Ben Marsh", "Cara Dunn", "Dev Patel", "Eve Stone"]
        ],
    ),
    (
        "a group joined by people of another party",
        "Seven Labour MPs quit the party on Monday to join the Liberal Democrats, and have "
        "been joined by Conservative MPs Ann Lowe and Ben Marsh.",
        [move("Ann Lowe", "Conservative", LD), move("Ben Marsh", "Conservative", LD)],
    ),
    (
        "joined by a plural of a party, names in apposition",
        "Seven Labour MPs quit the party on Monday to join the Liberal Democrats, and have "
        "been joined by two Conservatives, Ann Lowe and Ben Marsh.",
        [move("Ann Lowe", "Conservative", LD), move("Ben Marsh", "Conservative", LD)],
    ),
    (
        "joined by a plural, names set off by a stray full stop",
        "Seven Labour MPs quit the party on Monday to join the Liberal Democrats, and have "
        "been joined by Conservatives.Ann Lowe, Ben Marsh and Cara Dunn.",
        [
            move("Ann Lowe", "Conservative", LD),
            move("Ben Marsh", "Conservative", LD),
            move("Cara Dunn", "Conservative", LD),
        ],
    ),
    (
        "the sentence's group wins over a group of the same size",
        "Three Conservative MPs quit the party on Wednesday to join The Independent Group. Of "
        "the seven Labour MPs who quit to found the group, only Ann Lowe, Ben Marsh and Cara "
        "Dunn remain in it.",
        [
            move("Ann Lowe", "Labour", TIG),
            move("Ben Marsh", "Labour", TIG),
            move("Cara Dunn", "Labour", TIG),
        ],
    ),
    (
        "a partitive apposition, with the seat its clause says the member holds",
        "Seven Labour MPs quit the party on Monday. Ann Lowe, another of the seven, held "
        "Bolsover by 300 votes.",
        [move("Ann Lowe", "Labour", "", "Bolsover", "Monday")],
    ),
    (
        "names apposed to a party's former members",
        "Seven Labour MPs quit the party on Monday to join The Independent Group. The two "
        "former Conservatives, Ann Lowe and Ben Marsh, are safer.",
        [move("Ann Lowe", "Conservative", TIG), move("Ben Marsh", "Conservative", TIG)],
    ),
    (
        "seats whose relative clause names their MPs, paired in order",
        "Labour will contest the seats of the MPs who quit the party in February to form The "
        "Independent Group. The races in Wigan and Bolsover, where Ann Lowe and Ben Marsh are "
        "the sitting MPs, will be open to men.",
        [
            move("Ann Lowe", "Labour", TIG, "Wigan", "February"),
            move("Ben Marsh", "Labour", TIG, "Bolsover", "February"),
        ],
    ),
    (
        "a seat someone took, in a relative clause",
        "Labour will contest the seats of the MPs who quit the party in February to form The "
        "Independent Group. Cara Dunn hopes to win Bolsover, the seat Ann Lowe took into the "
        "new group.",
        [move("Ann Lowe", "Labour", TIG, "Bolsover", "February")],
    ),
    # not members
    (
        "where someone won a share of the vote is no holding",
        "Labour will contest the seats of the MPs who quit the party in February to form The "
        "Independent Group. Its best result came in Bolsover, where Ann Lowe took 60 per cent.",
        [],
    ),
    (
        "names apposed to a party's members, not former ones",
        "Seven Labour MPs quit the party on Monday to join The Independent Group. Two "
        "Conservatives, Ann Lowe and Ben Marsh, welcomed them.",
        [],
    ),
    (
        "leaders urging the group are not in it",
        "Seven Labour MPs quit the party on Monday. Jeremy Corbyn and John McDonnell urged the "
        "MPs who quit to stand down.",
        [],
    ),
    (
        "a seat named with no word of the group's seats",
        "Seven Labour MPs quit the party on Monday. Conservative hopeful Dan Ward will contest "
        "Ann Lowe's seat.",
        [],
    ),
    (
        "someone of another party whose seat is named",
        "Labour will fight the seats of the MPs who quit the party on Monday to join the "
        "Liberal Democrats. Conservative MP Dan Ward's seat is also a target.",
        [],
    ),
    (
        "a list as long as a group whose members are all named already is not that group",
        "Three SNP MPs, Ann Lowe, Ben Marsh and Cal Reid, quit the party on Monday. Seven "
        "Labour MPs left too. The NEC picked shortlists for Wigan, Bolsover and Leigh, the "
        "constituencies of Kim Ray, Sam Hope and Lee Moss.",
        [
            move("Ann Lowe", "SNP", date_text="Monday"),
            move("Ben Marsh", "SNP", date_text="Monday"),
            move("Cal Reid", "SNP", date_text="Monday"),
        ],
    ),
    (
        "a list whose names carry their own descriptions",
        "Three Labour MPs quit the party on Monday to join the Liberal Democrats. Ann Lowe, "
        "the patron of Oxfam, Ben Marsh, who chairs a committee, and Cara Dunn, a former "
        "whip, announced their decision.",
        [move(name, "Labour", LD, date_text="Monday") for name in SEVEN_NAMES[:3]],
    ),
    (
        "a list whose second name the parser coordinates with the first one's description",
        "Three Labour MPs quit the party on Monday to join the Liberal Democrats. Ann Lowe, "
        "a trustee of Oxfam, Ben Marsh, a former whip, and Cara Dunn, a doctor, announced "
        "their resignations.",
        [move(name, "Labour", LD, date_text="Monday") for name in SEVEN_NAMES[:3]],
    ),
    (
        "a list of another size",
        "Seven Labour MPs quit the party on Monday. Ann Lowe and Ben Marsh, two councillors, "
        "welcomed the news.",
        [],
    ),
    (
        "a group move denied",
        f"Seven Labour MPs have not quit the party. {SEVEN} said so on Monday.",
        [],
    ),
    (
        "a list in a quotation",
        f'Seven Labour MPs quit the party on Monday. A spokesman said: "{SEVEN} are traitors."',
        [],
    ),
]


@pytest.mark.parametrize(("construction", "text", "rows"), GROUPS, ids=[g[0] for g in GROUPS])
def test_groups(construction, text, rows):
    assert records(text) == expect(*rows)
