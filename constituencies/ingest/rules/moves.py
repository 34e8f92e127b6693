"""Party-move rules, read from the parse: who left which party for which group -> `PartyMoveFact`.

A person moves when the parse makes them (or a pronoun or "the MP" standing for them) the
agent of a leaving verb ("quit Labour", "walked out of the party", "defected from A to
B", "crossed the floor"), of a joining verb whose party they had ("Labour MP X joined the
Liberal Democrats"), or the owner of a departure noun ("X's defection from Labour",
"her departure from the party"). Coordination shares the verb's movers ("A, B and C quit",
"P quit with Q and S"); appositions, relative clauses and partitives tie names to a
plural mover ("Three Conservatives, A, B and C, defected", "one of the NUMBER who walked
out"). Moves are also told as a route, a move per step ("went from A to B and then to
C", "via B to C", "X, A to B to C, ...", "took the A to B to C route"), a whip lost
("lost / had withdrawn the PARTY whip": to no group), a membership ended ("is no longer
a PARTY member"), "swapped A for B", or names after "former PARTY" in a sentence of
moves. Discourse carries movers too: the items of a list under a lead-in
whose main clause moves an unnamed plural ("NUMBER MPs have left A and joined B:" then
"- X, ..."); notes whose clauses leave their subject out ("X. Left A for B in MONTH, then
joined C"), about the person the sentence before names; gapped subjects ("A quit P in
MONTH, B in MONTH"); and a whip lost by a plural a copula puts the person among ("X was
one of NUMBER PARTY MPs to lose the whip"). A verb under a negation, hedge, denial,
request or plan, or in the main clause of a question, gives nothing.

`from_party` is the party the clause names, or "the party"/"it"/"that" resolved to the
person's own party or the party named last ("their parties" is none); failing that the
party the article gives the person, in any sentence that names both ("Labour MP X",
"former Conservative X", "X is the PARTY MP for U", "X held U for PARTY"). Nothing is
ever assumed: a move whose party left cannot be read is not recorded.
`to_group` is the group the clause names ("to join B", "for B", "as one of the founders
of B", a purpose clause "to help found B" wherever the parse hangs it; "to sit as an
independent" and "but has not joined B" give ""); else the group the article connects the
person to: one they later left, one they joined, lead or belong to, the one others who
left the same party went to, or the group of a move the article reports for a plural of
which the person is one ("NUMBER now sit as B"). A second move out of the new group
("left GROUP and joined PARTY", "left A for B and has since joined C") is its own fact.

Groups: a plural that is the agent of a leaving or joining verb, directly or through a
relative clause ("NUMBER PARTY MPs quit", "the MPs who quit the party on Monday",
"A, B and the five other MPs who walked out"), is a group with the party it left, the
group it joined and its number when said (on it, or on its seats: "the NUMBER seats held
by the defectors"). Its members are the people the article ties to it elsewhere: a list
of names as long as the group; a name an apposition puts among it ("A, another of the
NUMBER"); names apposed to a party's former members ("the two former PARTY-members, A and
B"); people who joined it ("have been joined by PARTY-members A and B"); and, where the
article speaks of the group's seats ("their constituencies", "the seats of the MPs who
quit"), the people it ties to a seat ("A's constituency party", "the seats held by A and
B", "U, where A is the MP"). A member moves with the group's parties unless the
article gives them another party. Leaders who merely call on the group, a list of
another size, or names in a quotation are not members.

`constituency` is the person's seat where the article ties them to one (the seats the
seat rules found, or the seat a member's own sentence names).
"""

import re
from dataclasses import dataclass, field

from ..document import Document
from ..facts import PartyMoveFact, Span
from ..parse import cue_forms, lemma_class, lexicon
from .common import list_items
from .syntax import SUBJECTS, Clause, clauses, is_passive, lemma

_SOURCE_PREPOSITIONS = {"from", "of", "with", "on", "out"}
_TARGET_PREPOSITIONS = {"to", "into", "for"}
_ARGUMENT_CLAUSES = {"xcomp", "advcl", "conj", "ccomp", "pcomp", "acl"}
_ROUTE_PREPOSITIONS = {"to", "via", "through"}


@dataclass
class _Group:
    """People the article reports moving together, unnamed where the move is told ("the
    NUMBER MPs who quit PARTY"): the party they left, the group they joined, how many."""

    source: str
    target: str | None = None
    count: int = 0
    date: str = ""
    positions: set[int] = field(default_factory=set)  # sentences that report the move


@dataclass
class _Move:
    rule: str
    spans: list[Span] = field(default_factory=list)
    to: str | None = None
    date: str = ""


def wanted(doc: Document) -> list[int]:
    """The sentences this module first reads from the parse: those where someone can move,
    and those that may give a person's party ("X is the PARTY MP for U"). (Sentences that
    may name a group's members are asked for later, once the groups are known.)"""
    return [p for p, view in enumerate(doc.views) if _may_hold_move(view) or _affiliates(view)]


def party_move_facts(doc: Document) -> list[PartyMoveFact]:
    return _Reader(doc).read()


def _word(token) -> str:
    """The lemma, or the word itself where the tagger read it as another verb ("found"
    as the past of "find")."""
    return token.lower_ if token.lower_ in lemma_class("joining_verbs") else lemma(token)


def _phrase_ok(verb, particles: dict) -> bool:
    """A verb that needs a particle, preposition or object to mean leaving or joining
    ("walk out", "break away from", "cross the floor") has one."""
    wanted = particles.get(_word(verb))
    if wanted is None:
        return True
    words = {c.lower_ for c in verb.children if c.dep_ in {"prt", "prep", "dobj", "advmod"}}
    words |= {lemma(c) for c in verb.children if c.dep_ == "dobj"}
    return bool(words & set(wanted))


class _Reader:
    def __init__(self, doc: Document):
        self.doc = doc
        self.moves: dict[tuple[str, str], _Move] = {}
        self.joins: dict[str, list[tuple[str, Span, str]]] = {}
        self.independent: set[str] = set()
        self.belongs: dict[str, list[str]] = {}
        self.affiliation: dict[str, tuple[str, bool]] = {}
        self.affiliation_span: dict[str, Span] = {}
        self.collective: list[tuple[str, str]] = []
        self.unplaced: list[tuple[str, str | None, Span, str, str]] = []  # person, to, span
        self.groups: dict[str, _Group] = {}
        self.members: list[tuple[str, Span]] = []
        self.member_seat: dict[str, str] = {}
        self.seat_counts: set[int] = set()
        self.member_group: dict[str, _Group] = {}
        # sentences that open a list with an unnamed plural's move: (left, joined, date)
        self.lead_ins: dict[int, tuple[str | None, str | None, str]] = {}
        # people whose move is told as another's: (person, whose or None, position, span, date)
        self.copies: list[tuple[str, list[str] | None, int, Span, str]] = []
        self.agent_token = None
        self.visiting: set[int] = set()
        self.leaving = lemma_class("leaving_verbs")
        self.staying = lemma_class("staying_verbs") | {"be", "become"}
        self.joining = lemma_class("joining_verbs")

    # --- reading ---

    def read(self) -> list[PartyMoveFact]:
        found = clauses(self.doc, wanted(self.doc))
        for clause in found:
            for token in clause.sent:
                if clause.mention_of(token) and clause.mention_of(token).kind == "person":
                    self.note_affiliation(clause, token)
        found = [c for c in found if _may_hold_move(c.view)]
        for clause in found:
            self.read_clause(clause)
        self.read_lists()
        if self.groups:
            self.read_members(found)
        return self.facts()

    def read_clause(self, c: Clause) -> None:
        span = self.doc.sentence_span(c.view)
        self.read_former(c, span)
        routed = self.read_routes(c, span)
        for token in c.sent:
            word = _word(token)
            if token.i in routed:
                continue
            if token.pos_ in {"VERB", "AUX"} and self.read_copy(c, token, span):
                continue
            if token.pos_ in {"VERB", "AUX"} and word in self.leaving | self.joining:
                if word in self.leaving and _phrase_ok(token, lexicon()["leaving_particles"]):
                    self.read_leaving(c, token, span)
                elif word in self.joining and _phrase_ok(token, lexicon()["joining_particles"]):
                    self.read_joining(c, token, span)
            elif token.pos_ == "NOUN" and word in lemma_class("departure_nouns"):
                self.read_departure(c, token, span)
            elif token.pos_ in {"NOUN", "PROPN", "ADJ"} and word in lemma_class("defector_nouns"):
                self.read_defector(c, token, span)
            elif token.pos_ == "NOUN" and word in lemma_class("founder_nouns"):
                self.read_founder(c, token, span)
            elif word in self.staying and token.pos_ == "VERB":
                self.read_sitting(c, token, span)
            elif token.pos_ == "NOUN" and word in lemma_class("whip_nouns"):
                self.read_whip(c, token, span)
            elif word == "be" and self.ceased(token):
                self.read_no_longer(c, token, span)
            elif word in lemma_class("leading_verbs") and token.pos_ == "VERB":
                self.read_leading(c, token)
            elif word in lemma_class("independent_words") and not self.unrealised(c, token):
                for person in self.stayers(c, token):
                    self.independent.add(person)

    def read_leaving(self, c: Clause, verb, span: Span) -> None:
        if self.unrealised(c, verb):
            return
        if verb.dep_ == "advcl" and not list(verb.children):
            return  # no clause at all: a noun the tagger took for a verb ("the PARTY left")
        role = next((ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "as"), None)
        founded = self.founded_in(c, role) if role is not None else None
        if role is not None and founded is None:
            return  # "quit as a minister": an office, not a party
        agent = self.agent(c, verb)
        if agent is None:
            self.read_elided(c, verb, span)
            return
        if c.mention_of(agent) is None and lemma(agent) not in self.plural_words():
            # a counted plural subject set off by a dateline ("PLACE - NUMBER MPs quit")
            agent = next(
                (ch for ch in agent.children if ch.dep_ == "appos" and self.is_group(c, ch)),
                agent,
            )
        people, plural = self.people(c, agent)
        self.agent_token = agent
        source = self.source(c, verb, people[0] if people else "")
        if source is False:
            return  # "left the meeting": something other than a party
        if source is None and is_passive(verb):
            patient = c.patient(verb)  # "Labour was abandoned by X"
            source = self.party_ref(c, patient, "") if patient is not None else None
        if source is None and c.mention_of(agent) is None:
            source = self.party_word(c, agent)  # "NUMBER PARTY MPs quit"
        elif source is None and len(people) == 1:
            source = self.plural_party(c, agent, verb)  # "X was the first PARTY MP to quit"
        own = source or (self.own_party(people[0]) if people else None)
        target = self.target_of(c, verb, own)
        date = self.date(verb)
        if not people:
            if plural and not source and self.is_group(c, agent):
                # a plural agent with no party of its own ("the MPs who left"): the one
                # party the sentence names outside quotations is the one the group left
                named = [
                    m.name
                    for i, m in sorted(c.mention_at.items())
                    if m.kind == "party" and m.name != target and not c.quoted(c.sent[i])
                ]
                source = named[0] if len(set(named)) == 1 else None
            if plural and source:
                self.collective.append((source, target))
                self.note_group(c, agent, source, target, date)
            if plural:
                self.note_lead_in(c, verb, source, target, date)
            return
        for member in c.members(agent):
            # "A, B and the NUMBER other MPs who left": a group beside the names
            if people and c.mention_of(member) is None and _count(member) > 1:
                party = source or self.party_word(c, member)
                if party:
                    self.note_group(c, member, party, target, date)
        paired = self.respectively(c, verb, people)
        if paired:
            for person, party in paired:
                self.note(person, party, target, span, "party_move.left", date)
            return
        dates = {person: date for person in people + self.company(c, verb)}
        dates |= {person: own for person, own in self.gapped(c, verb) if person not in dates}
        for person, date in dates.items():
            party = source or self.own_party(person)
            if party and party != target:
                self.note(person, party, target, span, "party_move.left", date)
            elif not party:
                self.unplaced.append((person, target, span, "party_move.left", date))

    def read_joining(self, c: Clause, verb, span: Span) -> None:
        agent = self.agent(c, verb)
        self.agent_token = agent
        first = self.people(c, agent)[0][:1] if agent is not None else []
        group = self.joined_group(c, verb, exclude=self.own_party(first[0]) if first else None)
        if not group and not self.unrealised(c, verb) and self.joined_by(c, verb, span):
            return
        if not group and agent is not None and not self.unrealised(c, verb):
            # a counted or listed plural whose party its modifiers give ("NUMBER former
            # PARTY MPs, among them A and B") joins the group the article reports
            party = self.party_word(c, agent)
            if party and self.is_group(c, agent) and (_count(agent) > 1 or self.tied(c, agent)):
                self.note_group(c, agent, party, None, self.date(verb))
                for person in self.tied(c, agent):
                    self.note(person, party, None, span, "party_move.joined", "")
            return
        if not group:
            return
        if self.unrealised(c, verb):
            if self.refused(c, verb) or self.negated(verb):
                agent = self.agent(c, verb)
                if agent is not None:
                    self.independent.update(self.people(c, agent)[0])
            return
        if verb.dep_ in {"conj", "xcomp", "advcl"} and lemma(verb.head) in self.leaving:
            if verb.dep_ == "conj":
                self.read_onward(c, verb, group, span)
            return  # the leaving verb it completes reads it
        if any(ch.dep_ == "agent" for ch in verb.children):
            # the "by" agent of a passive joining verb ("GROUP was joined by PARTY-members
            # A and B"): each named agent joins
            agent = next(ch for ch in verb.children if ch.dep_ == "agent")
            for pobj in (g for g in agent.children if g.dep_ == "pobj"):
                for person in self.people(c, pobj)[0]:
                    self.unplaced.append((person, group, span, "party_move.joined_by", ""))
            return
        people, plural = (
            self.people(c, agent) if agent is not None else (self.elided(c, verb), False)
        )
        dates = {person: self.date(verb) for person in people}
        for person, own in self.gapped(c, verb) if people else []:
            dates.setdefault(person, own)
        former = (
            self.plural_party(c, agent, verb) if len(people) == 1 and agent is not None else None
        )
        if former and former != group:  # "X is the ORDINAL PARTY MP to join B"
            self.note(people[0], former, group, span, "party_move.joined", dates[people[0]])
            return
        if not people and plural:
            party = self.party_word(c, agent)
            if party and party != group:
                self.collective.append((party, group))
                self.note_group(c, agent, party, group, self.date(verb))
            self.note_lead_in(c, verb, party, group, self.date(verb))
        for person, date in dates.items():
            self.joins.setdefault(person, []).append((group, span, date))

    def read_elided(self, c: Clause, verb, span: Span) -> None:
        """A leaving verb whose subject is left out, as in notes and fact boxes ("X. Left
        PARTY for GROUP in MONTH."): the mover is the person the sentence before is about."""
        people = self.elided(c, verb)
        source = self.source(c, verb, people[0]) if people else False
        if source is False:
            return
        for person in people:
            party = source or self.own_party(person)
            target = self.target_of(c, verb, party)
            if party and party != target:
                self.note(person, party, target, span, "party_move.left", self.date(verb))
            elif not party:
                self.unplaced.append((person, target, span, "party_move.left", self.date(verb)))

    def elided(self, c: Clause, verb) -> list[str]:
        """Who a sentence that opens with a finite verb and names no subject ("Left PARTY
        in MONTH, then joined GROUP; left it in MONTH") is about: the person the sentence
        before, in the same paragraph, names first."""
        opener = next((t for t in c.sent if not (t.is_punct or t.is_space)), None)
        if opener is None or opener.pos_ != "VERB" or opener.tag_ not in {"VBD", "VBZ", "VBN"}:
            return []
        if _verb_chain(opener)[-1] != _verb_chain(verb)[-1]:
            return []
        if any(
            ch.dep_ in SUBJECTS
            for node in _verb_chain(opener) + _verb_chain(verb)
            for ch in node.children
        ):
            return []
        before = self.doc.views[c.position - 1] if c.position else None
        if before is None or before.sentence.paragraph != c.view.sentence.paragraph:
            return []
        person = self.doc.recent_subject(c.position, include_current=False, back=1)
        return [person] if person else []

    def read_routes(self, c: Clause, span: Span) -> set:
        """Routes from party to party, each step a move (the first with the date of the
        verb that tells it): "went from A to B and then to C", "moved from A via B to C",
        "took the A to B to C route", "made the same journey, A to B to C", "X, A to B to
        C, is ...", "her journey from A to B". A route names its start after "from" or
        has more than one step, and is told of a person: an apposition on them, their
        route noun, or a journey verb (or a verb taking a route noun) they are the agent
        of. The verbs whose routes were read, which are read for nothing else (a leaving
        verb with a single step is left to `read_leaving`)."""
        read = set()
        stopped: set[int] = set()
        for token in c.sent:
            mention = c.mention_of(token)
            if mention is None or mention.kind != "party" or token.i in stopped:
                continue
            if c.quoted(token) or (token.i and c.mention_of(c.sent[token.i - 1]) == mention):
                continue
            stops = [token, *self.route_after(c, token)]
            stopped.update(stop.i for stop in stops)
            route = [c.mention_of(stop).name for stop in stops]
            if len(route) < 2 or (len(route) == 2 and not _opened(c, token)):
                continue
            people, verb = self.travellers(c, token)
            if verb is not None and len(route) == 2 and _word(verb) in self.leaving:
                continue
            for person in people:
                for step, (left, joined) in enumerate(zip(route, route[1:], strict=False)):
                    date = self.date(verb) if step == 0 and verb is not None else ""
                    self.note(person, left, joined, span, "party_move.journey", date)
            if people and verb is not None:
                read.add(verb.i)
        return read

    def route_after(self, c: Clause, start) -> list:
        """The parties named after a route's start, each after "to", "via" or "through":
        "to B and then to C", "to B to C", "via B to C"."""
        route = []
        i = start.i
        while True:
            while i + 1 < len(c.sent) and c.mention_of(c.sent[i + 1]) == c.mention_of(c.sent[i]):
                i += 1  # the rest of the mention
            i += 1
            while i < len(c.sent) and (
                c.sent[i].is_punct or c.sent[i].lower_ in lemma_class("journey_links")
            ):
                i += 1
            if i + 1 >= len(c.sent) or c.sent[i].lower_ not in _ROUTE_PREPOSITIONS:
                return route
            i += 1
            if c.sent[i].pos_ == "DET":
                i += 1
            mention = c.mention_of(c.sent[i]) if i < len(c.sent) else None
            if mention is None or mention.kind != "party" or c.quoted(c.sent[i]):
                return route
            route.append(c.sent[i])

    def travellers(self, c: Clause, stop) -> tuple[list[str], object]:
        """Who travels a route whose first stop is `stop`, and the verb that tells it: the
        person it is set beside ("X, A to B to C"), the owner of its route noun ("X's
        journey from A to B"), or the agent of the journey verb, or of the verb taking a
        route noun ("X took the A to B to C route"), it hangs from; the one taken where a
        route is the agent ("a journey that took her from A to B")."""
        routes = lemma_class("route_nouns")
        node = stop
        while node.head != node:
            parent = node.head
            mention = c.mention_of(parent)
            if mention is not None and mention.kind == "person":
                return (self.people(c, parent)[0], None) if node.dep_ == "appos" else ([], None)
            owners = [ch for ch in parent.children if ch.dep_ == "poss"]
            if lemma(parent) in routes and owners and c.mention_of(owners[0]) is not None:
                return self.people(c, owners[0])[0], None
            if parent.pos_ in {"VERB", "AUX"}:
                return self.journey_agents(c, parent), parent
            node = parent
        return [], None

    def journey_agents(self, c: Clause, verb) -> list[str]:
        routes = lemma_class("route_nouns")
        routed = (verb.dep_ == "relcl" and lemma(verb.head) in routes) or any(
            lemma(t) in routes and t.pos_ == "NOUN" and _verb_of(t) == verb for t in verb.subtree
        )
        if lemma(verb) not in lemma_class("journey_verbs") and not routed:
            return []
        if self.unrealised(c, verb):
            return []
        agent = self.agent(c, verb)
        if agent is not None and lemma(agent) in routes:
            agent = c.patient(verb)  # "a journey that took her from A to B"
        return self.people(c, agent)[0] if agent is not None else []

    def read_copy(self, c: Clause, verb, span: Span) -> bool:
        """A move told as the same as another's: "X did the same / did likewise", "X
        followed suit", "X took the same route" (the move told just before), "X followed
        her / them" with no party of its own (that person's or group's move). Whether the
        verb was read so."""
        copying = lemma_class("copying_words")
        routes = lemma_class("route_nouns")
        objects = [ch for ch in verb.children if ch.dep_ == "dobj"]
        modifiers = [ch for ch in verb.children if ch.dep_ in {"dobj", "advmod"}]
        whose = None
        if lemma(verb) == "do":
            same = any(lemma(ch) in copying for ch in modifiers)  # "did the same"
        elif lemma(verb) in self.leaving:
            same = any(lemma(o) in copying for o in objects)  # "followed suit"
        else:
            same = False
        same = same or any(  # "took the same route"
            lemma(o) in routes and any(lemma(a) in copying for a in o.children) for o in objects
        )
        if not same:
            if (
                lemma(verb) not in self.leaving
                or not objects
                or self.source(c, verb, "") is not False
            ):
                return False
            named, plural = self.people(c, objects[0])
            if not named and not plural:
                return False
            whose = named or None  # "followed her", "followed them"
        if self.unrealised(c, verb):
            return True
        agent = self.agent(c, verb)
        for person in self.people(c, agent)[0] if agent is not None else []:
            self.copies.append((person, whose, c.position, span, self.date(verb)))
        return True

    def copied(self) -> None:
        """The moves of people whose move is told as another's: the moves of the person
        named, else those told in the same sentence or the one before, each from the
        person's own party where the article gives it."""
        starts = [view.sentence.start for view in self.doc.views]
        for person, whose, position, span, date in self.copies:
            if any(who == person and span in m.spans for (who, _), m in self.moves.items()):
                continue  # "X, who quit PARTY, is doing the same": the same as something else
            told = [
                (starts.index(said.start) if said.start in starts else -1, who, party, move)
                for (who, party), move in self.moves.items()
                for said in move.spans
                if who != person
            ]
            if whose:
                steps = {(party, m.to) for _, who, party, m in told if who in whose}
            else:
                said = [p for p, *_ in told] + [
                    p for g in self.groups.values() for p in g.positions
                ]
                last = max((p for p in said if position - 1 <= p <= position), default=-1)
                steps = {(party, m.to) for p, _, party, m in told if p == last >= 0}
                steps |= {(g.source, g.target) for g in self.groups.values() if last in g.positions}
            own = self.own_party(person)
            reached = {to for _, to in steps}
            for party, target in steps:
                first = party not in reached  # the step out of the first party
                start = own if own and first else party
                if start != target:
                    when = date if first else ""
                    self.note(person, start, target, span, "party_move.copied", when)

    def read_onward(self, c: Clause, verb, group: str, span: Span) -> None:
        """A later join coordinated with a move to another group ("left PARTY for GROUP
        and has since joined OTHER"): a second move, out of the group first joined."""
        leaving = verb.head
        if self.unrealised(c, leaving) or is_passive(leaving):
            return
        agent = self.agent(c, verb)
        people = self.people(c, agent)[0] if agent is not None else self.elided(c, verb)
        if not people:
            return
        source = self.source(c, leaving, people[0])
        if not source:
            return
        first = self.target_of(c, leaving, source)
        if not first or first in {group, source}:
            return
        for person in people:
            self.note(person, first, group, span, "party_move.joined", self.date(verb))

    def target_of(self, c: Clause, verb, source) -> str | None:
        """The group a leaving verb's clause says the mover joined (see `destination`)."""
        role = next((ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "as"), None)
        founded = self.founded_in(c, role) if role is not None else None
        target = founded or self.destination(c, verb, source)
        return self.purpose(c, verb, source) if target is None else target

    def read_sitting(self, c: Clause, verb, span: Span) -> None:
        """X belongs to group B: "X now sits with B", "sits as a B member". A counted or
        unnamed plural that sits as B ("NUMBER now sit together as B") is the article's
        movers, gone to B from a party it does not say."""
        if self.unrealised(c, verb):
            return
        agent = self.agent(c, verb)
        if agent is None:
            return
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in {"with", "as"}:
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    mention = c.mention_of(pobj)
                    if mention is not None and mention.kind == "party":
                        people, plural = self.people(c, agent)
                        for person in people:
                            self.joins.setdefault(person, []).append((mention.name, span, ""))
                        if not people and plural and self.is_group(c, agent):
                            self.collective.append(("", mention.name))

    def read_whip(self, c: Clause, whip, span: Span) -> None:
        """X loses a party's whip: X left PARTY for no group. "X lost / surrendered the PARTY
        whip", "X had the PARTY whip withdrawn", "X was stripped of the whip", "X, whose
        whip was withdrawn". The party is the whip's, else the one the article gives X."""
        verb = whip.head
        removing = lemma_class("whip_removing_verbs")
        holders = []
        if whip.dep_ == "dobj" and lemma(verb) in lemma_class("whip_losing_verbs"):
            holders = [self.agent(c, verb)]
        elif whip.dep_ == "dobj" and lemma(verb) == "have":
            done = [ch for w in (whip, verb) for ch in w.children if ch.tag_ == "VBN"]
            if any(lemma(ch) in removing for ch in done):
                holders = [self.agent(c, verb)]  # "had the whip withdrawn"
        elif (
            whip.dep_ == "nsubj"
            and lemma(verb) in removing
            and verb.tag_ == "VBN"
            and lemma(verb.head) == "have"
        ):
            verb = verb.head  # the parse's other reading of "had the whip withdrawn"
            holders = [self.agent(c, verb)]
        elif whip.dep_ == "pobj" and whip.head.lower_ == "of" and lemma(verb.head) in removing:
            verb = verb.head  # "was stripped of the whip", "MPs stripped of the whip"
            holders = [verb.head if verb.dep_ == "acl" else c.subject(verb)]
        elif whip.dep_ == "nsubjpass" and lemma(verb) in removing:
            holders = [ch for ch in whip.children if ch.dep_ == "poss"]  # "her whip was ..."
            if verb.dep_ == "relcl" and any(lemma(h) == "whose" for h in holders):
                holders = [verb.head]  # "X, whose whip was withdrawn"
            holders += c.prepositional(verb, {"from"})  # "the whip was withdrawn from X"
        modal = any(ch.dep_ == "aux" and ch.tag_ == "MD" for ch in verb.children)
        if modal or self.unrealised(c, verb):
            return
        party = self.party_word(c, whip)
        for holder in (h for h in holders if h is not None):
            plural = self.plural_party(c, holder)
            for person in self.people(c, holder)[0]:
                left = party or plural or self.own_party(person)
                if left:
                    self.note(person, left, "", span, "party_move.whip", self.date(verb))

    def plural_party(self, c: Clause, token, verb=None) -> str | None:
        """The party of the plural a mover is, or is put among by a copula: "PARTY MPs",
        "X was one of NUMBER PARTY MPs to ...", "X was among the PARTY MPs who ...";
        with the move's `verb`, also the complement that verb completes ("X became the
        ORDINAL PARTY MP to quit")."""
        if c.mention_of(token) is None and not c.refers_back(token):
            return self.party_word(c, token)
        if token.dep_ not in SUBJECTS or lemma(token.head) not in {"be", "become"}:
            return None
        copula = token.head
        for attr in (ch for ch in copula.children if ch.dep_ == "attr"):
            completed = verb is not None and verb.head in {attr, copula}
            if completed and verb.dep_ in {"acl", "relcl", "advcl", "xcomp"}:
                party = self.party_word(c, attr)
                if party:
                    return party
        among = [p for p in copula.children if p.dep_ == "prep" and p.lower_ == "among"]
        among += [
            p
            for attr in copula.children
            if attr.dep_ == "attr"
            and (lemma(attr) in lemma_class("partitives") or attr.pos_ == "NUM")
            for p in attr.children
            if p.dep_ == "prep" and p.lower_ == "of"
        ]
        for prep in among:
            for plural in (g for g in prep.children if g.dep_ == "pobj"):
                party = self.party_word(c, plural)
                if party:
                    return party
        return None

    def ceased(self, verb) -> bool:
        """A copula said to hold no more: "is no longer", "is not ... any more"."""
        for adverb in (ch for ch in verb.children if ch.dep_ == "advmod"):
            if adverb.lower_ in lemma_class("cessation_adverbs") and (
                any(g.dep_ == "neg" for g in adverb.children) or self.negated(verb)
            ):
                return True
        return False

    def read_former(self, c: Clause, span: Span) -> None:
        """In a sentence that tells of moves, names a party's former membership is put
        before: "former PARTY A", "former PARTY members A and B" - they left PARTY.
        ("Former PARTY MP" or "minister" may be an office no longer held: not read.)"""
        text = self.doc.text
        mentions = sorted(c.view.mentions, key=lambda m: m.start)
        former = "|".join(sorted(lemma_class("former_words")))
        members = "|".join(sorted(lemma_class("party_member_nouns")))
        for party, person in zip(mentions, mentions[1:], strict=False):
            if party.kind != "party" or person.kind != "person" or self.doc.in_quote(person.start):
                continue
            before = text[max(0, party.start - 12) : party.start].lower()
            between = text[party.end : person.start].lower()
            if not re.search(rf"\b({former})\s+$", before):
                continue
            if not re.match(rf"^\s*(({members})s?\s+)?$", between):
                continue
            listed = [person]
            for after in mentions[mentions.index(person) + 1 :]:
                if after.kind != "person" or not re.match(
                    r"^\s*(,|and|, and)\s*$", text[listed[-1].end : after.start]
                ):
                    break
                listed.append(after)
            for each in listed:
                self.note(each.name, party.name, None, span, "party_move.former", "")

    def read_no_longer(self, c: Clause, verb, span: Span) -> None:
        """X is no longer a PARTY member: X left PARTY ("is no longer a Conservative", "is
        no longer a Labour MP", "is no longer a member of PARTY")."""
        if self.doubted(verb) or self.refused(c, verb) or self.asked(c, verb):
            return
        subject = c.subject(verb)
        people = self.people(c, subject)[0] if subject is not None else []
        for attr in (ch for ch in verb.children if ch.dep_ == "attr"):
            party = self.party_ref(c, attr, "") if c.mention_of(attr) else None
            party = party or self.party_word(c, attr)
            if party is None and lemma(attr) in lemma_class("office_nouns"):
                for prep in (ch for ch in attr.children if ch.dep_ == "prep" and ch.lower_ == "of"):
                    party = party or self.party_in_target(c, prep, None)
            for person in people if party else []:
                self.note(person, party, None, span, "party_move.no_longer", "")

    def read_leading(self, c: Clause, verb) -> None:
        """X leads group B ("now leads the group", "who chairs B"): X belongs to B, the
        group a move of X's without a group of its own went to. Leading is no move."""
        if self.unrealised(c, verb):
            return
        agent = self.agent(c, verb)
        if agent is None:
            return
        for led in (ch for ch in verb.children if ch.dep_ == "dobj"):
            mention = c.mention_of(led)
            if mention is None and lemma(led) not in lemma_class("group_nouns"):
                continue
            group = self.party_ref(c, led, "")
            for person in self.people(c, agent)[0] if group else []:
                self.belongs.setdefault(person, []).append(group)

    def read_departure(self, c: Clause, noun, span: Span) -> None:
        if self.unrealised(c, noun):
            return
        owners = [ch for ch in noun.children if ch.dep_ == "poss"]
        owners += [
            g
            for ch in noun.children
            if ch.dep_ == "prep" and ch.lower_ == "of"
            for g in ch.children
            if g.dep_ == "pobj"
        ]
        people = [p for owner in owners for p in self.people(c, owner)[0]]
        if not people:
            return
        source = None
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in {"from", "of"}:
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    source = source or self.party_ref(c, pobj, people[0])
        if source is None and lemma(noun) == "resignation":
            return  # a resignation from an office, unless the party is said
        target = None
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in _TARGET_PREPOSITIONS:
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    target = target or self.party_ref(c, pobj, people[0])
        date = next(
            (
                c_.text
                for c_ in noun.children
                if c_.dep_ == "poss" and c_.lower_ in lemma_class("weekdays")
            ),
            "",
        ) or self.date(noun)
        for person in people:
            party = source or self.own_party(person)
            if party and party != target:
                self.note(person, party, target, span, "party_move.departure", date)
            elif not party:
                self.unplaced.append((person, target, span, "party_move.departure", date))

    def read_defector(self, c: Clause, noun, span: Span) -> None:
        """ "fellow defector X", "X, one of the splitters", "the defectors, A and B"."""
        if self.unrealised(c, noun):
            return
        people = []
        if noun.dep_ in {"compound", "amod", "appos"} and c.mention_of(noun.head):
            people = self.people(c, noun.head)[0]
        else:
            people = self.tied(c, noun)
        source = target = None
        preps = [ch for ch in noun.children if ch.dep_ == "prep"]
        preps += [g for ch in preps for g in ch.children if g.dep_ == "prep"]  # "from A to B"
        for prep in preps:
            if prep.lower_ == "from":  # "a defector from PARTY (to GROUP)"
                source = source or self.party_in_target(c, prep, None)
            elif prep.lower_ in _TARGET_PREPOSITIONS:
                target = target or self.party_in_target(c, prep, source)
        for person in people:
            if source and source != target:
                self.note(person, source, target, span, "party_move.defector", "")
            else:
                self.unplaced.append((person, target, span, "party_move.defector", ""))

    def read_founder(self, c: Clause, noun, span: Span) -> None:
        """ "X, a founder of the group", "one of the founders of B"."""
        group = None
        for prep in (ch for ch in noun.children if ch.dep_ == "prep" and ch.lower_ == "of"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                group = group or self.party_ref(c, pobj, "")
        if not group or self.unrealised(c, noun):
            return
        people = self.people(c, noun.head)[0] if noun.dep_ == "appos" else self.tied(c, noun)
        for person in people:
            self.joins.setdefault(person, []).append((group, span, ""))

    # --- lists ---

    def note_lead_in(self, c: Clause, verb, source, target, date: str) -> None:
        """A sentence whose main clause tells of an unnamed plural's move and that ends in
        a colon ("NUMBER MPs have left A and joined B:") opens a list of the movers."""
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        if main and c.view.sentence.text.rstrip().endswith(":"):
            self.lead_ins.setdefault(c.position, (source, target, date))

    def read_lists(self) -> None:
        """The items of a list under a lead-in each name a mover: the person an item is
        about moves as the lead-in says, from the party the article gives them where the
        lead-in does not say ("- X, who represented U for PARTY, joined in MONTH")."""
        for position, (source, target, date) in self.lead_ins.items():
            items = list_items(self.doc, position)
            for c in clauses(self.doc, items):
                person, subject = self.item_subject(c)
                if not person:
                    break
                if subject is not None:
                    self.note_seat(person, self.described_seat(c, subject))
                party = source or self.own_party(person)
                if party and party != target:
                    span = self.doc.sentence_span(c.view)
                    self.note(person, party, target, span, "party_move.listed", date)

    def item_subject(self, c: Clause) -> tuple[str, object]:
        """Who a list item is about, and the token naming them: the person its main
        clause is said of, else the one person it names ("U - X - N")."""
        for token in c.sent:
            if token.dep_ == "ROOT":
                subject = c.subject(token) if token.pos_ in {"VERB", "AUX"} else token
                names = self.people(c, subject)[0] if subject is not None else []
                if names and c.mention_of(subject) is not None:
                    return names[0], subject
        named = {
            m.name
            for m in c.view.mentions
            if m.kind == "person" and not m.possessive and not self.doc.in_quote(m.start)
        }
        return (named.pop(), None) if len(named) == 1 else ("", None)

    def described_seat(self, c: Clause, person) -> str:
        """The seat an apposition on a person names, as its MP now or before: "X, the
        (former) MP for U", "X, formerly U's MP"."""
        for appos in (ch for ch in person.children if ch.dep_ == "appos"):
            if lemma(appos) in lemma_class("office_nouns"):
                seat = c.seat_named(appos)
                if seat:
                    return seat
        return ""

    # --- groups ---

    def note_group(self, c: Clause, agent, source: str, target, date: str) -> None:
        group = self.groups.setdefault(source, _Group(source))
        if group.target is None and target is not None:
            group.target = target
        group.count = group.count or _count(agent)
        group.date = group.date or date
        group.positions.add(c.position)

    def joined_by(self, c: Clause, verb, span: Span) -> bool:
        """ "The MPs who quit have been joined by A and B": A and B moved with the group
        the subject stands for (to the group it joined, from their own party)."""
        agents = [
            g for ch in verb.children if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"
        ]
        subject = c.subject(verb) if is_passive(verb) else None
        if not agents or subject is None or not self.is_group(c, subject):
            return False
        for pobj in agents:
            party = c.mention_of(pobj)
            people = self.people(c, pobj)[0] or self.set_off(c, pobj)
            for person in people:
                if party is not None and party.kind == "party":
                    self.affiliation.setdefault(
                        person, (party.name, False)
                    )  # "by PARTY-members A, B"
                self.unplaced.append((person, None, span, "party_move.joined_by", ""))
        return True

    def set_off(self, c: Clause, plural) -> list[str]:
        """Names set off after a plural by a stray full stop, which the parser reads as a
        fragment of their own ("joined by Conservatives.A, B and C"): its apposition."""
        after = plural.i + 1
        if after + 1 >= len(c.sent) or not c.sent[after].is_punct:
            return []
        first = c.sent[after + 1]
        while first.dep_ != "ROOT" and first.head.i > first.i:
            first = first.head
        if first.dep_ != "ROOT" or c.mention_of(first) is None:
            return []
        names = [c.mention_of(t) for t in _listed(c, first)]
        if all(m is not None and m.kind == "person" for m in names):
            return [m.name for m in names]
        return []

    def is_group(self, c: Clause, token) -> bool:
        """Whether `token` can stand for a group of movers: a plural pronoun, or an
        unnamed plural of people ("the MPs", "the NUMBER splitters", "those who quit")."""
        if token.lower_ in lemma_class("plural_anaphors"):
            return True
        if c.mention_of(token) is not None:
            return False
        if token.lower_ in lexicon()["number_words"] or token.tag_ == "CD":
            return True  # "the NUMBER": a counted group without its noun
        return token.tag_ in {"NNS", "NNPS"} and lemma(token) in self.plural_words()

    def read_members(self, found: list[Clause]) -> None:
        """Members of the article's groups, named apart from the move: a list of people
        as long as a group ("the NUMBER ... A, B, C, D, E, F and G"); a person an
        apposition puts among the group ("A, another of the NUMBER"); and, where the
        article speaks of the group's seats ("their constituencies", "the seats held by
        the defectors"), the people it ties to a seat ("A's constituency party", "the
        seats held by A and B")."""
        seen = {c.position for c in found}
        views = [(p, v, _words(v)) for p, v in enumerate(self.doc.views) if p not in seen]
        seat_forms = cue_forms("seat_words")
        plurals = cue_forms("plural_anaphors", "office_nouns", "defector_nouns")
        spoken = [p for p, _, words in views if words & seat_forms and words & plurals]
        more = clauses(self.doc, spoken)
        group_seats = self.group_seats(found + more)
        counts = {g.count for g in self.groups.values() if g.count > 1} | self.seat_counts
        wanted = [
            p
            for p, view, words in views
            if p not in spoken and self.may_name_members(view, words, counts, group_seats)
        ]
        more += clauses(self.doc, wanted)
        for clause in more:
            for token in clause.sent:
                if clause.mention_of(token) and clause.mention_of(token).kind == "person":
                    self.note_affiliation(clause, token)
        for c in sorted(found + more, key=lambda c: c.position):
            span = self.doc.sentence_span(c.view)
            for token in c.sent:
                mention = c.mention_of(token)
                if mention is not None and mention.kind == "person" and not c.quoted(token):
                    self.listed_members(c, token, counts, span)
                    self.former_member(c, token, span)
                    if any(self.is_group(c, g) for g in self.described_among(token)):
                        self.members.append((mention.name, span))
                        self.note_seat(mention.name, self.held_seat(c, token))
                if group_seats and self.is_seat(c, token):
                    self.seat_members(c, token, span)

    def may_name_members(self, view, words: set[str], counts: set[int], seats: bool) -> bool:
        """Whether a sentence can name members, by its words: as many people as a group,
        a seat word (or a constituency held) when the group's seats are spoken of, or a
        partitive ("another of the NUMBER")."""
        named = [m.name for m in view.mentions if m.kind == "person"]
        movers = {who for who, _ in self.moves}
        if not set(named) - movers:
            return False  # no one it could add
        people = len(named)
        if counts and people >= min(counts):
            return True
        # a seat word owned ("A's seat", "the seats of A"), or a seat said to be held by
        # someone or to be theirs as its MP ("where A is the MP")
        holding = words & cue_forms("seat_holding_verbs")
        owners = cue_forms("personal_pronouns", "winning_verbs") | {"of"}
        owned = words & owners or holding or any(w.endswith(("'s", "’s", "‘s")) for w in words)
        constituency = any(m.kind == "constituency" for m in view.mentions)
        where = "where" in words and words & cue_forms("office_nouns")
        if seats and words & cue_forms("seat_words") and owned:
            return True
        if seats and constituency and (holding or where):
            return True
        among = set(lexicon()["number_words"]) | cue_forms("defector_nouns") | {"those"}
        if words & among and words & {"of", "among"}:
            return True
        return bool(
            words & cue_forms("former_words") and any(m.kind == "party" for m in view.mentions)
        )

    def listed_members(self, c: Clause, token, counts: set[int], span: Span) -> None:
        """A list of people as long as a group: its members. They belong to the group
        whose move the sentence reports, else to the one as large as the list."""
        if _continues(c, token):
            return
        listed = _listed(c, token)
        if len(listed) < 2 or len(listed) not in counts:
            return
        names = [c.mention_of(m) for m in listed]
        if not all(m is not None and m.kind == "person" for m in names):
            return
        here = [g for g in self.groups.values() if c.position in g.positions]
        sized = [g for g in self.groups.values() if g.count == len(listed)]
        others = {who for who, _ in self.moves} - {m.name for m in names}
        # a group whose every member is already named elsewhere is not this list
        open_ = [
            g for g in sized if len({w for w in others if (w, g.source) in self.moves}) < g.count
        ]
        if sized and not open_ and not here:
            return
        sized = open_
        self.members += [(m.name, span) for m in names]
        chosen = here[:1] or (sized if len(sized) == 1 else [])
        for m in names if chosen else []:
            self.member_group.setdefault(m.name, chosen[0])

    def seat_members(self, c: Clause, seat, span: Span) -> None:
        """The people a seat word ties to their seat, with the seat it names."""
        for holder in self.seat_holders(c, seat):
            if c.quoted(holder) or self.is_group(c, holder):
                continue
            named = self.people(c, holder)[0]
            self.members += [(person, span) for person in named]
            seats = [m for m in c.members(seat) if self.is_seat(c, m)]
            if len(named) == 1:
                self.note_seat(named[0], self.seat_named(c, seat))
            elif len(named) == len(seats):  # "A and B, held by X and Y", in order
                for person, each in zip(named, seats, strict=True):
                    self.note_seat(person, self.seat_named(c, each))

    def group_seats(self, found: list[Clause]) -> bool:
        """Whether the article speaks of the group's seats: "their constituencies", "the
        NUMBER seats held by the defectors", "B's seats" for B the group joined. A number
        on the seats counts the group."""
        targets = {g.target for g in self.groups.values() if g.target}
        spoken = False
        for c in found:
            for token in c.sent:
                if not self.is_seat(c, token):
                    continue
                for holder in self.seat_holders(c, token):
                    if self.is_group(c, holder):
                        spoken = True
                        if _count(token) > 1:
                            self.seat_counts.add(_count(token))
                for child in token.children:
                    mention = c.mention_of(child)
                    if child.dep_ == "compound" and mention and mention.name in targets:
                        spoken = True
        return spoken

    def described_among(self, person) -> list:
        """Plurals an apposition puts a person among: "X, another of the NUMBER", "X,
        the best known of the defectors", "X, one of those who quit"."""
        found = []
        for appos in (ch for ch in person.children if ch.dep_ == "appos"):
            described = [ch for ch in appos.children if ch.dep_ == "amod"]
            for word in [appos, *appos.conjuncts, *described]:
                for prep in word.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"of", "among"}:
                        found += [g for g in prep.children if g.dep_ == "pobj"]
        return found

    def is_seat(self, c: Clause, token) -> bool:
        mention = c.mention_of(token)
        if mention is not None:
            return mention.kind == "constituency" and c.mention_at.get(token.i) == mention
        return lemma(token) in lemma_class("seat_words") and token.pos_ in {"NOUN", "PROPN"}

    def former_member(self, c: Clause, person, span: Span) -> None:
        """Names apposed to a plural of a party's former members ("the two former
        Conservatives, A and B"): they left that party."""
        head = person
        while _continues(c, head) and head.dep_ == "conj":
            head = head.head
        if head.dep_ != "appos" or head.head.tag_ not in {"NNS", "NNPS"}:
            return
        plural = head.head
        party = c.mention_of(plural)
        if party is None or party.kind != "party":
            return
        if any(lemma(ch) in lemma_class("former_words") for ch in plural.children):
            self.note(c.mention_of(person).name, party.name, None, span, "party_move.former", "")

    def note_seat(self, person: str, seat: str) -> None:
        if seat:
            self.member_seat.setdefault(person, seat)

    def held_seat(self, c: Clause, person) -> str:
        """The constituency a clause says the person holds ("A held U by N votes")."""
        verb = person.head
        if person.dep_ not in SUBJECTS or lemma(verb) not in lemma_class("seat_holding_verbs"):
            return ""
        for child in verb.children:
            mention = c.mention_at.get(child.i)
            if child.dep_ == "dobj" and mention is not None and mention.kind == "constituency":
                return mention.name
        return ""

    def seat_named(self, c: Clause, seat) -> str:
        """The constituency a seat word names: itself, or "the U seat"."""
        for token in [seat, *(ch for ch in seat.children if ch.dep_ in {"compound", "nmod"})]:
            mention = c.mention_at.get(token.i)
            if mention is not None and mention.kind == "constituency":
                return mention.name
        return ""

    def seat_holders(self, c: Clause, seat) -> list:
        """Who a seat belongs to: "A's seat", "the constituencies of A and B", "the seats
        held by A", "their seats"."""
        found = []
        holding = lemma_class("seat_holding_verbs") | lemma_class("winning_verbs")
        for member in c.members(seat):
            if member.tag_ == "VBN" and lemma(member) in holding:
                # "A and B - held by X and Y -": the parser may coordinate the participle
                found += [g for a in member.children if a.dep_ == "agent" for g in a.children]
        for member in (m for m in c.members(seat) if self.is_seat(c, m)):
            for clause in (ch for ch in member.children if ch.dep_ == "relcl"):
                found += self.relative_holders(c, clause)
            owned = [member, member.head] if member.dep_ == "compound" else [member]
            for child in (ch for word in owned for ch in word.children):
                mention = c.mention_of(child)
                if child.dep_ == "poss" or (
                    child.dep_ == "compound"
                    and mention is not None
                    and mention.kind == "person"
                    and mention != c.mention_of(member)
                ):
                    found.append(child)
                elif child.dep_ == "prep" and child.lower_ == "of":
                    found += [g for g in child.children if g.dep_ == "pobj"]
                elif child.dep_ == "acl" and child.tag_ == "VBN":
                    found += [
                        g
                        for a in child.children
                        if a.dep_ == "agent"
                        for g in a.children
                        if g.dep_ == "pobj"
                    ]
        return found

    def relative_holders(self, c: Clause, clause) -> list:
        """Holders a relative clause on a seat names: "the seat X took", "where X is the
        sitting MP"."""
        subjects = [ch for ch in clause.children if ch.dep_ in SUBJECTS]
        subjects = [s for s in subjects if c.mention_of(s) is not None]
        if lemma(clause) == "be":
            attrs = [ch for ch in clause.children if ch.dep_ == "attr"]
            if any(lemma(a) in lemma_class("office_nouns") for a in attrs):
                return subjects
            return []
        holding = lemma_class("seat_holding_verbs")
        if not any(lemma(ch) == "where" for ch in clause.children):
            holding |= lemma_class("winning_verbs")  # "the seat X took", not "where X took"
        return subjects if lemma(clause) in holding else []

    # --- arguments ---

    def agent(self, c: Clause, verb):
        """Who does the leaving: `Clause.agent`, carried up from "the decision to resign"
        or "his intention of quitting" to whoever made the decision."""
        for _ in range(3):
            agent = c.agent(verb)
            if agent is not None and lemma(agent) in {"who", "that", "which"}:
                relative = agent.head  # "X, who was elected ... but resigned": X
                while relative.dep_ == "conj":
                    relative = relative.head  # "X, who represents U and who quit": X
                agent = relative.head if relative.dep_ == "relcl" else None
            if agent is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                verb = verb.head.head
                continue
            if (
                agent is not None
                and verb.dep_ in {"acl", "pcomp"}
                and agent == verb.head
                and agent.pos_ == "NOUN"
                and c.mention_of(agent) is None
                and lemma(agent) not in self.plural_words()
            ):
                verb = agent.head
                continue
            return agent
        return None

    def plural_words(self) -> frozenset:
        return (
            lemma_class("office_nouns")
            | lemma_class("defector_nouns")
            | lemma_class("partitives")
            | lemma_class("founder_nouns")
            | {"people", "colleague", "politician", "those", "who", "other"}
        )

    def people(self, c: Clause, token) -> tuple[list[str], bool]:
        """(names, plural): the people `token` stands for, and whether it is an unnamed
        plural ("MPs", "the NUMBER") that may carry a collective move."""
        mention = c.mention_of(token)
        if mention is not None and mention.kind == "person":
            names = []
            for member in c.members(token):
                names += self.named_with_appositions(c, member)
            return list(dict.fromkeys(names)), False
        if token.lower_ in {"they", "them", "their"}:
            return self.plural_antecedent(c, token), True
        word = lemma(token)
        plural = (
            token.tag_ in {"NNS", "NNPS", "CD"}
            or token.pos_ == "NUM"
            or word in lemma_class("partitives") | {"those", "people"}
            or token.lower_.removesuffix("s") in self.plural_words() - {token.lower_}
        )
        if not plural and word in lemma_class("office_nouns"):
            holder = self.doc.holder_of(c.seat_named(token))
            if holder and not any(ch.dep_ == "appos" for ch in token.children):
                return [holder], False  # "the U MP": whoever the article says holds it
        if not plural and c.refers_back(token):
            if c.quoted(token):
                return [], False  # "he" in someone's quoted words: not resolved here
            antecedent = c.antecedent(token)
            if not antecedent:  # "Following her departure, X ...": the person named next
                after = [
                    m.name
                    for i, m in sorted(c.mention_at.items())
                    if i > token.i and m.kind == "person"
                ]
                antecedent = after[0] if after else ""
            return ([antecedent] if antecedent else []), False
        if token.dep_ == "appos" and c.mention_of(token.head) is not None:
            return self.people(c, token.head)  # "X, the former minister who quit"
        tied = self.tied(c, token)
        if tied:
            return tied, False
        return [], plural

    def respectively(self, c: Clause, verb, people: list[str]) -> list[tuple[str, str]]:
        """ "A and B quit X and Y respectively": each person with their own party."""
        if not any(lemma(ch) == "respectively" for ch in verb.subtree):
            return []
        for child in verb.children:
            if child.dep_ == "dobj":
                parties = [self.party_ref(c, member, "") for member in c.members(child)]
                if len(parties) == len(people) > 1 and all(parties):
                    return list(zip(people, parties, strict=True))
        return []

    def company(self, c: Clause, verb) -> list[str]:
        """People who left with the subject: "quit Labour with A and B", "along with A"."""
        found = []
        left = [ch for ch in verb.children if ch.dep_ == "dobj"]
        left += [
            g
            for ch in verb.children
            if ch.dep_ == "prep" and ch.lower_ in _SOURCE_PREPOSITIONS
            for g in ch.children
            if g.dep_ == "pobj"
        ]
        # "with A" hung on the party left ("resigned from PARTY with A and B")
        for child in [*verb.children, *(ch for w in left for ch in w.children)]:
            if child.dep_ == "prep" and child.lower_ in {"with", "alongside"}:
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    if c.mention_of(pobj) is not None:
                        found += self.people(c, pobj)[0]
        return found

    def gapped(self, c: Clause, verb) -> list[tuple[str, str]]:
        """People who do the same with the verb left out ("A joined B in MONTH, C in
        MONTH and D in MONTH"; "A quit PARTY in MONTH and C in MONTH"), each with the date
        their remnant gives: names the parse hangs on the verb after it, beside its
        subject, and names coordinated within them."""
        if c.subject(verb) is None:
            return []
        found = []
        for child in verb.children:
            mention = c.mention_of(child)
            if (
                child.i > verb.i
                and child.dep_ in {"conj", "npadvmod", "dep", "parataxis"}
                and mention is not None
                and mention.kind == "person"
                and not c.quoted(child)
            ):
                found.append((mention.name, self.date(child)))
                for word in child.subtree:
                    inner = c.mention_of(word)
                    if word.dep_ == "conj" and inner is not None and inner.kind == "person":
                        found.append((inner.name, self.date(word)))
        return found

    def named_with_appositions(self, c: Clause, token) -> list[str]:
        mention = c.mention_of(token)
        names = [mention.name] if mention is not None and mention.kind == "person" else []
        for child in token.children:
            if child.dep_ == "appos":
                for member in c.members(child):
                    inner = c.mention_of(member)
                    if inner is not None and inner.kind == "person":
                        names.append(inner.name)
        return names

    def tied(self, c: Clause, noun) -> list[str]:
        """People a plural noun is tied to by the parse: its appositions ("Three
        Conservatives, A, B and C"), a partitive ("one of the NUMBER", "among the MPs who"),
        or a copula ("X was a defector")."""
        if noun.i in self.visiting:
            return []
        self.visiting.add(noun.i)
        try:
            return self.tied_once(c, noun)
        finally:
            self.visiting.discard(noun.i)

    def tied_once(self, c: Clause, noun) -> list[str]:
        found = []
        head = noun
        while head.dep_ == "conj" or _continues(c, head):
            head = head.head  # "A, B and the NUMBER other MPs who left"
        for member in _listed(c, head) if head != noun else c.members(noun):
            mention = c.mention_of(member)
            if member != noun and mention is not None and mention.kind == "person":
                found += self.people(c, member)[0]
        for child in noun.children:
            if child.dep_ == "appos":
                for member in c.members(child):
                    found += self.people(c, member)[0] if c.mention_of(member) else []
        if noun.dep_ in SUBJECTS and lemma(noun.head) == "be":
            for attr in (ch for ch in noun.head.children if ch.dep_ == "attr"):
                found += self.tied(c, attr)  # "the founders were A, B and C"
        if noun.dep_ == "nsubj" and lemma(noun.head) in lemma_class("inclusion_verbs"):
            for listed in (ch for ch in noun.head.children if ch.dep_ == "dobj"):
                found += self.tied(c, listed)  # "those who quit include A and B"
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in {"of", "among"}:
            above = head.head
            if head.lower_ == "among":
                subject = c.subject(above) if above.pos_ in {"VERB", "AUX"} else above
                if subject is not None and subject != noun:
                    found += self.people(c, subject)[0]
            elif lemma(above) in lemma_class("partitives") or above.pos_ == "NUM":
                if above.dep_ in {"attr", "acomp"}:
                    subject = c.subject(above.head)
                    if subject is not None:
                        found += self.people(c, subject)[0]
                elif above.dep_ == "appos":
                    found += self.people(c, above.head)[0]
                elif above.dep_ in SUBJECTS:
                    found += [
                        p
                        for ch in above.children
                        if ch.dep_ == "appos"
                        for p in self.people(c, ch)[0]
                    ]
        elif noun.dep_ == "attr":
            subject = c.subject(head)
            if subject is not None and subject != noun:
                found += self.people(c, subject)[0]
        return list(dict.fromkeys(found))

    def plural_antecedent(self, c: Clause, token) -> list[str]:
        """ "They" after a list of names in the same sentence: the list."""
        for i in sorted((i for i in c.mention_at if i < token.i), reverse=True):
            candidate = c.sent[i]
            if c.mention_at[i].kind != "person" or candidate.dep_ == "conj":
                continue
            while _continues(c, candidate):
                candidate = candidate.head  # "A, B and C": B set off as A's apposition
            listed = [c.mention_of(t) for t in _listed(c, candidate)]
            names = [m.name for m in listed if m is not None and m.kind == "person"]
            names = list(dict.fromkeys(names + self.people(c, candidate)[0]))
            if len(names) > 1:
                return names
        return []

    def stayers(self, c: Clause, word) -> list[str]:
        """Who "sits as an independent" / "stays unattached"."""
        verb = word
        while verb.pos_ not in {"VERB", "AUX"} and verb.head != verb:
            verb = verb.head
        if lemma(verb) not in self.staying and lemma(verb) not in self.leaving:
            return []
        agent = self.agent(c, verb)
        return self.people(c, agent)[0] if agent is not None else []

    # --- parties ---

    def source(self, c: Clause, verb, person: str):
        """The party left: a party, "the party", "it"; None when the clause names none;
        False when it names something else ("left the meeting")."""
        other = False
        for child in verb.children:
            if child.dep_ == "dobj":
                party = self.party_ref(c, child, person)
                if party:
                    return party
                if lemma(child) not in {"floor", "whip", "ship", "membership", "aisle"}:
                    other = True
            if child.dep_ in {"prep", "prt"} and child.lower_ in _SOURCE_PREPOSITIONS:
                party = self.party_in(c, child, person)
                if party:
                    return party
        party = self.free_relative(c, verb)
        if party:
            return party
        return False if other else None

    def founded_in(self, c: Clause, role) -> str | None:
        """The group an "as" phrase makes the mover a founder of: "as one of the founders
        of GROUP", "as a co-founder of GROUP", "as one of the NUMBER who founded GROUP"."""
        for word in role.subtree:
            if lemma(word) in lemma_class("founder_nouns"):
                for prep in (ch for ch in word.children if ch.dep_ == "prep" and ch.lower_ == "of"):
                    group = self.party_in_target(c, prep, None)
                    if group:
                        return group
            if (
                word.dep_ == "relcl"
                and _word(word) in self.joining
                and not self.unrealised(c, word)
            ):
                group = self.joined_group(c, word)
                if group:
                    return group
        return None

    def party_in(self, c: Clause, prep, person: str) -> str | None:
        for grand in prep.children:
            if grand.dep_ == "pobj":
                party = self.party_ref(c, grand, person)
                if party:
                    return party
            if grand.dep_ == "prep" and grand.lower_ in _SOURCE_PREPOSITIONS:
                party = self.party_in(c, grand, person)  # "out of the party"
                if party:
                    return party
        return None

    def destination(self, c: Clause, verb, source, depth: int = 0) -> str | None:
        """The group joined, as the clause of the leaving verb says: "to B", "for B",
        "to join B", "and joined B", "to sit as an independent" (""), "but not joined B" ("")."""
        targets = _TARGET_PREPOSITIONS | ({"with", "as"} if lemma(verb) in self.staying else set())
        preps = [ch for ch in verb.children if ch.dep_ in {"prep", "prt"}]
        preps += [g for ch in preps for g in ch.conjuncts]  # "out of A and into B"
        for child in [*verb.children, *preps]:
            if child.dep_ in {"prep", "conj"} and child.lower_ in targets:
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    party = self.party_ref(c, pobj, "", exclude=source)
                    if party:
                        return party
            if (
                child.dep_ == "prep"
                and child.lower_ == "as"
                and any(lemma(g) in lemma_class("independent_words") for g in child.subtree)
            ):
                return ""
            if child.dep_ in {"acomp", "oprd", "advmod"} and (
                lemma(child) in lemma_class("independent_words")
            ):
                return ""
        if depth > 2:
            return None
        for child in (ch for ch in verb.children if ch.i > verb.i):  # "quit A to join B"
            if child.dep_ not in _ARGUMENT_CLAUSES or child.pos_ not in {"VERB", "AUX"}:
                continue
            own = [g for g in child.children if g.dep_ in SUBJECTS]
            if own and not c.refers_back(own[0]) and lemma(own[0]) not in {"who", "that"}:
                continue
            if _word(child) in self.joining:
                if self.negated(child) or self.refused(c, child):
                    return ""  # "but has not joined any group"
                group = self.joined_group(c, child, exclude=source)
                if group is not None:
                    return group
            if _word(child) not in self.joining or lemma(child) in self.staying | self.leaving:
                found = self.destination(c, child, source, depth + 1)
                if found is not None:
                    return found
        return None

    def purpose(self, c: Clause, verb, source) -> str | None:
        """The group a purpose clause after the leaving verb names, where the parse hangs
        it elsewhere: "left PARTY, citing N, to help found GROUP", "quit PARTY with NUMBER
        other MPs to form GROUP". Only words that are not finite verbs may come between."""
        for token in c.sent[verb.i + 1 :]:
            if token.tag_ in {"VBD", "VBZ", "VBP", "MD"} or c.quoted(token):
                return None
            infinitive = [token, token.head] if token.dep_ == "xcomp" else [token]
            if (
                token.pos_ == "VERB"
                and _word(token) in self.joining
                and any(
                    ch.dep_ == "aux" and ch.lower_ == "to" for w in infinitive for ch in w.children
                )
            ):
                if self.unrealised(c, token):
                    return None
                return self.joined_group(c, token, exclude=source)
        return None

    def joined_group(self, c: Clause, verb, exclude=None) -> str | None:
        if verb.dep_ == "relcl" and not any(ch.dep_ == "dobj" for ch in verb.children):
            party = self.party_ref(c, verb.head, "", exclude=exclude)  # "the group she founded"
            if party:
                return party
        for child in verb.children:
            if child.dep_ in {"dobj", "attr"}:
                party = self.party_ref(c, child, "", exclude=exclude)
                if party:
                    return party
            if child.dep_ in {"prep", "prt"} and child.lower_ in _TARGET_PREPOSITIONS | {
                "up",
                "over",
            }:
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        party = self.party_ref(c, grand, "", exclude=exclude)
                        if party:
                            return party
                    if grand.dep_ == "prep" and grand.lower_ in _TARGET_PREPOSITIONS:
                        party = self.party_in_target(c, grand, exclude)
                        if party:
                            return party
        party = self.free_relative(c, verb, exclude)
        if party:
            return party
        if any(ch.dep_ in {"dobj", "attr"} for ch in verb.children):
            return None
        # an object the parse took for the subject of what follows ("to found GROUP, the
        # N lost"): the party named right after the verb and its particle
        after = c.sent[verb.i + 1 : verb.i + 4]
        start = next((t for t in after if t.dep_ not in {"prt", "det"}), None)
        mention = c.mention_of(start) if start is not None else None
        if mention is not None and mention.kind == "party" and mention.name != exclude:
            return mention.name
        return None

    def free_relative(self, c: Clause, verb, exclude=None) -> str | None:
        """The party a free relative object names: "founded what became GROUP", "joined
        what is now GROUP", "quit what had become GROUP"."""
        for clause in (ch for ch in verb.children if ch.dep_ in {"ccomp", "dobj"}):
            if lemma(clause) in {"be", "become"} and any(
                lemma(ch) == "what" for ch in clause.children if ch.dep_ in SUBJECTS
            ):
                for attr in (ch for ch in clause.children if ch.dep_ in {"attr", "oprd"}):
                    party = self.party_ref(c, attr, "", exclude=exclude)
                    if party:
                        return party
        return None

    def party_in_target(self, c: Clause, prep, exclude) -> str | None:
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            party = self.party_ref(c, pobj, "", exclude=exclude)
            if party:
                return party
        return None

    def party_ref(self, c: Clause, token, person: str, exclude=None) -> str | None:
        """The party `token` names: a party mention (or one compounded on it, "the Labour
        whip"), or "the party"/"the group"/"it" resolved to the person's party or the
        party named last."""
        for candidate in [token, *(ch for ch in token.children if ch.dep_ in {"compound", "amod"})]:
            mention = c.mention_of(candidate)
            if mention is not None and mention.kind == "party":
                return mention.name
        word = lemma(token)
        bare = token.lower_ in {"it", "that"} and not list(token.children)  # "quit that"
        if token.tag_ in {"NNS", "NNPS"}:
            return None  # "their parties": several, not one party
        if word in lemma_class("group_nouns") or bare:
            if word == "party" and person and person in self.affiliation:
                return self.affiliation[person][0]
            if word == "party" and self.agent_token is not None:
                party = self.party_word(c, self.agent_token)
                if party:
                    return party
            return self.last_party(c, token, exclude, "" if word == "party" else word)
        return None

    def party_word(self, c: Clause, token) -> str | None:
        for child in token.children:
            if child.dep_ in {"compound", "amod", "nmod"}:
                mention = c.mention_of(child)
                if mention is not None and mention.kind == "party":
                    return mention.name
        return None

    def last_party(self, c: Clause, token, exclude=None, head: str = "") -> str | None:
        """The party a definite "the party" / "the group" / "it" refers to: the one named
        last before it (whose name has that head noun, for "the group"), else the next."""

        def fits(mention) -> bool:
            named = f"{mention.name} {mention.text}".lower()
            return mention.kind == "party" and mention.name != exclude and head in named

        before = [m for i, m in sorted(c.mention_at.items()) if i < token.i and fits(m)]
        if before:
            return before[-1].name
        views = self.doc.views
        for position in [*range(c.position - 1, -1, -1), *range(c.position + 1, len(views))]:
            names = [m.name for m in views[position].mentions if fits(m)]
            if names:
                return names[-1] if position < c.position else names[0]
        after = [m for i, m in sorted(c.mention_at.items()) if i > token.i and fits(m)]
        if after:
            return after[0].name
        return self.last_party(c, token, exclude) if head else None

    def note_affiliation(self, c: Clause, token) -> None:
        """The party the article gives a person: "Labour MP X", "X, the former Conservative
        minister", "Conservatives A and B", "Labour's X"."""
        name = c.mention_of(token).name
        if name in self.affiliation or c.quoted(token):
            return
        near = [token]
        near += [
            ch for ch in token.children if ch.dep_ in {"compound", "amod", "nmod", "poss", "appos"}
        ]
        if token.dep_ in {"appos", "compound"} and token.head.pos_ in {"NOUN", "PROPN"}:
            near.append(token.head)
        if token.dep_ in SUBJECTS and lemma(token.head) == "be":  # "X is the PARTY MP"
            near += [ch for ch in token.head.children if ch.dep_ == "attr"]
        lead = token
        while lead.dep_ in {"appos", "conj"} and c.mention_of(lead.head) is not None:
            lead = lead.head  # "GROUP MPs A, B and C": the list shares its modifiers
        if lead != token:
            near += [ch for ch in lead.children if ch.dep_ in {"compound", "amod", "nmod"}]
        for word in list(near[1:]):
            near += [g for g in word.children if g.dep_ in {"compound", "amod", "nmod", "poss"}]
        former = any(lemma(w) in {"former", "ex"} or w.lower_.startswith("ex-") for w in near)
        for word in near[1:]:
            mention = c.mention_of(word)
            if mention is not None and mention.kind == "party":
                self.affiliation[name] = (mention.name, former)
                self.affiliation_span[name] = self.doc.sentence_span(c.view)
                return
        party = self.held_for(c, lead)
        if party:  # a party once represented, not the group the person is in now
            self.affiliation[name] = (party, True)
            self.affiliation_span[name] = self.doc.sentence_span(c.view)

    def held_for(self, c: Clause, person) -> str | None:
        """The party a person held a seat for: "X held U for PARTY", "the seat X won for
        PARTY", "A and B, who represented U for PARTY"."""
        verbs = [person.head] if person.dep_ in SUBJECTS else []
        verbs += [
            relcl
            for relcl in person.children
            if relcl.dep_ == "relcl"
            and any(lemma(s) in {"who", "that"} for s in relcl.children if s.dep_ in SUBJECTS)
        ]
        for verb in verbs:
            if lemma(verb) not in lemma_class("representing_verbs") or self.unrealised(c, verb):
                continue
            held = [verb, *(ch for ch in verb.children if ch.dep_ == "dobj")]  # "U for PARTY"
            for prep in (ch for w in held for ch in w.children if ch.dep_ == "prep"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj" and prep.lower_ == "for"):
                    mention = c.mention_of(pobj)
                    if mention is not None and mention.kind == "party":
                        return mention.name
        return None

    def own_party(self, person: str) -> str | None:
        known = self.affiliation.get(person)
        return known[0] if known else None

    # --- doubt ---

    def unrealised(self, c: Clause, token) -> bool:
        """Negated, hedged, denied, refused, asked for, planned or asked about."""
        if self.doubted(token) or self.negated(token) or self.refused(c, token):
            return True
        if self.asked(c, token):
            return True
        node = token
        while node.dep_ in {"xcomp", "ccomp", "conj"} and node.head != node:
            base = node.tag_ == "VB" or any(ch.lower_ == "to" for ch in node.children)
            if base and lemma(node.head) in lemma_class("unrealised_verbs"):
                return True
            node = node.head
        return False

    def asked(self, c: Clause, token) -> bool:
        """In the main clause of a question ("Has X left PARTY?"): nothing is asserted.
        A relative clause or apposition inside it still is ("Who is X, who quit PARTY?")."""
        last = [t for t in c.sent if not t.is_space][-1:]
        if not last or last[0].text != "?" or c.quoted(token):
            return False
        node = token
        while node.head != node:
            if node.dep_ in {"relcl", "appos", "acl"}:
                return False
            node = node.head
        return True

    def doubted(self, token) -> bool:
        """`Clause.doubted`, but a relative clause or apposition is asserted whatever the
        clause around it says ("Labour hopes to oust the MPs who quit")."""
        doubtful = lemma_class("negations") | lemma_class("hedges") | lemma_class("denials")
        node = token
        while True:
            if node != token and node.pos_ != "PROPN" and lemma(node) in doubtful:
                return True
            for child in node.children:
                if child.dep_ in {"neg", "aux", "auxpass", "advmod", "mark"} and (
                    lemma(child) in doubtful or child.lower_ in doubtful
                ):
                    return True
            if node.dep_ in SUBJECTS | {"relcl", "appos"} or node.head == node:
                return False
            if node.dep_ == "advcl" and any(
                ch.dep_ == "mark" and lemma(ch) in lemma_class("causal_markers")
                for ch in node.children
            ):
                return False  # "needed because X quit": the reason is asserted
            node = node.head

    def negated(self, token) -> bool:
        return any(ch.dep_ == "neg" for ch in token.children)

    def refused(self, c: Clause, token) -> bool:
        """Under a refusal on the way up: "refused to join", "ruled out quitting"."""
        for node in token.ancestors:
            particles = [ch.lower_ for ch in node.children if ch.dep_ == "prt"]
            phrases = {lemma(node)} | {f"{lemma(node)} {p}" for p in particles}
            if phrases & lemma_class("refusals"):
                return True
            if node.dep_ in SUBJECTS:
                return False
        return False

    def date(self, verb) -> str:
        for child in verb.children:
            if child.dep_ == "npadvmod" and child.lower_ in lemma_class("weekdays"):
                return child.text
            if child.dep_ == "prep" and child.lower_ in {"on", "in"}:
                for pobj in child.children:
                    if pobj.lower_ in lemma_class("weekdays") | lemma_class("months"):
                        return _day(pobj)
            if child.dep_ == "prep" and child.lower_ == "on":
                for pobj in child.children:  # "on DAY MONTH": the day is the head
                    month = [g for g in pobj.children if g.lower_ in lemma_class("months")]
                    if pobj.like_num and month:
                        return _day(month[0])
        return ""

    # --- facts ---

    def note(self, person, party, target, span, rule, date) -> None:
        move = self.moves.setdefault((person, party), _Move(rule))
        if span not in move.spans:
            move.spans.append(span)
        if move.to is None and target is not None:
            move.to = target
        move.date = move.date or date

    def group_of(self, person: str, party: str) -> str | None:
        """The group the article connects a person who left `party` to."""
        later = [
            p
            for (who, p), move in self.moves.items()
            if who == person and p != party and move.to != party  # not the move into it
        ]
        if later:
            return later[0]
        for group, _, _ in self.joins.get(person, []):
            if group != party:
                return group
        for group in self.belongs.get(person, []):
            if group != party:
                return group
        if person in self.independent:
            return ""
        known = self.affiliation.get(person)
        if known and not known[1] and known[0] != party:
            return known[0]
        groups = {to for source, to in self.collective if source == party and to}
        # (a route is one person's own: "X went from A to B to C" says nothing of others)
        groups |= {
            m.to
            for (who, p), m in self.moves.items()
            if p == party and m.to and m.rule != "party_move.journey"
        }
        if len(groups) == 1:
            return groups.pop()
        # the one group the article has anyone move to, unless it has someone join or
        # belong to another (a party joined and later left is none: "X, who joined PARTY
        # in YEAR, quit it")
        groups = {to for _, to in self.collective if to}
        groups |= {m.to for m in self.moves.values() if m.to and m.rule != "party_move.journey"}
        groups.discard(party)
        others = {
            group
            for who, joined in self.joins.items()
            for group, _, _ in joined
            if (who, group) not in self.moves
        }
        others |= {group for groups_of in self.belongs.values() for group in groups_of}
        if others - groups - {party}:
            return None
        return groups.pop() if len(groups) == 1 else None

    def group_for(self, person: str) -> _Group | None:
        """The group a person listed as a member belongs to: the one that left the party
        the article gives them, else the largest; none for someone of another party."""
        known = self.affiliation.get(person)
        if known and known[0] in self.groups:
            return self.groups[known[0]]
        if person in self.member_group:
            return self.member_group[person]  # listed as many as the group counts
        targets = {g.target for g in self.groups.values()}
        if known and known[0] not in targets:
            return None
        return max(self.groups.values(), key=lambda g: g.count)

    def story_source(self, target) -> str | None:
        """The party every move the article reports (to `target`, if known) left, when
        there is just one: the party of a person the parse ties to those moves."""
        moves = list(self.collective) + [(p, m.to) for (_, p), m in self.moves.items()]
        sources = {s for s, to in moves if target is None or to in {target, None}}
        sources -= {target, ""}  # "": a plural whose party is not said
        sources -= {to for _, to in moves}  # a stop on someone's way, not where they began
        return sources.pop() if len(sources) == 1 else None

    def facts(self) -> list[PartyMoveFact]:
        # "GROUP MPs A, B and C" in an article that reports MPs leaving for GROUP: members
        # of the group the plural movers joined
        joined = {to for _, to in self.collective if to}
        for person, (party, former) in self.affiliation.items():
            if party in joined and not former and person not in self.joins:
                self.joins[person] = [(party, self.affiliation_span[person], "")]
        for person, span in self.members:
            if any(who == person for who, _ in self.moves):
                continue
            group = self.group_for(person)
            if group is not None:
                self.note(person, group.source, group.target, span, "party_move.member", group.date)
        for person, target, span, rule, date in self.unplaced:
            if any(who == person for who, _ in self.moves):
                continue
            party = self.own_party(person)
            if party is None or party == target:
                party = self.story_source(target)
            if party and party != target:
                self.note(person, party, target, span, rule, date)
        for person, joined in self.joins.items():
            for group, span, date in joined:
                if any(who == person and move.to == group for (who, _), move in self.moves.items()):
                    continue
                if any(who == person and party == group for who, party in self.moves):
                    continue  # a later move out of the group it joined
                party = next(
                    (
                        move.to
                        for (who, _), move in self.moves.items()
                        if who == person and move.to and move.to != group
                    ),
                    None,
                ) or self.own_party(person)
                if party is None or party == group:
                    party = self.story_source(group)
                if party and party != group:
                    self.note(person, party, group, span, "party_move.joined", date)
        self.copied()
        facts = []
        for (person, party), move in self.moves.items():
            target = move.to if move.to is not None else self.group_of(person, party)
            # the seat this article gives: a move is told of the person, so one the
            # article does not give is left empty rather than waiting on another article
            seat = self.doc.seat_of.get(person) or self.member_seat.get(person) or ""
            facts.append(
                PartyMoveFact(
                    move.rule,
                    tuple(move.spans),
                    person,
                    party,
                    target or "",
                    seat,
                    move.date,
                )
            )
        return facts


def _day(word) -> str:
    """A weekday or month with the day of the month it carries: "18 February",
    "February 18"."""
    days = [t for t in [word, word.head, *word.children] if t.like_num and t.dep_ != "ROOT"]
    days = [t for t in days if t.text.isdecimal() and int(t.text) <= 31 and abs(t.i - word.i) == 1]
    if not days:
        return word.text
    first, last = sorted([word, days[0]], key=lambda t: t.i)
    return word.doc[first.i : last.i + 1].text


def _may_hold_move(view) -> bool:
    """The cheap test on a sentence's words (outside its mentions: "The Independent
    Group" is no cue) before it is parsed: a leaving word said of someone, not only asked
    of them ("urged her to quit"); a defector word with a name; a joining, founding or
    sitting word with a party; a route from one party to another."""
    kinds = {m.kind for m in view.mentions}
    someone = "person" in kinds
    plain = view.template.split()
    words = _words(view)
    actors = cue_forms("personal_pronouns", "office_nouns", "defector_nouns", "partitives")
    actors |= set(lexicon()["number_words"])  # a counted plural: "NUMBER now sit as GROUP"
    leaving = words & cue_forms("leaving_verbs")
    owners = cue_forms("personal_pronouns") | {"of"}
    owned = words & owners or any(w.endswith(("'s", "’s", "‘s")) for w in words)
    if owned:  # "her departure", "the defection of X"
        leaving |= words & cue_forms("departure_nouns")
    opening = plain[0].strip("-–—•*").lower() if plain else ""
    if opening in cue_forms("leaving_verbs"):
        return True  # "Left PARTY in MONTH.": its subject left out, as in notes
    if leaving and (someone or words & actors):
        after_to = {
            w.strip(".,;:!?'\"’‘“”()").lower()
            for before, w in zip(plain, plain[1:], strict=False)
            if before.lower() == "to"
        }
        asked = words & cue_forms("unrealised_verbs")
        if not (asked and leaving <= after_to):
            return True
    if someone and words & cue_forms("defector_nouns"):
        return True
    parties = [m for m in view.mentions if m.kind == "party"]
    if (someone or words & actors) and words & cue_forms("whip_nouns"):
        return True  # "X lost the PARTY whip", "she lost the whip"
    if someone and parties and words & cue_forms("cessation_adverbs") and words & {"no", "not"}:
        return True  # "X is no longer a PARTY member"
    if (someone or words & actors) and words & cue_forms("copying_words"):
        return True  # "X did the same", "X followed suit"
    if (someone or words & actors) and len(parties) > 1 and words & _ROUTE_PREPOSITIONS:
        return True  # "went from PARTY to GROUP", "X, A to B to C"
    joining = cue_forms("joining_verbs", "founder_nouns", "staying_verbs", "independent_words")
    return bool("party" in kinds and (someone or words & actors) and words & joining)


def _affiliates(view) -> bool:
    """Whether a sentence names a person and a party: it may give the person's party."""
    kinds = {m.kind for m in view.mentions}
    return {"person", "party"} <= kinds


def _verb_chain(verb) -> list:
    """`verb` and the verbs above it it is run on from, as notes string clauses together
    ("Left A, then joined B; standing in U"), up to the sentence's root."""
    chain = [verb]
    while chain[-1].dep_ in {"conj", "xcomp", "advcl", "dep", "ccomp", "parataxis"}:
        chain.append(chain[-1].head)
    return chain


def _continues(c: Clause, token) -> bool:
    """Whether a name carries on a list begun before it."""
    if token.dep_ == "conj":
        return True
    return token.dep_ == "appos" and _set_off_in(c, token) is not None


def _set_off_in(c: Clause, name):
    """The listed person whose description a name set off by commas hangs from: the
    person itself ("A, B"), or the person a description of it belongs to ("A, the MP for
    U, B" or "A, a trustee of O, B", the parser reading B as set off from, or coordinated
    with, the last word of A's description)."""
    node = name
    while node.dep_ in {"appos", "conj", "prep", "pobj", "compound"}:
        head = c.mention_of(node.head)
        if head is not None and head.kind == "person":
            return node.head if node.dep_ == "appos" else None
        node = node.head
    return None


def _listed(c: Clause, token) -> list:
    """The names of a list: coordinated, or run together as the parser sometimes reads a
    long list ("A, B, C, D and E" with "B" in apposition to "A"; "A, the MP for U, B"
    with "B" in apposition to "U")."""
    found = []
    for member in c.members(token):
        found.append(member)
        for child in member.subtree:
            mention = c.mention_of(child)
            if child.dep_ not in {"appos", "conj"} or mention is None or mention.kind != "person":
                continue
            if child != member and _set_off_in(c, child) == member:
                more = [m for m in _listed(c, child) if m not in found and c.mention_of(m)]
                found += [m for m in more if c.mention_of(m).kind == "person"]
    return sorted({t.i: t for t in found}.values(), key=lambda t: t.i)


def _opened(c: Clause, stop) -> bool:
    """Whether a route's first stop follows "from" ("from the A to B")."""
    before = [t for t in c.sent[: stop.i] if t.pos_ != "DET"]
    return bool(before) and before[-1].lower_ == "from"


def _verb_of(token):
    """The verb whose clause a word is in."""
    node = token
    while node.head != node and node.pos_ not in {"VERB", "AUX"}:
        node = node.head
    return node


def _words(view) -> set[str]:
    """The words of a sentence outside its mentions, lower-cased."""
    return {w.strip(".,;:!?'\"’‘“”()").lower() for w in view.template.split()}


def _count(token) -> int:
    """How many a plural names ("NUMBER MPs", in words or figures; "the NUMBER"); 0 when it
    does not say."""
    numbers = lexicon()["number_words"]
    for word in [token, *(ch for ch in token.children if ch.dep_ == "nummod")]:
        if word.lower_ in numbers:
            return numbers[word.lower_]
        if word.like_num and word.text.isdecimal() and int(word.text) < 100:
            return int(word.text)
    return 0
