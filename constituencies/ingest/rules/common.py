"""Shared pieces of the relation rules: template building blocks and small helpers.

A template is a sentence with each mention replaced by a placeholder (see `mentions.py`):
``{P0}`` a person, ``{C1}`` a constituency, ``{O2}`` an organisation, ``{Y3}`` a party,
``{U4}`` an outlet. `P`, `C`, `O_` and `Y` match one placeholder and capture its index;
`PLIST` and `CLIST` match lists of them ("A, B and C").
"""

import re

from ..document import Document, indices
from ..mentions import SentenceView

TIG = "The Independent Group"
STORY_YEAR = 2019  # the split happened in February 2019

# Template building blocks: a placeholder, or a list of them, with its index captured.
P = r"\{P(\d+)\}"
C = r"\{C(\d+)\}"
O_ = r"\{O(\d+)\}"
Y = r"\{Y(\d+)\}"
_SEP = r"(?:,? and |, | & |,? as well as )"
PLIST = rf"((?:\{{P\d+\}}(?:'s)?{_SEP})*\{{P\d+\}}(?:'s)?)"
CLIST = rf"((?:\{{C\d+\}}{_SEP})*\{{C\d+\}})"
AUX = (
    r"(?:(?:has|have|had|was|were|is|are|also|already|now|then|too|just|since|yesterday|today|"
    r"formally|finally),? )*"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_TEXT = re.compile(
    rf"\b(?:(?:on|last|this|next) )?(?:{WEEKDAY}|(?:last|next|this) (?:week|weekend|month|year|"
    rf"summer|autumn|spring|winter)|in {MONTH}(?: \d{{4}})?|the coming weeks|coming weeks)\b"
)

CLP_WORDS = r"(?:CLP|local party|local Labour party|constituency (?:Labour )?party)"


def marker(number: int) -> str:
    """The placeholder of person mention `number` in a template."""
    return f"{{P{number}}}"


def person_names(view: SentenceView, fragment: str) -> list[str]:
    return [view.mentions[i].name for i in indices(fragment, "P")]


def constituency_names(view: SentenceView, fragment: str) -> list[str]:
    return [view.mentions[i].name for i in indices(fragment, "C")]


def date_in(text: str) -> str:
    match = DATE_TEXT.search(text)
    return match.group().removeprefix("on ").removeprefix("in ") if match else ""


def clauses(view: SentenceView) -> list[tuple[int, str]]:
    """(template offset, clause) pieces cut at contrastive joins and semicolons."""
    pieces, last = [], 0
    for match in re.finditer(
        r"; |, while |, whereas |, but |, even though |, although | while in |\. ", view.template
    ):
        pieces.append((last, view.template[last : match.start()]))
        last = match.start() + (2 if match.group() in {"; ", ". "} else 1)
    pieces.append((last, view.template[last:]))
    return pieces


def recent_constituency(doc: Document, view: SentenceView, back: int = 3) -> str:
    """The constituency named most recently in the few sentences before `view`."""
    position = doc.views.index(view)
    for earlier in reversed(doc.views[max(0, position - back) : position]):
        names = [m.name for m in earlier.mentions if m.kind == "constituency"]
        names += [m.constituency for m in earlier.mentions if m.kind == "org" and m.constituency]
        if names:
            return names[-1]
    return ""
