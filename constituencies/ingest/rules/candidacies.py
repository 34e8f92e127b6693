"""Candidacy rules: who is tipped, applied, listed, selected, withdrew or lost -> `CandidacyFact`,
read from the parse.

A sentence is parsed only when it names a person and has a cue word. A cue gives a status
and tells the parse where its candidates stand (lemma classes in `data/lexicon.json`):
- a selection verb: its patient, the subject of a passive or the object of an active
  verb ("X was picked", "members chose X"); a winning verb with a contest noun as object
  ("X won the selection") gives its subject;
- a candidate noun completing a copula or an "as" phrase: "X will be Labour's candidate
  in A", "X was confirmed as the nominee";
- a list noun or verb: "X was shortlisted", "X made the shortlist", "X is on the
  longlist", "the shortlist includes X and Y", "the names on the shortlist are X and Y";
- applying ("X applied", "X will stand", "X sought the nomination", "put herself
  forward"), tipping ("X is tipped", "X is the favourite", "X is in the frame"),
  withdrawing ("X pulled out", "abandoned her bid") and losing ("X lost the ballot",
  "X missed out", "X was beaten") verbs give their subject.
Coordinated names share their cue; a gapped list ("X was picked for A and Y for B")
pairs each name with its own seat, and "respectively" pairs a list of names with a
list of seats. Under a negation a selection is `not_selected` and anything else is no
fact; under a hedge ("is expected to", "could") it is `tipped`; under a conditional, a
denial or "ruled out" it is no fact.

The seat is what the parse ties to the cue, nearest first: the name's own "in A", then
on the way from the cue up to its clause's verb a "for/in/of/to A" phrase, an owner or
modifier ("A's candidate", "the A selection"), a purpose ("to fight A", "to replace
X", X's seat), a relative clause's head ("A, where X was picked"), a fronted "In A, ..."
(its own clause only), and "the seat" or "there" meaning the seat named last. Never a
default: no tie, no fact. Sitting MPs are never candidates, nor is anything but a
person's name in a candidate's place.

The description is the role phrase the parse attaches to the name at its first mention in
the article that has one: words before it ("union official X", "A's head of
press X") or an apposition ("X, a city councillor"), its first role only. Backers are the
organisations the article says back the person: subjects of backing verbs, "backed by",
"the backing of", "ORGANISATION's support".
"""

import re
from functools import cache

from .. import gazetteer
from ..document import Document
from ..facts import CandidacyFact
from ..parse import cue_forms, lemma_class
from .syntax import SUBJECTS, Clause, in_order, is_passive, lemma, names_time

_WORD = re.compile(r"[a-z][a-z'-]*")
# Cues that give a status on their own, and verbs that need a contest, bid or particle.
_STANDALONE_CUES = (
    "selection_verbs",
    "candidate_nouns",
    "tipping_nouns",
    "tipping_verbs",
    "list_nouns",
    "applying_verbs",
    "withdrawing_alone",
)
_GOVERNED_CUES = (
    "aiming_verbs",
    "entering_verbs",
    "withdrawing_verbs",
    "losing_verbs",
    "winning_verbs",
    "offering_verbs",
)
_BACKING_CLASSES = ("backing_verbs", "backing_nouns", "backing_particles", "backer_nouns")
_PLACE_PREPOSITIONS = {"for", "in", "of", "to", "at", "on", "against"}
# Dependencies that lead out of a clause: climbing past them leaves the cue's clause.
_CLAUSE_EDGES = {"conj", "relcl", "advcl", "ccomp", "parataxis", "acl", "csubj", "ROOT"}
_BULLETS = ("-", "–", "•", "*")
_REFERENCE_REACH = 6  # sentences back that "the seat" or "the shortlist" may refer
_DROP_START = {"a", "an", "the", "fellow", "also", "both"}
_SEAT_CLASSES = ("reference_nouns", "contest_nouns", "list_nouns", "candidate_nouns")


def wanted(doc: Document) -> list[int]:
    """The sentences this module reads from the parse to find candidacies and their
    backers (before the seat rules have run, sitting MPs count as possible candidates)."""
    positions, backing = _positions(doc)
    return sorted(set(positions) | set(backing))


def _positions(doc: Document) -> tuple[list[int], list[int]]:
    """(sentences that may name a candidacy, sentences that may name a backer)."""
    wanted, backing_positions, unplaced = [], [], []
    for position, view in enumerate(doc.views):
        words = set(_WORD.findall(view.sentence.text.lower()))
        words |= {part for word in words for part in word.split("-")}  # "ORGANISATION-backed"
        has_person = any(
            m.kind == "person"
            and not m.possessive
            and m.name not in doc.seat_of
            and not doc.in_quote(m.start)
            for m in view.mentions
        )  # a sitting MP is never the candidate
        pronoun = words & lemma_class("personal_pronouns")
        if (has_person or pronoun) and _may_hold(words):
            (wanted if _may_place(doc, position, words) else unplaced).append(position)
        owner = any(m.kind == "person" for m in view.mentions)  # "X's backers"
        if (
            (owner or pronoun or _row_person(doc, position))
            and words & cue_forms(*_BACKING_CLASSES)
            and any(m.kind == "org" for m in view.mentions)
        ):
            backing_positions.append(position)
    wanted += [p for p in range(len(doc.views)) if _question_before(doc, p)[0]]
    # a sentence that ties no seat may still be about a contest the article places the
    # same person in elsewhere
    placed = {m.name for p in wanted for m in doc.views[p].mentions if m.kind == "person"}
    wanted += [p for p in unplaced if any(m.name in placed for m in doc.views[p].mentions)]
    return sorted(set(wanted)), backing_positions


def candidacy_facts(doc: Document) -> list[CandidacyFact]:
    wanted, backing_positions = _positions(doc)
    parsed = doc.parses(wanted)
    found: list[tuple] = []
    for position in wanted:
        reading = _Reading(doc, position, parsed[position])
        found += reading.candidacies()
        status, seat = _question_before(doc, position)
        if status:
            found += reading.answer(status, seat)
    found = _placed_in_story(doc, found + _rows(doc))
    if not found:
        return []
    people = {person for person, *_ in found}
    backing_positions = [
        position
        for position in backing_positions
        if any(m.kind == "person" and m.name in people for m in doc.views[position].mentions)
        or set(_WORD.findall(doc.views[position].sentence.text.lower()))
        & lemma_class("personal_pronouns")
        or _row_person(doc, position) in people
    ]
    # Descriptions and backing are read only once there are candidates to read them for.
    profiles = _Profiles(doc, people, backing_positions)
    facts, seen = [], set()
    for person, seat, holder, status, position in found:
        key = (person, seat.casefold(), holder, status)
        if key in seen:
            continue
        seen.add(key)
        rule = f"candidacy.{status}" + (".known_seat" if holder else "")
        facts.append(
            CandidacyFact(
                rule,
                (doc.sentence_span(doc.views[position]),),
                person,
                seat,
                status,
                profiles.description(person),
                tuple(profiles.backers.get(person, [])),
                holder,
            )
        )
    return facts


def _contest_party(doc: Document) -> str:
    """The party whose selections the story follows: the one named most in sentences
    with a selection or candidate word, else the one named most in the story."""
    counts: dict[str, int] = {}
    cues = cue_forms("selection_verbs", "candidate_nouns", "list_nouns", "contest_nouns")
    for view in doc.views:
        if set(_WORD.findall(view.sentence.text.lower())) & cues:
            for mention in view.mentions:
                if mention.kind == "party":
                    counts[mention.name] = counts.get(mention.name, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return doc.main_party()


def _placed_in_story(doc: Document, found: list[tuple]) -> list[tuple]:
    """Candidacies whose sentence ties no seat take the contest the article places that
    person in elsewhere (their only seat among the candidacies it ties), else the seat the
    story is about; with neither, there is no fact."""
    seats: dict[str, set[str]] = {}
    for person, seat, holder, _status, _position in found:
        if seat or holder:
            seats.setdefault(person, set()).add(seat.casefold() if seat else holder)
    named = {seat.casefold(): seat for _p, seat, _h, _s, _n in found if seat}
    placed = []
    for person, seat, holder, status, position in found:
        if not seat and not holder:
            own = seats.get(person, set())
            if len(own) == 1 and next(iter(own)) in named:
                seat = named[next(iter(own))]
            elif not own:
                seat = _story_seat(doc, position)
        if seat or holder:
            placed.append((person, seat, holder, status, position))
    return placed


def _story_seat(doc: Document, position: int) -> str:
    """The seat a sentence that names none is about: its section's, else the story's when
    the seat named last before it is that one too (or none is in reach)."""
    section = doc.section_seat(position)
    if section:
        return section
    story, recent = doc.focus_seat(), _recent_seat(doc, position)[0]
    return story if not recent or recent.casefold() == story.casefold() else ""


_ROW_JOINERS = re.compile(r"[\s\-–•*:;,()]*")
_SEAT_JOINERS = re.compile(r"\s*(?:,|&|and|,\s*and)\s*")
_CAPTION_REACH = 12  # lines a caption may stand above a row of its list


def _rows(doc: Document) -> list[tuple]:
    """Rows of a list, not sentences: "Seat: Name" or "Seat - Name, role" under a caption
    that names winners or a list ("Who was selected?", "The shortlist:"). The caption's
    cue gives the status; the rows are layout and are read without a parse."""
    found = []
    text = doc.text
    for position, view in enumerate(doc.views):
        mentions = view.mentions
        if _is_bulleted_name(doc, view):
            status, seat = _caption(doc, position)
            person = mentions[0].name
            if status and seat and person not in doc.seat_of:
                found.append((person, seat, "", status, position))
            continue
        if len(mentions) < 2 or mentions[0].kind != "constituency":
            continue
        if not _ROW_JOINERS.fullmatch(text[view.sentence.start : mentions[0].start]):
            continue
        seats = [mentions[0]]
        for mention in mentions[1:]:
            gap = text[seats[-1].end : mention.start]
            if mention.kind != "constituency" or not _SEAT_JOINERS.fullmatch(gap):
                break
            seats.append(mention)
        gap = text[seats[-1].end : view.sentence.end]
        if not gap.lstrip().startswith((":", "-", "–")):
            continue
        people = [
            m.name
            for m in mentions[len(seats) :]
            if m.kind == "person" and not m.possessive and not doc.in_quote(m.start)
        ]
        if len(seats) > 1 and len(people) != len(seats):
            continue
        status = _caption(doc, position)[0] if people else ""
        for seat, person in zip(seats, people[: len(seats)], strict=False):
            if status and person not in doc.seat_of:
                found.append((person, seat.name, "", status, position))
    return found


def _is_bulleted_name(doc: Document, view) -> bool:
    """A bulleted line that opens with a person's name ("- X, a councillor")."""
    mentions = view.mentions
    if not mentions or mentions[0].kind != "person" or mentions[0].possessive:
        return False
    lead = doc.text[view.sentence.start : mentions[0].start]
    return bool(lead.strip()) and bool(_ROW_JOINERS.fullmatch(lead))


def _caption(doc: Document, position: int) -> tuple[str, str]:
    """(status, seat) a list's caption gives its rows: a caption is a line ending in ":"
    or "?" a few lines up, with a selection, winning or list word and no negation; its
    seat is the one it names, or the one its "the shortlist" refers back to."""
    for index in range(position - 1, max(-1, position - _CAPTION_REACH - 1), -1):
        earlier = doc.views[index]
        text = earlier.sentence.text.strip()
        if not text.endswith((":", "?")):
            continue
        words = set(_WORD.findall(text.lower()))
        if words & lemma_class("negations"):
            return "", ""
        status = ""
        if words & cue_forms("list_nouns"):
            status = "longlisted" if words & cue_forms("longlist_nouns") else "shortlisted"
        elif words & cue_forms("selection_verbs", "winning_verbs", "candidate_nouns"):
            status = "selected"
        seats = [m.name for m in earlier.mentions if m.kind == "constituency"]
        seat = seats[-1] if seats else _recent_seat(doc, index)[0]
        return status, seat
    return "", ""


def _question_before(doc: Document, position: int) -> tuple[str, str]:
    """(status, seat) a question just before an answer's paragraph gives the names the
    answer lists ("Who was on the shortlist?" / "X, a nurse; Y; and Z."): the status of its
    list, selection or winning word, and the seat it names, else the contest's seat named
    last before it. ("", "") when the sentence does not open an answer to such a question."""
    if not position:
        return "", ""
    question, view = doc.views[position - 1], doc.views[position]
    text = question.sentence.text.strip()
    if not text.endswith("?") or question.sentence.paragraph == view.sentence.paragraph:
        return "", ""
    if view.sentence.text.lstrip().startswith(_BULLETS) or any(
        m.kind == "constituency" or m.constituency for m in view.mentions
    ):
        return "", ""  # rows of a list, or an answer that places its names itself
    words = set(_WORD.findall(text.lower()))
    if words & lemma_class("negations"):
        return "", ""
    if words & cue_forms("list_nouns"):
        status = "longlisted" if words & cue_forms("longlist_nouns") else "shortlisted"
    elif words & cue_forms("selection_verbs", "winning_verbs", "candidate_nouns"):
        status = "selected"
    else:
        return "", ""
    seats = [m.name for m in question.mentions if m.kind == "constituency"]
    seat = seats[-1] if seats else _recent_seat(doc, position - 1, contests_only=True)[0]
    return (status, seat) if seat else ("", "")


def _may_hold(words: set[str]) -> bool:
    """Whether a sentence's words can hold a candidacy, before any parse: a cue that gives
    a status on its own, or a verb that does so with a contest or a bid ("entered the
    race"), or with a particle ("pulled out", "put herself forward")."""
    if words & _standalone_forms():
        return True
    if words & cue_forms(*_GOVERNED_CUES) and words & cue_forms("contest_nouns", "bid_nouns"):
        return True
    phrasal = cue_forms("withdrawing_verbs", "losing_verbs", "offering_verbs")
    if words & phrasal and words & _particles():
        return True
    if words & lemma_class("anaphors") and words & {"on", "onto"}:
        return True  # "the other names on it"
    return bool(words & cue_forms("inclusion_verbs") and words & lemma_class("anaphors"))


@cache
def _standalone_forms() -> frozenset[str]:
    """Word forms of the cues that give a status alone, less the plurals of the nouns: "the
    candidates" or "shortlists" name no one person's candidacy."""
    plurals = {
        lemma + ending
        for name in ("candidate_nouns", "tipping_nouns", "list_nouns")
        for lemma in lemma_class(name)
        for ending in ("s", "es")
    }
    return cue_forms(*_STANDALONE_CUES) - plurals


def _may_place(doc: Document, position: int, words: set[str]) -> bool:
    """Whether a sentence can tie a seat to a candidate, before any parse: it names a seat
    or a local party, says "the seat" or "there", refers to a contest already named ("the
    shortlist", "its candidate"), or names someone whose seat is known or who is being
    replaced, or stands under a seat's heading."""
    view = doc.views[position]
    if any(m.kind == "constituency" or m.constituency for m in view.mentions):
        return True
    if doc.section_seat(position) or doc.focus_seat():
        return True
    if words & (lemma_class("reference_nouns") | lemma_class("there_words")):
        return True
    if words & cue_forms("displacing_verbs"):
        return True
    nouns = cue_forms("contest_nouns", "list_nouns", "candidate_nouns")
    text = _WORD.findall(view.sentence.text.lower())
    determiners = lemma_class("determiners")
    for index, word in enumerate(text):
        # "the shortlist", "its five-strong shortlist", "A's candidate"
        before = text[max(0, index - 3) : index]
        if word in nouns and any(b in determiners or b.endswith(("'s", "’s")) for b in before):
            return True
    return any(m.kind == "person" and (m.name in doc.seat_of) for m in view.mentions)


def _particles() -> frozenset[str]:
    return (
        lemma_class("withdrawing_particles")
        | lemma_class("losing_particles")
        | lemma_class("offering_particles")
    )


class _Reading(Clause):
    """One parsed sentence that may name candidates."""

    def candidacies(self) -> list[tuple]:
        """(person, seat, holder, status, position) for each candidacy the sentence gives."""
        found = []
        for token in self.sent:
            status, arguments = self.cue(token)
            if not status or not arguments:
                continue
            status = self.qualified(token, status)
            if not status:
                continue
            found += self.placed(token, status, arguments)
        return found

    def answer(self, status: str, seat: str) -> list[tuple]:
        """The names a verbless answer lists ("X, a nurse; Y; and Z", "Three names: X, Y
        and Z"), under the status and seat of the question before it."""
        roots = [t for t in self.sent if t.dep_ == "ROOT"]
        if len(roots) != 1 or roots[0].pos_ in {"VERB", "AUX"}:
            return []
        found = []
        for token in self.listed_people(roots[0]):
            if self.mention_of(token) is None:
                continue  # a role in apposition, not a name
            for person in self.candidates_at(token):
                found.append((person, seat, "", status, self.position))
        return found

    # --- cues ---

    def cue(self, token) -> tuple[str, list]:
        """(status, the tokens naming its candidates) for a cue word, else ("", [])."""
        word = lemma(token)
        verb = token.pos_ in {"VERB", "AUX"} or token.tag_ in {"VBN", "VBD", "VBG"}
        if word in lemma_class("list_nouns"):
            status = "longlisted" if word in lemma_class("longlist_nouns") else "shortlisted"
            if verb and token.dep_ == "amod":
                return status, [token.head]  # "the N shortlisted NOUNs: X, Y and Z"
            return status, self.listed(token) if not verb else self.patients(token)
        if (
            word in lemma_class("anaphors")
            and token.dep_ == "pobj"
            and token.head.lower_
            in {
                "on",
                "onto",
            }
        ):
            return self.list_it_refers_to(token), self.complemented(token)  # "names on it"
        if not verb:
            return self.noun_cue(token, word)
        if word in lemma_class("inclusion_verbs"):
            return self.list_referred_to(token)
        particles = {
            c.lower_
            for c in token.children
            if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in _particles())
        }
        objects = [c for c in token.children if c.dep_ in {"dobj", "pobj"}] + self.prepositional(
            token, {"into", "for", "from"}
        )
        object_words = {lemma(o) for o in objects}
        if word in lemma_class("withdrawing_verbs") and self.dangling(token):
            return "", []  # "X was picked, ending the contest": the picking ends it
        if (
            word in lemma_class("withdrawing_verbs")
            and (
                word in lemma_class("withdrawing_alone")
                or particles & lemma_class("withdrawing_particles")
                or object_words & (lemma_class("contest_nouns") | lemma_class("bid_nouns"))
            )
            and not particles & lemma_class("leaving_office_particles")
        ):
            return "withdrawn", self.subjects(token)
        if word in lemma_class("losing_verbs"):
            passive = is_passive(token) or (token.dep_ == "acl" and token.tag_ == "VBN")
            if word in lemma_class("defeating_verbs"):
                lost = passive  # "X was beaten"; in "X beat Y" Y's status is not given
            elif word in lemma_class("failing_verbs"):
                lost = any(lemma(c) in lemma_class("winning_verbs") for c in token.children)
            else:  # "lost the selection", "missed out"
                lost = bool(
                    object_words & lemma_class("contest_nouns")
                    or particles & lemma_class("losing_particles")
                )
            if not lost:
                return "", []
            return "not_selected", self.patients(token) if passive else self.subjects(token)
        if word in lemma_class("selection_verbs") and word not in lemma_class("list_nouns"):
            if self.agent_is_backer(token) or particles & lemma_class("phrasal_particles"):
                return "", []
            named_as = self.prepositional(token, {"as"}) + self.objects(token)
            if any(self.other_party(n) for n in named_as):
                return "", []  # "X was selected as the PARTY candidate"
            return "selected", self.patients(token)
        won = [o for o in objects if lemma(o) in lemma_class("contest_nouns")]
        if word in lemma_class("winning_verbs") and any(o.tag_ != "NNS" for o in won):
            return "selected", self.subjects(token)  # not "won two branch nominations"
        aimed = [o for o in objects if self.is_seat(o)] or object_words & (
            lemma_class("contest_nouns") | lemma_class("bid_nouns")
        )
        if word in lemma_class("aiming_verbs") and not is_passive(token) and aimed:
            return "tipped", self.subjects(token)  # "X is eyeing A", "considering a bid"
        if word in lemma_class("tipping_verbs"):
            linked = self.prepositional(token, {"with", "to"})
            if word in lemma_class("linking_verbs") and not linked:
                return "", []
            passive = is_passive(token) or (token.dep_ == "acl" and token.tag_ == "VBN")
            return "tipped", self.patients(token) if passive else self.objects(token)
        if word in lemma_class("applying_verbs"):
            if particles & (
                lemma_class("leaving_office_particles") | lemma_class("withdrawing_particles")
            ):
                return "", []  # "stood down", "stood aside"
            if (
                objects
                and not object_words & (lemma_class("contest_nouns") | lemma_class("bid_nouns"))
                and not any(self.is_seat(o) for o in objects)
            ):
                return "", []  # "runs a business"
            if self.at_election(token, objects):
                return "", []
            return "applied", self.subjects(token)
        if word in lemma_class("entering_verbs") and object_words & (
            lemma_class("contest_nouns") | lemma_class("bid_nouns")
        ):
            return "applied", self.subjects(token)
        if word in lemma_class("offering_verbs") and particles & lemma_class("offering_particles"):
            return "applied", self.subjects(token)
        return "", []

    def at_election(self, verb, objects: list) -> bool:
        """Whether standing is at an election, not in a selection: for a party or as an
        independent ("stands for PARTY", "is standing as an independent"), against someone
        ("standing under new colours against PARTY"), or at a past election ("stood in
        YEAR and YEAR", "stood at the last election")."""
        labels = lemma_class("party_nouns") | lemma_class("independent_words")
        for noun in objects + self.prepositional(verb, {"as", "under"}):
            mention = self.mention_of(noun)
            if lemma(noun) in labels or (mention is not None and mention.kind == "party"):
                return True
        if self.phrase_objects(verb, {"against"}):
            return True
        past = verb.tag_ in {"VBD", "VBN"}
        return any(
            self.past_election(when) or (past and lemma(when) in lemma_class("election_nouns"))
            for place in self.prepositional(verb, {"in", "at"})
            for when in self.members(place)
        )

    def past_election(self, token) -> bool:
        """Whether a word is the year of a general election already held when the story
        was written (any election year when the story's date cannot be told)."""
        years = gazetteer.election_years()
        last = self.doc.last_election() or years[-1]
        return token.text.isdigit() and int(token.text) in years and int(token.text) <= last

    def noun_cue(self, token, word: str) -> tuple[str, list]:
        if word in lemma_class("candidate_nouns"):
            if self.other_party(token):
                return "", []
            if self.naming_apposition(token):
                return "selected", self.naming_apposition(token)
            governor = token.head.head if token.dep_ == "pobj" else token.head
            naming = lemma_class("selection_verbs") | {"be", "become", "remain"}
            if token.dep_ in SUBJECTS and lemma(token.head) == "be":
                return "selected", [c for c in token.head.children if c.dep_ == "attr"]
            if (
                token.dep_ in {"attr", "oprd"}
                or (token.dep_ == "pobj" and token.head.lower_ == "as")
            ) and lemma(governor) in naming:
                tentative = {"likely", "possible", "potential", "strong", "obvious"}
                if any(c.lower_ in tentative for c in token.children):
                    return "tipped", self.complemented(token)
                return "selected", self.complemented(token)
            return "", []
        if word in lemma_class("tipping_nouns"):
            if token.dep_ == "pobj" and token.head.lower_ == "in":
                return "tipped", self.complemented(token.head)
            if token.dep_ in {"attr", "oprd", "appos"} or (
                token.dep_ == "pobj" and token.head.lower_ == "as"
            ):
                return "tipped", self.complemented(token)
        return "", []

    def naming_apposition(self, noun) -> list:
        """The name a candidate noun stands in apposition with or modifies, the noun
        being the present one of the contest ("X, Labour's candidate for A", "the
        candidate, X", "A candidate X"), or heading a line of its own ("Labour candidate:
        X"); not a former or an indefinite one ("X, a former candidate")."""
        modifiers = {lemma(c) for c in noun.children if c.dep_ in {"amod", "advmod", "compound"}}
        if lemma(noun) not in lemma_class("candidate_nouns") or modifiers & lemma_class(
            "former_words"
        ):
            return []
        if any(c.dep_ in {"acl", "relcl"} for c in noun.children) or self.dated(noun):
            return []  # "the candidate favoured by X", "the candidate in A in YEAR"
        if noun.dep_ in {"appos", "compound"} and self.names_person(noun.head) and self.owned(noun):
            return [noun.head]  # "X, Labour's candidate", "A candidate X"
        if noun.dep_ == "ROOT" or self.owned(noun):
            apposed = [c for c in noun.children if c.dep_ == "appos" and c.i > noun.i]
            return [c for c in apposed if self.names_person(c)][:1]
        return []

    def dated(self, noun) -> bool:
        """Whether a noun is placed in time by a phrase of its own ("at the last
        election", "in YEAR"): a past or future occasion, not the contest at hand. The
        parser may hang the phrase that follows the noun's own phrase on the verb."""
        if any(c.i < noun.i and self.past_election(c) for c in noun.children):
            return True  # "PARTY's YEAR candidate"
        end = max(t.i for t in noun.subtree)
        following = [self.sent[end + 1]] if end + 1 < len(self.sent) else []
        for child in [*noun.children, *following]:
            if child.dep_ != "prep":
                continue
            for place in (g for g in child.children if g.dep_ == "pobj"):
                if names_time(place) or lemma(place) in lemma_class("election_nouns"):
                    return True
        return False

    def owned(self, noun) -> bool:
        """Whether a noun is definite: an article, an owner or a party before it (its own,
        or a word modifying the same name just before it: "A candidate X")."""
        before = [self.sent[noun.i - 1]] if noun.dep_ == "compound" and noun.i else []
        before = [t for t in before if t.dep_ == "compound" and t.head == noun.head]
        for child in [*noun.children, *before]:
            if child.i > noun.i:
                continue
            if child.dep_ == "poss" or (child.dep_ == "det" and lemma(child) in {"the", "this"}):
                return True
            mention = self.mention_of(child)
            if mention is not None and mention.kind in {"party", "constituency", "org"}:
                return True
        return False

    def dangling(self, verb) -> bool:
        """A participle clause with no subject of its own ("..., ending X")."""
        return (
            verb.tag_ == "VBG"
            and verb.dep_ in {"advcl", "acl", "xcomp"}
            and not any(c.dep_ in SUBJECTS for c in verb.children)
        )

    def other_party(self, noun) -> bool:
        """Whether a candidate noun is another party's than the story's ("the PARTY
        candidate", "PARTY's nominee")."""
        for child in noun.children:
            if child.dep_ in {"compound", "amod", "poss", "nmod"}:
                mention = self.mention_of(child)
                if mention is not None and mention.kind == "party":
                    return mention.name != _contest_party(self.doc)
                if child.dep_ == "poss" and lemma(child) in lemma_class("collective_pronouns"):
                    party = self.party_before(child)  # "their candidate"
                    return bool(party) and party != _contest_party(self.doc)
        return False

    def party_before(self, token) -> str:
        """The party named last before `token`, in its sentence or the one before."""
        named = [m for i, m in sorted(self.mention_at.items()) if i < token.i]
        if self.position:
            named = list(self.doc.views[self.position - 1].mentions) + named
        parties = [m.name for m in named if m.kind == "party"]
        return parties[-1] if parties else ""

    def list_it_refers_to(self, pronoun) -> str:
        """The status of being on the list "it" stands for: the last list noun before it
        in the sentence, else in the sentence before; "" when there is none."""
        words = [lemma(t) for t in self.sent if t.i < pronoun.i]
        if self.position and not set(words) & lemma_class("list_nouns"):
            before = self.doc.views[self.position - 1].sentence.text.lower()
            words = _WORD.findall(before)
        nouns = [w for w in words if w in cue_forms("list_nouns")]
        if not nouns:
            return ""
        return "longlisted" if nouns[-1] in cue_forms("longlist_nouns") else "shortlisted"

    def list_referred_to(self, verb) -> tuple[str, list]:
        """ "It included X and Y", where "it" is the list named in the sentence before."""
        subject = self.subject(verb)
        if subject is None or lemma(subject) not in lemma_class("anaphors") or not self.position:
            return "", []
        before = set(_WORD.findall(self.doc.views[self.position - 1].sentence.text.lower()))
        if not before & cue_forms("list_nouns"):
            return "", []
        status = "longlisted" if before & cue_forms("longlist_nouns") else "shortlisted"
        if before & cue_forms("longlist_nouns") and before & cue_forms("list_nouns") - cue_forms(
            "longlist_nouns"
        ):
            return "", []  # both lists named: which one "it" is, the words do not say
        return status, self.objects(verb)

    def agent_is_backer(self, verb) -> bool:
        """Whether an organisation that backs candidates (not a party or a local party)
        is who "nominated" or "endorsed": that is backing, not selection."""
        if lemma(verb) not in lemma_class("backing_verbs"):
            return False
        agent = self.agent(verb)
        mention = self.mention_of(agent) if agent is not None else None
        return mention is not None and mention.kind == "org" and not mention.constituency

    # --- who the cue is about ---

    def subjects(self, verb) -> list:
        return self.with_siblings(self.subject(verb) or self.subject_on_auxiliary(verb))

    def patients(self, verb) -> list:
        patient = self.patient(verb)
        if patient is None and (is_passive(verb) or verb.dep_ in {"xcomp", "acomp"}):
            patient = self.subject_on_auxiliary(verb)
        return self.with_siblings(patient)

    def subject_on_auxiliary(self, verb):
        """A subject the parser hung on the verb's auxiliary ("X is tipped" read with X
        under "is"), looked for up an open-clause chain."""
        node = verb
        while node is not None:
            for aux in node.children:
                if aux.dep_ in {"aux", "auxpass"}:
                    for child in aux.children:
                        if child.dep_ in SUBJECTS:
                            return child
            if node.dep_ == "acomp":  # "X is tipped" read as "is" + adjective
                for child in node.head.children:
                    if child.dep_ in SUBJECTS:
                        return child
            chain = node.dep_ in {"xcomp", "conj", "acomp"} and node.head != node
            node = node.head if chain else None
        return None

    def with_siblings(self, argument) -> list:
        """The argument and any other word the parser gave the same role ("teacher and
        activist X" read as two subjects)."""
        if argument is None:
            return []
        if argument.dep_ not in SUBJECTS | {"dobj"}:
            return [argument]
        roles = gazetteer.role_nouns()
        return [
            c
            for c in argument.head.children
            if c.dep_ == argument.dep_
            and (c == argument or self.mention_of(c) is not None or _role(lemma(c), roles))
        ]

    def objects(self, verb) -> list:
        return [c for c in verb.children if c.dep_ in {"dobj", "dative"}]

    def complemented(self, token) -> list:
        """Who a complement describes: the subject of its copula or "as" clause ("X is the
        favourite", "X was seen as the favourite"), the noun it qualifies ("names in the
        frame"), or the other side of a copula ("the contenders in the frame are X and Y")."""
        node = token
        if node.dep_ == "pobj":
            node = node.head  # the preposition
        head = node.head
        if node.dep_ == "prep" and head.pos_ in {"NOUN", "PROPN"}:
            if self.mention_of(head) is not None or any(
                c.dep_ in {"appos", "dep"} for c in head.children
            ):
                return [head]  # "X on the shortlist", "the names on the list: X, Y"
            node, head = head, head.head
            if node.dep_ == "pobj":
                node, head = head, head.head
            if node.dep_ == "prep" and node.lower_ == "of" and head.pos_ in {"NUM", "PRON"}:
                node, head = head, head.head  # "X was one of N NOUN on the shortlist"
        if node.dep_ == "appos":
            return [head]
        if head.pos_ not in {"VERB", "AUX"}:
            return []
        if node.dep_ in SUBJECTS or node.dep_ == "prep":
            others = [c for c in head.children if c.dep_ in {"attr", "nsubj"} and c != node]
            if others:
                return others
        if is_passive(head) or (head.dep_ == "acl" and head.tag_ == "VBN"):
            return self.patients(head)
        return self.subjects(head)

    def listed(self, noun) -> list:
        """Who a list noun names: "X made/is on the shortlist", "the shortlist includes X",
        "the names on the shortlist are X", "a shortlist of X and Y", "the shortlist: X,
        Y and Z", "the shortlist, which included X"."""
        included = [
            name
            for clause in noun.children
            if clause.dep_ == "relcl" and lemma(clause) in lemma_class("inclusion_verbs")
            for name in self.with_siblings(next(iter(self.objects(clause)), None))
        ]
        return included + self.listed_directly(noun)

    def listed_directly(self, noun) -> list:
        apposed = [c for c in noun.children if c.dep_ in {"appos", "dep"} and c.i > noun.i]
        if apposed and self.mention_of(apposed[0]) is not None:
            return apposed[:1]
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                people = [g for g in child.children if g.dep_ == "pobj"]
                if people and self.mention_of(people[0]) is not None:
                    return people
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in {"on", "onto", "off"}:
            if head.lower_ == "off":
                return []
            return self.complemented(noun)
        if noun.dep_ == "dobj" and lemma(head) in lemma_class("reaching_verbs"):
            return self.subjects(head)
        if noun.dep_ in SUBJECTS and lemma(head) in lemma_class("inclusion_verbs"):
            # "the list included, besides X, Y and Z": the parser may hang the last name
            # on the verb
            named = [c for c in head.children if c.dep_ == "conj" and self.mention_of(c)]
            return self.objects(head) + self.prepositional(head, {"of", "besides"}) + named
        if noun.dep_ in SUBJECTS and lemma(head) == "be":
            return [c for c in head.children if c.dep_ == "attr"]
        if noun.dep_ == "attr" and lemma(head) == "be":  # "this is a shortlist of N: X, Y"
            return [c for c in head.children if c.dep_ == "attr" and c.i > noun.i]
        return []

    # --- status ---

    def qualified(self, cue, status: str) -> str:
        """The status once negation, hedges, conditionals and denials on the way from the
        cue to the root are read: "not selected" is `not_selected`, "expected to be
        selected" is `tipped`, "if selected" or "denied applying" is nothing."""
        doubt = self.doubt(cue)
        if not doubt:
            return status
        if doubt == "negation":
            return "not_selected" if status == "selected" else ""
        if doubt == "hedge" and status in {"selected", "applied", "tipped"}:
            return "tipped"
        return ""

    def doubt(self, token) -> str:
        """ "negation" (also "failed to"), "hedge", "conditional", "denial" or "" for what
        governs `token`, stopping at a subject as `Clause.doubted` does."""
        classes = (
            ("conditional", lemma_class("conditionals")),
            ("denial", lemma_class("denials")),
            ("negation", lemma_class("negations") | lemma_class("failing_verbs")),
            ("hedge", lemma_class("hedges") | lemma_class("tipping_verbs")),
        )
        below = None
        for node in [token, *token.ancestors]:
            if below is not None and below.dep_ in SUBJECTS | {"relcl", "appos"}:
                return ""
            words = []
            if node != token and node.pos_ != "PROPN":
                words.append(node)
            words += [
                c
                for c in node.children
                if c.dep_ in {"neg", "aux", "auxpass", "advmod", "mark", "prt"}
                and (below is None or c.i != below.i)
            ]
            for clause in node.children:  # "if X is selected, she will be the candidate"
                if clause.dep_ == "advcl" and (below is None or clause.i != below.i):
                    marks = {lemma(c) for c in clause.children if c.dep_ == "mark"}
                    if marks & lemma_class("conditionals"):
                        return "conditional"
            for word in words:
                if lemma(word) in lemma_class("ruling_out") and any(
                    c.lower_ == "out" for c in word.children
                ):
                    return "denial"
                if word.dep_ == "prt" and word.lower_ != "not":
                    continue
                for name, members in classes:
                    if lemma(word) in members or word.lower_ in members:
                        return name
            below = node
        return ""

    # --- seats ---

    def placed(self, cue, status: str, arguments: list) -> list[tuple]:
        """Each candidate the arguments name, with the seat the parse ties to them."""
        tokens = [
            t
            for argument in arguments
            for t in (
                # "X, the candidate for A; Y; and Z": an apposition is its own name's
                [argument]
                if cue.dep_ in {"appos", "compound"} and cue.head == argument
                else self.listed_people(self.resolved(argument))
            )
        ]
        tokens = [t for t in tokens if not self.is_seat(t)]
        people = []
        for token in tokens:
            for name in self.candidates_at(token):
                people.append((name, token))
        gapped = self.gapped(cue, tokens)
        pairs = self.respectively(cue, people)
        if pairs is None and status == "selected":
            pairs = self.one_seat_each(cue, people)
        found = []
        open_seat = self.may_take_story_seat(cue)
        for index, (person, token) in enumerate(people):
            seat, holder = pairs[index] if pairs else self.seat_for(cue, token)
            if seat or holder or (open_seat and self.names_person(token)):
                found.append((person, seat, holder, status, self.position))
        for person, seat in gapped:
            found.append((person, seat, "", status, self.position))
        return found

    def may_take_story_seat(self, cue) -> bool:
        """Whether a candidacy this sentence ties to no seat may take the one the story
        places it in: not when the sentence names a seat, points at one ("there", "that
        seat") or names another party than the story's, which the parse failed to tie;
        nor for a participle that reads the main clause's subject as its own ("X was
        picked, ending the contest")."""
        for mention in self.view.mentions:
            if mention.kind == "constituency" or mention.constituency:
                return False
            if mention.kind == "party" and mention.name != _contest_party(self.doc):
                return False
        for token in self.sent:
            if lemma(token) in lemma_class("there_words") and token.dep_ == "advmod":
                return False
            if lemma(token) in lemma_class("reference_nouns") and token.dep_ not in {
                "compound",
                "poss",
                "nmod",
            }:
                return False
        return True

    def names_person(self, token) -> bool:
        """Whether the candidate's word is itself a person's name or a personal pronoun."""
        mention = self.mention_of(token)
        if mention is not None:
            return mention.kind == "person"
        return lemma(token) in lemma_class("personal_pronouns")

    def resolved(self, token):
        """What an argument stands for: a relative pronoun's head ("those who made
        it"), and a noun on one side of a copula the other side ("the names ... are X")."""
        if token.tag_ in {"WP", "WDT"} and token.head.dep_ == "relcl":
            token = token.head.head
            if token.dep_ == "appos" and self.mention_of(token) is None:
                token = token.head  # "X, a nurse who had applied"
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and lemma(token.head.head) == "be":
            # "among the contenders is X"
            others = [c for c in token.head.head.children if c.dep_ in {"attr", "nsubj"}]
            if others:
                return others[0]
        if (
            self.mention_of(token) is None
            and lemma(token) not in lemma_class("personal_pronouns")
            and not self.named(token, "person")  # "councillor X, ... were the names on it"
        ):
            head = token.head
            if token.dep_ in SUBJECTS and lemma(head) == "be":
                others = [c for c in head.children if c.dep_ == "attr"]
                if others:
                    return others[0]
        return token

    def listed_people(self, token) -> list:
        """The token and the names listed with it: coordinated, or apposed in a list
        ("X, who came second, Y and Z", "four names: X; Y; and Z"), not inside a clause or
        a phrase of their own."""
        found, queue = [], [token]
        while queue:
            node = queue.pop(0)
            if node not in found:
                found.append(node)
            for child in node.children:
                if child.dep_ in {"conj", "appos", "dep"} and child.pos_ in {"PROPN", "NOUN"}:
                    queue.append(child)
                if child.dep_ == "relcl" and self.mention_of(node) is not None:
                    queue += self.stranded(child)
        return in_order(found)

    def stranded(self, clause) -> list:
        """Names the parser hung inside a relative clause that interrupts a list ("X, who
        came second, Y and Z"): coordinated or apposed to a word that is not a name."""
        found = []
        for token in clause.subtree:
            mention = self.mention_at.get(token.i)
            if (
                mention is not None
                and mention.kind == "person"
                and token.dep_ in {"conj", "appos"}
                and self.mention_of(token.head) is None
            ):
                found.append(token)
        return found

    def candidates_at(self, token) -> list[str]:
        """The person a token names, if that person may be a candidate (not an MP)."""
        mention = self.mention_of(token)
        if mention is not None and mention.kind == "person":
            if mention.possessive or self.quoted(token):
                return []
            names = [mention.name]
        elif self.refers_back(token) and lemma(token) in lemma_class("personal_pronouns"):
            # inside a quotation "she" is the speaker's, not the narrative's
            names = [] if self.quoted(token) else self.people(token)
        elif _role(lemma(token), gazetteer.role_nouns()) and any(
            p.dep_ == "prep" and p.lower_ == "of" for p in token.children
        ):
            # "ROLE of NOUN X": the parser may hang the name on the role's "of"
            names = [
                m.name
                for p in token.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
                and (m := self.mention_of(g)) is not None
                and m.kind == "person"
                and not m.possessive
            ][:1]
        else:
            names = [m.name for m in self.named(token, "person") if not m.possessive]
            names = names[:1] if token.pos_ in {"NOUN", "PROPN"} else []
        return [n for n in names if n and n not in self.doc.seat_of]

    def is_seat(self, token) -> bool:
        mention = self.mention_at.get(token.i)
        return mention is not None and mention.kind != "person"

    def gapped(self, cue, tokens) -> list[tuple[str, str]]:
        """In "X was picked for A and Y for B" the parse hangs Y on A: each such name
        takes the seat of its own "for B"."""
        found = []
        for child in [c for head in [cue, *tokens] for c in head.children]:
            if child.dep_ != "prep":
                continue
            for place in (g for g in child.children if g.dep_ == "pobj"):
                for conj in place.conjuncts:
                    if conj.i < place.i or self.is_seat(conj):
                        continue
                    names = self.candidates_at(conj)
                    seats = [
                        self.seat_of_token(g)[0]
                        for p in conj.children
                        if p.dep_ == "prep"
                        for g in p.children
                        if g.dep_ == "pobj"
                    ]
                    seats = [s for s in seats if s]
                    if names and seats:
                        found.append((names[0], seats[0]))
        return found

    def respectively(self, cue, people) -> list[tuple[str, str]] | None:
        """Seats paired in order with the names when the clause says "respectively"."""
        if len(people) < 2 or not any(t.lower_ == "respectively" for t in self.sent):
            return None
        for token in self.sent:
            if token.dep_ == "conj" or not self.is_seat(token):
                continue
            seats = [self.seat_of_token(t)[0] for t in self.members(token)]
            seats = [s for s in seats if s]
            if len(seats) == len(people):
                return [(seat, "") for seat in seats]
        return None

    def one_seat_each(self, cue, people) -> list[tuple[str, str]] | None:
        """ "X and Y were selected in A and B": no one is selected for two seats, so as many
        names as coordinated seats of the cue's own "in/for" pair in order."""
        if len(people) < 2 or len({person for person, _ in people}) != len(people):
            return None
        for child in cue.children:
            if child.dep_ != "prep" or child.lower_ not in {"in", "for"}:
                continue
            for place in (g for g in child.children if g.dep_ == "pobj" and self.is_seat(g)):
                seats = [self.seat_of_token(t)[0] for t in self.members(place)]
                if len(seats) == len(people) and all(seats):
                    return [(seat, "") for seat in seats]
        return None

    def seat_for(self, cue, token) -> tuple[str, str]:
        """(seat, holder) tied to the candidate `token` of `cue`, nearest first."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "for"}:
                found = self.seat_in(child)
                if found[0] or found[1]:
                    return found
        path = [cue]
        node = cue
        while node.dep_ not in _CLAUSE_EDGES and node.head != node:
            node = node.head
            path.append(node)
        for node in path:
            for child in node.children:
                if child in path or child == token:
                    continue
                if lemma(node) in lemma_class("losing_verbs") and child.lower_ == "to":
                    continue  # "X lost out to Y": Y is the rival
                found = self.seat_at(child)
                if found[0] or found[1]:
                    return found
            if node.dep_ == "relcl" and self.is_seat(node.head):
                return self.seat_of_token(node.head)
        # the candidate's own clause, when the cue hangs below it ("among the contenders is X")
        node = token
        while node.dep_ not in _CLAUSE_EDGES and node.head != node:
            node = node.head
            if node in path:
                break
            for child in node.children:
                if child.dep_ == "prep" and child.i < token.i:
                    found = self.seat_at(child)
                    if found[0] or found[1]:
                        return found
        for node in path:
            nouns = [node] + [
                c for c in node.children if c.dep_ in {"dobj", "pobj", "prep"} | SUBJECTS
            ]
            nouns += [g for c in nouns if c.dep_ == "prep" for g in c.children]
            if any(self.refers_to_contest(n) for n in nouns):
                return self.contest_seat(cue)
        lead = self.fronted_seat(token)
        if lead:
            return lead, ""
        # a seat heading its section ("U." opening the paragraph) scopes it, as a
        # fronted place scopes its clause
        return self.doc.section_seat(self.position), ""

    def fronted_seat(self, candidate) -> str:
        """The one seat a lead before a colon names, when the candidate follows it ("In
        A: X has been selected", "A's is a shortlist of two: X and Y")."""
        for token in self.sent:
            if token.i >= candidate.i:
                return ""
            if token.text in {":", "–", "—"}:
                seats = {
                    m.name if m.kind == "constituency" else m.constituency
                    for i, m in self.mention_at.items()
                    if i < token.i and (m.kind == "constituency" or m.constituency)
                }
                people = [
                    m for i, m in self.mention_at.items() if i < token.i and m.kind == "person"
                ]
                return seats.pop() if len(seats) == 1 and not people else ""
        return ""

    def refers_to_contest(self, noun) -> bool:
        """ "the shortlist", "the selection", "its candidate": a contest already named; "it"
        as what includes the names ("it included X"): the list named before."""
        if lemma(noun) in lemma_class("anaphors") and (
            (noun.dep_ in SUBJECTS and lemma(noun.head) in lemma_class("inclusion_verbs"))
            or (noun.dep_ == "pobj" and noun.head.lower_ in {"on", "onto"})
        ):
            return True
        contests = (
            lemma_class("contest_nouns")
            | lemma_class("list_nouns")
            | lemma_class("candidate_nouns")
        )
        return lemma(noun) in contests and any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"})
            for c in noun.children
        )

    def seat_at(self, child) -> tuple[str, str]:
        """The seat a dependent of the cue's way names."""
        dep = child.dep_
        if dep == "prep" and child.lower_ in _PLACE_PREPOSITIONS:
            return self.seat_in(child)
        if dep == "prep" and any(g.dep_ == "prep" for g in child.children):
            for grand in child.children:  # "out of the A contest"
                found = self.seat_at(grand)
                if found[0] or found[1]:
                    return found
        if dep == "prep":  # "withdrew from the race in A", "as its candidate for A"
            contests = (
                lemma_class("contest_nouns")
                | lemma_class("list_nouns")
                | lemma_class("candidate_nouns")
            )
            for place in child.children:
                if place.dep_ == "pobj" and lemma(place) in contests:
                    return self.named_seat(place)
        if dep in {"poss", "compound", "nmod"}:
            if self.names_person(child) and not any(
                lemma(child.head) in lemma_class(name) for name in _SEAT_CLASSES
            ):
                return "", ""  # "her rivals": a person's own, not an MP's seat
            return self.named_seat(child)
        infinitive = dep == "relcl" and any(  # "the favourite to win the A selection"
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        )
        if (dep in {"xcomp", "advcl", "acl"} or infinitive) and child.pos_ in {"VERB", "AUX"}:
            for grand in child.children:
                if grand.dep_ == "advmod" and lemma(grand) in lemma_class("there_words"):
                    return self.earlier_seat(grand)
                if grand.dep_ in {"dobj", "attr"} or (
                    grand.dep_ == "prep" and grand.lower_ in {"in", "for"}
                ):
                    target = grand if grand.dep_ != "prep" else None
                    found = self.named_seat(target) if target is not None else self.seat_in(grand)
                    if found[0] or found[1]:
                        return found
            return "", ""
        if dep == "agent":  # "tipped by members for A": the parser hangs "for A" low
            for grand in (g for c in child.children if c.dep_ == "pobj" for g in c.children):
                if grand.dep_ == "prep" and grand.lower_ == "for":
                    return self.seat_in(grand)
        if dep == "advmod" and lemma(child) in lemma_class("there_words"):
            return self.earlier_seat(child)
        # the selecting body of an active verb: "A chose X", "members in A picked X"
        if dep == "nsubj" and self.is_seat(child):
            return self.seat_of_token(child)
        if dep == "nsubj" and child.pos_ == "NOUN" and self.mention_of(child) is None:
            return self.named_seat(child)[0], ""
        if dep == "dobj" and self.is_seat(child):
            return self.seat_of_token(child)  # "to fight A", "eyeing A"
        bids = lemma_class("contest_nouns") | lemma_class("bid_nouns")
        if dep in {"dobj", "pobj"} and lemma(child) in bids:
            for grand in child.children:
                found = self.seat_at(grand)
                if found[0] or found[1]:
                    return found
        return "", ""

    def seat_in(self, preposition) -> tuple[str, str]:
        objects = [place for place in preposition.children if place.dep_ == "pobj"]
        if not objects and preposition.i + 1 < len(self.sent):
            # the parser may hang "in A" 's place on the next noun ("in A barrister X")
            following = self.sent[preposition.i + 1]
            return self.seat_of_token(following) if self.is_seat(following) else ("", "")
        for place in objects:
            found = self.named_seat(place)
            if found[0] or found[1]:
                return found
        return "", ""

    def named_seat(self, token) -> tuple[str, str]:
        """The seat a noun names: a constituency or its party ("A", "A CLP"), an MP ("to
        replace X"), its owner or modifier ("X's seat", "the A selection"), "the seat"
        meaning the one named last, or a seat in its "for/in A" phrase."""
        if lemma(token) in lemma_class("there_words"):
            return self.earlier_seat(token)
        if self.refers_back(token):
            return self.seat_of_antecedent(token)
        found = self.seat_of_token(token)
        if found[0] or found[1]:
            return found
        if token.i in self.mention_at:
            return "", ""
        for child in token.children:
            if child.dep_ in {"poss", "compound", "nmod"}:
                found = self.seat_of_token(child)
                if found[0] or found[1]:
                    return found
            if child.dep_ == "prep" and child.lower_ in {"in", "for", "of"}:
                found = self.seat_in(child)
                if found[0] or found[1]:
                    return found
            if child.dep_ == "acl":  # "the race to succeed X"
                found = self.seat_at(child)
                if found[0] or found[1]:
                    return found
        if lemma(token) in lemma_class("reference_nouns") and any(
            c.lower_ in {"the", "that", "this"} for c in token.children
        ):
            return self.earlier_seat(token)
        return "", ""

    def seat_of_antecedent(self, token) -> tuple[str, str]:
        """The seat of the MP "her" or "the MP" stands for ("to replace her"): the last
        person named before it who holds a seat, else the subject of the sentence before."""
        for i in sorted(self.mention_at, reverse=True):
            mention = self.mention_at[i]
            if i < token.i and mention.kind == "person" and not self.quoted(self.sent[i]):
                found = self.seat_of(mention.name)
                if found[0]:
                    return found
        return self.seat_of(self.doc.recent_subject(self.position, include_current=False))

    def contest_seat(self, token) -> tuple[str, str]:
        """The seat of the contest "the shortlist" or "the selection" refers back to: one
        named before it in the sentence, else the seat of its section, else the seat named
        last that is not named as an MP's ("the MP for A"), else the story's."""
        found = self.earlier_seat(token, within=True)
        if found[0]:
            return found
        section = self.doc.section_seat(self.position)
        if section:
            return section, ""
        found = _recent_seat(self.doc, self.position, contests_only=True)
        return found if found[0] or found[1] else (self.doc.focus_seat(), "")

    def earlier_seat(self, token, within: bool = False) -> tuple[str, str]:
        """The seat "the seat" or "there" refers back to: the last named before it in the
        sentence, else in the sentences just before."""
        seats = [
            m.name if m.kind == "constituency" else m.constituency
            for i, m in sorted(self.mention_at.items())
            if i < token.i and (m.kind == "constituency" or m.constituency)
        ]
        if seats or within:
            return (seats[-1] if seats else ""), ""
        return _recent_seat(self.doc, self.position)


class _Profiles:
    """What the whole article says about candidates: the first description the parse
    attaches to each, and the organisations said to back them."""

    def __init__(self, doc: Document, people: set[str], backing_positions: list[int]):
        self.doc = doc
        self.descriptions: dict[str, str] = {}
        self.backers: dict[str, list[str]] = {}
        mentioned = [
            position
            for position, view in enumerate(doc.views)
            if any(
                m.kind == "person" and m.name in people and _may_describe(doc, view, m)
                for m in view.mentions
            )
        ]
        parsed = doc.parses(sorted(set(mentioned) | set(backing_positions)))
        for position in mentioned:
            if _is_heading(doc.views[position]):
                continue
            reading = _Described(doc, position, parsed[position])
            for name, text in reading.descriptions(people):
                self.descriptions.setdefault(name, text)
        for position in backing_positions:
            reading = _Described(doc, position, parsed[position])
            for name, organisation in reading.backing():
                found = self.backers.setdefault(name, [])
                if organisation not in found:
                    found.append(organisation)

    def description(self, person: str) -> str:
        return self.descriptions.get(person, "")


class _Described(_Reading):
    """A parsed sentence read for descriptions and backing."""

    def descriptions(self, people: set[str]) -> list[tuple[str, str]]:
        found = []
        for index, mention in enumerate(self.view.mentions):
            if mention.kind != "person" or mention.name not in people or mention.possessive:
                continue
            if self.quoted_at(mention):
                continue
            heads = [i for i, m in self.mention_at.items() if m is mention]
            if not heads:
                continue
            text = self.description_of(self.sent[heads[0]], index)
            if text:
                found.append((mention.name, text))
        return found

    def quoted_at(self, mention) -> bool:
        return self.doc.in_quote(mention.start)

    def description_of(self, head, index: int) -> str:
        own = set(self.tokens_of[index])
        before = self.sibling_role(head) or self.modifiers_before(head, own)
        if not before and head.dep_ == "pobj" and head.head.lower_ == "of":
            role = head.head.head  # "ROLE of NOUN X" read as "ROLE of (NOUN X)"
            if role.pos_ == "NOUN" and self.mention_of(role) is None and role.i < head.i:
                words = [t for t in role.subtree if t.i < min(own)]
                before = self.role_text(words, False)
        if not before and head.dep_ == "conj":
            first = head.head
            mention = self.mention_of(first)
            if mention is not None and mention.kind == "person" and first.i < head.i:
                theirs = {
                    i
                    for k, ts in self.tokens_of.items()
                    for i in ts
                    if self.view.mentions[k] is mention
                }
                before = self.sibling_role(first, plural=True) or self.modifiers_before(
                    first, theirs, plural=True
                )
        if (
            not before
            and head.dep_ == "appos"
            and head.head.i < head.i
            and head.head.pos_ == "NOUN"
            and self.mention_of(head.head) is None
            and not self.naming_apposition(head.head)
        ):
            # "the councillor, X" / "councillor X" read with the name in apposition
            start = min(own)
            while start and self.sent[start - 1].is_punct:
                start -= 1  # "A's ROLE of NOUN, X"
            before = self.adjacent_role(start)
        if not before:
            before = self.adjacent_role(min(own))
        if any(self.naming_apposition(c) for c in head.children if c.i < head.i):
            before = ""  # "A candidate X": the candidacy itself, not a role
        if before:
            longer = self.adjacent_role(min(own))
            if longer.endswith(before) and " of " in longer[: len(longer) - len(before) + 4]:
                return longer  # "A's ROLE of NOUN X": the parser cut the role at "of"
            return before
        apposed = [
            c
            for c in head.children
            if c.dep_ == "appos" and c.i > head.i and c.pos_ in {"NOUN", "PROPN"}
        ]
        for index, child in enumerate(apposed):
            if self.mention_of(child) is not None and self.mention_of(child).kind == "person":
                continue
            if self.naming_apposition(child):
                continue  # "X, Labour's candidate": the candidacy itself, not a role
            run = [child]  # "vice-chair" read as three appositions: one word
            for later in apposed[index + 1 :]:
                if later.i != run[-1].i + 1 or run[-1].whitespace_:
                    break
                run.append(later)
            text = self.phrase(child, run[1:])
            if text:
                return text
        for clause in head.children:  # "X, who works as ROLE"
            if clause.dep_ == "relcl" and lemma(clause) in lemma_class("serving_verbs"):
                for role in self.prepositional(clause, {"as"}):
                    text = self.phrase(role)
                    if text:
                        return text
        return ""

    def adjacent_role(self, start: int) -> str:
        """The noun phrase just before a name when the parser split it off ("A's head of
        press X" read as two conjuncts): back to a comma, a conjunction, a verb or a
        clause's preposition. A role coordinated before it ("ROLE and ROLE X") is read too,
        so that the first of the two is the description."""
        words = []
        roles = gazetteer.role_nouns()
        for i in range(start - 1, -1, -1):
            word = self.sent[i]
            if word.is_punct and word.text not in {"-", "'s", "’s"}:
                break
            first_role = (
                word.lower_ == "and"
                and words
                and i
                and self.sent[i - 1].pos_ == "NOUN"
                and _role(self.sent[i - 1].lower_, roles)
            )
            if word.pos_ in {"VERB", "AUX", "CCONJ", "SCONJ", "DET", "PRON"} and not first_role:
                break
            if word.pos_ == "ADP" and word.lower_ != "of":
                break
            mention = self.mention_of(word)
            if (
                mention is not None
                and mention.kind == "person"
                and not mention.possessive
                and word.dep_ not in {"compound", "nmod", "poss"}
            ):
                break
            words.insert(0, word)
        while words and words[0].lower_ == "of":
            words = words[1:]
        return self.role_text(words, False) if words and words[-1].pos_ == "NOUN" else ""

    def sibling_role(self, head, plural: bool = False) -> str:
        """A role noun the parser made a second subject beside the name ("ward
        councillors X and Y", "teacher and party activist X"): its first role."""
        if head.dep_ not in SUBJECTS | {"dobj", "attr"}:
            return ""
        for sibling in head.head.children:
            if sibling.dep_ == head.dep_ and sibling.i < head.i and sibling.pos_ == "NOUN":
                if plural and sibling.tag_ != "NNS":
                    return ""
                words = [
                    t for t in sibling.subtree if t.i <= sibling.i or t.dep_ not in {"cc", "conj"}
                ]
                return self.role_text([t for t in words if t.i <= sibling.i], plural)
        return ""

    def modifiers_before(self, head, own: set[int], plural: bool = False) -> str:
        """The role words before a name: the subtrees of its left modifiers that lie
        outside the name, up to the name ("party official", "A's head of press")."""
        left = [
            c
            for c in head.children
            if c.i < head.i and c.i not in own and c.dep_ in {"compound", "amod", "nmod", "poss"}
        ]
        if not left:
            return ""
        modifiers = {t.i for c in left for t in c.subtree}
        people = {
            i
            for i, m in self.mention_at.items()
            if m.kind == "person"
            and not m.possessive
            and self.sent[i].dep_ not in {"compound", "nmod", "poss"}
        }
        roles = gazetteer.role_nouns()
        # the unbroken run of modifier words just before the name
        first = min(own) if own else head.i
        words = []
        for i in range(first - 1, -1, -1):
            word = self.sent[i]
            if i not in modifiers or i in people or word.lower_ in {"and", ",", ";"}:
                break
            if (
                word.is_lower
                and word.lower_.endswith("s")
                and words
                and words[0].text[:1].isupper()
                and not _role(word.lower_, roles)
                and word.pos_ in {"NOUN", "PROPN", "VERB"}
            ):
                break  # a plural noun ends the phrase before it ("... and rebels ward member X")
            words.insert(0, self.sent[i])
        while words and self.is_place_after_preposition(words[0]):
            words = words[1:]
        if plural and not (words and words[-1].tag_ == "NNS"):
            return ""  # "councillors A and B" share the role; "councillor A and B" do not
        if len(words) == 1 and words[0].text[:1].isupper() and words[0].i == 0:
            return ""  # a title opening the sentence ("Councillor X"), not a role phrase
        return self.role_text(words, plural)

    def is_place_after_preposition(self, token) -> bool:
        """A seat the parser left outside its "in" ("in A barrister X")."""
        mention = self.mention_of(token)
        before = self.sent[token.i - 1] if token.i else None
        return (
            mention is not None
            and mention.kind != "person"
            and before is not None
            and (before.dep_ == "prep" or self.mention_of(before) is mention)
            and not any(c.dep_ == "pobj" for c in before.children)
        )

    def phrase(self, noun, joined=()) -> str:
        """An apposition's role phrase, without its determiner, clauses or a second role;
        `joined`: words the parser split off it ("vice", "-", "chair")."""
        skip = set()
        for child in noun.children:
            clause = child.dep_ in {"relcl", "acl", "conj", "cc", "punct", "appos", "advcl"}
            timed = child.dep_ == "prep" and any(  # "a councillor since YEAR"
                names_time(g) for g in child.children if g.dep_ == "pobj"
            )
            if (clause or timed) and (child.dep_ == "conj" or child.i > noun.i):
                skip |= {t.i for t in child.subtree}
        roles = gazetteer.role_nouns()
        for word in noun.subtree:  # "ROLE for PLACE and ORG's ROLE": the parser may hang
            # the second role on the place
            if word.dep_ == "conj" and word.i > noun.i and _role(word.lower_, roles):
                skip |= {t.i for t in word.subtree}
                skip |= {c.i for c in word.head.children if c.dep_ == "cc" and c.i < word.i}
        words = [t for t in noun.subtree if t.i not in skip] + list(joined)
        return self.role_text(sorted(words, key=lambda t: t.i), False)

    def role_text(self, words: list, plural: bool) -> str:
        """The words as a description, if they end in a role noun; the first of two
        coordinated roles ("official and Momentum supporter" -> "official")."""
        words = [w for w in words if not w.is_punct or w.text in {"'s", "’s", "-"}]
        while words and words[-1].is_punct:
            words = words[:-1]
        roles = gazetteer.role_nouns()
        for cut, word in enumerate(words):
            if word.lower_ in {"and", "&"} and cut and _role(words[cut - 1].lower_, roles):
                words = words[:cut]
                break
        ages = [i for i, w in enumerate(words[:6]) if w.lower_.endswith("old")]
        if ages and any(w.like_num for w in words[: ages[0]]):
            words = words[ages[0] + 1 :]  # "30-year-old"
        while words and (
            words[0].lower_ in _DROP_START or words[0].like_num or words[0].dep_ == "det"
        ):
            words = words[1:]
        if not words or words[0].lower_ in {"and", "of", "to"}:
            return ""
        last = words[-1].lower_
        if not any(_role(w.lower_, roles) for w in words):
            return ""
        text = self.sent[words[0].i : words[-1].i + 1].text
        if len(words) != words[-1].i - words[0].i + 1:
            text = " ".join(w.text for w in words).replace(" 's", "'s").replace(" ’s", "’s")
        text = text.replace("’", "'")
        if plural or last.endswith("s"):
            text = _singular(text, roles)
        first = words[0]
        if first.i == 0 and first.text[:1].isupper() and first.text[1:].islower():
            common = first.lower_ in gazetteer.description_modifiers() or first.pos_ != "PROPN"
            if common and self.mention_of(first) is None:
                text = first.lower_ + text[len(first.text) :]
        return text

    def backing(self) -> list[tuple[str, str]]:
        """(person, organisation) for each backing the sentence states."""
        found = []
        for token in self.sent:
            word = lemma(token)
            if word in lemma_class("backing_verbs") and token.pos_ in {"VERB", "ADJ"}:
                found += self.backed(token)
            elif word in lemma_class("backing_nouns") and token.pos_ == "NOUN":
                found += self.backing_noun(token)
            elif word in lemma_class("backer_nouns") and token.pos_ == "NOUN":
                found += self.backer_noun(token)
            elif word in lemma_class("having_verbs") and any(
                t.lower_ in lemma_class("backing_particles") for t in token.subtree if t.i > token.i
            ):
                found += self.behind(token)
        return found

    def behind(self, verb) -> list[tuple[str, str]]:
        """ "X has two unions behind her": the organisations had behind someone."""
        subject = self.subject(verb)
        if subject is None or any(c.dep_ == "neg" for c in verb.children):
            return []
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        organisations = self.organisations([t for o in objects for t in o.subtree])
        return [(n, o) for n in self.backed_people(subject) for o in organisations]

    def backed(self, verb) -> list[tuple[str, str]]:
        if self.doubt_negated(verb):
            return []
        by = any(c.dep_ == "agent" for c in verb.children)
        passive = is_passive(verb) or (verb.tag_ == "VBN" and (verb.dep_ in {"acl", "amod"} or by))
        if passive:
            people = self.patient(verb)
            if people is None and verb.dep_ == "amod":
                people = verb.head
            if people is None:
                people = self.subject(verb)  # "X won, backed by ..."
            organisations = self.organisations(
                [g for c in verb.children if c.dep_ == "agent" for g in c.subtree]
            )
            organisations += self.organisations(
                [t for t in verb.subtree if t.i < verb.i and t.dep_ in {"npadvmod", "compound"}]
            )
        else:
            people = self.patient(verb)
            subject = self.subject(verb)
            organisations = self.organisations(list(subject.subtree)) if subject is not None else []
        if people is None and verb.dep_ == "ROOT" and _row_person(self.doc, self.position):
            organisations += self.organisations(
                [t for c in verb.children if c.dep_ in {"appos", "dobj", "pobj"} for t in c.subtree]
            )  # "Backed by: ORG, ORG"
            return [(_row_person(self.doc, self.position), o) for o in organisations]
        if people is None:
            return []
        relative = people.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl"
        if relative:
            people = verb.head  # "X, who is backed by ORG": X alone, not names listed with X
        if people.dep_ == "appos" and self.mention_of(people) is None:
            people = people.head  # "X, a union-backed organiser"
        if relative or verb.dep_ == "acl":
            names = self.clause_owners(people, verb)
        else:
            names = self.backed_people(people)
        return [(n, o) for n in names for o in organisations]

    def paragraph_people(self) -> set[str]:
        """The people named in this sentence's paragraph up to and including it."""
        paragraph = self.view.sentence.paragraph
        return {
            m.name
            for view in self.doc.views[: self.position + 1]
            if view.sentence.paragraph == paragraph
            for m in view.mentions
            if m.kind == "person"
        }

    def clause_owners(self, head, clause) -> list[str]:
        """Who a clause on a listed name speaks of: the names listed before it when it
        closes the list ("X and Y, both backed by ORG"), else its own name alone ("X, who
        has ORG's backing; Y; and Z")."""
        members = self.members(head)
        if all(m.i < clause.i for m in members):
            return self.backed_people(head)
        return self.candidates_at(head)

    def backed_people(self, token) -> list[str]:
        """The people a backed word names: itself and its coordinated names, or the person
        a pronoun stands for; never an owner ("A's aide"), but for the owner of a pursuit
        ("X's campaign", "her bid")."""
        if lemma(token) in lemma_class("pursuit_nouns"):
            owners = [c for c in token.children if c.dep_ == "poss"]
            names = [m.name for o in owners for m in self.named(o, "person") if m.possessive]
            if owners and lemma(owners[0]) in lemma_class("personal_pronouns"):
                # "her bid" opening a paragraph has no one to refer back to
                names = [n for n in self.candidates_at(owners[0]) if n in self.paragraph_people()]
            return [n for n in names if n not in self.doc.seat_of]
        return [name for member in self.members(token) for name in self.candidates_at(member)]

    def backing_noun(self, noun) -> list[tuple[str, str]]:
        organisations = self.organisations(
            [
                t
                for c in noun.children
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"of", "from"})
                for t in c.subtree
            ]
        )
        if not organisations:
            return []
        node = noun
        while node.dep_ in {"dobj", "pobj", "prep", "conj"} and node.head != node:
            node = node.head
            if node.dep_ == "prep" and node.lower_ == "with" and node.head.pos_ == "VERB":
                subject = self.subject(node.head)  # "X applied with the backing of ORG"
                if subject is not None and subject.tag_ in {"WP", "WDT"}:
                    subject = node.head.head if node.head.dep_ == "relcl" else None
                if subject is None or any(c.dep_ == "neg" for c in node.head.children):
                    return []
                return [(n, o) for n in self.backed_people(subject) for o in organisations]
            if lemma(node) in lemma_class("having_verbs"):
                subject = self.subject(node)
                if subject is None:
                    return []
                relative = subject.tag_ in {"WP", "WDT"} and node.dep_ == "relcl"
                if relative:
                    subject = node.head  # "X, who has Y's support"
                if subject.dep_ == "appos" and self.mention_of(subject) is None:
                    subject = subject.head  # "X, a councillor who has ..."
                if relative:
                    names = self.clause_owners(subject, node)
                else:
                    names = self.backed_people(subject)
                return [(n, o) for n in names for o in organisations]
        return []

    def backer_noun(self, noun) -> list[tuple[str, str]]:
        """Organisations named as someone's backers: "ORG were among X's backers", "ORG
        are her backers", "X's backers include ORG"."""
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if not owners:
            return []
        node = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "among" else noun
        verb = node.head
        if node.dep_ in {"attr", "prep"} and lemma(verb) == "be":
            named = [c for c in verb.children if c.dep_ in SUBJECTS]
        elif node.dep_ in SUBJECTS and lemma(verb) in lemma_class("inclusion_verbs") | {"be"}:
            named = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
        else:
            return []
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        organisations = self.organisations([t for c in named for t in c.subtree])
        owner = self.mention_of(owners[0])
        if owner is not None:
            people = [owner.name] if owner.kind == "person" and not self.quoted(owners[0]) else []
        else:
            people = self.backed_people(owners[0])  # "her backers"
        return [(n, o) for n in people for o in organisations]

    def organisations(self, tokens) -> list[str]:
        names = []
        for token in in_order(tokens):
            mention = self.mention_at.get(token.i)
            backer = mention is not None and (
                (mention.kind == "org" and not mention.constituency)
                or (mention.kind == "party" and mention.name != self.doc.main_party())
            )  # a union, a group, or an affiliated party
            if backer and mention.name not in names:
                names.append(mention.name)
        return names

    def doubt_negated(self, verb) -> bool:
        return any(c.dep_ == "neg" for c in verb.children)


def _recent_seat(doc: Document, position: int, contests_only: bool = False) -> tuple[str, str]:
    """(seat, holder) that "the seat", "there" or "the shortlist" refers back to: the seat
    named last in the few sentences before, as a constituency, its party, or an MP's
    "X's seat". With `contests_only`, a seat named as an MP's ("the MP for A", "the A
    MP") is passed over: a contest does not refer back to it."""
    definite = lemma_class("reference_nouns") | lemma_class("contest_nouns")
    definite |= lemma_class("list_nouns")
    reach = _REFERENCE_REACH
    index = position - 1
    while index >= 0 and reach > 0:
        earlier = doc.views[index]
        index -= 1
        if not earlier.sentence.text.lstrip().startswith(_BULLETS):
            reach -= 1  # the rows of a list count as one line
        found = ("", "")
        for mention in earlier.mentions:
            if (contests_only and _names_mp_seat(doc, mention)) or _is_surname(doc, mention):
                continue
            if mention.kind == "constituency" or mention.constituency:
                seat = mention.name if mention.kind == "constituency" else mention.constituency
                found = (seat, "")
            elif mention.kind == "person" and mention.possessive:
                following = _WORD.findall(doc.text[mention.end : mention.end + 30].lower())[:2]
                if set(following) & lemma_class("reference_nouns"):
                    seat = doc.seat(mention.name)
                    if seat:
                        found = (seat, "")
        if found[0]:
            return found
        words = _WORD.findall(earlier.sentence.text.lower())
        pairs = zip(words, words[1:], strict=False)
        if any(a in {"the", "this", "that"} and b in definite for a, b in pairs):
            reach = _REFERENCE_REACH  # "the constituency" again: the chain goes on
    return "", ""


def _is_surname(doc: Document, mention) -> bool:
    """Whether a one-word seat is the surname of a person the article names ("X Poole"
    and later "Poole said"): then it is the person."""
    if mention.kind != "constituency" or " " in mention.name:
        return False
    return any(
        m.kind == "person" and m.name.split()[-1] == mention.name
        for view in doc.views
        for m in view.mentions
    )


def _names_mp_seat(doc: Document, mention) -> bool:
    """Whether a seat is named as an MP's: "the MP for A", "member for neighbouring A",
    "the A MP"."""
    if mention.kind != "constituency":
        return False
    offices = lemma_class("office_nouns")
    before = _WORD.findall(doc.text[max(0, mention.start - 40) : mention.start].lower())[-3:]
    after = _WORD.findall(doc.text[mention.end : mention.end + 20].lower())[:1]
    return bool(("for" in before[-2:] and set(before) & offices) or (after and after[0] in offices))


_WORD_BEFORE = re.compile(r"([\w'’-]+)\W*$")


def _may_describe(doc: Document, view, mention) -> bool:
    """Whether a mention can carry a description, before any parse: a common word or an
    owner's "'s" just before the name ("councillor X", "Y's aide X"), or a comma just
    after it ("X, a nurse")."""
    before = _WORD_BEFORE.search(doc.text[view.sentence.start : mention.start])
    after = doc.text[mention.end : mention.end + 2]
    if after.startswith(","):
        return True
    if before is None:
        return False
    word = before.group(1)
    return word.islower() or word.endswith(("'s", "’s")) or word.lower() in gazetteer.role_nouns()


def _row_person(doc: Document, position: int) -> str:
    """Whom a field of a fact box that names no one is about ("Backed by: ORG" under
    "Candidate: X, ROLE"): the person the field just above it names first; "" when the
    line is no such field."""
    view = doc.views[position]
    if (
        not position
        or ": " not in view.sentence.text
        or any(m.kind == "person" for m in view.mentions)
    ):
        return ""
    above = doc.views[position - 1]
    people = [
        m.name
        for m in above.mentions
        if m.kind == "person" and not m.possessive and not doc.in_quote(m.start)
    ]
    return people[0] if ": " in above.sentence.text and people else ""


def _is_heading(view) -> bool:
    """A headline or section title: a line with no closing punctuation and no bullet, nor
    a field of a fact box ("Label: value")."""
    text = view.sentence.text.strip()
    return (
        bool(text)
        and text[-1] not in '.!?"”:;)'
        and not text.startswith(_BULLETS)
        and ": " not in text
    )


def _role(word: str, roles: frozenset[str]) -> bool:
    return word in roles or (word.endswith("s") and word[:-1] in roles)


def _singular(text: str, roles: frozenset[str]) -> str:
    last = text.rsplit(" ", 1)[-1]
    if last.lower().endswith("s") and last.lower()[:-1] in roles:
        return text[:-1]
    return text
