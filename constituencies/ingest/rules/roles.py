"""Role rules: positions people hold -> `RoleFact` and `PersonFact`.

"X, the Labour chairman", "Labour chair X", "X, Momentum's national co-ordinator",
"Redbridge Council's leader X", "X, organiser of ... Y", "The chair of A's CLP, X",
"X, who chairs Y". Statements use these to say which organisation a speaker speaks for.
"""

import re

from ..document import Document
from ..facts import (
    Fact,
    PersonFact,
    RoleFact,
)
from ..mentions import SentenceView
from .common import CLP_WORDS, O_, C, P, Y

_ROLE_NOUN = (
    r"(?:[a-z][\w-]* ){0,3}?(?:chair|chairman|chairwoman|leader|co-ordinator|coordinator|secretary|"
    r"organiser|spokesperson|spokesman|spokeswoman|convenor|official|officer|member|deputy leader|"
    r"general secretary|treasurer|director)"
)
_ROLE_PATTERNS = [
    # "Ian Lavery, the Labour chairman" / "Labour chair Ian Lavery"
    ("role.apposition_party", re.compile(rf"{P}, the {Y} ({_ROLE_NOUN})\b")),
    (
        "role.party_officer",
        re.compile(
            rf"{P}, the party ((?:[a-z]+ )?(?:chair|chairman|chairwoman|general secretary|"
            rf"leader))\b"
        ),
    ),
    (
        "role.clp_officer",
        re.compile(rf"\bCLP ((?:vice-)?(?:chair|chairman|chairwoman|secretary|treasurer)) {P}"),
    ),
    ("role.prefix_party", re.compile(rf"{Y}(?:'s)? ({_ROLE_NOUN}) {P}")),
    # "Laura Parker, Momentum's national co-ordinator" / "Redbridge Council's leader Jas Athwal"
    ("role.apposition_org", re.compile(rf"{P}, {O_}'s ({_ROLE_NOUN})\b")),
    ("role.prefix_org", re.compile(rf"{O_}(?:'s)? ({_ROLE_NOUN}) {P}")),
    # "Michael Chessum, organiser of ... group Another Europe is Possible"
    (
        "role.of_org",
        re.compile(
            rf"{P}, (?:the )?({_ROLE_NOUN}|organiser|founder) (?:of|for|"
            rf"at) (?:[^,{{]{{0,40}} )?{O_}"
        ),
    ),
]
_CLP_OFFICER = re.compile(
    rf"\b[Tt]he (chair|chairman|chairwoman|secretary|treasurer) of (?:{P}'s {CLP_WORDS}|{O_})"
    rf"(?:,? {C})?(?:,? {P}'s {CLP_WORDS})?,? (?:is (?:[\w-]+ ){{0,3}}?)?{P}(?!')"
)
_WHO_CHAIRS = re.compile(rf"{P}, who (chairs|leads) {O_}")


def role_facts(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str, str]] = set()

    def add(rule: str, view: SentenceView, person: str, title: str, organisation: str):
        key = (person, title, organisation)
        if key not in seen:
            seen.add(key)
            span = doc.sentence_span(view)
            facts.append(RoleFact(rule, (span,), person, title, organisation))
            facts.append(
                PersonFact(rule, (span,), person, description=f"{title} {organisation}".strip())
            )

    for view in doc.views:
        if "{P" not in view.template:
            continue
        for rule, pattern in _ROLE_PATTERNS:
            for match in pattern.finditer(view.template):
                numbers = [g for g in match.groups() if g and g.isdigit()]
                title = next(g for g in match.groups() if g and not g.isdigit())
                person = next(view.mention(n) for n in numbers if view.mention(n).kind == "person")
                org = next(
                    (
                        view.mention(n).name
                        for n in numbers
                        if view.mention(n).kind in ("org", "party")
                    ),
                    "",
                )
                if rule == "role.party_officer":
                    org = doc.main_party()
                elif rule == "role.clp_officer":
                    org = f"{doc.focus_seat()} CLP" if doc.focus_seat() else ""
                if org:
                    add(rule, view, person.name, title, org)
        for match in _CLP_OFFICER.finditer(view.template):
            title, mp, org_index, seat_index, _mp2, officer = match.groups()
            seat = ""
            if org_index is not None:
                seat = view.mention(org_index).constituency
                organisation = view.mention(org_index).name if not seat else f"{seat} CLP"
            else:
                seat = (
                    view.mention(seat_index).name
                    if seat_index
                    else doc.seat(view.mention(mp).name)[0]
                )
                organisation = f"{seat} CLP" if seat else ""
            if organisation:
                add("role.clp_officer", view, view.mention(officer).name, title, organisation)
        for match in _WHO_CHAIRS.finditer(view.template):
            org = view.mention(match.group(3))
            add("role.who_chairs", view, view.mention(match.group(1)).name, "chair", org.name)
    return facts
