"""Majority rules: winning margins at general elections -> `MajorityFact`, read from the parse.

A sentence is parsed only when it has a number and a cue word (a margin noun, a winning
verb or "votes"). A number is a majority when the parse ties it to a margin:
- it measures a margin noun: "a majority of N", "majority N", "an N-vote majority";
- it completes a clause whose subject is a margin noun: "the majority was N", "her
  majority fell to N from M", "it stood at N" (when "it" is the majority just given);
- it is the "by N" of a winning verb ("held the seat by N"), or "by N votes", or "N votes
  ahead";
- it is coordinated with a majority ("majorities of N and M"), is the "from M" of the
  clause that holds one ("up from M"), or is compared with one ("double the M she had").
A number that counts something else (members, a share, a turnout, a tally "N votes to M")
never is, nor is a margin in a council, a motion or a ballot. A majority under a
negation, a hedge or a denial is not a fact.

Years come from a year attached on the way from the number up the tree ("in 2017", "at
the 2015 election", "2015 majorities"), nearest first, or "two years earlier" counted from
the majority before; else the latest general election before the story. The seat is the
one attached on that same way (an owner, subject, object or "in W"), or the seat of the
MP attached there, a pronoun or "the MP" meaning the person last named; lists are paired
in order ("majorities of N and M in A and B"), and so are the seats of a gapped
coordination ("held A by N and B by M"). Rows of a list or table under a caption naming
majorities are layout, not sentences, and are read without a parse (`_row`).
"""

import re

from .. import gazetteer
from ..document import Document
from ..facts import MajorityFact
from ..mentions import SentenceView
from ..parse import cue_forms, lemma_class, lexicon
from .common import recent_constituency
from .syntax import Clause, lemma

_WORD = re.compile(r"[a-z']+|%")
_NUMBER_IN_TEXT = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?![\d])")
_PERCENT_AFTER = re.compile(r"\s*(?:%|per ?cent|percent)")
_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# No seat has a million voters: a longer figure is not a count of votes (and would not
# fit the database's integer column).
_MOST_VOTES = 999_999
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")
_PLACEHOLDER = re.compile(r"\{[CP]\d+\}")
_ROW_SEPARATORS = re.compile(r"[\s\-:;|/()•*.]+")
_CAPTION_REACH = 16  # lines a caption may stand above a row of its list
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_PLACE_PREPOSITIONS = {"in", "for", "at"}
_YEAR_PREPOSITIONS = {"in", "at", "by", "during", "from"}
_PLACE_ADVERBS = {"there", "here"}  # the seat named last
_TIME_WORDS = {"when", "as"}  # a clause of time: "in YEAR, when ..."
_DASHES = {"-", "–", "—", ":"}


def majority_facts(doc: Document) -> list[MajorityFact]:
    facts: list[MajorityFact] = []
    seen: set[tuple[str, int, int]] = set()
    last_year, last_seat, last_position = 0, "", -9
    parsed = _parsed(doc)
    for position, view in enumerate(doc.views):
        follows = position - last_position == 1
        if row := _row(doc, view, position) or _fact_box(doc, view, position):
            found = row
        elif position in parsed and _may_hold(view, follows):
            reading = _Reading(doc, position, parsed[position], follows)
            found = reading.majorities(last_year, last_seat)
        else:
            continue
        for rule, seat, year, value, holder in found:
            key = (seat.casefold(), year, value)
            if key not in seen:
                seen.add(key)
                span = doc.sentence_span(view)
                facts.append(MajorityFact(rule, (span,), seat, year, value, holder))
                last_year, last_seat, last_position = year, seat, position
    return facts


def _parsed(doc: Document) -> dict:
    """The parse of every sentence that may hold a majority, by position."""
    return doc.parses(wanted(doc))


def wanted(doc: Document) -> list[int]:
    """The sentences this module reads from the parse: those that may hold a majority. A
    sentence that may only continue one ("it was N") is wanted when the sentence before it
    may hold one."""
    wanted, previous = [], False
    for position, view in enumerate(doc.views):
        cued = _may_hold(view, False)
        if cued or (previous and _may_hold(view, True)):
            wanted.append(position)
        previous = cued or (previous and position in wanted)
    return wanted


def _may_hold(view: SentenceView, follows: bool) -> bool:
    """Whether the sentence can hold a majority, tested on its words before any parse."""
    text = view.sentence.text
    if not any(_could_be_majority(m) for m in _NUMBER_IN_TEXT.finditer(text)):
        return False
    words = set(_WORD.findall(text.lower()))
    cues = cue_forms("margin_nouns", "winning_verbs") | {"votes"}
    return bool(words & cues) or (follows and bool(words & lemma_class("anaphors")))


def _row(doc: Document, view: SentenceView, position: int) -> list[tuple]:
    """A row of a list or table, not a sentence: a seat, perhaps its MP, then figures and
    nothing else ("U - X - N", "U (X): N / M"). Its
    figures are majorities when a caption a few lines up names majorities; the caption's
    years go with the figures in order, one year for one figure, else the default year."""
    if not view.mentions or view.mentions[0].kind != "constituency":
        return []
    rest = _PLACEHOLDER.sub(" ", view.template)
    figures = _FIGURE.findall(rest)
    if not figures or _ROW_SEPARATORS.sub("", _FIGURE.sub("", rest)):
        return []
    if any(m.kind not in {"constituency", "person"} for m in view.mentions[1:]):
        return []
    for earlier in reversed(doc.views[max(0, position - _CAPTION_REACH) : position]):
        words = set(_WORD.findall(earlier.sentence.text.lower()))
        if not words & cue_forms("margin_nouns"):
            continue
        years = [int(y) for y in _YEAR_IN_TEXT.findall(earlier.sentence.text)]
        if len(figures) > 1 and len(years) != len(figures):
            return []
        if len(figures) == 1:
            years = years[:1] if len(years) == 1 else [doc.last_election()]
        seat = view.mentions[0].name
        values = [_votes(f) for f in figures]
        if not all(values) or not all(years):
            return []
        return [
            ("majority.row", seat, _election(y), v, "") for y, v in zip(years, values, strict=True)
        ]
    return []


def _fact_box(doc: Document, view: SentenceView, position: int) -> list[tuple]:
    """A labelled line of a fact box under a seat's heading: years, each followed by its
    figure, and no word but a margin noun ("YEAR majority: N (YEAR: M; YEAR: L)"), or one
    figure alone, won at the latest election before the story ("Majority: N")."""
    seat = doc.section_seat(position)
    text = view.sentence.text
    words = set(_WORD.findall(text.lower()))
    if not seat or view.mentions or not words or words - cue_forms("margin_nouns"):
        return []
    numbers = _FIGURE.findall(text)
    if len(numbers) == 1 and not _YEAR_IN_TEXT.fullmatch(numbers[0]):
        year, value = doc.last_election(), _votes(numbers[0])
        return [("majority.fact_box", seat, year, value, "")] if year and value else []
    pairs = list(zip(numbers[::2], numbers[1::2], strict=False))
    if len(numbers) % 2 or not all(_YEAR_IN_TEXT.fullmatch(y) for y, _ in pairs):
        return []
    found = [("majority.fact_box", seat, _election(int(y)), _votes(v), "") for y, v in pairs]
    return found if all(value for _, _, _, value, _ in found) else []


def _could_be_majority(match: re.Match) -> bool:
    """A whole number of 2 or more that is neither a year nor a percentage."""
    figure = match.group()
    if "." in figure or _YEAR.fullmatch(figure) or int(figure.replace(",", "")) < 2:
        return False
    return not _PERCENT_AFTER.match(match.string, match.end())


def _is_year(token) -> bool:
    return bool(_YEAR.fullmatch(token.text))


def _value(token) -> int:
    """The whole number of votes a token may write ("16,027"), or 0."""
    return _votes(token.text) if _FIGURE.fullmatch(token.text) else 0


def _votes(figure: str) -> int:
    value = int(figure.replace(",", ""))
    return value if value <= _MOST_VOTES else 0


class _Reading(Clause):
    """One parsed sentence that may hold majorities."""

    def __init__(self, doc, position, sent, follows):
        super().__init__(doc, position, sent)
        self.follows = follows  # the sentence before gave a majority
        self.last_year, self.last_seat = 0, ""
        self.margins = lemma_class("margin_nouns")
        self.pronouns = lemma_class("personal_pronouns")

    def about_another_body(self) -> bool:
        """Whether the sentence is about a council, a motion or a ballot, whose majorities
        are not election margins. A body named ("X Council") may only describe someone: it
        counts where it stands on the way of a number (`another_contest`)."""
        bodies = lemma_class("non_election_bodies")
        return any(t.lemma_.lower() in bodies and t.pos_ != "PROPN" for t in self.sent)

    def another_contest(self, number) -> bool:
        """Whether `number` is a margin in a named body ("X Council has a majority of N") or
        at a by-election ("won the U by-election by N"), not at a general election."""
        bodies = lemma_class("non_election_bodies")
        path = self.path(number)
        on_way = {t.i for t in path}
        for node in path:
            for token in [node, *node.children]:
                named_body = token.pos_ == "PROPN" and token.lemma_.lower() in bodies
                if named_body and (token.i in on_way or token.dep_ in _SUBJECTS):
                    return True
        verbs = [node for node in path if node.pos_ in {"VERB", "AUX"}]
        if not verbs:
            return False
        subjects = {t.i for c in verbs[0].children if c.dep_ in _SUBJECTS for t in c.subtree}
        words = "".join(t.text_with_ws for t in verbs[0].subtree if t.i not in subjects)
        return any(word in words.lower() for word in lemma_class("by_election_words"))

    # --- which numbers are majorities ---

    def majorities(self, last_year: int, last_seat: str) -> list[tuple]:
        """(rule, seat, year, majority, seat holder) for each majority in the sentence;
        `last_year` and `last_seat` are those of the majority given last before it."""
        self.last_year, self.last_seat = last_year, last_seat
        if self.about_another_body():
            return []
        kinds = {}
        for token in self.sent:
            if _value(token) >= 2 and not _is_year(token) and not self.counts_other(token):
                kind = self.kind(token)
                if kind and not self.another_contest(token):
                    kinds[token.i] = kind
        for token in self.sent:
            wanted = token.i not in kinds and _value(token) >= 2 and not _is_year(token)
            if wanted and not self.counts_other(token) and self.follows_on(token, kinds):
                kinds[token.i] = "majority.follow_on"
        kinds = {i: kind for i, kind in kinds.items() if not self.hedged(self.sent[i])}
        years: dict[int, int] = {}
        stated: set[int] = set()
        for i in sorted(kinds):
            years[i] = self.year(self.sent[i], years)
            if years[i]:
                stated.add(i)
            else:
                years[i] = self.doc.last_election()
        self.earlier_from(kinds, years, stated)
        found = []
        gapped = self.gapped(kinds)
        for group in self.groups(sorted(kinds)):
            seats = self.paired_seats(group) if len(group) > 1 else None
            for index, i in enumerate(group):
                if seats:
                    seat, holder, rule = seats[index], "", "majority.paired"
                elif i in gapped:
                    seat, holder, rule = gapped[i], "", "majority.gapped"
                else:
                    seat, holder = self.seat(self.sent[i])
                    rule = kinds[i]
                if (seat or holder) and years[i]:
                    rule += ".known_seat" if holder else ""
                    found.append((rule, seat, years[i], _value(self.sent[i]), holder))
        return found

    def earlier_from(self, kinds, years, stated) -> None:
        """In "cut her majority from M to N", with no year of its own, M is the majority at the
        election before N's."""
        for i in kinds:
            for start in self.sent[i].children:
                if start.dep_ == "quantmod" and start.i in kinds and start.i not in stated:
                    years[start.i] = _previous_election(years[i])  # a range "M to N"
            dep, head = self.attachment(self.sent[i])
            if i in stated or dep != "pobj" or head.lower_ != "from":
                continue
            for j in kinds:
                other_dep, other = self.attachment(self.sent[j])
                ending = other_dep == "pobj" and other.lower_ in {"to", "into"}
                if ending and other.head == head.head:
                    years[i] = _previous_election(years[j])

    def attachment(self, number):
        """(relation, head) of a number. A noun with two numeric modifiers is misread: in
        "had been 4,287 two years earlier" the figure stands where the noun stands."""
        head = number.head
        if number.dep_ == "quantmod" and _value(head):
            return self.attachment(head)  # "from M to N" read as one range
        if self.defined(number):
            return "appos", self.defined(number)
        if number.dep_ == "nummod" and any(
            child.dep_ == "nummod" and child.i > number.i for child in head.children
        ):
            governor = head.head
            while governor.pos_ not in {"VERB", "AUX", "ADP"} and governor.head != governor:
                governor = governor.head
            return ("pobj" if governor.pos_ == "ADP" else "attr"), governor
        return number.dep_, head

    def defined(self, number):
        """For a figure that opens its line, a dash then saying what it is, as in a list of
        figures ("N - X's majority in U"): the noun that says it (the first that heads its
        phrase after the dash), else None."""
        after = self.sent[number.i + 1 : number.i + 2]
        if number.i != 0 or len(after) != 1 or after[0].text not in _DASHES:
            return None
        rest = self.sent[number.i + 2 :]
        heads = [t for t in rest if t.head.i <= after[0].i or t.head == t]
        return next((t for t in heads if t.pos_ in {"NOUN", "PROPN"}), None)

    def path(self, number) -> list:
        """The number and its heads up to the root, as `attachment` reads them."""
        head = self.attachment(number)[1]
        return [number, *([head, *head.ancestors] if head != number else [])]

    def kind(self, number) -> str:
        """The rule that makes `number` a majority, or ""."""
        dep, head = self.attachment(number)
        lemma = head.lemma_.lower()
        if self.tally(number) or (lemma == "vote" and self.tally(head)):
            return ""
        if dep in {"nummod", "appos", "compound", "npadvmod", "amod", "conj"} and (
            lemma in self.margins
        ):
            return "majority.noun"
        modifier = head.dep_ in {"compound", "amod", "nmod", "nummod"}
        if lemma == "vote" and modifier and head.head.lemma_.lower() in self.margins:
            return "majority.noun"  # an N-vote majority
        if lemma == "vote" and dep == "nummod":
            # "N votes" stands where the number would: "by N votes", "the margin was N votes"
            return self.vote_margin(number, head) or self.kind_at(number, head.dep_, head.head)
        return self.kind_at(number, dep, head)

    def kind_at(self, number, dep, head) -> str:
        if dep == "pobj" and head.pos_ == "ADP":
            return self.after_preposition(number, head)
        if dep in {"attr", "dobj", "oprd", "npadvmod", "advmod", "acomp"} and self.margin_clause(
            head
        ):
            return "majority.copula"
        if dep == "conj" and head.i != number.i and _value(head) and not _is_year(head):
            return self.kind(head)
        if dep == "appos" and head.i != number.i:
            # "the majority was the smallest: N", "one of the smallest majorities: N"
            of = [g for c in head.children if c.lower_ == "of" for g in c.children]
            if any(g.lemma_.lower() in self.margins for g in of) or self.named_before_colon(number):
                return "majority.noun"
            return self.kind_at(number, head.dep_, head.head)
        return ""

    def named_before_colon(self, number) -> bool:
        """ "X sits on one of the smallest majorities in the country: N": a figure just after
        a colon whose clause ends on a margin noun, however the parse hangs the figure."""
        if number.i == 0 or self.sent[number.i - 1].text != ":":
            return False
        for token in reversed(self.sent[: number.i - 1]):
            if token.pos_ in {"VERB", "AUX"}:
                return False
            if token.lemma_.lower() in self.margins:
                return True
        return False

    def vote_margin(self, number, votes) -> str:
        """A margin in votes: "by N votes" (not a tally "N votes to M"), "N votes ahead"."""
        if self.tally(votes) or self.tally(number):
            return ""
        if votes.dep_ == "pobj" and votes.head.lower_ == "by":
            return "majority.by_votes"
        near = [votes.head, *votes.children, *votes.head.children]  # ahead: on N or its verb
        if any(t.lower_ in lemma_class("ahead_words") for t in near):
            return "majority.ahead"
        return ""

    def tally(self, token) -> bool:
        """A tally, "N votes to M": a count of votes on each side, not a margin."""
        for child in token.children:
            counted = [
                g for g in child.subtree if g is not child and (_value(g) or g.lemma_ == "vote")
            ]
            if child.dep_ == "prep" and child.lower_ == "to" and counted:
                return True
        after = [t.lower_ for t in self.sent[token.i + 1 : token.i + 4]]
        if after[:1] == ["votes"]:
            after = after[1:]
        return len(after) >= 2 and after[0] == "to" and bool(_FIGURE.fullmatch(after[1]))

    def after_preposition(self, number, preposition) -> str:
        word, governor = preposition.lower_, preposition.head
        lemma = governor.lemma_.lower()
        if word == "of" and lemma in self.margins:
            return "majority.noun"
        if word == "of" and governor.lower_ == "one" and governor.head != governor:
            # "into one of N", "became one of N": "one" stands for the majority
            return self.kind_at(number, governor.dep_, governor.head)
        if word == "by" and _winning(governor):
            return "majority.by"
        if word == "by" and _winning(governor.head):
            return "majority.by"  # "clung on by N": the particle carries the preposition
        if governor.dep_ == "relcl" and governor.head.lemma_.lower() in self.margins:
            # "turned the majority she had won in YEAR into N": the parse hangs "into" on the
            # relative clause; the change is the verb of the majority
            governor = governor.head.head
        if word in {"to", "from", "at", "of", "into"} and self.margin_clause(governor):
            return "majority.change"
        return ""

    def margin_clause(self, verb) -> bool:
        """Whether `verb` says what a margin is or how it changed: "the majority was",
        "her margin fell", "it stood" (when "it" is the majority just given)."""
        lemma = verb.lemma_.lower()
        if lemma not in lemma_class("change_verbs") | lemma_class("level_verbs"):
            return False
        objects = [t for t in verb.children if t.dep_ == "dobj"]
        if any(t.lemma_.lower() in self.margins for t in objects):
            return True  # "cut her majority to N", "turned a majority of N into M"
        subject = self.subject(verb)
        if subject is None:
            return False
        if subject.lemma_.lower() in self.margins:
            return True
        continuing = subject.lower_ in lemma_class("anaphors") and subject.head.i > subject.i
        if continuing and (self.follows or self.margin_before(subject)):
            return True
        # "..., and X's in U was N": an owner standing for its margin
        elided = any(t.dep_ == "case" for t in subject.children)
        return elided and self.margin_before(subject)

    def margin_before(self, token) -> bool:
        return any(t.lemma_.lower() in self.margins for t in self.sent[: token.i])

    def follows_on(self, number, kinds) -> bool:
        """A number coordinated with a majority, or the "from M" / "after M" in the clause of
        one ("up from M", "down from M", "after M in YEAR")."""
        if not kinds:
            return False
        dep, head = self.attachment(number)
        if dep == "conj" and head.i in kinds:
            return True
        if dep == "pobj" and head.dep_ == "conj" and head.pos_ == "ADP":
            # "by N in YEAR and by M in YEAR2": the same preposition, coordinated
            before = [self.preposition_of(self.sent[i]) for i in kinds if i < number.i]
            return any(p is not None and p.lower_ == head.lower_ for p in before)
        if self.elided(number, dep, head):
            around = {head.i, *(t.i for t in head.ancestors)}
            return any(around & {t.i for t in self.path(self.sent[i])} for i in kinds)
        if any(t.lower_ in lemma_class("multipliers") for t in number.children):
            # "MULTIPLIER the M she had": a figure compared with the majority
            # (the parse may read the M as a modifier of the noun after it)
            near = {head.i, head.head.i}
            return any(near & {t.i for t in self.path(self.sent[i])} for i in kinds)
        if dep != "pobj" or head.lower_ not in lexicon()["follow_on_prepositions"]:
            return False
        governors = {head.head, *head.head.ancestors}
        return any(
            self.sent[i] in governors or governors & set(self.sent[i].ancestors) for i in kinds
        )

    def preposition_of(self, number):
        """The preposition a majority hangs from ("by N", "by N votes"), or None."""
        return next((t for t in self.path(number)[1:] if t.pos_ == "ADP"), None)

    def elided(self, number, dep, head) -> bool:
        """A figure in a clause whose verb is left out, read by the parse as a conjunct of
        the verb ("had a majority of N in YEAR, and M in YEAR2") or as a modifier of the
        word before it ("was N, and in YEAR M", "X's in U was N and Y's in W M"): a numeral
        that counts a noun stands before it."""
        if dep == "conj":
            return head.pos_ in {"VERB", "AUX"}
        return dep == "nummod" and head.i < number.i and head.pos_ in {"PROPN", "NUM"}

    def counts_other(self, number) -> bool:
        """A number that counts or measures something else: a share, members, money."""
        other = lemma_class("not_margin")
        near = [number.nbor(1)] if number.i + 1 < len(self.sent) else []
        if number.i > 0:
            near.append(number.nbor(-1))
        if any(t.lemma_.lower() in other and t.lemma_.lower() != "vote" for t in near):
            return True
        dep, head = self.attachment(number)
        lemma = head.lemma_.lower()
        if dep not in {"nummod", "compound", "quantmod"} or lemma not in other:
            return False
        if lemma == "vote":  # "by N votes", "the margin was N votes": margins; "N votes" alone: not
            return not self.kind(number)
        return True

    def hedged(self, number) -> bool:
        """Under a negation, a hedge or a denial on the way from the number to the root. The
        way stops at a subject: in "her majority of N is not safe" the majority is given,
        only its safety denied."""
        doubtful = lemma_class("negations") | lemma_class("hedges") | lemma_class("denials")
        words = [t for t in self.sent if t.pos_ != "PROPN"]
        if any(t.lemma_.lower() in lemma_class("denials") for t in words):
            return True
        below = None
        for node in self.path(number):
            if below is not None and (below.dep_ in _SUBJECTS or self.apart(below, node)):
                return False
            if node is not number and node.pos_ != "PROPN" and node.lemma_.lower() in doubtful:
                return True
            for child in node.children:
                if child.dep_ in {"neg", "aux", "advmod", "mark", "det", "auxpass"} and (
                    child.lemma_.lower() in doubtful or child.lower_ in doubtful
                ):
                    return True
            below = node
        return False

    def apart(self, below, node) -> bool:
        """Whether the way up leaves what `below` says for a clause that does not govern it:
        a noun's relative clause or apposition ("not standing in U, a seat he held by N"),
        or a clause after a colon or semicolon that the parse hangs on the verb of the clause
        before (a label before a colon, "Claim: ...", still governs what follows)."""
        if below.dep_ in {"relcl", "acl", "appos"} and node.pos_ in {"NOUN", "PROPN", "PRON"}:
            return True
        start = below.left_edge.i
        clause = below.dep_ in {"ccomp", "conj", "parataxis", "advcl"}
        after_stop = start > 0 and self.sent[start - 1].text in {":", ";"}
        return clause and after_stop and node.pos_ in {"VERB", "AUX"}

    # --- lists ---

    def groups(self, indices: list[int]) -> list[list[int]]:
        """Majorities in one coordinated list together, others alone, in text order."""
        owner = {}
        for i in indices:
            token = self.sent[i]
            root = token
            while root.dep_ == "conj" and root.head.i != root.i:
                root = root.head
            if root.lemma_.lower() in self.margins:
                firsts = [j for j in indices if self.sent[j].head.head == root]
                root = self.sent[firsts[0]] if firsts else root
            owner.setdefault(root.i, []).append(i)
        return sorted((sorted(group) for group in owner.values()), key=lambda g: g[0])

    def gapped(self, kinds) -> dict[int, str]:
        """Seats for majorities in gapped coordination, where one verb takes the same
        preposition twice ("held A by N and B by M", "X was returned with a majority of N
        and Y with one of M"): the seats (or MPs) its clause names, in order."""
        under: dict[tuple[int, str], list[int]] = {}
        for i in kinds:
            path = self.path(self.sent[i])
            for below, node in zip(path, path[1:], strict=False):
                if below.dep_ == "prep" and node.pos_ in {"VERB", "AUX"}:
                    under.setdefault((node.i, below.lower_), []).append(i)
                    break
        found = {}
        for (verb, _), numbers in under.items():
            if len(numbers) < 2:
                continue
            span = {t.i for t in self.sent[verb].subtree}
            named = [m for i, m in sorted(self.mention_at.items()) if i in span]
            for kind in ("constituency", "person"):
                mentions = [m for m in named if m.kind == kind]
                seats = [
                    m.name if kind == "constituency" else self.seat_of(m.name)[0] for m in mentions
                ]
                if len(seats) == len(numbers) and all(seats) and len(set(seats)) == len(seats):
                    found.update(zip(sorted(numbers), seats, strict=True))
                    break
        return found

    def paired_seats(self, group: list[int]) -> list[str] | None:
        """The seats of a list the same length as `group`, in order: seats named in a
        coordinated list, else MPs named in one ("A and B hold X and Y by N and M")."""
        for kind in ("constituency", "person"):
            for i, mention in self.mention_at.items():
                if mention.kind != kind or self.sent[i].dep_ == "conj":
                    continue
                members = [i] + [t.i for t in self.sent[i].conjuncts if t.i in self.mention_at]
                if len(members) != len(group):
                    continue
                mentions = [self.mention_at[j] for j in sorted(members)]
                if kind == "constituency":
                    return [m.name for m in mentions]
                seats = [self.doc.seat(m.name) for m in mentions]
                if all(seats):
                    return seats
        return None

    # --- years ---

    def year(self, number, years: dict[int, int]) -> int:
        """The election year the parse gives the majority `number`, nearest attachment
        first; 0 if none."""
        path = self.path(number)
        if self.misread_count(number):
            # "N two years later": the relative year hangs on the number itself
            relative = self.relative_year(number.head.head, path, years)
            if relative:
                return _election(relative)
        end = self.end_point(number)
        for below, node in zip([None, *path], path, strict=False):
            if below is not None and _is_year(node) and _dated_by(below, number):
                return _election(int(node.text))
            candidates = []
            for child in [node, *node.children]:
                if child is not node and child in path:
                    continue
                candidates += self.years_at(child, node)
            if end is not None and node == end.head:
                # "turned M in YEAR into N": a year between M and "into" is M's
                starts = [j for j in years if self.starts_at(self.sent[j], node)]
                if node.dep_ == "relcl" and node.head.lemma_.lower() in self.margins:
                    starts.append(node.head.i)  # "cut the majority she won in YEAR to N"
                if starts:
                    candidates = [c for c in candidates if not min(starts) < c[0] < end.i]
            relative = self.relative_year(node, path, years)
            if candidates:
                # nearest; on a tie the year after the figure ("from N in 2015 to M in 2017")
                year = min(candidates, key=lambda p: (abs(p[0] - number.i), p[0] < number.i))[1]
                return _election(year)
            if relative:
                return _election(relative)
        return 0

    def misread_count(self, number) -> bool:
        """Whether the parse reads N in "N two years later" as a count of the years."""
        head = number.head
        return (
            number.dep_ == "nummod"
            and head.lemma_ == "year"
            and any(c.dep_ == "nummod" and c.i > number.i for c in head.children)
        )

    def verb_of(self, number):
        """The first verb on the way up from `number` (the clause it belongs to), or None."""
        verbs = [t for t in self.path(number) if t.pos_ in {"VERB", "AUX"}]
        return verbs[0] if verbs else None

    def starts_at(self, start, node) -> bool:
        """Whether the majority `start` belongs to the clause of `node`: `node` is its verb,
        or a relative clause on its noun ("the M majority she had won in YEAR")."""
        if self.verb_of(start) == node:
            return True
        return node.dep_ == "relcl" and node.head.i in {t.i for t in self.path(start)}

    def end_point(self, number):
        """The preposition "into" or "to" that makes `number` the end of a change ("into
        N", "into one of N", "to N"), or None."""
        dep, head = self.attachment(number)
        if dep != "pobj":
            return None
        if head.lower_ == "of" and head.head.lower_ == "one" and head.head.dep_ == "pobj":
            head = head.head.head
        return head if head.lower_ in {"into", "to"} else None

    def years_at(self, child, node) -> list[tuple[int, int]]:
        """(token index, year) that `child` of `node` gives: "in 2017", "2015 majorities",
        "at the 2015 election", "when she won it in 2010" (never "since 2010")."""
        if child is node:
            return [
                (t.i, int(t.text))
                for t in node.children
                if _is_year(t) and t.dep_ in {"nummod", "compound", "amod", "npadvmod"}
            ]
        if child.dep_ == "prep" and child.lower_ in _YEAR_PREPOSITIONS:
            found = []
            for object_ in child.children:
                if object_.dep_ != "pobj":
                    continue
                if _is_year(object_):
                    found.append((object_.i, int(object_.text)))
                found += [(t.i, int(t.text)) for t in object_.children if _is_year(t)]
                if not found and self.latest_election(object_):
                    found.append((object_.i, self.doc.last_election()))
            return found
        if child.dep_ in {"nsubj", "nsubjpass"} and child.lemma_.lower() in self.margins:
            # "her majority at the YEAR election was N", "the YEAR majority was N"
            return self.years_at(child, child) + [
                y for grand in child.children for y in self.years_at(grand, child)
            ]
        # "the majority he won in YEAR", "the N he had in YEAR"
        noun = node.lemma_.lower() in self.margins or _value(node) or _counted(node)
        clause = child.dep_ in {"relcl", "acl"} and noun
        if clause or (child.dep_ == "advcl" and _temporal(child)):
            return [y for grand in child.children for y in self.years_at(grand, child)]
        return []

    def latest_election(self, noun) -> bool:
        """ "the last election", "the most recent general election": the latest before the
        story, when the story's date can be told."""
        return (
            bool(self.doc.last_election())
            and lemma(noun) in lemma_class("election_nouns")
            and any(
                c.dep_ == "amod" and lemma(c) in lemma_class("latest_words") for c in noun.children
            )
        )

    def relative_year(self, node, path, years: dict[int, int]) -> int:
        """The year "two years earlier", "four years later" or "two years ago" attached to `node`
        (the parse may hang the years on the adverb, or the adverb on the years)."""
        words = lexicon()
        for child in node.children:
            if child in path:
                continue
            if child.lemma_ == "year" and self.same_year(child):
                return self.year_named_before(child)
            pairs = [(child, unit) for unit in child.children if unit.lemma_ == "year"]
            if child.lemma_ == "year":
                pairs += [(adverb, child) for adverb in [node, *child.children]]
            for adverb, unit in pairs:
                word = adverb.lower_
                sign = (word in words["after_words"]) - (word in words["before_words"])
                ago = word in words["ago_words"]
                counts = [words["number_words"].get(t.lower_, 0) for t in unit.children]
                count = max(counts, default=0)
                if not (sign or ago) or not count:
                    continue
                if ago:
                    written = self.doc.story_date()
                    return written.year - count if written else 0
                earlier = [y for i, y in years.items() if i < path[0].i]
                base = earlier[-1] if earlier else self.last_year
                if base:
                    return base + sign * count
        return 0

    def same_year(self, unit) -> bool:
        """ "that year", "the same year": the year just named."""
        return any(t.lower_ in lemma_class("same_time_words") for t in unit.children) and not any(
            t.dep_ == "nummod" for t in unit.children
        )

    def year_named_before(self, token) -> int:
        """The last year named before `token`, in its sentence or the one before; 0 if none."""
        before = self.sent[: token.i].text
        if self.position > 0:
            before = self.doc.views[self.position - 1].sentence.text + " " + before
        named = _YEAR_IN_TEXT.findall(before)
        return int(named[-1]) if named else 0

    # --- seats ---

    def seat(self, number) -> tuple[str, str]:
        """(seat, holder) for the majority `number`: the nearest seat attached on the
        way up the tree, or the seat of the MP attached there; else the sentence's only seat,
        the seat of the person it names, or the seat of the majority before. An MP whose
        seat the article does not give is the holder, if no seat is found at all; the owner
        of the figure itself ("Y's M") settles it."""
        owners = [c for c in number.children if c.dep_ == "poss"]
        if owners and (owners[0].i in self.mention_at or owners[0].pos_ == "PROPN"):
            return self.seat_of_token(owners[0])  # "..., Y's M": Y's seat, or none
        path = self.path(number)
        holder = ""
        for node in path:
            found = [self.seat_of_token(node)]
            found += [self.seat_of_child(child) for child in node.children if child not in path]
            found.append((self.participle_seat(node), ""))
            for seat, person in found:
                if seat:
                    return seat, person
                holder = holder or person
        seat, person = self.fallback_seat()
        return (seat, person) if seat else ("", holder or person)

    def participle_seat(self, verb) -> str:
        """The seat a passive participle without a subject is about: the one named just
        before it ("..., U, held by X with a majority of N"), however the parse hangs it."""
        passive = verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl", "relcl"}
        if not passive or any(c.dep_ in _SUBJECTS for c in verb.children):
            return ""
        start = verb.left_edge.i
        if start > 0 and self.sent[start - 1].is_punct:
            start -= 1
        named = [self.mention_of(t) for t in self.sent[max(0, start - 1) : start]]
        return next((m.name for m in named if m is not None and m.kind == "constituency"), "")

    def seat_of_child(self, child) -> tuple[str, str]:
        holder = ""
        if child.dep_ in {"poss", "nsubj", "nsubjpass", "dobj", "compound", "appos", "npadvmod"}:
            seat, holder = self.seat_of_token(child)
            if seat:
                return seat, holder
            for place in child.children:  # "X's in U was N"
                if place.dep_ == "prep" and place.lower_ in _PLACE_PREPOSITIONS:
                    found = self.seat_of_child(place)
                    if found[0]:
                        return found
            if child.lower_ in self.pronouns or child.lemma_.lower() == "mp":
                return self.seat_of(self.antecedent(child))
        if child.lower_ in _PLACE_ADVERBS:
            named = [m for i, m in self.mention_at.items() if i < child.i]
            seats = [m.name for m in named if m.kind == "constituency"]
            if seats:
                return seats[-1], ""
            return recent_constituency(self.doc, self.view), ""
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPOSITIONS | {"by"}:
            for object_ in child.children:
                found = self.seat_of_token(object_)
                if any(found) and (child.lower_ != "by" or object_.i in self.mention_at):
                    return found
        return "", holder

    def antecedent(self, token) -> str:
        """Who a pronoun stands for: the person named last before it in the sentence, else
        the person the sentences before are about (`earlier_person`)."""
        people = [
            m.name
            for i, m in sorted(self.mention_at.items())
            if i < token.i and m.kind == "person" and not self.doc.in_quote(m.start)
        ]
        return people[-1] if people else self.earlier_person()

    def earlier_person(self) -> str:
        """The person the nearest earlier sentence naming one is about: its first person
        named outside a possessive, else its first possessor ("X's margins were thin. In
        YEAR he won by N")."""
        for index in range(self.position - 1, max(-1, self.position - 4), -1):
            people = [
                m
                for m in self.doc.views[index].mentions
                if m.kind == "person" and not self.doc.in_quote(m.start)
            ]
            if people:
                plain = [m for m in people if not m.possessive]
                return (plain or people)[0].name
        return ""

    def fallback_seat(self) -> tuple[str, str]:
        mentions = self.view.mentions
        seats = {m.name for m in mentions if m.kind == "constituency"}
        seats |= {m.constituency for m in mentions if m.kind == "org" and m.constituency}
        if len(seats) == 1:
            return seats.pop(), ""
        people = [m.name for m in mentions if m.kind == "person" and not self.doc.in_quote(m.start)]
        if not people and any(t.lower_ in self.pronouns for t in self.sent):
            people = [self.earlier_person()]
        holders = []
        for person in people:
            seat, holder = self.seat_of(person)
            if seat:
                return seat, holder
            holders.append(holder)
        if not seats and any(
            t.lemma_ in {"seat", "constituency"} or t.lower_ in _PLACE_ADVERBS for t in self.sent
        ):
            recent = recent_constituency(self.doc, self.view) or self.doc.focus_seat()
            if recent:
                return recent, ""
        if not seats and not any(holders) and self.follows and self.last_seat:
            return self.last_seat, ""  # not when it names an MP of another seat
        return "", next(filter(None, holders), "")


def _winning(verb) -> bool:
    """A winning verb, by its lemma or its form (the lemmatiser may take "scraped" for a
    form of "scrap")."""
    words = lemma_class("winning_verbs")
    return verb.lemma_.lower() in words or verb.lower_ in cue_forms("winning_verbs")


def _temporal(clause) -> bool:
    return any(t.lower_ in _TIME_WORDS for t in clause.children)


def _dated_by(below, number) -> bool:
    """Whether a year is the date of what hangs below it: the figure itself ("in YEAR N",
    its verb left out) or a clause "when ..." ("in YEAR, when she won by N")."""
    return below == number or (below.dep_ in {"relcl", "advcl", "acl"} and _temporal(below))


def _counted(noun) -> bool:
    """Whether a figure is read as a numeric modifier of `noun`: in "the N X secured in
    YEAR" the parse may take the figure for a count of X, and the clause is the figure's."""
    return any(c.dep_ == "nummod" and _value(c) and not _is_year(c) for c in noun.children)


def _previous_election(year: int) -> int:
    earlier = [y for y in gazetteer.election_years() if y < year]
    return earlier[-1] if earlier else year


def _election(year: int) -> int:
    """The general election a year names: itself, or the nearest one."""
    years = gazetteer.election_years()
    return year if year in years else min(years, key=lambda y: abs(y - year))
