"""Seat rules: who is the sitting MP for which constituency -> `SeatFact`, read from the parse.

A sentence is parsed only when it names a person (or has a pronoun or an office noun) and
a seat (or falls under a seat's heading, or has a seat noun). In the parse a person and a
seat are tied by:
- an office noun ("MP") with the seat attached ("the MP for U", "U MP", "U's MP") and the
  person as its compound, apposition or copular subject ("U MP X", "X, the MP for U",
  "X is the MP for U", "X, who is the MP for U");
- a representing verb with the person as agent and the seat as patient, in either voice
  and through relative clauses on either ("X represents U", "X, who has sat for U",
  "U, held by X", "U, which X has held", "the seat X held"), or an electing verb the
  other way round ("U returned X");
- a verb whose object is the seat its subject holds, true even when urged or denied ("X
  will not be defending U");
- a possessive ("X's U", "U's X", "X's U seat", "X's majority in U", "X's CLP, U"), the
  seat noun's "of" ("the seats of A and B") or an apposition or bracket ("X (U)", "U (X)");
- a margin owned by the person in the seat ("X has a majority of N in U", "X beat Labour
  in U", "X held on by N votes in U");
- a challenge to the person in the seat ("to unseat X in U", "to take on X in U").
Coordinated lists pair in order when they are the same length ("A and B, the MPs for C
and D respectively"). A seat noun or office noun with no seat of its own ("the seat",
"its MP") takes the seat that scopes it: a fronted place ("In U, ..."), a "where" clause
on a seat, the section heading, else the story's one seat. A pronoun or "the MP" stands
for the person named last (`Clause.antecedent`), and "the U MP" with no name for the
subject of the sentences before.

Nothing is read from a place named in passing, a candidacy, a "former" MP, a person or
place inside a quotation, or a representing verb under a negation, a hedge or a denial
(`Clause.doubted`). The first seat found for a person wins; `Document.seat_of` and
`Document.seat_evidence` keep it for the later rules.
"""

import re
from functools import cache

from ..document import Document
from ..facts import SeatFact
from ..mentions import SentenceView
from ..parse import cue_forms, lemma_class, lexicon
from .common import BULLETS, is_bulleted
from .syntax import SUBJECTS, Clause, clause_head, lemma

_WORD = re.compile(r"[a-z'-]+")
_PLACEHOLDER = re.compile(r"\{[CP]\d+\}")
_ROW_WORDS = re.compile(r"[A-Za-z]+")
_ROW = re.compile(r"[\s\-–—:;|/(),•*.\d]*")
_NOUN_LINKS = {"appos", "compound", "nmod", "poss", "amod"}


def wanted(doc: Document) -> list[int]:
    """The sentences this module reads from the parse: those that may tie a person to a
    seat."""
    return [p for p, view in enumerate(doc.views) if _may_hold(doc, view, p)]


def seat_facts(doc: Document) -> list[SeatFact]:
    found: list[SeatFact] = []
    positions = wanted(doc)
    parsed = doc.parses(positions)
    readings = [_Reading(doc, p, parsed[p]) for p in positions]
    for position, view in enumerate(doc.views):
        found += _row(doc, view) + _label(doc, view, position)
    # Ties read from one sentence first, then those that lean on context.
    for weak in (False, True):
        for reading in readings:
            for rule, person, seat in reading.pairs(weak):
                found += _record(doc, rule, reading.view, person, seat, weak)
    return found


def _record(doc, rule, view, person, seat, weak) -> list[SeatFact]:
    if not person or not seat or person in doc.seat_of:
        return []
    if weak and doc.holder_of(seat):
        return []
    doc.seat_of[person] = seat
    span = doc.sentence_span(view)
    doc.seat_evidence[person] = (span,)
    return [SeatFact(rule, (span,), person, seat)]


def _label(doc: Document, view: SentenceView, position: int) -> list[SeatFact]:
    """A labelled line of a fact box under a seat's heading: an office noun, perhaps with
    one word before it that is not "former", a colon and a person, nothing else
    ("U (COUNTY)" / "MP: X", "Sitting MP: X")."""
    seat = doc.section_seat(position)
    match = _LABEL.fullmatch(view.template)
    if not seat or not match or match.group(2).lower() not in lemma_class("office_nouns"):
        return []
    if (match.group(1) or "").lower() in lemma_class("former_words"):
        return []
    person = view.mentions[0].name
    return _record(doc, "seat.label", view, person, seat, False)


def _row(doc: Document, view: SentenceView) -> list[SeatFact]:
    """A row of a list or table, not a sentence: a seat and its MP and nothing else but
    figures and a margin noun ("U - X - N", "X, U: a majority of N")."""
    mentions = view.mentions
    kinds = sorted(m.kind for m in mentions)
    if kinds != ["constituency", "person"] or any(doc.in_quote(m.start) for m in mentions):
        return []
    rest = _PLACEHOLDER.sub(" ", view.template)
    words = set(_WORD.findall(rest.lower())) - {"-"}
    if words - lemma_class("margin_nouns") - {"a", "of", "majority", "majorities"}:
        return []
    if not re.search(r"\d", rest) or not _ROW.fullmatch(_ROW_WORDS.sub(" ", rest)):
        return []
    person = next(m.name for m in mentions if m.kind == "person")
    seat = next(m.name for m in mentions if m.kind == "constituency")
    return _record(doc, "seat.row", view, person, seat, False)


_LABEL = re.compile(r"\W*(?:([A-Za-z-]+)\s+)?([A-Za-z]+)\s*:\s*\{P0\}\W*")


def _may_hold(doc: Document, view: SentenceView, position: int) -> bool:
    """Whether the sentence can tie a person to a seat, tested on its mentions and words
    before any parse: it must name (or refer to) a person and a seat, and hold a cue that
    some tie below reads."""
    mentions = [m for m in view.mentions if not doc.in_quote(m.start)]
    kinds = {m.kind for m in mentions}
    words = _WORD.findall(view.sentence.text.lower())
    vocabulary = set(_as_seats(words))
    person = "person" in kinds or bool(vocabulary & _referring_forms())
    body = any(m.constituency for m in mentions)
    named = "constituency" in kinds or body
    heading = bool(doc.section_seat(position))
    if not (person and (named or heading or vocabulary & _seat_forms() or _holds_it(words))):
        return False
    return bool(
        vocabulary & _cue_forms()
        or _seats_named(words)
        or ((named or heading) and set(words) & cue_forms("removal_words"))
        or _office_cue(words)
        or any(_possessive(view, m) for m in mentions if m.kind in {"person", "constituency"})
        or _adjacent(view, mentions)
        or _leaves_seat(view, mentions)
    )


def _referring_forms() -> frozenset[str]:
    """Words that may stand for one person named elsewhere: a pronoun, "the MP"."""
    return cue_forms("personal_pronouns") | lemma_class("office_nouns")


def _seat_forms() -> frozenset[str]:
    """Words that may stand for a seat named elsewhere: a seat noun, "the MP"."""
    return cue_forms("constituency_nouns") | lemma_class("office_nouns")


def _as_seats(words: list[str]) -> list[str]:
    """The words, less seat nouns that only modify a body ("the constituency party") and
    plural office nouns without "for" ("NUMBER MPs"), which name no one seat."""
    seats = cue_forms("constituency_nouns")
    plural = cue_forms("office_nouns") - lemma_class("office_nouns")
    kept = []
    for word, after in zip(words, [*words[1:], ""][: len(words)], strict=True):
        if word in seats and after in lemma_class("body_nouns"):
            continue
        if word in plural and after != "for":
            continue
        kept.append(word)
    return kept


def _possessive(view: SentenceView, mention) -> bool:
    """A mention marked as a possessor ("X's", "U's")."""
    after = view.sentence.text[mention.end - view.sentence.start :][:2]
    return mention.possessive or after[:1] in {"'", "’"} and after[1:] in {"s", ""}


def _seats_named(words: list[str]) -> bool:
    """A plural seat noun that names its seats or whose seats they are: "the seats of A
    and B", "those seats", "their seats"."""
    plurals = cue_forms("constituency_nouns") - lemma_class("constituency_nouns")
    owners = {"those", "these"} | lemma_class("collective_pronouns")
    for before, word, after in zip(["", *words[:-1]], words, [*words[1:], ""], strict=True):
        if word in plurals and (after in {"of", "held"} or before in owners):
            return True
    return False


def _holds_it(words: list[str]) -> bool:
    """A holding verb with "it" for its object ("who has held it"), "it" a seat before."""
    holding = cue_forms("seat_holding_verbs")
    return any(
        word in holding and after == "it" for word, after in zip(words, words[1:], strict=False)
    )


def _office_cue(words: list[str]) -> bool:
    """An office noun that names a seat only with "for" after it ("member for U")."""
    return any(
        word in {"member", "members"} and following == "for"
        for word, following in zip(words, words[1:], strict=False)
    )


def _adjacent(view: SentenceView, mentions) -> bool:
    """A person and a seat with only punctuation between them ("X (U)", "U - X"), or a
    person placed in a seat by a bare "in" ("X in U")."""
    text, base = view.sentence.text, view.sentence.start
    for first, second in zip(mentions, mentions[1:], strict=False):
        if {first.kind, second.kind} == {"person", "constituency"}:
            gap = _WORD.findall(text[first.end - base : second.start - base].lower())
            if not gap or (first.kind == "person" and gap == ["in"]):
                return True
    return False


def _leaves_seat(view: SentenceView, mentions) -> bool:
    """A verb of incumbency with a seat straight after it ("defending U")."""
    text, base = view.sentence.text.lower(), view.sentence.start
    for mention in mentions:
        if mention.kind == "constituency":
            before = _WORD.findall(text[: mention.start - base])
            if before[-2:][-1:] == ["the"]:
                before = before[:-1]
            if before and before[-1] in cue_forms("incumbency_verbs"):
                return True
    return False


@cache
def _cue_forms() -> frozenset[str]:
    """Word forms that some tie reads: office and seat nouns, representing, electing,
    unseating and winning verbs, margins and results, departures, relative "where"."""
    forms = cue_forms(
        "office_nouns",
        "constituency_nouns",
        "representing_verbs",
        "electing_verbs",
        "unseating_verbs",
        "winning_verbs",
        "margin_nouns",
        "result_nouns",
        "departure_nouns",
        "withdrawing_verbs",  # the first words of "sitting_member_verbs" ("standing down")
        "sitting_member_verbs",
    )
    plurals = cue_forms("constituency_nouns") - lemma_class("constituency_nouns")
    return (forms | {"mps", "where"}) - {"member", "members"} - plurals


def _purpose(verb) -> bool:
    """An infinitive that says what someone is for or aims at ("picked to defend U")."""
    return verb.dep_ in {"xcomp", "advcl", "acl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _count(token) -> int:
    """The number a numeral token says ("three", "3"), else 0."""
    words = lexicon()["number_words"]
    return words.get(token.lower_, 0) or (int(token.text) if token.text.isdigit() else 0)


def _runs(view: SentenceView, mentions) -> list[list[str]]:
    """Mentions in lists: runs joined only by commas and "and"/"or"."""
    runs: list[list[str]] = []
    text, base, previous = view.sentence.text, view.sentence.start, None
    for mention in mentions:
        gap = text[previous.end - base : mention.start - base] if previous else "x"
        if previous and set(_WORD.findall(gap.lower())) <= {"and", "or"} and "." not in gap:
            runs[-1].append(mention.name)
        else:
            runs.append([mention.name])
        previous = mention
    return runs


def _is(token, name: str) -> bool:
    """Whether `token`'s lemma (or a plural's singular, or a verb with its particle) is in
    the lexicon class `name`."""
    words, heads = _class_parts(name)
    word = lemma(token)
    if word in words or word.removesuffix("s") in words:
        return True
    lower = token.lower_
    if lower in words or _misread(token, name):
        return True
    if word not in heads:
        return False
    return any(f"{word} {c.lower_}" in words for c in token.children if c.dep_ in {"prt", "prep"})


_TOKEN_CLASSES = (
    "office_nouns",
    "constituency_nouns",
    "margin_nouns",
    "result_nouns",
    "departure_nouns",
    "removal_words",
    "representing_verbs",
    "incumbency_verbs",
    "electing_verbs",
    "unseating_verbs",
    "winning_verbs",
    "sitting_member_verbs",
)
_VERB_CLASSES = frozenset(_TOKEN_CLASSES[6:])


def _classes_of(token) -> frozenset[str]:
    """The classes of `_TOKEN_CLASSES` that `token` belongs to (see `_is`)."""
    index, heads = _class_index()
    word = lemma(token)
    found = index.get(word, _NONE) | index.get(word.removesuffix("s"), _NONE)
    found |= index.get(token.lower_, _NONE)
    if token.i >= 2 and token.nbor(-1).text == "-":  # a hyphenated word split in two
        joined = f"{token.nbor(-2).lower_}-{word}"
        found |= index.get(joined, _NONE) | index.get(joined.removesuffix("s"), _NONE)
    if word in heads:
        found |= frozenset(name for name in heads[word] if _is(token, name))
    return found | frozenset(name for name in _VERB_CLASSES if _misread(token, name))


def _misread(token, name: str) -> bool:
    """A verb the lemmatizer did not know, whose form is a regular inflection of a member
    of the class `name` ("reselected" lemmatized as "reselecte")."""
    return (
        token.pos_ == "VERB"
        and lemma(token) not in _class_index()[0]
        and token.lower_ in cue_forms(name)
    )


_NONE: frozenset[str] = frozenset()


@cache
def _class_index() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Word -> the classes it is in; first word of a longer entry -> its classes."""
    index: dict[str, set[str]] = {}
    heads: dict[str, set[str]] = {}
    for name in _TOKEN_CLASSES:
        for entry in lemma_class(name):
            index.setdefault(entry, set()).add(name)
            if " " in entry:
                heads.setdefault(entry.split()[0], set()).add(name)
    return (
        {k: frozenset(v) for k, v in index.items()},
        {k: frozenset(v) for k, v in heads.items()},
    )


@cache
def _class_parts(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """A lexicon class, and the first words of its entries of more than one word."""
    words = lemma_class(name)
    return words, frozenset(w.split()[0] for w in words if " " in w)


class _Reading(Clause):
    """One parsed sentence that may tie people to seats."""

    def pairs(self, weak: bool) -> list[tuple[str, str, str]]:
        """(rule, person, seat) for each tie in the sentence: strong ones (the sentence
        names both) or weak ones (the seat or the person comes from context)."""
        self.weak = weak
        found: list[tuple[str, str, str]] = []
        for token, classes in self.cued():
            noun = token.pos_ in {"NOUN", "PROPN"}
            if "office_nouns" in classes and noun:
                found += self.office(token)
            if classes & _VERB_CLASSES and token.pos_ in {"VERB", "AUX"}:
                found += self.verb(token)
            if "constituency_nouns" in classes and token.pos_ == "NOUN":
                found += self.seat_noun(token)
            if self.possessor(token):
                found += self.possessive(token)
            if token.dep_ == "appos" and not weak:
                found += self.apposition(token)
            if classes & {"margin_nouns", "result_nouns"}:
                found += self.margin(token)
            if "departure_nouns" in classes and token.pos_ == "NOUN":
                found += self.departure(token)
            if "removal_words" in classes and not weak:
                found += self.removal(token)
        if weak:
            for i, mention in sorted(self.mention_at.items()):
                if mention.kind == "person":
                    found += self.placed_person(self.sent[i])
        return found

    def placed_person(self, token) -> list[tuple]:
        """ "X in U, who ...", "X in U and Y in V are fighting as independents": a subject
        placed in a seat by a bare "in", read last and only for a seat with no MP yet. Not
        a person with a title, which may be a candidate's or a member's of any body
        ("councillor X in U", "NEC member X in U"), nor one told of as chosen."""
        mention = self.mention_of(token)
        own = set(self.tokens_of[self.view.mentions.index(mention)])
        titled = any(
            c.dep_ in {"compound", "amod", "appos", "poss"}
            and c.pos_ in {"NOUN", "PROPN", "ADJ"}
            and c.i not in own
            for c in token.children
        )
        if token.dep_ not in SUBJECTS or titled or self.quoted(token) or self.chosen(token):
            return []  # the subject the clause is about, not a name in a list
        places = [
            found.name
            for place in self.prepositional(token, {"in"})
            if (found := self.mention_of(place)) is not None and found.kind == "constituency"
        ]
        return self.paired("seat.placed", [mention.name], places[:1])

    def cued(self) -> list[tuple]:
        """The sentence's tokens outside quotations that a tie may start from, each with
        the lexicon classes it belongs to (worked out once for both passes)."""
        if getattr(self, "_cued", None) is None:
            self._cued = []
            for token in self.sent:
                classes = _classes_of(token)
                if self.quoted(token):
                    classes &= {"removal_words"}
                    if not classes:
                        continue
                if classes or token.dep_ in {"poss", "compound", "nmod", "appos"}:
                    self._cued.append((token, classes))
        return self._cued

    # --- what a token names ---

    def possessor(self, token) -> bool:
        """A possessive, or a name the parse took for a compound because of an unusual
        apostrophe ("X‘s CLP" with a turned comma)."""
        if token.dep_ == "poss":
            return True
        mention = self.mention_of(token)
        return (
            token.dep_ in {"compound", "nmod"}
            and mention is not None
            and mention.kind == "person"
            and mention.possessive
            and self.mention_of(token.head) is not mention
        )

    def resolve(self, token):
        """A relative pronoun stands for the head of its clause ("X, who ...")."""
        if token is not None and lemma(token) in lemma_class("relative_pronouns"):
            for node in token.ancestors:
                if node.dep_ == "relcl":
                    return node.head
        return token

    def listed(self, token, kind: str) -> list[str]:
        """The names of `kind` that `token` and its coordinated words stand for, and the
        rest of a list the parse took for an apposition ("A, B and C" read as A with B
        and C in apposition): an apposition of the same kind that has its own conjuncts."""
        names = [m.name for m in self.named(token, kind)]
        for member in self.members(token):
            for child in member.children:
                if child.dep_ == "appos" and child.conjuncts:
                    more = [m.name for m in self.named(child, kind)]
                    if len(more) > 1:
                        names += [n for n in more if n not in names]
        return names

    def persons(self, token) -> list[str]:
        """The people `token` names, or the person a pronoun or "the MP" stands for; a
        plural pronoun ("they") stands for the last list of people named before it. A
        relative pronoun on a list stands for the members before it ("A and B, who
        represent U and V respectively, and C")."""
        relative, token = token, self.resolve(token)
        if token is None or self.quoted(token):
            return []
        names = self.listed(token, "person")
        if relative is not token:
            before = {m.name for i, m in self.mention_at.items() if i < relative.i}
            names = [n for n in names if n in before]
        if not names and lemma(token) in lemma_class("plural_pronouns"):
            return self.group_before(token)
        if not names and self.refers_back(token) and not self.former(token):
            antecedent = self.antecedent_of(token)
            names = [antecedent] if antecedent else []
        return names

    def group_before(self, token) -> list[str]:
        """The last coordinated list of people named before `token` in the sentence."""
        for i in sorted(self.mention_at, reverse=True):
            mention = self.mention_at[i]
            if i < token.i and mention.kind == "person" and not self.quoted(self.sent[i]):
                first = self.members(self.sent[i])[0]
                group = self.listed(first, "person")
                if len(group) > 1:
                    return group
        return []

    def antecedent_of(self, token) -> str:
        """Who a pronoun or "the MP" stands for: the subject named last before it in the
        sentence (not a name in passing, "with A and B"), else `Clause.antecedent`. After
        an unnamed office for its subject ("their MP ... her seat", "a Labour MP ... his")
        it stands for that office, and so for nobody named."""
        subjects = [
            m.name
            for i, m in sorted(self.mention_at.items())
            if i < token.i
            and m.kind == "person"
            and self.sent[i].dep_ in SUBJECTS
            and not self.quoted(self.sent[i])
        ]
        last = [t for t in self.sent if t.i < token.i and t.dep_ in SUBJECTS][-1:]
        unnamed = last and last[0].i not in self.mention_at and _is(last[0], "office_nouns")
        if unnamed and not self.refers_back(last[0]):
            return ""
        return subjects[-1] if subjects else self.antecedent(token)

    def seats(self, token, bodies: bool = True) -> list[str]:
        """The constituencies `token` names: itself and its coordinated words, or the
        seat of a constituency party (`bodies`)."""
        token = self.resolve(token)
        if token is None or self.quoted(token):
            return []
        names = self.listed(token, "constituency")
        if not names and bodies:
            mention = self.mention_of(token)
            if mention is not None and mention.kind == "org" and mention.constituency:
                names = [mention.constituency]
        if not names and _is(token, "constituency_nouns"):
            names = self.noun_seats(token)
        return names

    def noun_seats(self, noun) -> list[str]:
        """The seats a seat noun stands for: its own ("the U seat", "the seat of U",
        "U, the seat ..."), the list just given ("those seats"), or its context."""
        for child in noun.children:
            if child.dep_ in _NOUN_LINKS - {"poss"} or (
                child.dep_ == "prep" and child.lower_ == "of"
            ):
                targets = [g for g in child.children if g.dep_ == "pobj"] or [child]
                for target in targets:
                    named = [m.name for m in self.named(target, "constituency")]
                    if named:
                        return named
        if noun.dep_ == "appos":
            named = [m.name for m in self.named(noun.head, "constituency")]
            left = self.seat_left_of(noun)
            named = named or ([m.name for m in self.named(left, "constituency")] if left else [])
            if named:
                return named
        if noun.tag_ == "NNS":
            return self.listed_seats(noun)
        if self.weak:
            context = self.context_seat(noun)
            return [context] if context else []
        return []

    def listed_seats(self, noun) -> list[str]:
        """The seats of the last list named before "those seats" (this sentence or the
        two before), for pairing with as many people."""
        if not any(lemma(c) in {"those", "these", "the"} for c in noun.children):
            return []
        count = next((_count(c) for c in noun.children if c.dep_ == "nummod"), 0)
        for back in range(self.position, max(-1, self.position - 3), -1):
            view = self.doc.views[back]
            named = [
                m
                for m in view.mentions
                if m.kind == "constituency" and (back < self.position or m.start < self.start(noun))
            ]
            lists = _runs(view, named)
            if count:  # "those three seats": the last list of three
                lists = [run for run in lists if len(run) == count]
            if lists and len(lists[-1]) > 1:
                return lists[-1]
        return []

    def start(self, token) -> int:
        return self.view.sentence.start + token.idx

    def context_seat(self, token) -> str:
        """The seat that scopes `token`: a "where" clause or a fronted place over it, the
        section heading, else the story's one seat."""
        for node in token.ancestors:
            if node.dep_ == "relcl" and any(lemma(c) == "where" for c in node.children):
                named = self.seats(node.head)
                if len(named) == 1:
                    return named[0]
        return self.scoped_seat() or self.doc.focus_seat() or self.named_before(token)

    def named_before(self, noun) -> str:
        """ "the seat" in a story of many seats: the seat named last, in its sentence or
        the two before."""
        if noun.tag_ != "NN" or not any(c.lower_ == "the" for c in noun.children):
            return ""
        return self.seat_before(noun, 3)

    def scoped_seat(self) -> str:
        """The seat a fronted place, a list item's label or the section heading (a line or
        a run-in head, "U. X ...") sets over the sentence."""
        return self.fronted_place() or self.item_seat() or self.doc.section_seat(self.position)

    def item_seat(self) -> str:
        """The seat that labels a list item: "- U: X, selected in Y's seat"."""
        view = self.view
        first = view.mentions[0] if view.mentions and is_bulleted(view) else None
        if first is None or first.kind != "constituency":
            return ""
        text, base = view.sentence.text, view.sentence.start
        before, after = text[: first.start - base], text[first.end - base :]
        bare = not before.strip(" ".join(BULLETS) + " ")
        return first.name if bare and after.lstrip().startswith(":") else ""

    def fronted_place(self) -> str:
        """ "In U, ...": a place before the main verb scopes its clause."""
        root = next(t for t in self.sent if t.head == t)
        near = [root, *[c for c in root.children if c.dep_ in {"aux", "auxpass"}]]
        for child in [c for node in near for c in node.children]:
            if child.dep_ == "prep" and child.i < root.i and child.lower_ == "in":
                for place in child.children:
                    named = self.seats(place) if place.dep_ == "pobj" else []
                    if len(named) == 1:
                        return named[0]
        return ""

    def unheld(self, noun) -> bool:
        """A seat someone wants or lives in, not one they hold ("his home seat")."""
        return any(_is(c, "unheld_seat_words") for c in noun.children if c.dep_ in _NOUN_LINKS)

    def unheld_office(self, noun) -> bool:
        """An office qualified as another seat's ("neighbouring MP X"): not the MP of the
        seat in scope. The word may hang on the office, on the name it
        titles, or govern that name where the parse took it for a verb."""
        named = noun.head if noun.dep_ == "compound" else noun
        return self.unheld(noun) or self.unheld(named) or _is(named.head, "unheld_seat_words")

    def former(self, token) -> bool:
        return any(
            child.dep_ in {"amod", "advmod", "compound"} and _is(child, "former_words")
            for child in token.children
        ) or token.lower_.startswith("ex-")

    def former_party(self, noun) -> bool:
        """ "the former PARTY MP for U", "ex-PARTY MP X": what the person has left is the
        party named between the word and the office, not the seat."""
        marks = [c.i for c in noun.children if _is(c, "former_words") or c.lower_ == "ex"]
        return any(
            child.i in self.mention_at
            and self.mention_at[child.i].kind == "party"
            and any(mark < child.i for mark in marks)
            for child in noun.children
            if child.dep_ in {"compound", "amod", "nmod"} and child.i < noun.i
        )

    def former_office(self, token) -> bool:
        """ "the former MP X", "ex-minister X": a person named by an office they left."""
        titles = [c for c in token.children if c.dep_ in {"compound", "appos"}]
        return self.former(token) or any(_is(t, "office_nouns") and self.former(t) for t in titles)

    def places_under(self, node, words=frozenset({"in", "for", "at"})) -> list[str]:
        """Seats in "in U"/"for U"/"there" under `node`."""
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in words:
                for place in child.children:
                    if place.dep_ == "pobj":
                        named = self.seats(place) if place.i in self.mention_at else []
                        if named:
                            return named
            if child.dep_ == "agent" and node.pos_ in {"VERB", "AUX"}:
                for measure in child.children:  # "held on by N votes in U"
                    named = self.places_under(measure, words) if measure.dep_ == "pobj" else []
                    if named:
                        return named
            if child.lower_ == "there" and self.weak:
                earlier = [
                    m.name
                    for i, m in sorted(self.mention_at.items())
                    if i < child.i and m.kind == "constituency"
                ]
                if earlier:
                    return earlier[-1:]
        return []

    # --- ties ---

    def office(self, noun) -> list[tuple]:
        """ "X, the MP for U", "U MP X", "U's MP, X", "X is the MP for U", "its MP"."""
        if self.former(noun) and not self.former_party(noun):
            return []
        if self.former(noun.head) and noun.dep_ == "compound":
            return []
        seats = []
        for child in noun.children:
            if child.dep_ in {"compound", "nmod", "poss", "amod"} and child.i < noun.i:
                seats = seats or self.seats(child, bodies=False)
            if child.dep_ == "prep" and child.lower_ in {"for", "of"}:
                for place in child.children:
                    seats = seats or self.seats(place, bodies=False)
        if not seats and noun.dep_ == "compound":
            # "U MP X" parsed flat: U, MP and the first name all modify the surname
            before = [
                c
                for c in noun.head.children
                if c.dep_ in {"compound", "nmod"} and c.i == noun.i - 1
            ]
            seats = self.seats(before[0], bodies=False) if before else []
        if not seats and noun.dep_ == "appos":
            seats = self.hung_for(noun)
        contextual, own = False, bool(seats)
        if not seats:
            seats = self.where_seats(noun) or self.opposed_places(noun)
        if not seats:
            if not self.weak or self.unheld_office(noun):
                return []
            local = [
                c
                for c in noun.children
                if c.dep_ in {"poss", "amod", "det"} and _is(c, "seat_determiners")
            ]
            owner = [c for c in noun.children if c.dep_ == "poss" and _is(c, "constituency_nouns")]
            # "X, the MP, ..." under a seat's heading or a fronted place
            apposed = noun.dep_ == "appos" and any(c.lower_ == "the" for c in noun.children)
            scoped = self.fronted_place() or self.doc.section_seat(self.position)
            # "In U, Labour MP X ...": a fronted place scopes the office its clause names
            titled = noun.dep_ == "compound" and bool(self.fronted_place())
            if not (local or owner or self.under_where(noun) or (apposed and scoped) or titled):
                return []
            its = any(lemma(c) in {"its"} for c in noun.children if c.dep_ == "poss")
            # "U members passed a motion in their MP": the body the clause is about
            collective = any(
                _is(c, "collective_pronouns") for c in noun.children if c.dep_ == "poss"
            )
            seat = (
                (collective and self.subject_seat(noun))
                or (its and self.seat_before(noun))
                or self.context_seat(noun)
            )
            seats, contextual = ([seat] if seat else []), True
        if not seats:
            return []
        people = self.office_holders(noun)
        if not people and noun.dep_ in SUBJECTS and not contextual:
            if not self.weak or any(
                m.kind == "person" for i, m in self.mention_at.items() if i < noun.i
            ):
                return []
            if not any(c.lower_ == "the" for c in noun.children):
                return []
            earlier = self.doc.recent_subject(self.position, include_current=False)
            people = [earlier] if earlier else []
            return [("seat.the_mp", people[0], seats[0])] if people and len(seats) == 1 else []
        if not own:  # "U, where NEC member X is the PARTY candidate": a candidate there
            people = [p for p in people if not self.candidate(p)]
        rule = "seat.context" if contextual else "seat.office"
        return self.paired(rule, people, seats)

    def hung_for(self, noun) -> list[str]:
        """The seat of a "for" phrase just after an apposed office that the parse hung on
        a word above it ("his ally X, MP for U, ..." with "for U" on "ally")."""
        after = noun.right_edge.i + 1
        if after >= len(self.sent):
            return []
        prep = self.sent[after]
        if prep.dep_ != "prep" or prep.lower_ != "for" or not prep.head.is_ancestor(noun):
            return []
        return [s for g in prep.children if g.dep_ == "pobj" for s in self.seats(g, bodies=False)]

    def subject_seat(self, token) -> str:
        """The one seat the subject of `token`'s clause names ("U members", "U's party")."""
        subject = self.subject(clause_head(token))
        named = self.seats(subject) if subject is not None else []
        return named[0] if len(named) == 1 else ""

    def seat_before(self, token, sentences: int = 2) -> str:
        """The seat named last before `token`: in its sentence, else the one (or more)
        before."""
        start = self.start(token)
        for back in range(self.position, self.position - sentences, -1):
            if back < 0:
                break
            named = [
                m.name
                for m in self.doc.views[back].mentions
                if m.kind == "constituency"
                and (back < self.position or m.start < start)
                and not self.doc.in_quote(m.start)
            ]
            if named:
                return named[-1]
        return ""

    def opposed_places(self, noun) -> list[str]:
        """ "against the MP X in U", "against U MP X": the place where one runs against a
        sitting member is that member's seat."""
        holder = noun.head if noun.dep_ == "compound" else noun
        if holder.dep_ != "pobj" or not _is(holder.head, "opposing_prepositions"):
            return []
        apposed = [c for c in holder.children if c.dep_ == "appos"]
        for node in (noun, holder, *apposed, holder.head.head):
            named = self.places_under(node, {"in"})
            if named:
                return named
        return []

    def where_seats(self, token) -> list[str]:
        """The seats a "where" clause over `token` hangs on ("A and B, where ...")."""
        for node in [token, *token.ancestors]:
            if node.dep_ == "relcl" and any(lemma(c) == "where" for c in node.children):
                return self.seats(node.head)
        return []

    def under_where(self, token) -> bool:
        return any(
            node.dep_ == "relcl" and any(lemma(c) == "where" for c in node.children)
            for node in token.ancestors
        )

    def office_holders(self, noun) -> list[str]:
        """The people an office noun is: its compound or apposition, the word it is in
        apposition to, or the other side of its copula."""
        for child in noun.children:
            if child.dep_ in {"appos", "compound"} and child.i > noun.i:
                people = self.persons(child)
                if people:
                    return people
        if noun.dep_ in {"appos", "compound"}:
            people = self.persons(noun.head)
            if len(people) > 1 and noun.tag_ not in {"NNS", "NNPS"} and noun.lower_ != "mps":
                # "A, the MP for U, and B, ...": a singular office is its own head's
                own = self.mention_at.get(noun.head.i)
                people = [own.name] if own is not None and own.kind == "person" else []
            if people:
                return people
            left = self.seat_left_of(noun, "person") if noun.dep_ == "appos" else None
            if left is not None and not self.quoted(left):
                return [self.mention_of(left).name]
        right = self.name_right_of(noun)
        if right:
            return [right]
        if noun.dep_ in {"attr", "nsubj"} and noun.head.pos_ in {"AUX", "VERB"}:
            verb = noun.head
            if lemma(verb) == "be" and not self.doubted(noun, stop_at_subject=False):
                other = {"attr": SUBJECTS, "nsubj": {"attr"}}[noun.dep_]
                for child in verb.children:
                    if child.dep_ in other:
                        people = self.persons(child)
                        if people:
                            return people
        return []

    def verb(self, verb) -> list[tuple]:
        if self.weak and _is(verb, "unseating_verbs"):
            return self.challenge_in_context(verb)
        if self.weak and not self.contextual_verb(verb):
            return []
        if _is(verb, "sitting_member_verbs"):
            return self.sitting_member(verb)
        if _is(verb, "electing_verbs"):
            seats = self.seats(self.subject(verb)) if not self.weak else []
            people = self.persons(self.patient(verb)) if not self.doubted(verb) else []
            return self.paired("seat.elected", people, seats)
        if _is(verb, "unseating_verbs"):
            target = self.patient(verb)
            if target is None:  # "campaign against X", "run against X"
                against = self.prepositional(verb, {"against"})
                target = against[0] if against else None
            if target is None or self.former_office(target):
                return []
            return self.paired(
                "seat.challenge",
                self.persons(target),
                self.places_under(verb) or self.places_under(target) or self.where_seats(verb),
            )
        representing = _is(verb, "representing_verbs")
        incumbent = _is(verb, "incumbency_verbs")
        winning = lemma(verb) in lemma_class("winning_verbs")
        if not (representing or incumbent or winning):
            return []
        # "X will not be defending U": denying a holder's act on the seat still says
        # the seat is theirs; denying a win or a tenure does not
        if (representing or (winning and not incumbent)) and self.doubted(verb):
            return []
        if representing and self.ended(verb):
            return []
        if (incumbent or winning) and not representing and _purpose(verb):
            # "chosen to defend the seat": an aim, not a holder; but "X is expected to
            # defend U" foretells what its holder will do
            foretold = incumbent and verb.dep_ == "xcomp" and _is(verb.head, "hedges")
            subject = self.agent(verb)
            if not foretold or subject is None or self.chosen(subject):
                return []
        if verb.dep_ == "xcomp" and _is(verb.head, "unrealised_verbs"):
            return []  # "X will try to hold U", "X seeks to keep U": not held yet
        people = self.persons(self.agent(verb))
        target = self.patient(verb)
        by = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        if by and verb.tag_ == "VBN" and verb.dep_ in {"conj", "appos", "advcl"}:
            # a participle with a "by" phrase is passive: its doer is not the clause's subject
            people = self.persons(by[0])
            target = verb.head if verb.head.i in self.mention_at else self.seat_left_of(verb)
            if target is not None and not self.doubted(verb):
                seats = self.seats(self.members(target)[0])
                seats += [
                    s
                    for c in verb.children
                    if c.i < verb.i and c.i in self.mention_at
                    for s in self.seats(c)
                    if s not in seats
                ]
                return self.paired("seat.represents", people, seats)
        if not people:
            return []
        if target is None and verb.dep_ == "relcl":
            target = verb.head  # "the seat X held"
        seats = self.seat_target(target) if representing or incumbent else []
        if seats and target.dep_ in SUBJECTS and target.head == verb:
            # "A (...) and B (...) are held by X and Y": subjects the parse left uncoordinated
            for other in verb.children:
                if other.dep_ == target.dep_ and other.i != target.i:
                    seats += self.seat_target(other)
        if not seats and representing and target is not None and verb.dep_ in {"acl", "relcl"}:
            seats = self.places_under(target, {"in"})  # "the contest in U, held by X"
        if not seats and representing:
            seats = [s for p in self.prepositional(verb, {"for"}) for s in self.seat_target(p)]
        if not seats and winning:
            seats = self.win_places(verb, target)
        rule = "seat.incumbent" if incumbent else "seat.represents"
        return self.paired(rule, people, seats)

    def sitting_member(self, verb) -> list[tuple]:
        """ "X is standing down in U", "X has retired from U", "U, where X is retiring", "X
        was reselected in U": only a sitting MP leaves a seat at an election or is chosen
        again for it (not "X stood down as candidate in U"). Said or denied, it is the
        person's seat ("X will not step down in U")."""
        if any(
            c.dep_ == "prep" and c.lower_ == "as" and _is(g, "candidate_nouns")
            for c in verb.children
            for g in c.children
        ):
            return []
        places = [
            mention.name
            for place in self.prepositional(verb, {"in", "from", "at"})
            if (mention := self.mention_of(place)) is not None and mention.kind == "constituency"
        ]
        seats = places[:1] or self.where_seats(verb)
        who = self.patient(verb) or self.agent(verb)  # the one reselected, or who retires
        return self.paired("seat.sitting", self.persons(who), seats)

    def ended(self, verb) -> bool:
        """A tenure told in the past up to a time ("the seat X held until YEAR", "X had
        represented U until ..."): it is over, unless it was held for a party ("held U
        for PARTY until ..."), when it is the party that lost it."""
        past = verb.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.tag_ == "VBD" and lemma(c) == "have" for c in verb.children
        )
        preps = [c for c in verb.children if c.dep_ == "prep"]
        for_party = any(
            (m := self.mention_of(g)) is not None and m.kind == "party"
            for c in preps
            if c.lower_ == "for"
            for g in c.children
        )
        return past and not for_party and any(_is(c, "ending_prepositions") for c in preps)

    def name_right_of(self, noun) -> str:
        """The person set off by a comma just after an office the parse left without its
        apposition ("a motion in their MP, X, by N votes"): a name hung loose on the
        clause, not its subject or object."""
        after = noun.right_edge.i + 1
        if after + 1 >= len(self.sent) or self.sent[after].text != ",":
            return ""
        token = self.sent[after + 1]
        mention = self.mention_of(token)
        if mention is None or mention.kind != "person" or self.quoted(token):
            return ""
        head = next(self.sent[i] for i, m in self.mention_at.items() if m is mention)
        return mention.name if head.dep_ in {"npadvmod", "appos", "dep"} else ""

    def seat_left_of(self, token, kind: str = "constituency"):
        """The seat (or other `kind`) just before a participle or an apposition the parse
        hung elsewhere ("X moved to U, held by Y", "X is heading to U, the seat of Y", "the
        daughter of X, the MP for U"): the mention that ends at the comma before it."""
        first = token.left_edge.i
        if first < 2 or self.sent[first - 1].text != ",":
            return None
        mention = self.mention_of(self.sent[first - 2])
        if mention is None or mention.kind != kind:
            return None
        return next(self.sent[i] for i, m in self.mention_at.items() if m is mention)

    def challenge_in_context(self, verb) -> list[tuple]:
        """ "the battle to replace X" in a sentence that names one seat: X's seat."""
        target = self.patient(verb)
        if target is None or self.places_under(verb) or self.places_under(target):
            return []
        seats = {m.name for m in self.view.mentions if m.kind == "constituency"}
        seats |= {m.constituency for m in self.view.mentions if m.constituency}
        if not seats and self.doc.section_seat(self.position):
            seats = {self.doc.section_seat(self.position)}
        if len(seats) != 1:
            return []
        return self.paired("seat.challenge", self.persons(target), list(seats))

    def seat_target(self, token) -> list[str]:
        """The seats a verb's argument is: a constituency (not a word it modifies, as in
        "the U selection"), a seat noun, or a relative pronoun standing for either."""
        token = self.resolve(token)
        if token is None:
            return []
        mention = self.mention_of(token)
        if mention is not None and mention.kind == "constituency":
            return self.seats(token)
        if _is(token, "constituency_nouns") and token.pos_ == "NOUN":
            return self.noun_seats(token)
        if self.seat_pronoun(token):
            seat = self.seat_before(token, 3)
            return [seat] if seat else []
        return []

    def seat_pronoun(self, token) -> bool:
        """ "it" as what a holding verb holds ("X, who has held it since YEAR"), read in the
        weak pass: the seat named last before it."""
        return (
            self.weak
            and lemma(token) == "it"
            and token.dep_ == "dobj"
            and _is(token.head, "seat_holding_verbs")
            and not any(c.dep_ == "prt" for c in token.head.children)  # "held it up"
            and not self.quoted(token)
        )

    def contextual_verb(self, verb) -> bool:
        """In the weak pass a verb counts only when its seat is a bare seat noun or "it"."""
        target = self.resolve(self.patient(verb)) or (verb.head if verb.dep_ == "relcl" else None)
        if target is not None and self.seat_pronoun(target):
            return True
        return (
            target is not None
            and _is(target, "constituency_nouns")
            and not self.noun_seats_strong(target)
        )

    def noun_seats_strong(self, noun) -> bool:
        weak, self.weak = self.weak, False
        try:
            return bool(self.noun_seats(noun))
        finally:
            self.weak = weak

    def win_places(self, verb, target) -> list[str]:
        """ "X beat Labour in U", "X held on by N votes in U": the place of a win whose
        object is nothing, a party or a margin, not a selection or a vote."""
        if target is not None:
            mention = self.mention_of(target)
            party = mention is not None and mention.kind == "party"
            if not party and lemma(target) not in lemma_class("margin_nouns"):
                return []
        return self.places_under(verb) or (self.places_under(target) if target is not None else [])

    def seat_noun(self, noun) -> list[tuple]:
        """ "X's U seat", "X's seat, U", "the seat(s) of X (and Y)"."""
        if self.weak and self.noun_seats_strong(noun) or self.unheld(noun):
            return []
        owners = []
        for child in noun.children:
            if self.possessor(child):
                owners = owners or self.persons(child)
            if child.dep_ == "prep" and child.lower_ == "of":
                for target in child.children:
                    if target.dep_ == "pobj":
                        owners = owners or self.persons(target)

            if child.dep_ == "appos":  # "the seats of two defectors, A and B"
                owners = owners or self.persons(child)
        if not owners and not self.weak and noun.tag_ == "NNS":
            return self.their_seats(noun)
        if not owners or any(c.dep_ in {"acl", "relcl"} and self.ended(c) for c in noun.children):
            return []
        return self.paired("seat.possessive", owners, self.noun_seats(noun))

    def their_seats(self, noun) -> list[tuple]:
        """ "They are A, B and C. Their seats: U, V and W": a list of seats owned by "their"
        paired in order with the list of people named just before, when both are as long."""
        if not any(_is(c, "collective_pronouns") for c in noun.children if c.dep_ == "poss"):
            return []
        after = [
            m for m in self.view.mentions if m.kind == "constituency" and m.start > self.start(noun)
        ]
        seats = next((run for run in _runs(self.view, after) if len(run) > 1), [])
        for back in range(self.position, max(-1, self.position - 2), -1):
            view = self.doc.views[back]
            named = [
                m
                for m in view.mentions
                if m.kind == "person"
                and (back < self.position or m.start < self.start(noun))
                and not self.doc.in_quote(m.start)
            ]
            lists = [run for run in _runs(view, named) if len(run) > 1]
            if lists:
                return self.paired("seat.possessive", lists[-1], seats)
        return []

    def possessive(self, owner) -> list[tuple]:
        """ "X's U", "U's X", "X's CLP, U", "X's local party in U"."""
        owned = owner.head
        if _is(owned, "constituency_nouns") or _is(owned, "office_nouns"):
            return []  # read as a seat noun or an office noun
        people = self.persons(owner)
        if people and not self.weak:
            mention = self.mention_of(owned)
            if owned.i in self.mention_at and mention.kind == "constituency":
                # each conjunct has its own owner: "A's U and B's V"
                return self.paired("seat.possessive", people[:1], [mention.name])
            between = [
                self.mention_of(t)
                for t in owned.children
                if t.dep_ in {"compound", "nmod"} and owner.i < t.i < owned.i
            ]
            places = [m.name for m in between if m is not None and m.kind == "constituency"]
            if len(places) == 1 and owner.head == owned:  # "X's U office"
                return self.paired("seat.possessive", people[:1], places)
            return self.local_body(owned, people)
        if people:
            return self.local_body(owned, people)
        mention = self.mention_of(owned)
        if self.weak or owned.i not in self.mention_at or mention.kind != "person":
            return []
        if self.chosen(owned):
            return []  # "U's X won the selection": U's candidate, not its MP
        return self.paired("seat.possessive", [mention.name], self.seats(owner))

    def chosen(self, token, own: bool = False) -> bool:
        """Whether `token` is told of as a candidate: an apposition naming one or chosen
        ("U's X, the PARTY candidate", "X, the branch secretary picked in May"), or a
        clause over it (only its own with `own`) that selects or wins a selection or names
        a candidate ("U's X was picked", "like U's X, won a selection", "X is the
        candidate")."""
        for title in (c for c in token.children if c.dep_ == "appos"):
            if _is(title, "candidate_nouns") or any(
                c.dep_ == "acl" and _is(c, "selecting_verbs") for c in title.children
            ):
                return True
        for node in [token.head] if own else token.ancestors:
            if node.pos_ not in {"VERB", "AUX"}:
                continue
            if _is(node, "selecting_verbs") or _is(node, "selection_verbs"):
                return True
            if any(
                c.dep_ in {"dobj", "attr"}
                and (_is(c, "contest_nouns") or _is(c, "candidate_nouns"))
                for c in node.children
            ):
                return True
        return False

    def candidate(self, name: str) -> bool:
        """Whether the sentence tells of the person `name` as a candidate in the clause
        that names them (`chosen`)."""
        return any(
            m.kind == "person" and m.name == name and self.chosen(self.sent[i], own=True)
            for i, m in self.mention_at.items()
        )

    def local_body(self, owned, people) -> list[tuple]:
        """The local party or constituents of X, with their seat: "X's CLP, U", "X's
        constituency party in U"."""
        mention = self.mention_of(owned)
        body = mention is not None and mention.kind == "org" and mention.constituency
        local = any(_is(c, "local_words") for c in owned.children if c.dep_ in _NOUN_LINKS)
        if not (body or _is(owned, "constituency_bodies") or local):
            return []
        seats = [mention.constituency] if body else []
        for child in owned.children:
            if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ == "in"):
                targets = [g for g in child.children if g.dep_ == "pobj"] or [child]
                seats = seats or [s for t in targets for s in self.seats(t)]
        if owned.dep_ == "appos":
            seats = seats or self.seats(owned.head)
        if self.weak:
            if seats:
                return []
            # "X's CLP ... the people of U": the one seat the sentence names, else the
            # seat in scope ("U. Motions were tabled at her CLP")
            named = {m.name for m in self.view.mentions if m.kind == "constituency"}
            seats = list(named) if len(named) == 1 else []
            seats = seats or ([self.scoped_seat()] if not named and self.scoped_seat() else [])
        return self.paired("seat.possessive", people, seats)

    def apposition(self, token) -> list[tuple]:
        """ "X (U)", "U (X)", "U - X - N": a person and a seat in apposition."""
        head = token.head
        between = self.sent[min(head.i, token.i) + 1 : max(head.i, token.i)]
        if any(t.text in {":", ";"} for t in between):
            return []  # a label, not an apposition ("U: X" lists candidates too)
        people, seats = self.persons(token), self.seats(token)
        if people and not seats and self.names_own_seat(token):
            return []  # "A, the MP for U, B, who represents V, ...": B is the next in a list
        if people and not seats:
            seats = (
                [m.name for m in self.named(head, "constituency")]
                if head.i in self.mention_at
                else []
            )
            if seats and self.mention_of(head).kind == "constituency" and len(seats) > 1:
                seats = seats[:1]
            return self.paired("seat.apposition", people[:1], seats[:1]) if seats else []
        if seats and not people and token.i in self.mention_at:
            if self.mention_of(token).kind != "constituency" or head.i not in self.mention_at:
                return []
            people = [self.mention_of(head).name] if self.mention_of(head).kind == "person" else []
            return self.paired("seat.apposition", people, seats[:1])
        return []

    def names_own_seat(self, token) -> bool:
        """Whether a relative clause or apposition on `token` names a seat of its own ("X,
        who represents U", "X, the U MP")."""
        return any(
            (mention := self.mention_of(node)) is not None and mention.kind == "constituency"
            for child in token.children
            if child.dep_ in {"relcl", "acl", "appos"}
            for node in child.subtree
        )

    def margin(self, noun) -> list[tuple]:
        """ "X has a majority of N in U", "X's majority in U", "majorities of N and M in A
        and B" (paired with the list of owners)."""
        owners = []
        owned = False
        for child in noun.children:
            if self.possessor(child):
                owners, owned = owners or self.persons(child), True
        verb = noun.head
        if not owned and noun.dep_ in {"dobj", "pobj"}:
            verb = clause_head(noun)  # "X is safe, with a majority of N in U"
            # not a purpose ("chosen to defend a majority"), nor a seat's own margin ("X
            # chose V, a PARTY seat with a majority of N")
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            between = [n for n in noun.ancestors if verb.is_ancestor(n)]
            seats_own = any(_is(n, "constituency_nouns") or self.seat_target(n) for n in between)
            if (
                verb.pos_ in {"VERB", "AUX"}
                and not self.doubted(verb)
                and not infinitive
                and not seats_own
            ):
                owners = self.persons(self.subject(verb))
        if not owners:
            return []
        measures = [g for c in noun.children if c.dep_ == "prep" for g in c.children]
        seats = self.places_under(noun) or self.places_under(verb)
        for measure in measures:  # "a majority of N in U"
            seats = seats or self.places_under(measure)
        seats = seats or [
            s for c in noun.children if c.dep_ in {"compound", "nmod"} for s in self.seats(c)
        ]
        if self.weak:
            if seats or len(owners) != 1 or self.candidate(owners[0]):
                return []  # "X, picked in May, is defending a majority of N": a candidate
            seat = self.sentence_seat() or self.context_seat(noun)
            seats = [seat] if seat else []
        return self.paired("seat.majority", owners, seats) + self.gapped_margins(noun)

    def gapped_margins(self, noun) -> list[tuple]:
        """ "X's majority in U was N and Y's in V M": an owner whose margin noun is left
        out, coordinated with the clause whose subject names it."""
        verb = noun.head
        if self.weak or noun.dep_ not in SUBJECTS or verb.pos_ not in {"VERB", "AUX"}:
            return []
        found = []
        for other in verb.children:
            owned = any(c.dep_ == "case" for c in other.children)
            if other.dep_ not in {"conj", "dep"} or not owned or other.i not in self.mention_at:
                continue
            mention = self.mention_of(other)
            if mention.kind == "person" and not self.quoted(other):
                found += self.paired("seat.majority", [mention.name], self.places_under(other))
        return found

    def sentence_seat(self) -> str:
        """The one seat the sentence names outside quotations, if it names only one."""
        named = {
            m.name or m.constituency
            for m in self.view.mentions
            if (m.kind == "constituency" or m.constituency) and not self.doc.in_quote(m.start)
        }
        return next(iter(named)) if len(named) == 1 else ""

    def departure(self, noun) -> list[tuple]:
        """ "U, where X's departure ...", "In U, X's resignation ...": an MP leaving the
        seat that scopes the clause."""
        owners = [p for c in noun.children if self.possessor(c) for p in self.persons(c)]
        if len(owners) != 1:
            return []
        seats = self.where_seats(noun) or [self.fronted_place()]
        return self.paired("seat.departure", owners, seats)

    def removal(self, token) -> list[tuple]:
        """An MP whose seat's party wants them gone: a call for X to resign or to call a
        by-election, a vote of no confidence in X, X losing one, in a seat named by the
        local party, a fronted place or a place under the vote ("in U"), else the seat in
        scope (`scoped_seat`)."""
        target = self.removal_target(token)
        people = self.listed(target, "person") if target is not None else []
        if target is not None and not people and target.dep_ in {"dobj", "dative", "pobj"}:
            people = self.object_antecedent(target)
        if len(people) != 1 or self.quoted(target):
            return []
        bodies = {
            m.constituency
            for m in self.view.mentions
            if m.kind == "org" and m.constituency and not self.doc.in_quote(m.start)
        }
        verb = clause_head(token)
        path = [token, *[n for n in token.ancestors if n.i != verb.i and verb.is_ancestor(n)]]
        seats = (
            next((found for node in path if (found := self.places_under(node))), [])
            or self.places_under(verb)
            or ([self.fronted_place()] if self.fronted_place() else [])
            or (sorted(bodies) if len(bodies) == 1 else [])
            or ([self.sentence_seat()] if self.sentence_seat() else [])
            or ([self.scoped_seat()] if self.scoped_seat() else [])
        )
        return self.paired("seat.removal", people, seats[:1] if len(seats) == 1 else [])

    def object_antecedent(self, pronoun) -> list[str]:
        """Who an object pronoun ("ask him to ...") stands for: the last person named
        before it in the sentence who is not a subject (a subject is not its own object)."""
        if lemma(pronoun) not in lemma_class("personal_pronouns"):
            return []
        named = [
            m.name
            for i, m in sorted(self.mention_at.items())
            if i < pronoun.i
            and m.kind == "person"
            and self.sent[i].dep_ not in SUBJECTS
            and not self.quoted(self.sent[i])
        ]
        return named[-1:]

    def removal_target(self, token):
        """Who a resignation, a by-election or a vote of no confidence is about (named,
        not a pronoun: the one who calls for it is often named nearer)."""
        for node in [token, *token.ancestors]:
            for child in node.children:
                # "a vote of no confidence in X", "a motion against X"
                if child.dep_ == "prep" and child.lower_ in {"in", "against"}:
                    for target in child.children:
                        if target.dep_ == "pobj" and self.listed(target, "person"):
                            return target
            if node.pos_ in {"VERB", "AUX"}:
                return self.doer(node)
            if node.dep_ == "pobj" and node.head.lower_ == "for":
                return None  # "X called for a by-election": X asks, someone else goes
        return None

    def doer(self, verb):
        """Who is to do what `verb` says: the object of the verb it completes ("ask X to
        resign", "call on X to resign"), else its subject. Quoted words with no subject of
        their own that follow a reported clause continue it: in 'said X is "a principled
        man", though "should now resign"' X is to resign, not the one who said it."""
        own = any(c.dep_ in SUBJECTS for c in verb.children)
        if not own and self.quoted(verb) and verb.dep_ in {"advcl", "conj"}:
            for clause in verb.head.children:
                if clause.dep_ == "ccomp" and clause.i < verb.i:
                    subjects = [c for c in clause.children if c.dep_ in SUBJECTS]
                    if subjects:
                        return subjects[0]
        if verb.dep_ == "conj" and not own and verb.head.pos_ in {"VERB", "AUX"}:
            return self.doer(verb.head)  # "ask X to resign and call a by-election"
        if verb.dep_ == "xcomp" and not own:
            head = verb.head
            for child in head.children:
                if child.dep_ in {"dobj", "dative"}:
                    return child
                if child.dep_ == "prep" and child.lower_ in {"on", "upon", "for"}:
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        return objects[0]
        return self.agent(verb)

    def paired(self, rule, people, seats) -> list[tuple]:
        """One tie, or two lists of the same length paired in order."""
        people = list(dict.fromkeys(p for p in people if p))
        seats = list(dict.fromkeys(s for s in seats if s))
        if not people or not seats or len(people) != len(seats):
            return []
        return [(rule, person, seat) for person, seat in zip(people, seats, strict=True)]
