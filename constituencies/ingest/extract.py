"""Extract layer: article text -> `Extraction` (title, publisher, facts with evidence).

The article is read once into a `Document` (sentences, mentions and quotations; see
`document.py` and `mentions.py`), and the sentences any rule will read are parsed with
spaCy in one request (`parse_wanted`). The relation rules in `rules/` then walk those
parses, in a fixed order, because later rules use what earlier ones learnt:

1. seats (`rules/seats.py`): who sits for which constituency -> `SeatFact`;
2. roles (`rules/roles.py`): "X, the Labour chairman" -> `RoleFact`, `PersonFact`;
3. party moves (`rules/moves.py`) -> `PartyMoveFact`;
4. majorities, shortlists, candidacies, then events (a candidacy means a selection is
   under way) -> `MajorityFact`, `ShortlistFact`, `CandidacyFact`, `EventFact`;
5. statements (`rules/statements.py`): quoted or reported words, attributed with the
   help of the roles -> `StatementFact`.

Rules never name a particular person, seat, party or year: names come from the gazetteers
in `data/`, words from the lexical classes in `data/lexicon.json`, and the rest from the
structure of the sentence. Every fact's `rule` names the rule that made it and its
evidence quotes the sentence(s) that support it.

Only what the article itself says is used. A fact about "the seats held by X and Y" in
an article that does not say which seats those are names X as its `seat_holder`, and the
loader places it with X's seat as it knows it from any article (`references.py`).
"""

from datetime import date

from .document import Document, parse_together
from .facts import Extraction, Fact
from .read import guess_publisher, guess_title
from .rules import candidacies, events, majorities, moves, roles, seats, shortlists, statements
from .rules.candidacies import candidacy_facts
from .rules.events import event_facts
from .rules.majorities import majority_facts
from .rules.moves import party_move_facts
from .rules.roles import role_facts
from .rules.seats import seat_facts
from .rules.shortlists import shortlist_facts
from .rules.statements import statement_facts

# The rule modules that read the parse, each with `wanted(doc)`: the sentences it reads.
PARSED = (seats, moves, majorities, shortlists, candidacies, roles, events, statements)


def extract(text: str, published: date | None = None) -> Extraction:
    """All facts in one article. `published` is the article's publication date, where
    known: a majority given without a year is the one won at the latest election before
    it (else before the latest year the article names)."""
    doc = Document.parse(text, published)
    parse_wanted([doc])
    return facts_of(doc)


def parse_wanted(docs: list[Document]) -> None:
    """Parse every sentence any rule will read, in all of `docs`, in one request: spaCy
    parses a large batch two to four times faster a sentence than the same sentences
    asked for a few at a time (by rule, or by article)."""
    wanted = [sorted({p for module in PARSED for p in module.wanted(doc)}) for doc in docs]
    parse_together(list(zip(docs, wanted, strict=True)))


def facts_of(doc: Document) -> Extraction:
    """The facts of a read article, its wanted sentences parsed or not."""
    text = doc.text
    facts: list[Fact] = []
    facts += seat_facts(doc)
    role_list = role_facts(doc)
    facts += role_list
    facts += party_move_facts(doc)
    facts += majority_facts(doc)
    facts += shortlist_facts(doc)
    candidacy_list = candidacy_facts(doc)
    facts += candidacy_list
    facts += event_facts(doc, candidacy_list)
    facts += statement_facts(doc, role_list)
    return Extraction(
        title=guess_title(text),
        publisher=guess_publisher(text),
        facts=facts,
    )
