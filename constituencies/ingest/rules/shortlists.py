"""Shortlist rules: who may stand in a Labour selection -> `ShortlistFact`, read from the parse.

A sentence is parsed only when it has a word that can say who may stand (women, female,
open, undecided) and something to say it of (a shortlist or seat noun, a named seat, a verb
of applying or restricting), or a deciding word just after such a sentence. In the parse, a
*marker* gives the kind:
- all-women: a women word bound to an exclusive word in one phrase ("all-women",
  "women-only", "female-only", "for women only"), or the object of a restricting word
  ("restricted to women", "limited to women");
- open: "open" modifying a shortlist noun ("an open selection"), or "open to" people of
  both sexes or all ("open to both men and women", "opened to men as well as women",
  "open to all"), or men and women together as the subject of a verb of applying ("men
  and women can apply");
- undecided: a deciding word under a negation or still pending ("has not decided", "has
  yet to decide", "no decision yet"), a verb of deliberating ("is considering"), or
  "undecided".
A marker in a "rather than" or "instead of" phrase is no decision; one that a body turns
down ("decided against a women-only list", "ruled out an all-women shortlist") is the other
kind. "One" stands for the shortlist named before it in the sentence or the one before
("had asked for one"). A deciding word
left pending with nothing said of what ("the NEC has yet to make up its mind") is
undecided about the shortlists that same body was deciding a few sentences before.

The marker's phrase (its *carrier*: the noun it modifies, or the subject it is said of) is
followed up the tree to the word that decides it: a deciding verb or noun on the way, or
beside it ("on the recommendation of X", "after X decided ...", "..., X recommended", "which
X agreed", "made no decision"). The decider gives the firmness (agree, impose, rule ->
agreed; recommend, propose, advise -> recommended; ask for, call for, vote for, want ->
proposed) and its agent the deciding body (an organisation, "<seat> CLP" for a local
party or local members, "A's members" or members under a fronted "In A", the story's party
for "the national party", the body last named for "it"). A decider under a negation, a
hedge or a denial gives nothing (an expectation is not a decision); a person's wish is no
body's decision. A request that another body grants ("X asked for Y, and Z agreed", "Z
granted X's request for Y") is Z's agreement too. A verb that places its object under a
rule ("put A on an all-women shortlist", "left A open", "made A an open selection") is an
agreement; "the meeting" that decided is the body last named. "Open" as a bare predicate
("the contest would be open") is a rule only under a deciding word. A marker with no
decider is stated as a fact with no body; with "also" it carries on the last settled
decision of its kind a few sentences back.

Seats are those attached to the carrier, to the way up to the decider and to the
decider, or a fronted place ("In A, ..."): named, a CLP's, a possessor's seat ("X's
seat"), "seats held by X", "their seats" (the subject's MPs), "to replace X", the subject of
a copula ("A and B were the two seats ..."). Several carriers under one decider share
out the places that follow them; "respectively" pairs kinds with seats in order. "Both"
or "they" as the subject means the seats the sentence before named. "The
seat", "the contest", "this", "ours" or "there" mean the seat the sentence or the story
is about; a local party's own seat is the sentence's, else the story's; a sentence under
a heading that is a seat falls under that seat. A marker in a clause about another party
(a Conservative "open primary") is not a Labour decision.
"""

import re
from dataclasses import dataclass, field

from ..document import Document
from ..facts import ShortlistFact
from ..parse import cue_forms, lemma_class
from .common import recent_constituency
from .syntax import SUBJECTS, Clause, clauses, doubt_at, doubtful_words, lemma

_WORD = re.compile(r"[a-z]+")
_PHRASE_LINKS = {"compound", "amod", "npadvmod", "nmod", "advmod", "det", "punct", "quantmod"}
_UP_STOPS = {"advcl", "relcl", "parataxis"}
_DOUBT_CHILDREN = {"neg", "aux", "auxpass", "advmod", "det"}
_CLAUSE_LINKS = {"advcl", "relcl", "parataxis", "conj", "acl", "appos"}
_CONTINUE_WINDOW = 3  # sentences within which "also" or "it" refers back to a decision
# A continuation ("will also use ...") states an outcome, so it carries on a settled
# decision, never a request.
_SETTLED = {"agreed", "recommended"}


def wanted(doc: Document) -> list[int]:
    """The sentences this module reads from the parse: those with a word for who may stand
    and something it may be said of (a shortlist, a seat, applying, restricting), and those
    with a deciding word a few sentences after one ("... has yet to make up its mind")."""
    cues = lemma_class("women_words") | lemma_class("open_words") | lemma_class("undecided_words")
    follow = cue_forms("deliberation_words")
    topics = cue_forms(
        "shortlist_nouns",
        "constituency_nouns",
        "application_verbs",
        "restricting_verbs",
        "undecided_words",
    )
    positions, last = [], -9
    for position, view in enumerate(doc.views):
        words = set(_WORD.findall(view.sentence.text.lower()))
        seats = any(m.kind == "constituency" or m.constituency for m in view.mentions)
        if words & cues and (seats or words & topics):
            positions.append(position)
            last = position
        elif words & follow and position - last <= _CONTINUE_WINDOW:
            positions.append(position)
    return positions


def shortlist_facts(doc: Document) -> list[ShortlistFact]:
    positions = wanted(doc)
    memory = _Memory()
    found: dict[tuple[str, str, str], ShortlistFact] = {}
    for clause in clauses(doc, positions):
        reading = _Reading(clause, memory)
        span = doc.sentence_span(clause.view)
        for rule, seat, holder, kind, body, firmness in reading.decisions():
            rule += ".known_seat" if holder else ""
            fact = ShortlistFact(rule, (span,), seat, kind, body, firmness, holder)
            key = (_place((seat, holder)), kind, body)
            if key not in found or (firmness and not found[key].firmness):
                found[key] = fact
    with_body = {(seat, kind) for seat, kind, body in found if body}
    return [
        fact for (seat, kind, body), fact in found.items() if body or (seat, kind) not in with_body
    ]


@dataclass
class _Memory:
    """What earlier sentences decided: for "also" (by kind) and for "it" (the body)."""

    settled: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    body: tuple[str, int] = ("", -9)
    kind: tuple[str, int] = ("", -9)  # the kind the last sentence with a marker named

    def previous_kind(self, position: int) -> str:
        """For "one" just after a sentence that named a kind of shortlist."""
        kind, at = self.kind
        return kind if position - at == 1 else ""

    def recent(self, kind: str, position: int) -> tuple[str, str]:
        body, firmness, at = self.settled.get(kind, ("", "", -9))
        return (body, firmness) if position - at <= _CONTINUE_WINDOW else ("", "")

    def recent_body(self, position: int) -> str:
        body, at = self.body
        return body if position - at <= _CONTINUE_WINDOW else ""


@dataclass
class _Marker:
    kind: str
    token: object  # the word that says the kind
    carrier: object  # what it is said of: a shortlist noun, a seat, a clause
    start: object  # where the way up the tree starts
    decided: bool = False  # only a rule when a deciding word says so


@dataclass
class _Site:
    marker: _Marker
    decider: object = None
    kind: str = ""
    body: str | None = ""  # None: no organisation's decision (a person's wish)
    local: bool = False  # the body is the local party of the seat
    firmness: str = ""
    rule: str = "shortlist.stated"
    seats: list = field(default_factory=list)
    witness: bool = False  # no fact of its own, but it names the seat a sentence is about


class _Reading(Clause):
    """One parsed sentence that may say who may stand."""

    def __init__(self, clause: Clause, memory: _Memory):
        super().__init__(clause.doc, clause.position, clause.sent)
        self.memory = memory

    def words(self, name: str) -> frozenset[str]:
        return lemma_class(name)

    def is_word(self, token, *classes: str) -> bool:
        return any(lemma(token) in self.words(c) or token.lower_ in self.words(c) for c in classes)

    # --- the sentence ---

    def decisions(self) -> list[tuple]:
        sites = []
        markers = self.markers()
        for marker in markers:
            site = self.site(marker)
            if site is not None:
                sites.append(site)
        named = [m.kind for m in markers if m.kind != "undecided" and m.token.lower_ != "one"]
        if named:
            self.memory.kind = (named[-1], self.position)
        for site in sites:
            site.seats = self.seats(site, sites)
        self.fallback_seats(sites)
        self.pair_respectively(sites)
        sites += [grant for site in sites for grant in self.grants(site)]
        found = []
        for site in [s for s in sites if not s.witness]:
            for seat, holder in site.seats:
                if site.local and not seat:
                    continue  # a local party whose seat the article does not give
                body = f"{seat} CLP" if site.local else site.body
                found.append((site.rule, seat, holder, site.kind, body, site.firmness))
            if site.seats and site.body and not site.local:
                self.memory.body = (site.body, self.position)
                if site.firmness in _SETTLED:
                    self.memory.settled[site.kind] = (site.body, site.firmness, self.position)
        return found

    # --- markers ---

    def markers(self) -> list[_Marker]:
        found: list[_Marker] = []
        for token in self.sent:
            if self.quoted(token):
                continue
            marker = self.marker(token, found)
            if (
                marker is not None
                and not self.contrasted(marker.carrier)
                and marker.token.i not in {m.token.i for m in found}
            ):
                found.append(marker)
        return found or self.elliptical()

    def elliptical(self) -> list[_Marker]:
        """ "The NEC has yet to make up its mind", with nothing said of what: undecided about
        the shortlists that body was just deciding (`site` checks the body)."""
        for token in self.sent:
            word = token.head if lemma(token) == "mind" else token
            if not self.is_word(token, "deliberation_words") or not self.unsettled(word):
                continue
            complements = [
                c
                for c in word.children
                if c.i > word.i and c != token and c.dep_ in {"ccomp", "prep", "dobj", "advcl"}
            ]
            if not complements and not self.quoted(token):
                return [_Marker("undecided", token, word, word)]
        return []

    def marker(self, token, earlier: list[_Marker]) -> _Marker | None:
        if self.is_word(token, "women_words"):
            return self.women_marker(token)
        if self.is_word(token, "open_words"):
            return self.open_marker(token)
        if self.is_word(token, "application_verbs") and token.pos_ == "VERB":
            return self.applicants(token)
        if self.is_word(token, "undecided_words"):
            subject = self.said_of(token)
            if self.is_word(subject, "shortlist_nouns"):
                return _Marker("undecided", token, subject, token)
            return None
        pro_form = lemma(token) == "one" and token.dep_ in {"pobj", "dobj", "attr"}
        if pro_form and not any(c.dep_ == "prep" for c in token.children):
            before = [m for m in earlier if m.token.i < token.i]
            if before:
                return _Marker(before[-1].kind, token, token, token)
            kind = self.memory.previous_kind(self.position)
            if kind:  # "... women-only lists. The NEC has yet to decide whether A will use one."
                return _Marker(kind, token, token, token)
        return None

    def women_marker(self, token) -> _Marker | None:
        if self.exclusive(token):
            head = token
            while head.dep_ in _PHRASE_LINKS and head.head != head:
                head = head.head
            if head != token and self.is_word(head, "shortlist_nouns", "constituency_nouns"):
                return _Marker("all_women", token, head, head)
            if head.dep_ in {"attr", "acomp", "oprd"} or (
                head.dep_ == "pobj" and head.head.lower_ in {"for", "to"}
            ):
                subject = self.said_of(head)
                return (
                    _Marker("all_women", token, subject, head) if self.selection(subject) else None
                )
            if head.dep_ in SUBJECTS:  # "only women can apply", "only women may be able to stand"
                verbs = [head.head, *head.head.children]
                verbs += [g for c in head.head.children for g in c.children]
                for verb in verbs:
                    applying = verb.pos_ == "VERB" and self.is_word(verb, "application_verbs")
                    if applying and self.applying_for_selection(verb):
                        return _Marker("all_women", token, verb, verb)
            # The compound misparsed: "all-women shortlist" with the noun as a separate word,
            # or "all-women and open lists" with the modifiers as coordinated nouns.
            following = self.sent[token.i + 1] if token.i + 1 < len(self.sent) else token
            nouns = [following] + [c for c in token.children if c.dep_ == "conj"]
            for noun in nouns:
                if self.is_word(noun, "shortlist_nouns"):
                    return _Marker("all_women", token, noun, token)
            return None
        preposition = token.head
        if token.dep_ == "pobj" and preposition.lower_ == "to":
            word = preposition.head
            subject = self.said_of(word)
            restricted = self.is_word(word, "restricting_verbs") and not self.inclusive(token)
            if restricted and self.selection(subject):
                return _Marker("all_women", token, subject, word)
        return None

    def exclusive(self, token) -> bool:
        """Whether a women word is bound to "only"/"all" in its own phrase ("all-women",
        "female-only", "women only")."""
        near = [*token.children, token.head]
        near += [s for s in token.head.children if abs(s.i - token.i) <= 2 and s != token]
        return any(
            t.lower_ in self.words("exclusive_words") and abs(t.i - token.i) <= 2 for t in near
        )

    def inclusive(self, token) -> bool:
        words = self.words("inclusive_words") | self.words("men_words")
        return any(lemma(t) in words or t.lower_ in words for t in token.subtree)

    def open_marker(self, token) -> _Marker | None:
        if any(self.is_word(c, "degree_words") for c in token.children):
            return None  # "more open than": a comparison, not a rule
        head = token.head
        if token.dep_ == "amod" and (self.is_word(head, "shortlist_nouns") or lemma(head) == "one"):
            return _Marker("open", token, head, head)
        subject = self.said_of(token)
        if not self.selection(subject):
            return None  # "voting is open to all"
        for people in self.prepositional(token, {"to"}):
            if self.inclusive(people):
                return _Marker("open", token, subject, token)
            if self.is_word(people, "women_words") and self.exclusive(people):
                return _Marker("all_women", people, subject, token)
        if token.dep_ in {"acomp", "oprd"} and not self.prepositional(token, {"to", "for"}):
            return _Marker("open", token, subject, token, decided=True)  # "ruled U would be open"
        return None

    def selection(self, token) -> bool:
        """Whether a word can be what a rule on who may stand is about: a shortlist or a
        seat, named or referred to ("U", "the contest", "ours", "the seats the NEC
        opened")."""
        mention = self.mention_of(token)
        if mention is not None and (mention.kind == "constituency" or mention.constituency):
            return True
        return (
            self.is_word(token, "shortlist_nouns", "constituency_nouns")
            or token.lower_ in self.words("reference_pronouns")
            or token.lower_ in self.words("anaphors")
            or token.pos_ == "VERB"
        )

    def applicants(self, verb) -> _Marker | None:
        """ "Men and women can apply", "anyone may stand"."""
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                words = {lemma(m) for m in self.members(child)}
                both = words & self.words("men_words") and words & self.words("women_words")
                if (both or words & self.words("inclusive_words") - self.words("men_words")) and (
                    self.applying_for_selection(verb)
                ):
                    return _Marker("open", child, verb, verb)
        return None

    def applying_for_selection(self, verb) -> bool:
        """Applying to stand, not for a job: the place or thing applied for is a seat or a
        selection, or nothing is named ("men and women can apply")."""
        objects = self.prepositional(verb, {"for", "in", "to", "at"})
        return not objects or any(self.selection(o) for o in objects)

    def said_of(self, word):
        """What a predicate word is said of: the subject of its copula or the thing its
        verb is done to ("the contest was open", "U's list will be restricted")."""
        if word.pos_ == "VERB":
            if word.dep_ == "relcl" and self.patient(word) is None:
                return word.head  # "the seats the NEC opened to all"
            return self.patient(word) or word
        objects = [c for c in word.head.children if c.dep_ == "dobj"]
        if word.dep_ == "oprd" and objects:
            return objects[0]  # "left A open": A
        head = word.head if word.dep_ in {"acomp", "attr", "oprd", "pobj"} else word
        if head.pos_ == "ADP":
            head = head.head
        for child in head.children:
            if child.dep_ in SUBJECTS:
                return child
        return head

    def contrasted(self, carrier) -> bool:
        """A shortlist named only as the road not taken: "rather than X", "instead of X",
        "unlike X"."""
        head = carrier.head
        if carrier.dep_ == "pobj" and head.lower_ in self.words("contrast_words"):
            return head.lower_ not in self.words("opposing_prepositions")
        if carrier.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "instead":
            return True
        if carrier.dep_ == "conj":
            return any(
                c.dep_ == "cc" and c.lower_ in self.words("contrast_words") and c.i < carrier.i
                for c in head.children
            )
        return False

    def opposed(self, marker: _Marker) -> bool:
        """Named as what was turned down: "decided against X", "ruled out X"."""
        carrier = marker.carrier
        if carrier.dep_ == "pobj" and carrier.head.lower_ in self.words("opposing_prepositions"):
            return True
        return carrier.dep_ == "dobj" and any(
            c.dep_ == "prt" and c.lower_ in self.words("rejecting_particles")
            for c in carrier.head.children
        )

    # --- deciders ---

    def site(self, marker: _Marker) -> _Site | None:
        site = _Site(marker, kind=marker.kind)
        if marker.kind != "undecided" and self.opposed(marker):
            site.kind = "open" if marker.kind == "all_women" else "all_women"
        if self.other_party(marker):
            return None
        if (
            marker.start == marker.carrier
            and marker.kind == "undecided"
            and (self.is_word(marker.token, "deliberation_words"))
        ):
            agent = self.agent(marker.start)
            body = self.body(agent)[0] if agent is not None else ""
            if not body or body != self.memory.recent_body(self.position):
                return None
            site.decider, site.body, site.rule = marker.start, body, "shortlist.undecided"
            return site
        decider, way = self.decider(marker)
        site.decider = decider
        if decider is None and marker.decided:
            return None
        if decider is None and site.kind != marker.kind:
            return None  # turned down, but by whom and with what instead is not said
        if decider is None:
            if self.in_doubt(marker.start) and marker.kind != "undecided":
                return None
            if self.continues(marker.start):
                site.body, site.firmness = self.memory.recent(site.kind, self.position)
                site.rule = "shortlist.continued"
            return site
        firmness = self.firmness(decider)
        if firmness == "undecided":
            site.kind, site.firmness = "undecided", ""
        elif self.in_doubt(decider):
            return None
        else:
            site.firmness = firmness
        site.rule = f"shortlist.{firmness}"
        agent = self.decider_agent(decider, way)
        site.body, site.local = self.body(agent)
        if site.body is None or (firmness == "proposed" and not (site.body or site.local)):
            site.witness = True  # a person's or an unnamed group's wish is no body's proposal
        return site

    def grants(self, site: _Site) -> list[_Site]:
        """A request another body grants is that body's decision too: "X asked for Y, and
        Z agreed", "Z granted X's request for Y"."""
        decider = site.decider
        if site.firmness != "proposed" or decider is None:
            return []
        if decider.pos_ in {"VERB", "AUX"}:
            verbs = [c for c in decider.conjuncts if c.i > decider.i and self.patient(c) is None]
        else:
            verbs = [decider.head] if decider.dep_ in {"dobj", "nsubjpass"} else []
        found = []
        for verb in verbs:
            if not self.is_word(verb, "granting_verbs") or self.in_doubt(verb):
                continue
            body, local = self.body(self.agent(verb))
            if body or local:
                seats = list(site.seats)
                found.append(
                    _Site(
                        site.marker,
                        verb,
                        site.kind,
                        body,
                        local,
                        "agreed",
                        "shortlist.granted",
                        seats,
                    )
                )
        return found

    def decider(self, marker: _Marker):
        """The deciding word for a marker, and the word through which it was reached."""
        node, came = marker.start, None
        for carrier in {marker.carrier.i: marker.carrier, marker.start.i: marker.start}.values():
            for child in carrier.children:
                participle = child.dep_ == "acl" and child.tag_ == "VBN"  # "a list requested by X"
                if (child.dep_ == "relcl" or participle) and self.deciding(child, marker):
                    return child, child
        while True:
            if self.placing(node, marker):
                return node, node
            if (node != marker.token or node.pos_ == "VERB") and self.deciding(node, marker):
                if node.pos_ != "VERB" or not self.is_word(node, "restricting_verbs", "open_words"):
                    return node, node
                if self.agent(node) is not None:
                    return node, node
            for child in node.children:
                if child == came:
                    continue
                found = self.beside(node, child, marker)
                if found is not None:
                    return found
            if (node.dep_ in _UP_STOPS and not _for_clause(node)) or node.head == node:
                return None, None
            if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"}:
                return None, None
            came, node = node, node.head

    def placing(self, verb, marker: _Marker) -> bool:
        """A verb that puts its object under the rule: "put A on an all-women shortlist",
        "left A open", "made A an open selection"."""
        if verb.pos_ != "VERB" or not self.is_word(verb, "placing_verbs"):
            return False
        for complement in verb.children:
            small = complement.dep_ == "ccomp" and complement.pos_ in {
                "NOUN",
                "ADJ",
            }  # "made A a B"
            if (complement.dep_ == "oprd" or small) and marker.token in complement.subtree:
                return True
        carrier = marker.carrier
        return (
            carrier.dep_ == "pobj"
            and carrier.head.lower_ in {"on", "onto", "under"}
            and carrier.head.head in verb.subtree
            and self.patient(verb) is not None
        )

    def beside(self, node, child, marker):
        """A decider beside the way up: "on the recommendation of X", "after X decided",
        "..., X recommended", "made no decision", "no decision ... on whether"."""
        if child.dep_ == "prep":
            for noun in child.children:
                if noun.dep_ == "pobj" and self.decision_noun(noun):
                    return noun, noun
        if self.reporting(node, child) and self.deciding(child, marker):
            return child, child
        made = child.dep_ == "nsubj" or self.is_word(node, "light_verbs")
        if child.dep_ in {"dobj", "nsubjpass", "nsubj"} and made and self.decision_noun(child):
            return child, node
        return None

    def reporting(self, node, child) -> bool:
        """A clause beside `node` that reports it: "..., after X decided", "..., X
        recommended" (parsed as a clause of its own, or as a conjunct with no "and")."""
        if child.dep_ in {"advcl", "parataxis"}:
            return True
        return (
            child.dep_ == "conj"
            and child.i > node.i
            and self.patient(child) is None
            and not any(c.dep_ == "cc" for c in node.children)
        )

    def deciding(self, token, marker: _Marker) -> bool:
        if token.pos_ in {"VERB", "AUX"}:
            return self.is_word(
                token, "agreeing_verbs", "recommending_verbs", "requesting_verbs", "pending_verbs"
            ) and not (token == marker.start and self.is_word(token, "application_verbs"))
        return self.decision_noun(token)

    def decision_noun(self, token) -> bool:
        return token.pos_ in {"NOUN", "PROPN"} and self.is_word(
            token, "agreement_nouns", "recommendation_nouns", "request_nouns"
        )

    def firmness(self, decider) -> str:
        if self.is_word(decider, "pending_verbs") or (
            self.is_word(decider, "deliberation_words") and self.unsettled(decider)
        ):
            return "undecided"
        if self.is_word(decider, "recommending_verbs", "recommendation_nouns"):
            return "recommended"
        if decider.pos_ in {"VERB", "AUX"} and self.is_word(decider, "requesting_verbs"):
            return "proposed"
        if decider.pos_ not in {"VERB", "AUX"} and self.is_word(decider, "request_nouns"):
            return "proposed"
        return "agreed"

    def unsettled(self, word) -> bool:
        """Not (yet) decided: "has not decided", "no decision", "has yet to decide", "will
        decide whether"."""
        negations = self.words("negations")
        if word.pos_ == "VERB" and word.tag_ != "VBD" and self.asks_whether(word):
            return True
        for token in [word, word.head] if word.dep_ in {"dobj", "nsubjpass"} else [word]:
            for child in token.children:
                if child.dep_ in {"neg", "det"} and child.lower_ in negations:
                    return True
                if child.dep_ == "advmod" and child.lower_ in self.words("pending_adverbs"):
                    return token.pos_ != "VERB" or token != word or child.lower_ == "yet"
        if word.dep_ == "xcomp":
            return any(c.lower_ in self.words("pending_adverbs") for c in word.head.children)
        return False

    def asks_whether(self, word) -> bool:
        """A question left open under the word: "decide whether ...", "decide on whether"."""
        for child in word.children:
            clauses = [child] + ([g for g in child.children] if child.dep_ == "prep" else [])
            for clause in clauses:
                if any(m.dep_ == "mark" and m.lower_ in {"whether", "if"} for m in clause.children):
                    return True
        return False

    def decider_agent(self, decider, way):
        if decider.pos_ in {"VERB", "AUX"}:
            agent = self.agent(decider)
            if agent is not None and agent.lower_ in self.words("relative_pronouns"):
                agent = decider.head if decider.dep_ == "relcl" else agent
            noun = decider.head
            if decider.dep_ == "acl" and self.decision_noun(noun) and agent in (None, noun):
                return self.decider_agent(noun, noun)  # "the decision to impose"
            return agent
        if way != decider:  # "made no decision": the maker
            return self.agent(way)
        if decider.dep_ in {"nsubjpass", "dobj"} and self.is_word(decider.head, "light_verbs"):
            return self.agent(decider.head)  # "the decision was taken by X"
        for child in decider.children:
            if child.dep_ in {"poss", "compound"}:
                return child
            if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
        return None

    def body(self, agent) -> tuple[str | None, bool]:
        """(deciding body, is the seat's local party); body None for a person's wish."""
        if agent is None:
            return "", False
        orgs = (
            self.named(agent, "org")
            or [m for t in agent.subtree if (m := self.mention_of(t)) and m.kind == "org"][:1]
        )
        if orgs:
            return orgs[0].name, False
        if self.named(agent, "person") and not self.named(agent, "party"):
            return None, False
        if self.is_word(agent, "local_party_nouns", "party_member_nouns") and self.local(agent):
            return "", True  # "the local party", "Labour's local party", "A's members"
        parties = self.named(agent, "party")
        if parties:
            return ("Labour", False) if parties[0].name == "Labour" else (None, False)
        if self.is_word(agent, "party_nouns") and any(
            self.is_word(c, "national_modifiers") for c in agent.children
        ):
            party = self.doc.main_party()  # "the national party": the story's party
            return ("Labour", False) if party == "Labour" else (None, False)
        if lemma(agent) in self.words("body_pronouns") or self.is_word(agent, "meeting_nouns"):
            return self.pronoun_body(agent), False
        if self.is_word(agent, "personal_pronouns"):
            return None, False
        return "", False

    def local(self, noun) -> bool:
        """ "The local party", "the constituency party", "local members", "members in A",
        "A's members", or members who are the subject under a fronted place ("In A,
        members ...")."""
        for child in noun.subtree:
            if child.i < noun.i and self.is_word(child, "local_modifiers"):
                return True
        if any(c.dep_ == "poss" and self.seats_in(c) for c in noun.children):
            return True
        if noun.dep_ in SUBJECTS and self.seats_in_tokens(self.fronted(noun.head)):
            return True
        return any(
            c.dep_ == "prep" and c.lower_ in {"in", "for"} and self.seats_in(c)
            for c in noun.children
        )

    def pronoun_body(self, pronoun) -> str:
        earlier = [
            m
            for i, m in sorted(self.mention_at.items())
            if i < pronoun.i and m.kind == "org" and not self.doc.in_quote(m.start)
        ]
        return earlier[-1].name if earlier else self.memory.recent_body(self.position)

    def other_party(self, marker: _Marker) -> bool:
        """Whether the marker's clause is about another party's selection."""
        head = marker.start
        while head.pos_ not in {"VERB", "AUX"} and head.head != head:
            head = head.head
        for token in self.within(head, set()):
            mention = self.mention_of(token)
            if mention is not None and mention.kind == "party" and mention.name != "Labour":
                return True
        return False

    def in_doubt(self, token) -> bool:
        """`Clause.doubted` within the word's own clause and the clauses it completes ("is
        expected to agree", "denied imposing", "denied that ..."), not a clause it is
        adjunct to or a clause it is the object of."""
        doubtful = doubtful_words()
        node, below = token, None
        while True:
            if below is not None and below.dep_ in SUBJECTS:
                return False
            if doubt_at(node, token, _DOUBT_CHILDREN):
                return True
            if node.head == node or node.dep_ in _UP_STOPS | {"conj"}:
                return False
            if node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"xcomp", "pcomp"}:
                return node.dep_ in {"ccomp", "acl"} and self.doubting(node.head, doubtful)
            below, node = node, node.head

    def doubting(self, head, doubtful) -> bool:
        """Whether the word a clause completes doubts it: "denied that ...", "it is not true
        that ...", "denied reports that ..."."""
        heads = [head, head.head] if head.pos_ in {"NOUN", "PROPN"} else [head]
        return any(
            lemma(word) in doubtful or any(c.dep_ == "neg" for c in word.children) for word in heads
        )

    def continues(self, start) -> bool:
        """Whether the clause refers back to a decision with "also" or "too"."""
        node = start
        while True:
            if any(self.is_word(c, "additive_adverbs") for c in node.children):
                return True
            if node.dep_ in _UP_STOPS | {"conj", "ccomp"} or node.head == node:
                return False
            node = node.head

    # --- seats ---

    def within(self, top, skip: set[int]) -> list:
        """`top` and the words under it, leaving out other clauses and `skip`ped subtrees."""
        found, stack = [], [top]
        while stack:
            token = stack.pop()
            if token.i in skip or self.quoted(token):
                continue
            found.append(token)
            for child in token.children:
                clause = child.dep_ in _CLAUSE_LINKS and child.pos_ in {"VERB", "AUX"}
                if not clause or self.is_word(child, "holding_verbs"):
                    stack.append(child)
        return sorted(found, key=lambda t: t.i)

    def seats(self, site: _Site, sites: list[_Site]) -> list[tuple[str, str]]:
        marker = site.marker
        others = {s.marker.carrier.i for s in sites if s is not site} - {marker.carrier.i}
        tokens = self.within(marker.carrier, others)
        node, way = marker.start, [marker.start]
        while node != site.decider and node.head != node and node.dep_ not in _UP_STOPS:
            if site.decider is None and node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"}:
                break
            node = node.head
            way.append(node)
        if site.decider is not None and site.decider not in way:
            way.append(site.decider)
        if marker.carrier not in way:
            way.insert(0, marker.carrier)
        on_way = {t.i for t in way}
        for node in way:
            tokens.append(node)
            for child in node.children:
                if child.i in on_way or child.i in others:
                    continue
                if child.dep_ in _CLAUSE_LINKS | {"ccomp", "xcomp"} and child.pos_ in {
                    "VERB",
                    "AUX",
                }:
                    if self.is_word(child, "succession_verbs") or child.dep_ == "xcomp":
                        tokens += self.within(child, others)
                    continue
                if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
                    continue
                tokens += self.within(child, others)
            if node.dep_ == "attr":
                subject = [c for c in node.head.children if c.dep_ in SUBJECTS]
                tokens += [t for s in subject for t in self.within(s, others)]
        tokens += self.fronted(way[-1])
        tokens = self.shared_out(site, sites, tokens)
        seats = self.seats_in_tokens(tokens)
        if not seats and not site.local:
            seats = self.references(tokens)
        return seats

    def shared_out(self, site: _Site, sites: list[_Site], tokens: list) -> list:
        """Under one decider, a place after a carrier belongs to that carrier alone:
        "all-women lists in A and open ones in B"."""
        siblings = sorted(
            {
                s.marker.carrier.i
                for s in sites
                if s.decider is not None and s.decider == site.decider
            }
        )
        if len(siblings) < 2:
            return tokens
        mine = site.marker.carrier.i
        kept = []
        for token in tokens:
            before = [i for i in siblings if i < token.i]
            if not before or before[-1] == mine or token.i in {s for s in siblings}:
                kept.append(token)
        return kept

    def fronted(self, top) -> list:
        """Places that open the clauses above: "In A, ..., the NEC has decided ...", or the
        sentence, wherever the parse attaches them."""
        first = next((t for t in self.sent if not t.is_punct), None)
        found = []
        if first is not None and first.dep_ == "prep" and first.lower_ in {"in", "for"}:
            found += list(first.subtree)
            if not any(c.dep_ == "pobj" for c in first.children):  # its object misattached
                for token in self.sent[first.i + 1 :]:
                    if token.is_punct:
                        break
                    found.append(token)
        for node in [top, *top.ancestors]:
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ in {"in", "for"} and child.i < node.i:
                    found += list(child.subtree)
        return found

    def seats_in(self, token) -> list[tuple[str, str]]:
        return self.seats_in_tokens(list(token.subtree))

    def seats_in_tokens(self, tokens) -> list[tuple[str, str]]:
        seats: list[tuple[str, str]] = []
        seen = set()
        for token in sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i):
            if token.i in seen:
                continue
            seen.add(token.i)
            for seat in self.seat_at(token):
                if (seat[0] or seat[1]) and _place(seat) not in {_place(s) for s in seats}:
                    seats.append(seat)
        return seats

    def seat_at(self, token) -> list[tuple[str, str]]:
        mention = self.mention_at.get(token.i)
        if mention is not None and mention.kind in {"constituency", "org"}:
            return [self.seat_of_token(token)]
        if mention is not None and mention.kind == "person" and self.names_a_seat(token):
            return [self.seat_of_token(token)]
        replaced = token.dep_ == "dobj" and self.is_word(token.head, "succession_verbs")
        if replaced and self.is_word(token, "personal_pronouns"):
            return [self.seat_of(self.antecedent(token))]  # "to replace him"
        owner = lemma(token) in {"their", "his", "her"} and token.dep_ == "poss"
        if owner and self.is_word(token.head, "constituency_nouns"):
            return [self.seat_of(person) for person in self.owners(token)]
        return []

    def names_a_seat(self, person) -> bool:
        """A person named for their seat: "seats held by X", "X's seat", "the seats of X",
        "to replace X"."""
        head = person
        while head.dep_ in {"conj", "appos", "compound"} and head.head != head:
            head = head.head
        if head.dep_ == "pobj" and head.head.dep_ == "agent":
            return self.is_word(head.head.head, "holding_verbs")
        if head.dep_ == "poss":
            return self.is_word(head.head, "constituency_nouns") or any(
                self.mention_of(t) and self.mention_of(t).kind == "constituency"
                for t in head.head.subtree
            )
        if head.dep_ == "pobj" and head.head.lower_ == "of":
            return self.is_word(head.head.head, "constituency_nouns")
        if head.dep_ == "dobj":
            return self.is_word(head.head, "succession_verbs")
        if head.dep_ in SUBJECTS and head.head.dep_ == "relcl":
            return self.is_word(head.head, "holding_verbs")
        return False

    def owners(self, pronoun) -> list[str]:
        """Who "their seats" belong to: the people the sentence's subject names."""
        if lemma(pronoun) != "their":
            person = self.antecedent(pronoun)
            return [person] if person else []
        root = next(t for t in self.sent if t.head == t)
        for child in root.children:
            if child.dep_ in SUBJECTS:
                return [
                    m.name
                    for t in child.subtree
                    if (m := self.mention_at.get(t.i)) and m.kind == "person"
                ]
        return []

    def references(self, tokens) -> list[tuple[str, str]]:
        """ "The seat", "the contest", "this", "ours", "there": the seat talked about;
        "both" or "they" as a subject: the seats the sentence before named."""
        for token in tokens:
            if self.is_word(token, "plural_pronouns") and token.dep_ in SUBJECTS:
                seats = self.earlier_seats()
                both = lemma(token) == "both"
                return seats if seats and (len(seats) == 2 or not both) else []
            if self.refers_to_seat(token):
                seat = self.talked_about(token)
                return [(seat, "")] if seat else []
        return []

    def earlier_seats(self) -> list[tuple[str, str]]:
        """The seats the sentence just before names, in order."""
        if self.position == 0:
            return []
        seats: list[tuple[str, str]] = []
        for mention in self.doc.views[self.position - 1].mentions:
            seat = mention.name if mention.kind == "constituency" else mention.constituency
            if seat and (seat, "") not in seats:
                seats.append((seat, ""))
        return seats

    def refers_to_seat(self, token) -> bool:
        if token.lower_ in self.words("reference_pronouns") and token.pos_ == "PRON":
            return token.lower_ != "this" or token.dep_ in SUBJECTS
        if token.lower_ == "there" and token.pos_ == "ADV":
            return True
        if token.tag_ != "NN" or not self.is_word(token, "constituency_nouns", "shortlist_nouns"):
            return False
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
            return False  # "the V contest": a place named, though not one we know
        return any(
            c.dep_ in {"det", "poss"} and c.lower_ in self.words("reference_determiners")
            for c in token.children
        )

    def talked_about(self, token) -> str:
        """The seat named last before `token` in the sentence, else the story's."""
        before = self.seats_in_tokens([t for t in self.sent if t.i < token.i])
        return before[-1][0] if before else self.story_seat()

    def story_seat(self) -> str:
        return (
            self.doc.focus_seat()
            or self.doc.section_seat(self.position)
            or recent_constituency(self.doc, self.view)
            or _only_held_seat(self.doc)
        )

    def fallback_seats(self, sites: list[_Site]) -> None:
        """A local party's seat is the one the sentence names, else the story's; a decision
        set against another ("X asked for Y, but the NEC ruled that A would be Z") is about
        the other's seat; a sentence that refers to a seat anywhere, or falls under a seat's
        heading, is about that seat; someone chosen from a list with no seat named was chosen
        in the story's seat."""
        named = next((site.seats for site in sites if site.seats), [])
        for site in sites:
            if site.seats:
                continue
            if site.local:
                site.seats = named[:1] or [(self.story_seat(), "")]
            else:
                opposed = [s.seats for s in sites if s.seats and self.opposing(site, s)]
                site.seats = opposed[0] if opposed else self.references(list(self.sent))
                if not site.seats and self.doc.section_seat(self.position):
                    site.seats = [(self.doc.section_seat(self.position), "")]
                if not site.seats and self.chosen_from(site):
                    site.seats = [(self.doc.focus_seat(), "")]
            site.seats = [s for s in site.seats if s[0] or s[1]]

    def chosen_from(self, site: _Site) -> bool:
        """Someone picked from the list, with no seat named: "X was chosen from an open
        shortlist" in a story about one seat is that seat's selection."""
        carrier = site.marker.carrier
        return (
            site.decider is None
            and carrier.dep_ == "pobj"
            and carrier.head.lower_ == "from"
            and self.is_word(carrier.head.head, "selection_verbs")
        )

    def opposing(self, site: _Site, other: _Site) -> bool:
        """Whether two decisions are set against each other in one sentence, so are about
        one seat: "members asked for X, but the NEC ruled that A would be Y"."""
        heads = [self.clause_of(s) for s in (site, other)]
        first, second = sorted(heads, key=lambda t: t.i)
        return (
            second.dep_ == "conj"
            and second.head == first
            and any(
                c.dep_ == "cc" and c.lower_ in self.words("adversative_conjunctions")
                for c in first.children
            )
        )

    def clause_of(self, site: _Site):
        node = site.decider if site.decider is not None else site.marker.start
        while node.pos_ not in {"VERB", "AUX"} and node.head != node:
            node = node.head
        return node

    def pair_respectively(self, sites: list[_Site]) -> None:
        """ "A and B will use all-women and open lists respectively"."""
        if not any(t.lower_ == "respectively" for t in self.sent) or len(sites) < 2:
            return
        shared = sites[0].seats
        if len(shared) == len(sites) and all(s.seats == shared for s in sites):
            ordered = sorted(sites, key=lambda s: s.marker.token.i)
            for site, seat in zip(ordered, shared, strict=True):
                site.seats, site.rule = [seat], "shortlist.respectively"


def _for_clause(verb) -> bool:
    """A "for X to be Y" clause, which completes the word it hangs from ("asked for the
    contest to be restricted") however the parse attaches it."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in verb.children
    )


def _place(seat: tuple[str, str]) -> str:
    """A seat's identity: its name, or "@" and its MP's when only the MP is named."""
    return seat[0].casefold() if seat[0] else "@" + seat[1]


def _only_held_seat(doc: Document) -> str:
    """The seat of a story about one MP: the only seat the article has given anyone."""
    seats = set(doc.seat_of.values())
    return next(iter(seats)) if len(seats) == 1 else ""
