"""Candidacies read from the parse: a battery of constructions, each with every record it
should yield compared whole. Sentences are written for these tests in plain news English;
names are invented, seats are real constituencies."""

import pytest

from constituencies.ingest.extract import extract
from constituencies.ingest.facts import CandidacyFact
from constituencies.ingest.scoring import record_of


def records(text):
    found = [record_of(f) for f in extract(text).facts if isinstance(f, CandidacyFact)]
    return sorted(found, key=repr)


def cand(person, constituency, status, description="", backers=(), seat_holder=""):
    return {
        "type": "candidacy",
        "person": person,
        "constituency": constituency,
        "status": status,
        "description": description,
        "backers": list(backers),
        "seat_holder": seat_holder,
    }


def expect(*rows):
    return sorted(rows, key=repr)


# (construction, text, records)
BATTERY = [
    (
        "active selection verb: the object is the candidate",
        "Local members chose Ruth Evans to fight Wigan.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "passive selection verb with an 'as candidate for' phrase",
        "Ruth Evans was selected as Labour's candidate for Wigan on Sunday.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "apposition gives the description",
        "Ruth Evans, a hospital nurse, was picked for Bolsover.",
        [cand("Ruth Evans", "Bolsover", "selected", "hospital nurse")],
    ),
    (
        "relative clause on the person",
        "Tom Price, who was shortlisted for Wakefield last week, spoke at the rally.",
        [cand("Tom Price", "Wakefield", "shortlisted")],
    ),
    (
        "relative clause on the seat",
        "Wakefield, where Tom Price was picked on Friday, is a marginal.",
        [cand("Tom Price", "Wakefield", "selected")],
    ),
    (
        "gapped coordination: each name its own seat",
        "Ruth Evans was picked for Wigan and Tom Price for Bolsover.",
        [cand("Ruth Evans", "Wigan", "selected"), cand("Tom Price", "Bolsover", "selected")],
    ),
    (
        "a fronted place scopes only its own clause",
        "In Wigan, Ruth Evans was picked to fight the seat, and councillor Tom Price was chosen "
        "for Bolsover.",
        [
            cand("Ruth Evans", "Wigan", "selected"),
            cand("Tom Price", "Bolsover", "selected", "councillor"),
        ],
    ),
    (
        "respectively pairs two lists",
        "Ruth Evans and Tom Price were selected in Wigan and Bolsover respectively.",
        [cand("Ruth Evans", "Wigan", "selected"), cand("Tom Price", "Bolsover", "selected")],
    ),
    (
        "a plural role before coordinated names covers both, with a hedge",
        "Local councillors Ruth Evans and Tom Price may run in Wigan and Bolsover respectively.",
        [
            cand("Ruth Evans", "Wigan", "tipped", "local councillor"),
            cand("Tom Price", "Bolsover", "tipped", "local councillor"),
        ],
    ),
    (
        "copula with a possessive",
        "Ruth Evans will be Labour's candidate in Wigan.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "the seat as a modifier of the contest",
        "Ruth Evans won the Wigan selection.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "a pronoun for the MP being replaced gives her seat",
        "Sam Hope is the MP for Wigan. Ruth Evans was chosen to replace her.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "a tipping noun completing a copula",
        "Tom Price is the frontrunner in Bolsover.",
        [cand("Tom Price", "Bolsover", "tipped")],
    ),
    (
        "a list noun as subject of an inclusion verb",
        "The shortlist for Vauxhall includes teacher Amy Lowe and barrister Sean Dunn.",
        [
            cand("Amy Lowe", "Vauxhall", "shortlisted", "teacher"),
            cand("Sean Dunn", "Vauxhall", "shortlisted", "barrister"),
        ],
    ),
    (
        "a list after a colon",
        "The Vauxhall shortlist: Amy Lowe, Sean Dunn and Ravi Shah.",
        [
            cand("Amy Lowe", "Vauxhall", "shortlisted"),
            cand("Sean Dunn", "Vauxhall", "shortlisted"),
            cand("Ravi Shah", "Vauxhall", "shortlisted"),
        ],
    ),
    (
        "making a list",
        "Amy Lowe made the longlist in Vauxhall.",
        [cand("Amy Lowe", "Vauxhall", "longlisted")],
    ),
    (
        "a negated selection is not_selected",
        "Amy Lowe was not selected in Vauxhall.",
        [cand("Amy Lowe", "Vauxhall", "not_selected")],
    ),
    ("a negated listing is nothing", "Amy Lowe was not shortlisted for Vauxhall.", []),
    (
        "a hedge makes a selection a tip",
        "Amy Lowe is expected to be selected in Vauxhall.",
        [cand("Amy Lowe", "Vauxhall", "tipped")],
    ),
    ("a denial is nothing", "Amy Lowe denied applying for the Vauxhall nomination.", []),
    ("ruling out is nothing", "Amy Lowe has ruled out standing in Vauxhall.", []),
    (
        "a conditional is nothing",
        "If Amy Lowe is selected in Vauxhall, she will be the youngest candidate.",
        [],
    ),
    (
        "distracting numbers: an age and a vote count",
        "Amy Lowe, 34, won the Vauxhall selection with 212 votes.",
        [cand("Amy Lowe", "Vauxhall", "selected")],
    ),
    (
        "someone standing down where the candidate was chosen is no candidate",
        "Ruth Evans was chosen for Wigan, where Sam Hope is standing down.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    ("a place is never a candidate", "Wigan was selected as a pilot area for the scheme.", []),
    (
        "withdrawing, with a description before the name",
        "Local councillor Omar Haddad withdrew from the race in Bolsover.",
        [cand("Omar Haddad", "Bolsover", "withdrawn", "local councillor")],
    ),
    (
        "withdrawing with a particle",
        "Amy Lowe pulled out of the Vauxhall contest on Monday.",
        [cand("Amy Lowe", "Vauxhall", "withdrawn")],
    ),
    (
        "applying",
        "Omar Haddad has applied for the Bolsover nomination.",
        [cand("Omar Haddad", "Bolsover", "applied")],
    ),
    (
        "tipped to stand: the tip governs the standing, and a title is no description",
        "Councillor Amy Lowe is tipped to stand in Vauxhall, the seat held by Sam Hope.",
        [cand("Amy Lowe", "Vauxhall", "tipped")],
    ),
    (
        "a modal makes standing a tip",
        "Amy Lowe could stand in Vauxhall.",
        [cand("Amy Lowe", "Vauxhall", "tipped")],
    ),
    (
        "backers in a 'backed by' phrase",
        "Ravi Shah, a GMB organiser, won the Bassetlaw selection, backed by Unite and the GMB.",
        [cand("Ravi Shah", "Bassetlaw", "selected", "GMB organiser", ["Unite", "GMB"])],
    ),
    (
        "a backer as subject of a backing verb, the candidate in a relative clause",
        "Unison has endorsed Amy Lowe, who is seeking the nomination in Vauxhall.",
        [cand("Amy Lowe", "Vauxhall", "applied", backers=["Unison"])],
    ),
    (
        "backing said of 'she' in the next sentence",
        "Ruth Evans was picked in Wigan. She was backed by the GMB.",
        [cand("Ruth Evans", "Wigan", "selected", backers=["GMB"])],
    ),
    (
        "rivals beaten to the nomination get no status",
        "Ravi Shah won the Bassetlaw selection, beating Amy Lowe and Sean Dunn to the nomination.",
        [cand("Ravi Shah", "Bassetlaw", "selected")],
    ),
    (
        "losing a contest",
        "Amy Lowe lost the Vauxhall selection to Sean Dunn.",
        [cand("Amy Lowe", "Vauxhall", "not_selected")],
    ),
    ("no seat tied by the parse, no fact", "Ravi Shah was selected on Sunday.", []),
    (
        "'it' as the list named in the sentence before, with the seat in its own sentence",
        "Labour has drawn up a shortlist. In Wigan, it includes Amy Lowe and Sean Dunn.",
        [cand("Amy Lowe", "Wigan", "shortlisted"), cand("Sean Dunn", "Wigan", "shortlisted")],
    ),
    (
        "a seat heading its paragraph scopes the paragraph",
        "Wigan. Ruth Evans, a nurse, was chosen by local members on Thursday.",
        [cand("Ruth Evans", "Wigan", "selected", "nurse")],
    ),
    (
        "'the shortlist' refers back to the seat named before",
        "Labour has begun its search in Wigan. Amy Lowe and Sean Dunn made the shortlist.",
        [cand("Amy Lowe", "Wigan", "shortlisted"), cand("Sean Dunn", "Wigan", "shortlisted")],
    ),
    (
        "standing for a party at an election is no selection candidacy",
        "Ravi Shah is standing for the Green Party in Bassetlaw.",
        [],
    ),
    (
        "tipped by someone, and a modal in a contrasting clause with its own fronted place",
        "In Wakefield, teacher Amy Lowe is tipped by activists, while in Vauxhall barrister "
        "Sean Dunn could stand.",
        [
            cand("Amy Lowe", "Wakefield", "tipped", "teacher"),
            cand("Sean Dunn", "Vauxhall", "tipped", "barrister"),
        ],
    ),
    (
        "an apposition naming a role with another person in it",
        "Jo Bird, chief of staff to Dennis Skinner, is the frontrunner in Bolsover.",
        [cand("Jo Bird", "Bolsover", "tipped", "chief of staff to Dennis Skinner")],
    ),
    (
        "a hypothetical selection with no seat",
        "Should Amy Lowe and Sean Dunn get selected as candidates, Momentum gains two allies.",
        [],
    ),
    (
        "an active selection with 'as its candidate for' and a description",
        "Labour has chosen Wigan councillor Ruth Evans as its candidate for Wigan.",
        [cand("Ruth Evans", "Wigan", "selected", "Wigan councillor")],
    ),
    (
        "a purpose clause gives the seat",
        "Local members picked Ruth Evans to fight Wigan.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "a role before the name",
        "Unison official Jane Kirby was selected as Labour's candidate for Wigan on Sunday.",
        [cand("Jane Kirby", "Wigan", "selected", "Unison official")],
    ),
    (
        "a shortlisted person in a list passage",
        "Lambeth councillor Marcia Pope has been shortlisted in Vauxhall.",
        [cand("Marcia Pope", "Vauxhall", "shortlisted", "Lambeth councillor")],
    ),
    (
        "a sentence that ties no seat takes the story's seat",
        "Labour has begun choosing its candidate for Wigan. Ruth Evans, a nurse, has applied.",
        [cand("Ruth Evans", "Wigan", "applied", "nurse")],
    ),
    (
        "another party's selection takes no story seat",
        "Labour has begun choosing its candidate for Wigan. The Liberal Democrats selected "
        "Tom Price last month.",
        [],
    ),
    (
        "another party's candidate noun is no candidacy",
        "Ruth Evans was selected as Labour's candidate in Wigan. The Conservative candidate "
        "is Tom Price.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "a later sentence takes the contest the person was placed in; losing to a rival",
        "Ruth Evans made the shortlist for Wigan. Evans lost out to Tom Price.",
        [cand("Ruth Evans", "Wigan", "shortlisted"), cand("Ruth Evans", "Wigan", "not_selected")],
    ),
    (
        "the selecting body's place: subject with an in-phrase",
        "Party members in Wigan picked Ruth Evans on Saturday.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "a fronted seat before a colon",
        "Result in Wigan: Ruth Evans has been selected.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "a participle with no subject of its own is no withdrawal",
        "Labour has begun choosing its candidate for Wigan. Tom Price was selected, ending a "
        "long contest.",
        [cand("Tom Price", "Wigan", "selected")],
    ),
    (
        "branch nominations won are not the nomination",
        "Labour members in Wigan met on Friday. Ruth Evans won three branch nominations.",
        [],
    ),
    (
        "the shortlist refers back past a seat named as an MP's",
        "Labour has begun choosing its candidate for Wigan. Tom Price, the MP for neighbouring "
        "Bolton West, spoke. The party's shortlist includes Ruth Evans and Ann Lee.",
        [cand("Ann Lee", "Wigan", "shortlisted"), cand("Ruth Evans", "Wigan", "shortlisted")],
    ),
    (
        "a pronoun inside a quotation is not the narrative's person",
        'Ruth Evans applied for the Wigan selection. The party leader said: "She will be a '
        'superb candidate."',
        [cand("Ruth Evans", "Wigan", "applied")],
    ),
    (
        "a hyphenated role the parser splits into appositions",
        "Ruth Evans, the constituency party's vice-chair, applied for the Wigan selection.",
        [cand("Ruth Evans", "Wigan", "applied", "constituency party's vice-chair")],
    ),
    (
        "description from a relative clause: who works as ROLE",
        "Ruth Evans, who works as Sam Hope's chief of staff, applied for the Wigan selection.",
        [cand("Ruth Evans", "Wigan", "applied", "Sam Hope's chief of staff")],
    ),
    (
        "backers: ORG were among X's backers",
        "Ruth Evans applied for the Wigan selection. Unison, the GMB and Momentum were among "
        "Evans's backers.",
        [cand("Ruth Evans", "Wigan", "applied", backers=["Unison", "GMB", "Momentum"])],
    ),
    (
        "backers: her backers include ORG",
        "Ruth Evans applied for the Wigan selection. Her backers include Unison and the GMB.",
        [cand("Ruth Evans", "Wigan", "applied", backers=["Unison", "GMB"])],
    ),
    (
        "a one-word seat that is a named person's surname is the person",
        "Labour has begun choosing its candidate for Wigan. Wigan members vote in May. Ann "
        "Poole, a nurse, applied. "
        '"It is a fair contest," Poole said. The shortlist includes Ruth Evans.',
        [
            cand("Ann Poole", "Wigan", "applied", "nurse"),
            cand("Ruth Evans", "Wigan", "shortlisted"),
        ],
    ),
    (
        "topping the shortlist; the other names on it in an absolute phrase",
        "Ruth Evans topped the shortlist for Wigan, with Tom Price and Ann Lee the other names "
        "on it.",
        [
            cand("Ann Lee", "Wigan", "shortlisted"),
            cand("Ruth Evans", "Wigan", "shortlisted"),
            cand("Tom Price", "Wigan", "shortlisted"),
        ],
    ),
    (
        "'on it' refers to the list named in the sentence before",
        "Wigan Labour has drawn up its longlist. The other names on it are Ruth Evans and Tom "
        "Price.",
        [cand("Ruth Evans", "Wigan", "longlisted"), cand("Tom Price", "Wigan", "longlisted")],
    ),
    (
        "a list noun completing a copula, its names after a colon under a fronted seat",
        "Wigan Labour agreed in May, so this is a shortlist of two: Ruth Evans, a nurse; and "
        "Tom Price, a teacher.",
        [
            cand("Ruth Evans", "Wigan", "shortlisted", "nurse"),
            cand("Tom Price", "Wigan", "shortlisted", "teacher"),
        ],
    ),
    (
        "backers: applied with the backing of ORG",
        "Ruth Evans, who applied with the backing of Unison and the GMB, made the Wigan shortlist.",
        [cand("Ruth Evans", "Wigan", "shortlisted", backers=["Unison", "GMB"])],
    ),
    (
        "backers in a relative clause go to its head alone, not the names listed with it",
        "The Wigan shortlist is Ruth Evans, a nurse who is backed by Unison and the GMB; and "
        "Tom Price, a teacher.",
        [
            cand("Ruth Evans", "Wigan", "shortlisted", "nurse", ["Unison", "GMB"]),
            cand("Tom Price", "Wigan", "shortlisted", "teacher"),
        ],
    ),
    (
        "a relative clause on an apposition belongs to the named person",
        "Labour is choosing its candidate for Wigan. Ruth Evans, a nurse who had applied, did "
        "not make the shortlist.",
        [cand("Ruth Evans", "Wigan", "applied", "nurse")],
    ),
    (
        "a list that included, besides X, Y and Z",
        "The Wigan longlist had included, besides Ruth Evans, Tom Price, a teacher; and Ann "
        "Lee, a nurse.",
        [
            cand("Ann Lee", "Wigan", "longlisted", "nurse"),
            cand("Ruth Evans", "Wigan", "longlisted"),
            cand("Tom Price", "Wigan", "longlisted", "teacher"),
        ],
    ),
    (
        "the rival party's candidate, though that party is named more often",
        "The Conservatives hold Wigan, and the Conservatives have held it since 2010. Labour "
        "members in Wigan selected Ruth Evans. Labour's shortlist had three names. She will "
        "face Tom Price, a farmer who is the Conservative candidate.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "coordinated names selected in as many coordinated seats pair in order",
        "On Sunday Ruth Evans and Tom Price were chosen in Wigan and Bolsover.",
        [cand("Ruth Evans", "Wigan", "selected"), cand("Tom Price", "Bolsover", "selected")],
    ),
    (
        "a seat as the selecting subject",
        "Wigan chose Ruth Evans, a nurse, on Friday, and a week later Bolsover picked Tom Price.",
        [
            cand("Ruth Evans", "Wigan", "selected", "nurse"),
            cand("Tom Price", "Bolsover", "selected"),
        ],
    ),
    (
        "a passive subject's owner is not the selecting body's seat",
        "Sam Hope is the MP for Bolsover. Hope's aide, Ruth Evans, was picked as Labour's "
        "candidate for Wigan.",
        [cand("Ruth Evans", "Wigan", "selected", "Hope's aide")],
    ),
    (
        "a role noun naming a person as the subject of 'was the other name on it'",
        "Ruth Evans topped the Wigan shortlist. A local councillor, Tom Price, was the other "
        "name on it.",
        [
            cand("Ruth Evans", "Wigan", "shortlisted"),
            cand("Tom Price", "Wigan", "shortlisted", "local councillor"),
        ],
    ),
    (
        "two roles coordinated before the name: the first is the description",
        "Union officer and Wigan councillor Ruth Evans made the Wigan shortlist.",
        [cand("Ruth Evans", "Wigan", "shortlisted", "union officer")],
    ),
    (
        "partitive: one of N NOUN on the shortlist",
        "Ruth Evans was one of four women on the shortlist for Wigan.",
        [cand("Ruth Evans", "Wigan", "shortlisted")],
    ),
    (
        "a list participle qualifies a noun whose apposed names it lists",
        "Ruth Evans beat three other shortlisted hopefuls in Wigan: Ann Lee; Sam Cole, a "
        "hospital nurse; and Jo Hart.",
        [
            cand("Ann Lee", "Wigan", "shortlisted"),
            cand("Sam Cole", "Wigan", "shortlisted", "hospital nurse"),
            cand("Jo Hart", "Wigan", "shortlisted"),
        ],
    ),
    (
        "a candidate noun in apposition after the name names the candidacy, not a role",
        "Ruth Evans, Labour's candidate for Wigan, spoke at the rally.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "a candidate noun with the name in apposition after it",
        "In Bolsover the party's candidate, Tom Price, a barrister, was out canvassing.",
        [cand("Tom Price", "Bolsover", "selected", "barrister")],
    ),
    (
        "a former, dated, qualified or other party's candidate noun names no candidacy",
        "Ruth Evans, the former candidate for Wigan, backed Tom Price, Labour's candidate in "
        "Bolsover at the last election. The Conservatives are confident. Their candidate, "
        "Jo Hart, spoke. Sam Cole, the candidate favoured by the unions in Wigan, did too. "
        "Ann Lee, Labour's candidate for Leigh, was there.",
        [cand("Ann Lee", "Leigh", "selected")],
    ),
    (
        "a clause on one name of a list backs that name alone; one closing the list, all",
        "The Wigan shortlist: nurse Ann Lee, who has the support of the GMB; Sam Cole, a "
        "teacher, endorsed by Unison; and Jo Hart. Tom Price and Ruth Evans, both backed by "
        "Unite, made the Bolsover shortlist.",
        [
            cand("Ann Lee", "Wigan", "shortlisted", "nurse", ["GMB"]),
            cand("Sam Cole", "Wigan", "shortlisted", "teacher", ["Unison"]),
            cand("Jo Hart", "Wigan", "shortlisted"),
            cand("Tom Price", "Bolsover", "shortlisted", "", ["Unite"]),
            cand("Ruth Evans", "Bolsover", "shortlisted", "", ["Unite"]),
        ],
    ),
    (
        "a candidate's possessive on a person noun names no MP's seat: the contest's seat",
        "Ruth Evans won the Wigan selection. Her rivals on the four-name shortlist were Ann "
        "Lee, a nurse, and Sam Cole.",
        [
            cand("Ruth Evans", "Wigan", "selected"),
            cand("Ann Lee", "Wigan", "shortlisted", "nurse"),
            cand("Sam Cole", "Wigan", "shortlisted"),
        ],
    ),
    (
        "the owner of a pursuit noun is who its backers back",
        "Ruth Evans was picked for Wigan. Her campaign had the backing of Unite and the GMB. "
        "Tom Price's bid, endorsed by Unison, failed in Bolsover.",
        [cand("Ruth Evans", "Wigan", "selected", "", ["Unite", "GMB"])],
    ),
    (
        "a candidate noun modifying the name, with the seat before it",
        "The unions have backed several newcomers, such as Wigan candidate Ruth Evans, who "
        "was endorsed by Unite.",
        [cand("Ruth Evans", "Wigan", "selected", "", ["Unite"])],
    ),
    (
        "an infinitive on a tipping noun ties the seat of what it is to win",
        "Ruth Evans is the firm favourite to win the Wigan selection.",
        [cand("Ruth Evans", "Wigan", "tipped")],
    ),
    (
        "a relative clause on a list noun lists who it included",
        "Ruth Evans and Tom Price were the only survivors from the first Wigan shortlist, "
        "which had also featured nurse Ann Lee and Sam Cole.",
        [
            cand("Ann Lee", "Wigan", "shortlisted", "nurse"),
            cand("Sam Cole", "Wigan", "shortlisted"),
        ],
    ),
    (
        "an apposed role coordinated with a second role after a place: the first alone",
        "Ruth Evans, a councillor for Pemberton and the GMB's regional officer, was "
        "shortlisted for Wigan.",
        [cand("Ruth Evans", "Wigan", "shortlisted", "councillor for Pemberton")],
    ),
    (
        "a past election's year on a candidate noun: an earlier candidacy, not this one",
        "Four names are on the Wigan shortlist: Ruth Evans, the party's 2017 candidate in "
        "Bolsover; nurse Ann Lee; and Sam Cole.",
        [
            cand("Ruth Evans", "Wigan", "shortlisted", "party's 2017 candidate in Bolsover"),
            cand("Ann Lee", "Wigan", "shortlisted", "nurse"),
            cand("Sam Cole", "Wigan", "shortlisted"),
        ],
    ),
    (
        "a candidate noun apposed to one name in a list is that name's alone",
        "The hustings will hear from Ruth Evans, Labour's candidate in Wigan; councillor Tom "
        "Price; and Ann Lee.",
        [cand("Ruth Evans", "Wigan", "selected")],
    ),
    (
        "another party's candidacy by a selection verb is no record",
        "Labour members in Wigan choose their candidate next month. Ruth Evans, who had been "
        "selected as the Green Party candidate for Wigan, stood aside.",
        [],
    ),
    (
        "standing as an independent is at an election, not in a selection",
        "In Wigan, Tom Price, who left the party and is standing as an independent, attacked "
        "his successor.",
        [],
    ),
    (
        "standing against a party, however deep the phrase",
        "In Wigan, Ruth Evans is standing under her new colours against the Conservatives.",
        [],
    ),
    (
        "standing in past election years is no applying",
        "In Wigan, Ruth Evans also stood in 2015 and 2017.",
        [],
    ),
    (
        "a time phrase on an apposed role is not the description",
        "Members picked Ruth Evans, a Wigan councillor since 2012, for Bolsover.",
        [cand("Ruth Evans", "Bolsover", "selected", "Wigan councillor")],
    ),
    (
        "'failed to' governing a list verb negates it: no listing",
        "Tom Price, who had sought the nomination, failed to make the shortlist in Wigan.",
        [cand("Tom Price", "Wigan", "applied")],
    ),
    (
        "a seat's short name is the contest 'the shortlist' refers back to",
        "The Hull North contest was open to women only. Ann Lee and Sam Cole made the shortlist.",
        [
            cand("Ann Lee", "Kingston upon Hull North", "shortlisted"),
            cand("Sam Cole", "Kingston upon Hull North", "shortlisted"),
        ],
    ),
]


@pytest.mark.parametrize(("construction", "text", "rows"), BATTERY, ids=[c for c, _, _ in BATTERY])
def test_battery(construction, text, rows):
    assert records(text) == expect(*rows)


# Rows of a list are layout: they take the status their caption gives.
ROWS = [
    (
        "Labour's replacements\n\nWIGAN\nOutgoing MP: Ann Lee.\nLabour candidate: Ruth Evans, a "
        "hospital nurse\n\nBOLSOVER\nOutgoing MP: Jo Hart.\nLabour candidate: Tom Price",
        [
            cand("Ruth Evans", "Wigan", "selected", "hospital nurse"),
            cand("Tom Price", "Bolsover", "selected"),
        ],
    ),
    (
        "Who replaces whom\n\nWIGAN\nLabour candidate: Ruth Evans, a teacher\nBacked by: "
        "Unite, Momentum and the GMB\n\nBOLSOVER\nLabour candidate: Tom Price\nBacked by: "
        "Unison",
        [
            cand("Ruth Evans", "Wigan", "selected", "teacher", ["Unite", "Momentum", "GMB"]),
            cand("Tom Price", "Bolsover", "selected", "", ["Unison"]),
        ],
    ),
    (
        "So who won?\n- Wigan: Ruth Evans, a nurse.\n- Bolsover: Tom Price.",
        [
            cand("Ruth Evans", "Wigan", "selected", "nurse"),
            cand("Tom Price", "Bolsover", "selected"),
        ],
    ),
    (
        "The candidates selected so far:\n- Wigan and Bolsover: Ruth Evans and Tom Price "
        "respectively.",
        [cand("Ruth Evans", "Wigan", "selected"), cand("Tom Price", "Bolsover", "selected")],
    ),
    ("- Wigan and Bolsover: Ruth Evans and Tom Price respectively.", []),  # no caption
]


@pytest.mark.parametrize(("text", "rows"), ROWS)
def test_rows_under_a_caption(text, rows):
    assert records(text) == expect(*rows)


def test_a_seat_named_only_through_its_mp_names_the_mp():
    text = "Ruth Evans was chosen to succeed Sam Hope."
    facts = [f for f in extract(text).facts if isinstance(f, CandidacyFact)]
    assert [record_of(f) for f in facts] == [
        cand("Ruth Evans", "", "selected", seat_holder="Sam Hope")
    ]


def test_evidence_is_the_sentence():
    text = "Ruth Evans is a nurse. She was picked for Wigan on Friday."
    (fact,) = [f for f in extract(text).facts if isinstance(f, CandidacyFact)]
    assert [span.quote for span in fact.evidence] == ["She was picked for Wigan on Friday."]
    assert text[fact.evidence[0].start : fact.evidence[0].end] == fact.evidence[0].quote
    assert fact.person == "Ruth Evans"


def test_a_verbless_answer_lists_names_under_its_question():
    text = (
        "Wigan: the contest explained\n\nWho was on the shortlist?\n\nThree names: Ruth Evans, "
        "a nurse; Tom Price; and Ann Lee, a teacher.\n\nSo who won?\n\nRuth Evans, a nurse "
        "who has lived in the town all her life.\n\nWhat happens next?\n\nTom Price, probably."
    )
    assert records(text) == expect(
        cand("Ann Lee", "Wigan", "shortlisted", "teacher"),
        cand("Ruth Evans", "Wigan", "selected", "nurse"),
        cand("Ruth Evans", "Wigan", "shortlisted", "nurse"),
        cand("Tom Price", "Wigan", "shortlisted"),
    )
