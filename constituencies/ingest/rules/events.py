"""Event rules -> `EventFact`, read from the parse: no-confidence votes, campaigning,
letters to members and selection processes.

A sentence is parsed only when it has a cue word of one of the event classes in
`data/lexicon.json`. An event is a cue tied by the parse to what it is about:
- a no-confidence vote: "confidence" or "censure" with "no", or inside a motion noun
  ("a vote of no confidence", "a no-confidence motion", "has no confidence in"). The MP is
  the object of "in"/"against", or the subject of a verb of undergoing ("X lost ...");
  the seat is tied to the verb's subject ("A CLP passed ..."), to "in A", to a possessive
  ("X's local party"), else it is the seat of the MP. "one" just after a vote stands for
  one ("B lost one in U"); people listed after a colon each lost one ("N of the X lost
  votes: A (U), B (V)");
- campaigning: a campaigning word ("canvassing", "leafleting"), or "campaign"/"action"
  naming an occasion ("a day of action", "a campaign day"); its places are the objects
  of "in"/"across" (each coordinated seat one event; "X's seat" the seat of X), its
  targets the objects of "against" and of targeting verbs ("aimed at unseating X");
- a letter: "write to", "email" or "a letter to" party members; the seat is tied to the members
  ("members in A", "A members"), none when the members are of many seats; a local party's
  own officer writing to its members is no event;
- a selection process: a selection noun (or "the process of selecting", or "to pick a
  candidate") that a process verb begins, halts, holds or completes; its seat is
  tied to it, or is the seat of the MP it is to replace; "" when it is about many seats
  (an unrestricted plural, "new candidates"). Local members choosing someone ("members in
  A chose X") is one too.
A candidacy beyond "tipped" means its seat's selection is under way; its MP is the seat's
holder, else the MP a clause on the seat names ("U, where X is standing down").

The person of an event is the MP it concerns: the one named, else the MP the article
links to the seat. Negation, hedges and denials on the way from the event to the root
suppress it; a selection that is only expected, or not to start "until" some time,
still is one. `date_text` is a date-like modifier of the event's verb or noun.
"""

import re

from ..document import Document
from ..facts import CandidacyFact, EventFact
from ..mentions import SentenceView
from ..parse import cue_forms, lemma_class
from .common import recent_constituency
from .syntax import SUBJECTS, Clause, clause_head, clauses, is_passive, lemma

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_DOUBT_DEPS = {"neg", "aux", "auxpass", "advmod", "mark", "det", "prep", "npadvmod"}
_PLACE_PREPOSITIONS = {
    "in",
    "at",
    "across",
    "throughout",
    "around",
    "for",
    "of",
    "like",
    "including",
}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_COLLECTIVE_POSSESSIVES = {"their", "its"}
_DATE_PREPOSITIONS = {"in", "on", "at", "during", "over", "by"}
_FIRST_PERSON = {"i", "we"}
_SCARE_QUOTE_WORDS = 6
_SEAT_NOUNS = {"seat", "constituency"}
_MP_LOOKBACK = 4  # sentences


def wanted(doc: Document) -> list[int]:
    """The sentences this module reads from the parse: those that may tell of an event."""
    held = [_may_hold(view) for view in doc.views]
    return [
        p
        for p, view in enumerate(doc.views)
        if held[p] or (p > 0 and _votes(doc.views[p - 1]) and _may_refer_to_vote(view))
    ]


def event_facts(doc: Document, candidacies: list[CandidacyFact]) -> list[EventFact]:
    facts: list[EventFact] = []
    seen: set[tuple[str, str, str]] = set()

    def add(rule, view, kind, seat, person, description, date_text, holder=""):
        # one event per seat and kind: later sentences about it add nothing new
        key = (kind, seat.casefold(), "" if seat else person)
        if key in seen:
            return
        seen.add(key)
        span = doc.sentence_span(view)
        facts.append(EventFact(rule, (span,), seat, kind, description, person, date_text, holder))

    previous = {"campaign_day": -9, "no_confidence_vote": -9}
    for clause in clauses(doc, wanted(doc)):
        reading = _Reading(doc, clause.position, clause.sent, previous)
        for rule, kind, seat, holder, person, date_text in reading.events():
            if kind in previous:
                previous[kind] = clause.position
            text = clause.view.sentence.text
            add(rule, clause.view, kind, seat, person, text, date_text, holder)
    for candidacy in candidacies:
        # Someone applied, was listed or chosen: the seat's selection is under way.
        if candidacy.status != "tipped" and candidacy.constituency:
            seat = candidacy.constituency
            position = next(
                p
                for p, v in enumerate(doc.views)
                if v.sentence.start == candidacy.evidence[0].start
            )
            person = doc.holder_of(seat) or _linked_nearby(doc, position, seat, candidacy, previous)
            add(
                "event.selection_process.candidacy",
                doc.views[position],
                "selection_process",
                seat,
                person,
                "",
                "",
            )
    return facts


def _linked_nearby(doc: Document, position: int, seat: str, candidacy, previous) -> str:
    """The MP a clause on the seat's name links to it, in the candidacy's sentence or the
    paragraph's sentences next to it ("U, the seat X held. Labour's candidate there is Y.")."""
    paragraph = doc.views[position].sentence.paragraph
    near = [position - 1, position + 1, position - 2]
    near = [position] + [
        p for p in near if 0 <= p < len(doc.views) and doc.views[p].sentence.paragraph == paragraph
    ]
    parsed = doc.parses(near)
    for at in near:
        talked_about = seat if at == position + 1 else ""  # "... U. The seat's MP, X, ..."
        reading = _Reading(doc, at, parsed[at], previous)
        person = reading.linked_mp(seat, candidacy.person, talked_about)
        if person:
            return person
    return ""


def _may_hold(view: SentenceView) -> bool:
    """Whether the sentence has a cue word, tested before any parse. Most cues only count
    beside the words they need: a letter its members, a selection noun its process verb,
    "campaign"/"action" an occasion, a selecting verb "process" or "candidate"."""
    text = view.sentence.text.lower()
    words = set(_WORD.findall(text)) | set(re.findall(r"[a-z]+", text))
    needs = [
        ("confidence_nouns", ()),
        ("campaigning_words", ()),
        ("letter_writing_words", ("party_member_nouns",)),
        ("selection_nouns", ("process_verbs",)),
        ("campaign_occasion_words", ("occasion_nouns",)),
        (
            "selecting_verbs",
            ("process_nouns", "candidate_nouns", "party_member_nouns", "local_party_nouns"),
        ),
    ]
    return any(
        words & cue_forms(cue) and (not needed or words & cue_forms(*needed))
        for cue, needed in needs
    )


def _votes(view: SentenceView) -> bool:
    return bool(set(_WORD.findall(view.sentence.text.lower())) & cue_forms("confidence_nouns"))


def _may_refer_to_vote(view: SentenceView) -> bool:
    """ "B lost one" just after a sentence about a vote: "one" may stand for it."""
    return "one" in _WORD.findall(view.sentence.text.lower())


class _Reading(Clause):
    """One parsed sentence that may tell of events."""

    def __init__(self, doc, position, sent, previous: dict[str, int]):
        super().__init__(doc, position, sent)
        self.after_campaign = position - previous["campaign_day"] <= 2
        self.after_vote = position - previous["no_confidence_vote"] <= 1
        self.referred = False  # an event's MP was found through a pronoun

    def events(self) -> list[tuple]:
        """(rule, kind, seat, seat holder, person, date_text) for each event told."""
        found = []
        for token in self.sent:
            if self.spoken(token):
                continue
            word = lemma(token)
            if word in lemma_class("confidence_nouns"):
                found += self.no_confidence(token)
            if _stands_for_noun(token) and (
                self.after_vote or any(f[1] == "no_confidence_vote" for f in found)
            ):
                found += self.vote_at(token, token, set())  # "... and B lost one in U"
            if word in lemma_class("campaigning_words") or word in lemma_class(
                "campaign_occasion_words"
            ):
                found += self.campaign(token)
            if word in lemma_class("letter_writing_words"):
                found += self.letter(token)
            if word in lemma_class("selection_nouns") or word in lemma_class("selecting_verbs"):
                found += self.selection(token)
            if word in lemma_class("occasion_nouns") and (
                self.after_campaign or any(f[1] == "campaign_day" for f in found)
            ):
                found += self.similar_campaign(token)
        return found

    def spoken(self, token) -> bool:
        """Inside a quotation of someone's words, not a phrase in scare quotes."""
        offset = self.view.sentence.start + token.idx
        for passage in self.doc.passages:
            if passage.start <= offset < passage.end:
                return len(passage.text.split()) > _SCARE_QUOTE_WORDS
        return False

    def linked_mp(self, seat: str, candidate: str, talked_about: str = "") -> str:
        """The MP a clause on the seat's name links to it: "U, where X is standing down",
        "U, the seat X held" (or "the seat X held" after U), "the seat's MP, X"; "" when
        none. `talked_about` is the seat "the seat" means before any is named."""
        verbs = (
            lemma_class("holding_verbs")
            | lemma_class("stand_down_verbs")
            | lemma_class("winning_verbs")
        )
        last = talked_about  # the seat named last before the token
        for token in self.sent:
            named = _seat_named(self.mention_at.get(token.i))
            last = named or last
            if named != seat and (last != seat or not _the_seat(token)):
                continue  # "U, ... the seat X held", however the parse attaches it
            office = token.head if token.dep_ == "poss" else None
            if office is not None and lemma(office) in lemma_class("office_nouns"):
                for appos in (c for c in office.children if c.dep_ == "appos"):
                    people = [p for p in self.people(appos) if p != candidate]
                    if people:
                        return people[0]  # "the seat's MP, X"
            phrases = [token, *(c for c in token.children if c.dep_ == "appos")]
            for phrase in phrases:
                for clause in (c for c in phrase.children if c.dep_ == "relcl"):
                    subject = self.subject(clause)
                    if lemma(clause) not in verbs or subject is None or self.doubted(clause):
                        continue
                    people = [p for p in self.people(subject) if p != candidate]
                    if people:
                        return people[0]
        return ""

    # --- doubt ---

    def doubt(self, token, classes=("negations", "hedges", "denials"), own=()) -> bool:
        """Whether a word of `classes` governs `token` on its way to the root (see
        `Clause.doubted`); the words `own` belong to the cue itself ("no" of "no confidence")."""
        doubtful = frozenset().union(*(lemma_class(name) for name in classes))
        below = None
        for node in [token, *token.ancestors]:
            if below is not None and below != token and below.dep_ in SUBJECTS:
                return False  # the event's own verb counts, a higher clause's subject stops
            if node != token and node.pos_ != "PROPN" and lemma(node) in doubtful:
                return True
            for child in node.children:
                if child.i in own or child.dep_ not in _DOUBT_DEPS:
                    continue
                if lemma(child) in doubtful or child.lower_ in doubtful:
                    return True
            below = node
        return False

    # --- what the parse ties to an event ---

    def place(self, token) -> tuple[str, str, str]:
        """(seat, holder, person) a word names as a place: a constituency or a CLP, a
        local party or seat of an MP ("X's seat", "her local party"), or the objects
        of its place prepositions ("members in A")."""
        for word in [token, *token.children]:
            if word == token or word.dep_ in {"compound", "poss", "nmod", "amod"}:
                seat = _seat_named(self.mention_of(word))
                if seat:
                    return seat, "", ""
        owned = _SEAT_NOUNS | lemma_class("local_party_nouns") | lemma_class("party_member_nouns")
        for child in token.children:
            if child.dep_ == "poss":
                people = self.mps(child)
                if people:
                    seat, holder = self.seat_of(people[0])
                    if seat or lemma(token) in owned:
                        return seat, holder, people[0]
        if token.tag_ in {"NN", "NNP"} and _definite(token) and self.local_body(token):
            seat = self.story_seat()  # "the seat", "the constituency party", "the same CLP"
            if seat:
                return seat, "", ""
        for child in token.children:
            if child.dep_ == "poss" and lemma(child) in _SEAT_NOUNS:
                return self.place(child)  # "on the constituency's doorsteps"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPOSITIONS:
                for object_ in child.children:
                    if object_.dep_ == "pobj":
                        found = self.place(object_)
                        if found[0] or found[2]:
                            return found
        return "", "", ""

    def local_body(self, token) -> bool:
        """A seat noun, or a word for a local party ("CLP", "the constituency party"; not
        "the party" alone)."""
        word = lemma(token)
        if word in _SEAT_NOUNS:
            return True
        if word not in lemma_class("local_party_nouns") or self.mention_of(token) is not None:
            return False
        return word not in lemma_class("group_nouns") or any(
            lemma(c) in lemma_class("local_modifiers") for c in token.children
        )

    def story_seat(self) -> str:
        """The seat "the seat" or "the contest" means: the one this sentence names, else the
        section's, else the story's, else the one named last before."""
        named = {_seat_named(m) for m in self.view.mentions} - {""}
        if not named:
            people = [m.name for m in self.view.mentions if m.kind == "person"]
            named = {self.doc.seat(p) for p in people} - {""}
        if len(named) == 1:
            return named.pop()
        return (
            self.doc.section_seat(self.position)
            or self.doc.focus_seat()
            or recent_constituency(self.doc, self.view)
        )

    def mps(self, token) -> list[str]:
        """The people `token` names; a pronoun or "the MP" is the MP named last."""
        if self.refers_back(token) and not self.named(token, "person"):
            self.referred = True
            mp = self.recent_mp(token)
            return [mp] if mp else self.people(token)
        return self.people(token)

    def recent_mp(self, token) -> str:
        """The MP named most recently before `token`, in this or the few sentences before:
        whom "a motion of no confidence in him" is about, rather than a candidate named
        nearby. Further back, the person named last, if an MP: "X ... He ... They ... in
        him"."""
        before = self.view.sentence.start + token.idx
        for index in range(self.position, max(-1, self.position - _MP_LOOKBACK), -1):
            for mention in reversed(self.doc.views[index].mentions):
                mp = mention.kind == "person" and mention.name in self.doc.seat_of
                if mp and mention.start < before:
                    return mention.name
        for index in range(
            self.position - _MP_LOOKBACK, max(-1, self.position - 2 * _MP_LOOKBACK), -1
        ):
            people = [m.name for m in self.doc.views[index].mentions if m.kind == "person"]
            if people:
                return people[-1] if people[-1] in self.doc.seat_of else ""
        return ""

    def places(self, token) -> list[tuple[str, str, str]]:
        """The place of `token` and of each word coordinated with it, in order; a list of
        seats in apposition with "the seats of X, Y and Z" takes those MPs in order."""
        found = [self.place(member) for member in self.members(token)]
        found = list(dict.fromkeys(f for f in found if f[0] or f[2]))  # "A and B" may be one seat
        for child in token.children:
            if child.dep_ != "appos":
                continue
            people = [
                m.name
                for i, m in sorted(self.mention_at.items())
                if m.kind == "person" and i in {t.i for t in child.subtree}
            ]
            if len(people) == len(found) and all(not f[2] for f in found):
                found = [(s, h, p) for (s, h, _), p in zip(found, people, strict=True)]
        return found

    def objects(self, token, words: set[str]) -> list:
        """Objects of the prepositions `words` under `token`, each with its conjuncts."""
        return [m for o in self.prepositional(token, words) for m in self.members(o)]

    def targets(self, token, skip=()) -> list[str]:
        """People an event is aimed at: objects of "against", patients of targeting verbs
        in its phrase ("aimed at unseating X", "to challenge X"), not inside relative clauses."""
        people = []
        stack = [token]
        while stack:
            node = stack.pop()
            for child in node.children:
                if child.dep_ in {"relcl", "nsubj", "nsubjpass"} or child.i in skip:
                    continue
                if child.dep_ == "prep" and child.lower_ == "against":
                    people += [p for o in self.objects(node, {"against"}) for p in self.mps(o)]
                if child.pos_ == "VERB" and lemma(child) in lemma_class("targeting_verbs"):
                    patient = self.patient(child)
                    if patient is not None and patient.lower_ not in _PLURAL_PRONOUNS:
                        people += [p for m in self.members(patient) for p in self.mps(m)]
                stack.append(child)
        return list(dict.fromkeys(people))

    def date_of(self, *nodes) -> str:
        """A date-like modifier of the event's verb or noun: "last week", "in July"."""
        times = lemma_class("time_nouns")
        for node in nodes:
            if node is None:
                continue
            for child in node.children:
                phrase = None
                if child.dep_ == "npadvmod" and lemma(child) in times:
                    phrase = child
                elif child.dep_ == "prep" and child.lower_ in _DATE_PREPOSITIONS:
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects and (lemma(objects[0]) in times or _is_year(objects[0])):
                        phrase = objects[0]
                if phrase is not None and self.mention_of(phrase) is None:
                    words = list(phrase.subtree)
                    start, end = words[0].idx, words[-1].idx + len(words[-1])
                    return self.sent.text[start:end]
        return ""

    def actor(self, verb):
        """The agent of `verb`; the head of a relative clause for its "who"."""
        agent = self.agent(verb)
        if agent is not None and agent.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
            return verb.head
        return agent

    def verb_of(self, noun):
        verb = clause_head(noun)
        return verb if verb.pos_ in {"VERB", "AUX"} else None

    # --- no-confidence votes ---

    def no_confidence(self, cue) -> list[tuple]:
        self.referred = False
        motions = lemma_class("motion_nouns")
        own = {c.i for c in cue.children if c.lower_ == "no"}
        own |= {t.i for t in self.sent[max(0, cue.i - 2) : cue.i] if t.lower_ in {"no", "-"}}
        noun = cue
        if cue.dep_ in {"compound", "amod", "nmod"} and lemma(cue.head) in motions:
            noun = cue.head
        elif cue.dep_ == "pobj" and cue.head.lower_ == "of" and lemma(cue.head.head) in motions:
            noun = cue.head.head
        if lemma(cue) == "confidence" and noun == cue and not own:
            return []  # "lost confidence in him" is no vote
        own |= {c.i for c in noun.children if c.lower_ == "no" and c.i > cue.i - 3 and c.i < cue.i}
        return self.vote_at(cue, noun, own)

    def vote_at(self, cue, noun, own) -> list[tuple]:
        """The no-confidence vote `noun` (its cue word `cue`, the words `own` its "no")."""
        if self.doubt(noun, own=own):
            return []
        verb = self.verb_of(noun)
        people: list[str] = []
        seat, holder = "", ""
        agent = self.actor(verb) if verb is not None else None
        voters = self.place(agent)[0] if agent is not None else ""
        for head in (cue, noun, verb):
            if head is None:
                continue
            for object_ in self.objects(head, {"in", "against"}):
                owners = [c for c in object_.children if c.dep_ == "poss"]
                if lemma(object_) in lemma_class("time_nouns") and owners:
                    object_ = owners[0]  # "in her + a time phrase" misread as one phrase
                own_name = [
                    m.name
                    for w in [object_, *object_.children]
                    if w == object_ or w.dep_ in {"appos", "compound"}
                    if (m := self.mention_of(w)) is not None and m.kind == "person"
                ]
                if own_name:
                    people += own_name[:1]  # "in their MP, X": X, whoever "their" is
                    continue
                if voters and any(c.lower_ in _COLLECTIVE_POSSESSIVES for c in owners):
                    continue  # "A members ... in their MP": the MP of A
                place = self.place(object_)
                named = self.mps(object_)
                if named and not place[0]:
                    people += named
                elif place[0] or place[2]:
                    seat, holder = seat or place[0], holder or place[1]
                    people += [place[2]] if place[2] and head != verb else []
        if verb is not None and agent is not None:
            if lemma(verb) in lemma_class("undergoing_verbs") and not people:
                people += self.mps(agent)
            place = self.place(agent)
            if place[0] and not seat:
                seat, holder = place[0], place[1]
        for child in noun.children:
            if child.dep_ == "poss" and not people:
                people += self.mps(child)
        listed = self.listed(verb, agent) if verb is not None else []
        if listed:
            people, seat, holder = listed, "", ""
        people = list(dict.fromkeys(p for p in people if p))
        if seat and self.doc.holder_of(seat) and self.referred:
            people = [self.doc.holder_of(seat)]  # "in him": the MP for the seat named
        if not seat and not any(self.seat_of(p)[0] for p in people):
            named = {_seat_named(m) for m in self.view.mentions} - {""}
            seat = named.pop() if len(named) == 1 else ""  # "..., when members in A backed it"
        date_text = self.date_of(verb, noun)
        found = []
        for person in people or [""]:
            event_seat, event_holder = seat, holder
            if not event_seat and person:
                event_seat, event_holder = self.seat_of(person)
            if event_seat and not person:
                person = self.doc.holder_of(event_seat)
            if event_seat or person:
                rule = "event.no_confidence_vote" + (".known_seat" if event_holder else "")
                found.append(
                    (rule, "no_confidence_vote", event_seat, event_holder, person, date_text)
                )
        return found

    def listed(self, verb, agent) -> list[str]:
        """People listed after a colon that closes the clause of `verb`, whose subject
        names no one: "N of the X lost votes: A (U), B (V) and C"."""
        if agent is not None and self.people(agent):
            return []
        colons = [c.i for c in verb.children if c.dep_ == "punct" and c.lower_ == ":"]
        if not colons:
            return []
        return [
            m.name
            for i, m in sorted(self.mention_at.items())
            if i > colons[0] and m.kind == "person"
        ]

    # --- campaigning ---

    def campaign(self, cue) -> list[tuple]:
        occasions = lemma_class("occasion_nouns")
        noun = cue
        if lemma(cue) in lemma_class("campaign_occasion_words"):
            if cue.dep_ in {"compound", "amod", "nmod"} and lemma(cue.head) in occasions:
                noun = cue.head  # "a campaign day", "action days"
            elif (
                cue.dep_ == "pobj" and cue.head.lower_ == "of" and lemma(cue.head.head) in occasions
            ):
                noun = cue.head.head  # "a day of action"
            elif any(lemma(c) in occasions and c.dep_ == "compound" for c in cue.children):
                noun = cue
            else:
                return []
        elif cue.dep_ in {"compound", "amod", "nmod"} and lemma(cue.head) in occasions:
            noun = cue.head  # "canvassing sessions"
        elif cue.dep_ == "pobj" and cue.head.lower_ == "of" and lemma(cue.head.head) in occasions:
            noun = cue.head.head  # "a day of canvassing"
        return self.campaign_at(noun, "event.campaign_day", cue)

    def similar_campaign(self, noun) -> list[tuple]:
        """ "Similar events" just after a campaign event: more of the same."""
        if not any(lemma(c) in lemma_class("likeness_words") for c in noun.children):
            return []
        return self.campaign_at(noun, "event.campaign_day.similar")

    def campaign_at(self, noun, rule, cue=None) -> list[tuple]:
        if self.doubt(noun, ("negations", "denials")):
            return []
        verb = self.verb_of(noun)
        heads = [h for h in (cue, noun, verb) if h is not None]
        heads += [
            c for c in (cue or noun).children if c.dep_ == "dobj"
        ]  # "canvassing sessions in A"
        heads = list(dict.fromkeys(heads))
        found = []
        for head in heads:
            prepositions = _PLACE_PREPOSITIONS - {"of"} | {"on"}
            if head == verb:
                prepositions |= {"to"}  # "brought activists to A for a day of action"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in prepositions:
                    for object_ in child.children:
                        if object_.dep_ == "pobj":
                            found += self.places(object_)
                            found += self.constituencies_of(object_)
        self.referred = False
        targets = list(dict.fromkeys(self.targets(noun) + (self.targets(verb) if verb else [])))
        if found and len(targets) == 1:
            found = [
                (s, h, p or (self.referred and self.doc.holder_of(s)) or targets[0])
                for s, h, p in found
            ]
        elif not found:
            found = [(*self.seat_of(person), person) for person in targets]
        date_text = self.date_of(*heads)
        events = []
        for seat, holder, person in found:
            person = person or (self.doc.holder_of(seat) if seat else "")
            if seat or person:
                events.append((rule, "campaign_day", seat, holder, person, date_text))
        return events

    def constituencies_of(self, token) -> list[tuple[str, str, str]]:
        """ "in the constituencies of X and Y", "the seats of N MPs, X and Y": the seats of
        those MPs."""
        if lemma(token) not in {"constituency", "seat"}:
            return []
        people = []
        for owner in self.objects(token, {"of"}):
            people += self.people(owner)
            for apposition in (c for c in owner.children if c.dep_ == "appos"):
                # "the seats of two defectors, X and Y"
                people += [p for m in self.members(apposition) for p in self.people(m)]
        return [(*self.seat_of(p), p) for p in dict.fromkeys(people)]

    # --- letters ---

    def letter(self, cue) -> list[tuple]:
        verb = cue if cue.pos_ in {"VERB", "AUX"} else self.verb_of(cue)
        recipients = self.objects(cue, {"to"})
        if not recipients and verb is not None and verb != cue:
            recipients = self.objects(verb, {"to"})
        if not recipients and verb == cue and not is_passive(cue):
            patient = self.patient(cue)  # "X emailed members in A"
            recipients = self.members(patient) if patient is not None else []
        members = [r for r in recipients if lemma(r) in lemma_class("party_member_nouns")]
        if not members or self.doubt(cue, ("negations", "denials")):
            return []
        writer = self.actor(verb) if verb is not None else None
        if writer is not None and writer.lower_ in _FIRST_PERSON:
            return []  # the text itself is the letter
        if writer is not None and self.local_officer(writer):
            return []  # a local party writing to its own members says something, no event
        places = [self.place(m) for m in members]
        places += [self.place(o) for o in self.objects(verb, {"in"})] if verb is not None else []
        seat, holder, person = next((f for f in places if f[0] or f[2]), ("", "", ""))
        if seat and not person:
            person = self.doc.holder_of(seat)
        rule = "event.letter" + (".known_seat" if holder else "")
        return [(rule, "letter", seat, holder, person, self.date_of(verb))]

    def local_officer(self, writer) -> bool:
        """Whether the writer's phrase ties them to a local party: "X, who chairs A CLP",
        "the constituency party's secretary, X"."""
        for word in writer.subtree:
            if lemma(word) not in lemma_class("local_party_nouns"):
                continue
            mention = self.mention_of(word)
            if mention is not None and mention.kind == "org" and mention.constituency:
                return True
            if lemma(word) not in lemma_class("group_nouns"):
                return True  # a word for a local body by itself
            if any(lemma(c) in lemma_class("local_modifiers") for c in word.children):
                return True
        return False

    # --- selection processes ---

    def selection(self, cue) -> list[tuple]:
        noun = cue
        if lemma(cue) in lemma_class("selecting_verbs"):
            if cue.pos_ != "VERB":
                return []
            head = cue.head
            if cue.dep_ == "pcomp" and head.lower_ in {"of", "for"}:
                if lemma(head.head) not in lemma_class("process_nouns"):
                    return []
                noun = head.head  # "the process of selecting a candidate"
                many = _plural_candidates(self.patient(cue))
            else:
                patient = self.patient(cue)
                if patient is None:
                    return []
                if lemma(patient) not in lemma_class("candidate_nouns"):
                    return self.chosen_by_members(cue, patient)
                if self.mention_of(patient) is not None:
                    return []
                # "to pick a new candidate", "chose her successor"
                return self.selection_at(cue, cue, general=False, given=self.successor_of(patient))
        else:
            if cue.dep_ == "compound" and lemma(cue.head) in lemma_class("process_nouns"):
                noun = cue.head
            of_candidates = self.objects(noun, {"of", "for"})
            many = (noun.tag_ == "NNS" and not _subset(noun)) or any(
                _plural_candidates(o) for o in of_candidates
            )  # "selection processes will start", "the selection of candidates"
        verb = self.verb_of(noun)
        process = lemma_class("process_verbs")
        clauses_of_noun = [
            c
            for c in noun.children
            if c.dep_ in {"acl", "relcl"} and not self.people_of(self.agent(c))
        ]  # "the contest in U, held by X": X holds the seat, not the contest
        if verb is not None and noun.dep_ in SUBJECTS | {"dobj"}:
            opened = [verb, *[c for c in verb.subtree if c.dep_ == "xcomp"]]
            verb = next((v for v in opened if lemma(v) in process), None)
        elif verb is not None and self.patient(verb) != noun:
            verb = None
        if verb is None or lemma(verb) not in process:
            verb = next((c for c in clauses_of_noun if lemma(c) in process), None)
        if verb is None:
            return []
        return self.selection_at(noun, verb, many=many)

    def people_of(self, token) -> list[str]:
        return self.people(token) if token is not None else []

    def successor_of(self, noun) -> list[tuple[str, str, str]]:
        """ "her replacement", "X's successor": the seat of the MP to be replaced."""
        people = [p for c in noun.children if c.dep_ == "poss" for p in self.mps(c)]
        return [(*self.seat_of(p), p) for p in people]

    def chosen_by_members(self, verb, patient) -> list[tuple]:
        """ "Members in A chose X", "A CLP picked her": the members' seat's selection."""
        if not self.people(patient):
            return []
        agent = self.actor(verb)
        if agent is None:
            return []
        mention = self.mention_of(agent)
        local = mention is not None and mention.kind == "org" and mention.constituency
        if not local and lemma(agent) not in lemma_class("party_member_nouns") | lemma_class(
            "local_party_nouns"
        ):
            return []
        seat, holder, _ = self.place(agent)
        if not seat or self.doubt(verb, ("negations", "denials")):
            return []
        rule = "event.selection_process.chosen"
        person = self.doc.holder_of(seat)
        return [(rule, "selection_process", seat, holder, person, self.date_of(verb))]

    def selection_at(self, noun, verb, general=True, many=False, given=()) -> list[tuple]:
        later = any(t.lower_ in {"until", "till"} for t in verb.subtree)
        doubted = self.doubt(noun, ("negations", "pending_words")) and not later
        if doubted or self.doubt(noun, ("denials",)):
            return []
        found = list(given) + (self.places(noun) if noun != verb else [])
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "for", "at"}:
                for object_ in child.children:
                    if object_.dep_ == "pobj":
                        found += self.places(object_)
        if not found:
            found = self.named_places(noun)
        if not found:
            found = [(*self.seat_of(p), p) for p in self.targets(noun)]
        if not found and many:
            found = [("", "", "")]  # one selection across many seats
        elif not found and noun.tag_ == "NN" and _definite(noun):
            seat = self.story_seat()  # "the contest": the story's
            found = [(seat, "", "")] if seat else []
        if not found:
            return []  # "a selection", "several contests" is no particular one
        date_text = self.date_of(verb, noun)
        events = []
        for seat, holder, person in found:
            person = person or (self.doc.holder_of(seat) if seat else "")
            rule = "event.selection_process" + (".known_seat" if holder else "")
            events.append((rule, "selection_process", seat, holder, person, date_text))
        return events

    def named_places(self, noun) -> list[tuple[str, str, str]]:
        """Seats named inside the phrase of a selection ("the process of selecting a
        candidate in A"), not inside its relative clauses."""
        found = []
        stack = [noun]
        while stack:
            node = stack.pop()
            seat = _seat_named(self.mention_at.get(node.i))
            if seat:
                found.append((seat, "", ""))
            stack += [c for c in node.children if c.dep_ not in {"relcl", "appos"}]
        return sorted(set(found))


def _seat_named(mention) -> str:
    """The seat a constituency or CLP mention names, else ""."""
    if mention is None or mention.kind not in {"constituency", "org"}:
        return ""
    return mention.name if mention.kind == "constituency" else mention.constituency


def _the_seat(token) -> bool:
    """ "the seat", "the constituency": a seat noun taken as known."""
    return lemma(token) in lemma_class("constituency_nouns") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    )


def _stands_for_noun(token) -> bool:
    """ "one" standing alone for a noun named before ("B lost one"), not "one of the X"."""
    return (
        token.lower_ == "one"
        and token.dep_ in {"dobj", "nsubjpass"}
        and not any(c.dep_ in {"prep", "amod", "compound"} for c in token.children)
    )


def _plural_candidates(patient) -> bool:
    """ "The process of choosing new candidates": a selection in many seats."""
    return (
        patient is not None
        and patient.tag_ == "NNS"
        and lemma(patient) in lemma_class("candidate_nouns")
    )


def _subset(noun) -> bool:
    """ "Several other contests", "these contests": not those of every seat."""
    return any(lemma(c) in lemma_class("subset_words") for c in noun.children)


def _definite(token) -> bool:
    return any(
        c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that"} for c in token.children
    )


def _is_year(token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text[:2] in {"19", "20"}
