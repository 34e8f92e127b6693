"""Role rules: positions people hold -> `RoleFact` and `PersonFact`, read from the parse.

A sentence is parsed only when it names a person and has an office word (the classes
`office_titles` and `office_verbs` of `data/lexicon.json`). An office noun is tied to
its holder by the parse:
- apposition: "X, the chair of Y CLP", "X, ORGANISATION's national co-ordinator", "the party
  chairman, X";
- compound: "Y CLP chair X", "Redbridge Council's leader X";
- copula: "X is the secretary of Y", "the chair of Y is X";
- relative clause: "X, who chairs Y" (the verb names the office).
The organisation is the organisation or party the office noun owns or compounds with
("ORGANISATION's", "PARTY chair"), or the object of its "of"/"for"/"at" ("chair of Y");
a local party of an MP ("A's CLP") is that MP's seat's CLP (its Conservative association
when the words say so), "the CLP" the story's seat's,
and "the party" the party named last. Statements use these to say which organisation a
speaker speaks for.
"""

import re

from ..document import Document
from ..facts import Fact, PersonFact, RoleFact
from ..parse import lemma_class, lexicon
from .common import local_party_name, recent_constituency
from .syntax import Clause, clauses, lemma

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_ORG_KINDS = {"org", "party"}
_MODIFIERS = {"amod", "compound", "nmod", "npadvmod"}
_OWNER_PREPOSITIONS = {"of", "for", "at"}


def wanted(doc: Document) -> list[int]:
    """The sentences this module reads from the parse: those that may name a role."""
    return [p for p, view in enumerate(doc.views) if _may_hold(view)]


def role_facts(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[tuple[str, str, str]] = set()
    for clause in clauses(doc, wanted(doc)):
        reading = _Reading(doc, clause.position, clause.sent)
        for rule, person, title, organisation in reading.roles():
            key = (person, title, organisation)
            if key in seen or not organisation:
                continue
            seen.add(key)
            span = doc.sentence_span(clause.view)
            facts.append(RoleFact(rule, (span,), person, title, organisation))
            facts.append(
                PersonFact(rule, (span,), person, description=f"{title} {organisation}".strip())
            )
    return facts


def _may_hold(view) -> bool:
    """Whether the sentence names a person, an organisation (or a local party or "the
    party") and an office, tested before any parse."""
    kinds = {m.kind for m in view.mentions}
    if "person" not in kinds:
        return False
    text = view.sentence.text.lower()
    words = set(_WORD.findall(text)) | set(re.findall(r"[a-z]+", text))
    if not kinds & _ORG_KINDS and not words & lemma_class("local_party_nouns"):
        return False
    verbs = {v + "s" for v in lexicon()["office_verbs"]}
    return bool(words & (lemma_class("office_titles") | verbs))


class _Reading(Clause):
    """One parsed sentence that may say who holds which office."""

    def roles(self) -> list[tuple[str, str, str, str]]:
        """(rule, person, title, organisation) for each office tied to a person."""
        found = []
        for token in self.sent:
            if self.quoted(token):
                continue
            if self.is_title(token):
                rule, person = self.holder(token)
                if person:
                    found.append((rule, person, self.title(token), self.organisation(token)))
            verb_title = lexicon()["office_verbs"].get(lemma(token))
            if verb_title and token.dep_ == "relcl" and token.pos_ == "VERB":
                person = self.person_at(token.head)
                orgs = [self.org_of(o) for o in self.objects(token)]
                if person and orgs and orgs[0]:
                    found.append(("role.relative", person, verb_title, orgs[0]))
        return found

    # --- the office noun ---

    def run(self, token) -> tuple[int, int]:
        """Token indices of the hyphenated word `token` ends ("co - ordinator")."""
        start = token.i
        while start > 0 and not self.sent[start - 1].whitespace_:
            if self.sent[start - 1].is_punct and self.sent[start - 1].text != "-":
                break
            start -= 1
        return start, token.i

    def is_title(self, token) -> bool:
        if (
            token.i + 1 < len(self.sent)
            and not token.whitespace_
            and self.sent[token.i + 1].text == "-"
        ):
            return False  # only the last piece of a hyphenated word
        start, end = self.run(token)
        word = self.sent[start : end + 1].text.lower()
        titles = lemma_class("office_titles")
        if token.tag_ in {"NNS", "NNPS"}:
            return False
        return token.pos_ in {"NOUN", "PROPN", "ADJ"} and (word in titles or lemma(token) in titles)

    def title(self, token) -> str:
        """The office noun with the modifiers before it that are not a name: "national
        co-ordinator", "deputy leader"."""
        start, end = self.run(token)
        phrase = {token.i, *range(start, end + 1)}
        first = start
        for i in range(start - 1, -1, -1):
            word = self.sent[i]
            inside = word.head.i in phrase or word.dep_ == "punct" and word.text == "-"
            if not inside or word.dep_ not in _MODIFIERS | {"punct"} or self.mention_of(word):
                break
            if lemma(word) in lemma_class("local_party_nouns"):
                break
            phrase.add(i)
            first = i
        while first <= end and self.sent[first].is_punct:
            first += 1
        return self.sent[first : end + 1].text

    # --- who holds it ---

    def person_at(self, token) -> str:
        mention = self.mention_of(token)
        if mention is not None and mention.kind == "person" and not self.quoted(token):
            return mention.name
        return ""

    def holder(self, title) -> tuple[str, str]:
        """(rule, person) the office noun `title` is tied to."""
        for child in title.children:
            if child.dep_ == "appos" and self.person_at(child):
                return "role.apposition", self.person_at(child)
        for owner in self.prepositional(title, {"of"}):
            if self.person_at(owner):
                continue
            for child in owner.children:  # "the chair of Y, X": X is the chair
                if child.dep_ == "appos" and self.person_at(child):
                    return "role.apposition", self.person_at(child)
        head = title.head
        if title.dep_ == "appos" and self.person_at(head):
            return "role.apposition", self.person_at(head)
        if title.dep_ in _MODIFIERS and head.dep_ == "appos" and self.person_at(head.head):
            return "role.apposition", self.person_at(head.head)  # "X, chair of the Y group"
        if title.dep_ in {"compound", "nmod"} and self.person_at(head):
            between = [t for t in self.sent[title.i + 1 : head.i] if self.person_at(t)]
            if all(self.mention_of(t) is self.mention_of(head) for t in between):
                return "role.compound", self.person_at(head)
        if lemma(head) == "be":
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            attributes = [c for c in head.children if c.dep_ == "attr"]
            for subject in subjects:
                for attribute in attributes:
                    if attribute == title and self.person_at(subject):
                        return "role.copula", self.person_at(subject)
                    if subject == title:
                        named = self.named(attribute, "person")  # "is councillor X"
                        if named and not self.quoted(attribute):
                            return "role.copula", named[0].name
        return "", ""

    # --- which organisation ---

    def organisation(self, title) -> str:
        start, end = self.run(title)
        pieces = self.sent[start : end + 1]
        for child in (c for piece in pieces for c in piece.children):
            if child.dep_ in {"poss", "compound", "amod", "nmod"}:
                found = self.org_of(child)
                if found:
                    return found
        for object_ in self.prepositional(title, _OWNER_PREPOSITIONS):
            found = self.org_of(object_)
            if found:
                return found
        if title.dep_ in _MODIFIERS and title.head.dep_ == "appos":
            return self.org_of(title.head)  # the noun the office word modifies
        return ""

    def objects(self, verb) -> list:
        return [c for c in verb.children if c.dep_ in {"dobj", "attr"}]

    def org_of(self, token) -> str:
        """The organisation a word names: an organisation or party mention (or one in
        its own compounds), an MP's local party, "the CLP" or "the party"."""
        for word in [token, *token.children]:
            if word != token and word.dep_ not in {"compound", "appos", "poss", "nmod"}:
                continue
            mention = self.mention_of(word)
            if mention is not None and mention.kind in _ORG_KINDS and not self.quoted(word):
                return mention.name
        word = lemma(token)
        if word not in lemma_class("local_party_nouns"):
            return ""
        words = [token.lower_] + [c.lower_ for c in token.children if c.dep_ in _MODIFIERS]
        for child in token.children:
            mention = self.mention_of(child)
            if child.dep_ in {"appos", "compound"} and mention and mention.kind == "constituency":
                return local_party_name(mention.name, words)  # "the CLP, A"
        for child in token.children:
            if child.dep_ in {"poss", "compound"} and self.people(child):
                seat = self.seat_of(self.people(child)[0])[0]  # "X's CLP"
                return local_party_name(seat, words)
        local = word != "party" or any(
            lemma(c) in {"local", "constituency"} for c in token.children
        )
        if not local:
            return self.recent_party()
        seat = self.doc.focus_seat() or recent_constituency(self.doc, self.view)
        return local_party_name(seat, words)

    def recent_party(self) -> str:
        """The party "the party" means: the one named last, in this sentence or before."""
        for index in range(self.position, -1, -1):
            parties = [m.name for m in self.doc.views[index].mentions if m.kind == "party"]
            if parties:
                return parties[-1]
        return ""
