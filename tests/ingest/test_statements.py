"""Statements read from the parse: a battery of constructions, each with every record it
should yield compared whole, then earlier cases that still hold and the layouts read
without a parse (transcripts, signed letters). Sentences are written for these tests from
general English; names are invented or common, never the development articles'."""

import pytest

from constituencies.ingest.extract import extract
from constituencies.ingest.facts import StatementFact
from constituencies.ingest.scoring import record_of


def records(text):
    found = [record_of(f) for f in extract(text).facts if isinstance(f, StatementFact)]
    return sorted(found, key=repr)


def st(constituency, text, speaker="", organisation="", by_clp=False, medium="", stance=""):
    return {
        "type": "statement",
        "constituency": constituency,
        "text": text,
        "speaker": speaker,
        "organisation": organisation,
        "by_clp": by_clp,
        "medium": medium,
        "stance": stance,
        "speaker_role": "",
        "seat_holder": "",
    }


def expect(*rows):
    return sorted(rows, key=repr)


CALLS = "calls_for_by_election"
MP_WIGAN = "Sam Hope is the MP for Wigan. "

# (construction, text, records)
BATTERY = [
    (
        "active, quoted",
        "Kim Ray said: “Sam Hope should resign and fight a by-election in Wigan.”",
        [
            st(
                "Wigan",
                "“Sam Hope should resign and fight a by-election in Wigan.”",
                "Kim Ray",
                stance=CALLS,
            )
        ],
    ),
    (
        "inversion after the quotation",
        "“Wigan deserves a by-election,” said Kim Ray.",
        [st("Wigan", "“Wigan deserves a by-election,”", "Kim Ray", stance=CALLS)],
    ),
    (
        "passive with a by-agent",
        "Sam Hope was urged by Wigan CLP to stand down.",
        [st("Wigan", "urged by Wigan CLP to stand down", "", "Wigan CLP", True, stance=CALLS)],
    ),
    (
        "according to",
        "According to Kim Ray, the Wigan selection will open next month.",
        [st("Wigan", "the Wigan selection will open next month", "Kim Ray")],
    ),
    (
        "apposition gives the office",
        "Kim Ray, chair of Wigan CLP, said the party wanted a by-election.",
        [
            st(
                "Wigan",
                "said the party wanted a by-election",
                "Kim Ray",
                "Wigan CLP",
                True,
                stance=CALLS,
            )
        ],
    ),
    (
        "relative clause on the speaker",
        "Kim Ray, who chairs Wigan CLP, said the selection would be open to all.",
        [st("Wigan", "said the selection would be open to all", "Kim Ray", "Wigan CLP", True)],
    ),
    (
        "coordinated organisations, one statement each",
        MP_WIGAN + "Wigan CLP and Wigan Momentum have demanded that Sam Hope resign.",
        [
            st("Wigan", "demanded that Sam Hope resign", "", "Wigan CLP", True, stance=CALLS),
            st("Wigan", "demanded that Sam Hope resign", "", "Wigan Momentum", stance=CALLS),
        ],
    ),
    (
        "possessive: an MP's local party",
        MP_WIGAN + "Sam Hope's local party said: “We want a by-election.”",
        [st("Wigan", "“We want a by-election.”", "", "Wigan CLP", True, stance=CALLS)],
    ),
    (
        "copula gives the seat, a pronoun the speaker",
        MP_WIGAN + "Kim Ray is a councillor. She said: “Sam Hope must resign her seat.”",
        [st("Wigan", "“Sam Hope must resign her seat.”", "Kim Ray", stance=CALLS)],
    ),
    (
        "fronted place scopes the local party",
        "In Bolsover, the local party said the MP should stand down.",
        [st("Bolsover", "said the MP should stand down", "", "Bolsover CLP", True, stance=CALLS)],
    ),
    (
        "respectively: each party speaks for its own seat",
        "Wigan CLP and Bolsover CLP called on Sam Hope and Kim Ray respectively to resign.",
        [
            st(
                "Wigan",
                "called on Sam Hope and Kim Ray respectively to resign",
                "",
                "Wigan CLP",
                True,
                stance=CALLS,
            ),
            st(
                "Bolsover",
                "called on Sam Hope and Kim Ray respectively to resign",
                "",
                "Bolsover CLP",
                True,
                stance=CALLS,
            ),
        ],
    ),
    (
        '"the MP" refers back; told an outlet is an interview',
        MP_WIGAN + "The MP told the local paper that she would not call a by-election.",
        [
            st(
                "Wigan",
                "told the local paper that she would not call a by-election",
                "Sam Hope",
                medium="interview",
                stance=CALLS,
            )
        ],
    ),
    (
        "a distracting number in a relative clause",
        "Wigan Momentum, which has 400 members, said the Wigan MP should “resign and fight a "
        "by-election”.",
        [
            st(
                "Wigan",
                "said the Wigan MP should “resign and fight a by-election”",
                "",
                "Wigan Momentum",
                stance=CALLS,
            )
        ],
    ),
    (
        "on Twitter is a tweet",
        "Kim Ray wrote on Twitter that Bolsover needed a new candidate.",
        [
            st(
                "Bolsover",
                "wrote on Twitter that Bolsover needed a new candidate",
                "Kim Ray",
                medium="tweet",
            )
        ],
    ),
    (
        "written to members is a letter, words in the participle",
        "Kim Ray has written to members in Bolsover saying the selection will open soon.",
        [st("Bolsover", "saying the selection will open soon", "Kim Ray", medium="letter")],
    ),
    (
        "a quotation across sentences stays with its speaker",
        "Kim Ray said: “Wigan needs a by-election. Sam Hope should go now.”",
        [
            st(
                "Wigan",
                "“Wigan needs a by-election. Sam Hope should go now.”",
                "Kim Ray",
                stance=CALLS,
            )
        ],
    ),
    (
        "an officer without a name speaks for the body",
        "The secretary of Wigan CLP said the selection would be open to all.",
        [
            {
                **st("Wigan", "said the selection would be open to all", "", "Wigan CLP", True),
                "speaker_role": "secretary",
            }
        ],
    ),
    (
        "condemn in a Facebook statement, words about the MP's seat",
        MP_WIGAN + "Kim Ray condemned Sam Hope in a statement on Facebook, calling her decision "
        "“a betrayal of voters”.",
        [
            st(
                "Wigan",
                "condemned Sam Hope in a statement on Facebook, calling her decision “a betrayal "
                "of voters”",
                "Kim Ray",
                medium="statement",
                stance="critical",
            )
        ],
    ),
    (
        "pronoun speaker after the quotation, told a broadcaster",
        "Sam Hope, the MP for Wigan, has quit Labour. “I will not stand down,” she told the BBC.",
        [st("Wigan", "“I will not stand down,”", "Sam Hope", medium="interview", stance=CALLS)],
    ),
    (
        "object control: the one prompted to speak speaks",
        "Sam Hope quit Labour in March, prompting Kim Ray to tweet that Wigan deserved a "
        "by-election.",
        [
            st(
                "Wigan",
                "tweet that Wigan deserved a by-election",
                "Kim Ray",
                medium="tweet",
                stance=CALLS,
            )
        ],
    ),
    (
        "'its secretary' speaks for the body just before",
        "Wigan Momentum issued a statement calling for a by-election in Wigan. Its secretary, "
        "Kim Ray, said the group would campaign in the seat.",
        [
            st(
                "Wigan",
                "calling for a by-election in Wigan",
                "",
                "Wigan Momentum",
                medium="statement",
                stance=CALLS,
            ),
            st("Wigan", "said the group would campaign in the seat", "Kim Ray", "Wigan Momentum"),
        ],
    ),
    (
        "an officer compound in apposition; an outlet told",
        MP_WIGAN + "Kim Ray, the Wigan CLP secretary, told the local radio station that the MP "
        "should resign.",
        [
            st(
                "Wigan",
                "told the local radio station that the MP should resign",
                "Kim Ray",
                "Wigan CLP",
                True,
                medium="interview",
                stance=CALLS,
            )
        ],
    ),
    (
        "reported words with no seat of their own take the story's seat",
        "Sam Hope has quit Labour and the selection in Wigan is open. Kim Ray said she was "
        "delighted with the shortlist.",
        [st("Wigan", "said she was delighted with the shortlist", "Kim Ray", stance="supportive")],
    ),
    (
        "with no one seat to the story, the seat of the paragraph",
        "Selections opened in Wigan and Makerfield this week.\n\nThe Makerfield contest was "
        "quieter. Kim Ray said she was delighted with the shortlist.\n\nIn Wigan, Pat Lee said "
        "the contest was too open.",
        [
            st(
                "Makerfield",
                "said she was delighted with the shortlist",
                "Kim Ray",
                stance="supportive",
            ),
            st("Wigan", "said the contest was too open", "Pat Lee"),
        ],
    ),
    (
        "a newspaper title told, after the quotation; its officer",
        "Wigan CLP has renewed its call for Sam Hope to resign. “A by-election is the only fair "
        "course,” Kim Ray, its secretary, told the Evening Chronicle.",
        [
            st(
                "Wigan",
                "renewed its call for Sam Hope to resign",
                "",
                "Wigan CLP",
                True,
                stance=CALLS,
            ),
            st(
                "Wigan",
                "“A by-election is the only fair course,”",
                "Kim Ray",
                "Wigan CLP",
                True,
                medium="interview",
                stance=CALLS,
            ),
        ],
    ),
    (
        "a participle of speaking to an outlet",
        MP_WIGAN + "Speaking to the Wigan Herald, Kim Ray said the MP should resign.",
        [st("Wigan", "said the MP should resign", "Kim Ray", medium="interview", stance=CALLS)],
    ),
    (
        "told us: the publication itself",
        MP_WIGAN + "Kim Ray, chair of Wigan CLP, told us she was angry that the MP had not "
        "resigned.",
        [
            st(
                "Wigan",
                "told us she was angry that the MP had not resigned",
                "Kim Ray",
                "Wigan CLP",
                True,
                medium="interview",
                stance=CALLS,
            )
        ],
    ),
    (
        "a hedged speech verb inside the words said",
        MP_WIGAN + "Kim Ray, secretary of Wigan CLP, said she was “appalled” and would be "
        "calling on Sam Hope to resign.",
        [
            st(
                "Wigan",
                "said she was “appalled” and would be calling on Sam Hope to resign",
                "Kim Ray",
                "Wigan CLP",
                True,
                stance=CALLS,
            )
        ],
    ),
    (
        "praise of the MP the words are about is about the MP's seat",
        MP_WIGAN + "Kim Ray tweeted that Sam Hope was a brave and principled man.",
        [
            st(
                "Wigan",
                "tweeted that Sam Hope was a brave and principled man",
                "Kim Ray",
                medium="tweet",
                stance="supportive",
            )
        ],
    ),
    (
        "words about the MP but no praise, blame or seat",
        MP_WIGAN + "Kim Ray tweeted that Sam Hope had a nice garden.",
        [],
    ),
    (
        "an MP who holds a party office speaks for the party",
        MP_WIGAN + "Labour's deputy leader Kim Ray, the MP for Makerfield, said Sam Hope should "
        "resign.",
        [st("Wigan", "said Sam Hope should resign", "Kim Ray", "Labour", stance=CALLS)],
    ),
    (
        "the constituency party of the seat the sentence names; its officer",
        "Sam Hope quit Labour last week. In Wigan, the constituency party has renewed its call "
        "for him to resign. Pat Lee, its acting chairman, told the Evening Chronicle that "
        "members wanted a by-election.",
        [
            st("Wigan", "renewed its call for him to resign", "", "Wigan CLP", True, stance=CALLS),
            st(
                "Wigan",
                "told the Evening Chronicle that members wanted a by-election",
                "Pat Lee",
                "Wigan CLP",
                True,
                medium="interview",
                stance=CALLS,
            ),
        ],
    ),
    (
        "an office set off by a comma before the name, after a fronted phrase",
        "Sam Hope, the MP for Wigan, quit Labour on Monday. That same day the CLP's chair, "
        "Kim Ray, emailed members to say she was asking Sam Hope to resign.",
        [
            st(
                "Wigan",
                "emailed members to say she was asking Sam Hope to resign",
                "Kim Ray",
                "Wigan CLP",
                True,
                medium="email",
                stance=CALLS,
            )
        ],
    ),
    (
        "a role noun speaks as the one person the article gives that office",
        MP_WIGAN + "Kim Ray, the Labour leader, visited the town. “Wigan deserves a "
        "by-election,” the Labour leader tweeted.",
        [
            st(
                "Wigan",
                "“Wigan deserves a by-election,”",
                "Kim Ray",
                "Labour",
                medium="tweet",
                stance=CALLS,
            )
        ],
    ),
    (
        "the local party of the seat the sentence names, not the one that spoke before",
        "Sam Hope, the MP for Wigan, quit Labour on Monday, and Wigan CLP called for a "
        "by-election in Wigan. In Makerfield, the local party's secretary, Pat Lee, said members "
        "wanted Kim Ray, the Makerfield MP, to resign.",
        [
            st("Wigan", "called for a by-election in Wigan", "", "Wigan CLP", True, stance=CALLS),
            st(
                "Makerfield",
                "said members wanted Kim Ray, the Makerfield MP, to resign",
                "Pat Lee",
                "Makerfield CLP",
                True,
                stance=CALLS,
            ),
        ],
    ),
    (
        "a named speaker keeps the first office given them",
        MP_WIGAN + "Kim Ray, chair of Wigan CLP, said Sam Hope should resign. Kim Ray, a Labour "
        "councillor, also told the Wigan Herald that Sam Hope had let members down.",
        [
            st(
                "Wigan",
                "said Sam Hope should resign … told the Wigan Herald that Sam Hope had let members "
                "down",
                "Kim Ray",
                "Wigan CLP",
                True,
                medium="interview",
                stance=CALLS,
            )
        ],
    ),
    (
        "it: the body the sentence before names, when none spoke just before",
        "Sam Hope, the MP for Wigan, quit Labour on Monday. Wigan CLP was quick to react. In a "
        "statement posted on Facebook, it called on him “to resign the seat at once”.",
        [
            st(
                "Wigan",
                "called on him “to resign the seat at once”",
                "",
                "Wigan CLP",
                True,
                medium="statement",
                stance=CALLS,
            )
        ],
    ),
    (
        "it with two bodies before: no speaker",
        "Sam Hope, the MP for Wigan, quit Labour on Monday. Wigan CLP and Wigan Momentum were "
        "quick to react. It called on him to resign.",
        [],
    ),
    (
        "praise by someone with no seat, in a story about one seat",
        "Pat Lee won the Wigan selection on Saturday. Kim Ray, a local councillor, said she was "
        "proud of the members.",
        [st("Wigan", "said she was proud of the members", "Kim Ray", stance="supportive")],
    ),
    (
        "the same praise by the MP for another seat is no word about this one",
        "Pat Lee won the Wigan selection on Saturday. Kim Ray, the MP for Makerfield, said she "
        "was proud of the members.",
        [],
    ),
    (
        "words with no stance in a story about one seat",
        "Pat Lee won the Wigan selection on Saturday. Kim Ray said the weather was lovely.",
        [],
    ),
    (
        "an unnamed member speaking is not the subject of the clause before",
        "Pat Lee won the Wigan selection on Saturday. Kim Ray, who had also applied, did not "
        "make the shortlist; one local member called her exclusion a scandal.",
        [],
    ),
    (
        "challenging someone to act speaks",
        "Kim Ray challenged Sam Hope, the MP for Wigan, to resign and fight a by-election.",
        [
            st(
                "Wigan",
                "challenged Sam Hope, the MP for Wigan, to resign and fight a by-election",
                "Kim Ray",
                stance=CALLS,
            )
        ],
    ),
    (
        "challenging an MP for the seat is no speech",
        "Kim Ray, a Labour councillor, is challenging Wigan's MP, Sam Hope, at the next election.",
        [],
    ),
    (
        "the topic word in a later sentence of the same quotation",
        "Wigan went first. A Labour spokesperson said: “This is an ongoing process. We are "
        "satisfied the shortlist was drawn up by the rules.”",
        [
            {
                **st(
                    "Wigan",
                    "“This is an ongoing process. We are satisfied the shortlist was drawn up by "
                    "the rules.”",
                    "",
                    "Labour",
                ),
                "speaker_role": "spokesperson",
            }
        ],
    ),
    (
        "she is not the person named as an object of a preposition before it",
        "Kim Ray chairs Wigan CLP. In an interview with Pat Lee, she said: “Sam Hope should "
        "resign and fight a by-election in Wigan.”",
        [
            st(
                "Wigan",
                "“Sam Hope should resign and fight a by-election in Wigan.”",
                "Kim Ray",
                medium="interview",
                stance=CALLS,
            )
        ],
    ),
    ("calling a by-election is no speech", MP_WIGAN + "She has refused to call a by-election.", []),
    ("negation", "Wigan CLP has not commented on Sam Hope's decision to resign.", []),
    ("hedge", "Wigan CLP is expected to call for a by-election.", []),
    ("denial", "Kim Ray denied saying that Sam Hope should resign.", []),
    ("refusal", "Wigan CLP declined to comment on the selection.", []),
    ("a question reports nothing", "Will Wigan CLP call for a by-election?", []),
    (
        "coordinated speech verbs, each with its own speaker",
        "Kim Ray said the Wigan selection should be open, and Wigan Momentum urged members to "
        "choose a local candidate.",
        [
            st("Wigan", "said the Wigan selection should be open", "Kim Ray"),
            st("Wigan", "urged members to choose a local candidate", "", "Wigan Momentum"),
        ],
    ),
    (
        "a Conservative association named by its seat speaks for the local party",
        "Wigan Conservative Association said Sam Hope should resign his seat.",
        [
            st(
                "Wigan",
                "said Sam Hope should resign his seat",
                "",
                "Wigan Conservative Association",
                True,
                stance=CALLS,
            )
        ],
    ),
    (
        "the officer of an association, by the possessive",
        "Sam Hope, the MP for Wigan, has quit. The association's chairman, Kim Ray, said "
        "a new candidate would be selected.",
        [
            st(
                "Wigan",
                "said a new candidate would be selected",
                "Kim Ray",
                "Wigan Conservative Association",
                True,
            )
        ],
    ),
    (
        "several seats' associations speak each for their own seat",
        "The Wigan, Bolton West and Bury North Conservative associations each issued a "
        "statement saying a new candidate would be selected.",
        [
            st(
                seat,
                "saying a new candidate would be selected",
                "",
                f"{seat} Conservative Association",
                True,
                "statement",
            )
            for seat in ("Wigan", "Bolton West", "Bury North")
        ],
    ),
    (
        "a description set off after the speaker names their own seat and party office",
        "Pat Lee, then Labour's deputy leader and the MP for neighbouring Bolton West, "
        "described the Wigan selection as “a stitch-up”.",
        [
            st(
                "Wigan",
                "described the Wigan selection as “a stitch-up”",
                "Pat Lee",
                "Labour",
            )
        ],
    ),
    (
        "the phrase set off before a verb with no subject, after a fronted clause",
        "Sam Hope quit Labour for the Greens. When Sam Hope joined the Greens, Labour's "
        "chair, Kim Ray, tweeted: “Wigan deserves a by-election.”",
        [
            st(
                "Wigan",
                "“Wigan deserves a by-election.”",
                "Kim Ray",
                "Labour",
                medium="tweet",
                stance=CALLS,
            )
        ],
    ),
    (
        "a refusal does not reach a participle set off after it",
        "Sam Hope, the MP for Wigan, has refused to fight a by-election, arguing that voters "
        "in Wigan do not object to what he has done.",
        [
            st(
                "Wigan",
                "arguing that voters in Wigan do not object to what he has done",
                "Sam Hope",
            )
        ],
    ),
    (
        "what someone calls a thing is a name, not words",
        "Wigan voters backed what Kim Ray calls a fair selection.",
        [],
    ),
    (
        "a speech verb coordinated with the publication verb carries on its words",
        "Kim Ray is the MP for Wigan. Wigan Momentum went further, issuing a statement that "
        "accused her of missing CLP meetings and called on her to “give the people of Wigan "
        "the chance to choose”.",
        [
            st(
                "Wigan",
                "accused her of missing CLP meetings and called on her to “give the people of "
                "Wigan the chance to choose”",
                "",
                "Wigan Momentum",
                medium="statement",
                stance="critical",
            )
        ],
    ),
    (
        "a meeting called for a date is not a call",
        "Two motions against Kim Ray, the MP for Wigan, have been withdrawn, and the meeting "
        "her constituency party had called for March 3 to debate them has been cancelled.",
        [],
    ),
    (
        "an officer set off before a verb the parse left without a subject; a local "
        "party's office before a council's",
        "Sam Hope, the MP for Wigan, has quit. In a statement issued the day he left the "
        "association, its vice-president, Coun Kim Ray, who also leads Wigan Council, said "
        "members had been “betrayed” and wanted a by-election.",
        [
            st(
                "Wigan",
                "said members had been “betrayed” and wanted a by-election",
                "Kim Ray",
                "Wigan Conservative Association",
                True,
                "statement",
                CALLS,
            )
        ],
    ),
    (
        "a speaker set off before a verb the parse left without a subject, with a relative "
        "clause of their own",
        "Sam Hope, the MP for Wigan, has quit. In a letter posted on Twitter, Hope, a teacher "
        "who served as a councillor until 2015, said it was “no longer possible to serve "
        "Wigan as a Labour MP”.",
        [
            st(
                "Wigan",
                "said it was “no longer possible to serve Wigan as a Labour MP”",
                "Sam Hope",
                medium="tweet",
            )
        ],
    ),
    ("no speech verb", "Sam Hope spoke in Wigan on Friday.", []),
    ("a verb of saying with no clause", "Wigan Momentum claims 400 members in the seat.", []),
    ("words about no seat or contest", "“It was a lovely day for it,” the crowd agreed.", []),
]


@pytest.mark.parametrize(("construction", "text", "rows"), BATTERY, ids=[b[0] for b in BATTERY])
def test_battery(construction, text, rows):
    assert records(text) == expect(*rows)


@pytest.mark.parametrize(("construction", "text", "rows"), BATTERY, ids=[b[0] for b in BATTERY])
def test_battery_passages_are_exact_spans(construction, text, rows):
    for fact in extract(text).facts:
        if isinstance(fact, StatementFact):
            quotes = {span.quote for span in fact.evidence}
            for part in fact.text.split(" … "):
                assert part in quotes or part.removeprefix("“").removesuffix("”") in quotes


# Cases kept from the earlier regex rules: they still express true behaviour.
EARLIER = [
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


@pytest.mark.parametrize(("text", "rows"), EARLIER)
def test_statement_passages_are_exact_spans(text, rows):
    """Every passage a statement shows is cited by an evidence span of exactly its words."""
    for fact in extract(text).facts:
        if isinstance(fact, StatementFact):
            quotes = {span.quote for span in fact.evidence}
            for part in fact.text.split(" … "):
                assert part in quotes or part.removeprefix("“").removesuffix("”") in quotes


def test_transcript_labels_are_speakers():
    text = (
        "PRESENTER: Kate Hoey, you are the MP for Vauxhall. Will you resign?\n\n"
        "KATE HOEY: No. I will serve Vauxhall until the election.\n\n"
        "HOEY: And I will not call a by-election."
    )
    facts = [f for f in extract(text).facts if isinstance(f, StatementFact)]
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
    facts = [f for f in extraction.facts if isinstance(f, StatementFact)]
    assert extraction.title == "John Mann"
    assert [
        (f.rule, f.speaker, f.organisation, f.by_clp, f.medium, f.constituency) for f in facts
    ] == [("statement.signed_letter", "Ann Peel", "Bassetlaw CLP", True, "email", "Bassetlaw")]


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


@pytest.mark.parametrize(("text", "rows"), EARLIER)
def test_earlier_cases(text, rows):
    assert records(text) == expect(
        *({"type": "statement", "seat_holder": "", **row} for row in rows)
    )
