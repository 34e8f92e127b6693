"""Mention finding: which runs of capitalised words are people, by their full names."""

import pytest

from constituencies.ingest.mentions import find_mentions

CASES = [
    # a function word that opens the sentence is no part of the name after it
    ("Because Priya Natarajan stood down, the seat is open.", ["Priya Natarajan"]),
    ("When Tomasz Kowal left, nobody followed.", ["Tomasz Kowal"]),
    ("Tomasz Kowal spoke. Only Kowal voted against.", ["Tomasz Kowal", "Tomasz Kowal"]),
    ("Tomasz Kowal spoke first. Hadn't Kowal said so before?", ["Tomasz Kowal", "Tomasz Kowal"]),
    ("However Priya Natarajan sees it, the vote stands.", ["Priya Natarajan"]),
    ("Alongside Priya Natarajan, two councillors resigned.", ["Priya Natarajan"]),
    # a name takes no article: "the X Y" is a paper, a programme or a place
    ("Tomasz Kowal told the Harbour Courier he would stay.", ["Tomasz Kowal"]),
    ("The Evening Ledger asked Priya Natarajan twice.", ["Priya Natarajan"]),
    ("Voters in the Vale Villages backed Tomasz Kowal.", ["Tomasz Kowal"]),
    # capitals in a title-case headline tell nothing, unless the body names the person
    ("Kowal Loses Vote As Rebels Walk Out\n\nThe motion fell.", []),
    (
        "Tomasz Kowal Quits As Chair Of The Board\n\nTomasz Kowal resigned.",
        ["Tomasz Kowal", "Tomasz Kowal"],
    ),
    # a table row is not a headline, nor is a line of more than one sentence
    ("Harbour North - Priya Natarajan - 4,210", ["Priya Natarajan"]),
    ("Sitting MP: Priya Natarajan. Left The Greens In March.", ["Priya Natarajan"]),
    # a name alone keeps its first word, and a name inside a sentence is whole
    ("Priya Natarajan and Tomasz Kowal both spoke.", ["Priya Natarajan", "Tomasz Kowal"]),
    ("The chair thanked Tomasz Kowal.", ["Tomasz Kowal"]),
]


@pytest.mark.parametrize(("text", "people"), CASES)
def test_people_are_named_without_the_words_before_them(text, people):
    assert [m.name for m in find_mentions(text) if m.kind == "person"] == people


SEAT_CASES = [
    # a seat named in full, then by its tail without the town
    (
        "Kim Ray is standing in Birmingham Hall Green. The Hall Green contest opens soon.",
        ["Birmingham Hall Green", "Birmingham Hall Green"],
    ),
    (
        "Kim Ray is standing in Newcastle upon Tyne Central. Tyne Central votes today.",
        ["Newcastle Upon Tyne Central", "Newcastle Upon Tyne Central"],
    ),
    # a tail of only compass words, or a tail never named in full, is no seat
    ("Kim Ray is standing in Ealing North. North West is far away.", ["Ealing North"]),
    ("The Hall Green contest opens soon.", []),
]


@pytest.mark.parametrize(("text", "seats"), SEAT_CASES)
def test_seats_named_in_full_then_by_their_tail(text, seats):
    assert [m.name for m in find_mentions(text) if m.kind == "constituency"] == seats
