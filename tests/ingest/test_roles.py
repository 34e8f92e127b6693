"""Roles read from the parse: each passage and every `RoleFact` it should yield, compared
whole. The sentences are written for these tests."""

from dataclasses import fields

import pytest

from constituencies.ingest.extract import extract
from constituencies.ingest.facts import PersonFact, RoleFact


def roles(text):
    """Every role and person record the text yields, whole but for the evidence."""
    return [
        {"type": type(f).__name__, **{x.name: getattr(f, x.name) for x in fields(f)[2:]}}
        | {"rule": f.rule}
        for f in extract(text).facts
        if isinstance(f, (RoleFact, PersonFact))
    ]


def role(rule, person, title, organisation):
    """A role and the person record that describes them by it."""
    rule = f"role.{rule}"
    return [
        {
            "type": "RoleFact",
            "rule": rule,
            "person": person,
            "title": title,
            "organisation": organisation,
        },
        {
            "type": "PersonFact",
            "rule": rule,
            "name": person,
            "aliases": (),
            "description": f"{title} {organisation}",
            "party": "",
        },
    ]


PEEL = "Ann Peel"
CASES = [
    (
        "apposition with of",
        "Ann Peel, the chair of Bassetlaw CLP, welcomed the news.",
        role("apposition", PEEL, "chair", "Bassetlaw CLP"),
    ),
    (
        "compound",
        "Bassetlaw CLP secretary Ann Peel welcomed the news.",
        role("compound", PEEL, "secretary", "Bassetlaw CLP"),
    ),
    (
        "relative clause",
        "Ann Peel, who chairs Bassetlaw CLP, welcomed the news.",
        role("relative", PEEL, "chair", "Bassetlaw CLP"),
    ),
    (
        "possessive apposition",
        "Ann Peel, Momentum's national co-ordinator, welcomed the news.",
        role("apposition", PEEL, "national co-ordinator", "Momentum"),
    ),
    (
        "party compound",
        "Labour chair Ian Lavery welcomed the news.",
        role("compound", "Ian Lavery", "chair", "Labour"),
    ),
    (
        "party apposition",
        "Ian Lavery, the Labour chairman, welcomed the news.",
        role("apposition", "Ian Lavery", "chairman", "Labour"),
    ),
    (
        "the party named before",
        "The Labour Party is in trouble. The party chairman, Ian Lavery, welcomed the news.",
        role("apposition", "Ian Lavery", "chairman", "Labour"),
    ),
    (
        "an MP's local party",
        "John Mann is the MP for Bassetlaw. The chair of John Mann's CLP, Ann Peel, spoke.",
        role("apposition", PEEL, "chair", "Bassetlaw CLP"),
    ),
    (
        "copula",
        "The secretary of Bassetlaw CLP is Ann Peel.",
        role("copula", PEEL, "secretary", "Bassetlaw CLP"),
    ),
    (
        "office of a named group",
        "Ann Peel, organiser of the left-wing group Momentum, welcomed the news.",
        role("apposition", PEEL, "organiser", "Momentum"),
    ),
    ("an occupation with no organisation", "Ann Peel, a local lawyer, welcomed the news.", []),
    ("no person", "The chair of Bassetlaw CLP welcomed the news.", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_roles(text, expected):
    assert roles(text) == expected
