"""Plain records that the extractor produces and the loader writes.

Nothing here imports Django: extraction is pure text processing and is tested
without a database. Every fact carries the name of the rule that produced it and
at least one `Span` of the article text that supports it.

People, organisations and constituencies are referred to by their canonical
names (see `constituencies/ingest/data/`); the loader resolves those names to
rows. A fact about "X's seat" where the article never names that seat carries X as its
`seat_holder`, with the seat as far as the article knows it; the loader resolves it
against the seats it knows. A person named only by surname in an article whose text never gives the
full name keeps the surname, and the loader matches it against known aliases.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """Characters `start`..`end` of the article text; `quote` is exactly that slice."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Fact:
    rule: str
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class PersonFact(Fact):
    """Someone the article names, with the spellings used for them and what they are."""

    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    party: str = ""


@dataclass(frozen=True)
class RoleFact(Fact):
    """A position someone holds: ("Joel Bodmer", "chair", "Streatham CLP")."""

    person: str
    title: str
    organisation: str = ""


@dataclass(frozen=True)
class PartyMoveFact(Fact):
    """`person` left `from_party`; `to_group` is "" when they sit as an independent."""

    person: str
    from_party: str
    to_group: str = ""
    constituency: str = ""
    date_text: str = ""
    seat_holder: str = ""  # the MP whose seat `constituency` is, when the article names only them


@dataclass(frozen=True)
class SeatFact(Fact):
    """`person` is the sitting MP for `constituency`."""

    person: str
    constituency: str


@dataclass(frozen=True)
class MajorityFact(Fact):
    """The winning margin in votes at the general election of `year`."""

    constituency: str
    year: int
    majority: int
    seat_holder: str = ""  # the MP whose seat `constituency` is, when the article names only them


@dataclass(frozen=True)
class ShortlistFact(Fact):
    """kind: all_women | open | undecided; firmness: recommended | agreed | proposed | ""."""

    constituency: str
    kind: str
    decided_by: str = ""
    firmness: str = ""
    seat_holder: str = ""  # the MP whose seat `constituency` is, when the article names only them


@dataclass(frozen=True)
class CandidacyFact(Fact):
    """status: tipped | applied | longlisted | shortlisted | selected | withdrawn |
    not_selected."""

    person: str
    constituency: str
    status: str
    description: str = ""
    backers: tuple[str, ...] = ()
    seat_holder: str = ""  # the MP whose seat `constituency` is, when the article names only them


@dataclass(frozen=True)
class StatementFact(Fact):
    """Words said about a seat. medium: tweet | email | letter | statement | interview | "".

    stance: calls_for_by_election | critical | supportive | "". `text` is what the article
    says, verbatim: quoted words in quotation marks, reported speech as the article
    reports it ('said she should "take the honourable path"'), several passages joined
    by " … ", each passage an exact span in `evidence`. `speaker_role` names who spoke
    when the article gives only a role ("campaign coordinator" of `organisation`).
    """

    constituency: str
    text: str
    speaker: str = ""
    organisation: str = ""
    by_clp: bool = False
    medium: str = ""
    stance: str = ""
    speaker_role: str = ""
    seat_holder: str = ""  # the MP whose seat `constituency` is, when the article names only them


@dataclass(frozen=True)
class EventFact(Fact):
    """kind: no_confidence_vote | campaign_day | letter | selection_process | other."""

    constituency: str
    kind: str
    description: str
    person: str = ""
    date_text: str = ""
    seat_holder: str = ""  # the MP whose seat `constituency` is, when the article names only them


@dataclass
class Extraction:
    """Everything extracted from one article, and its title and publisher if the text gives them."""

    title: str = ""
    publisher: str = ""
    facts: list[Fact] = field(default_factory=list)
