"""Statement rules: quoted or reported words about a seat, attributed to who said them, read
from the parse.

A sentence is parsed when it holds a quotation or a word of the speech and publication
classes (`data/lexicon.json`). In the parse, a speech act is a verb of `speech_verbs`
outside quotation marks ("call" only for or on someone, or naming them), a publication
verb whose object is a statement or call noun ("issued a statement", "backed calls"), or
"according to X". Its speaker is:
- the verb's subject, active ("X said", '"...," said X'), shared down coordinated verbs
  and onto the head of a relative clause; the "by" agent of a passive; the subject of
  "was quoted"; the object of "according to"; the object of the verb above ("prompting X
  to tweet"); the subject of the nearest verb outside the quotation when the parse hangs
  the speech verb on the quotation;
- through that word: a person it names or stands in apposition with ("The chair of W,
  X, said"), an organisation or a party ("W CLP said", "Labour sources said"), each
  coordinated member ("W CLP and W Momentum have demanded") as its own speaker; a local
  party ("X's CLP", "her local party", "the CLP"), whose seat is its owner's; an officer
  ("the branch secretary", "its secretary"), who speaks for the organisation the parse
  attaches ("of W", "W's"), the one CLP the sentence names, or the body that spoke just
  before; a pronoun or "the MP" (the person before); "the group" or "it" carrying on
  the speaker just before.
A person speaks for the organisation of their role: the role facts, else an office the
sentence attaches to their name ("Labour chairman X", "X, chair of W", "X, who chairs W").
A quotation with no speech act of its own carries on the speaker of the one before. A
speech act under a negation, a hedge, a denial or a refusal ("has not commented",
"declined to comment", "is expected to call for", "denied saying") gives no words, and
marks the organisation as not having spoken; so does an officer speaking "personally".

Words are the sentence's quoted passages, each in its own marks and joined by " … ", or,
without quotation or with only quoted fragments, the reported clause from the speech verb
to its end, cited by the article offsets of its tokens. A verb of saying reports words
only with a clause of what was said; a question reports none. The medium comes from the
words attached to the speech verb and the verbs it depends on (a platform, a channel
noun, the verb itself, or an outlet told). The seat is the speaking CLP's, else the one
named in the sentence outside the speaker's own description, else that of the MP the
words are about (the object of the verb, "about X", "called on X", anyone quoted), else
the speaker's own, else, for words about a single seat, the seat of the section or story.
Statements about no seat, selection or by-election, statements about no one seat that do
not speak of a contest, and statements with no speaker at all, are dropped.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from ..document import Document, Passage
from ..facts import Fact, RoleFact, Span, StatementFact
from ..mentions import SentenceView
from ..parse import cue_forms, lemma_class, lexicon
from .common import local_party_name, local_party_seat
from .syntax import SUBJECTS, Clause, clauses, is_passive, lemma

_WORD = re.compile(r"[a-z][a-z'’-]*")
_PRESS_RELEASE = re.compile(
    r"\b(?:PRESS RELEASE|[Ff]or immediate release|NOTES TO EDITORS|[Nn]otes to editors)\b"
)
_DOUBT_CHILDREN = {"neg", "aux", "auxpass", "advmod"}
_CLAUSE_LINKS = {"xcomp", "ccomp", "pcomp", "prep"}
_MEDIA_ORDER = ("tweet", "email", "letter", "interview")
_NAMING_DEPS = {"compound", "amod", "nmod"}
_FINITE = {"VBD", "VBZ", "VBP"}


@dataclass
class Attribution:
    speaker: str = ""
    organisation: str = ""
    continues: bool = False
    # Who spoke when the article gives a role but no name ("the campaign coordinator").
    role: str = ""


@dataclass
class _Group:
    speaker: str
    organisation: str
    role: str = ""
    position: int = 0
    texts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    seats: list[tuple[str, str]] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    not_for_clp: bool = False
    several_seats: bool = False
    named_seat: bool = False
    rule: str = ""
    about_one_seat: bool = False
    # The seat is that of an MP the words are about ("welcomed X", "accused her").
    about_mp: bool = False
    reported_only: bool = True


@dataclass
class _Context:
    doc: Document
    clause: Clause | None
    index: int
    organisation_of: dict[str, str]
    last: _Group | None
    distance: int
    # (organisation, office noun) -> the people the role facts give that office.
    holders: dict[tuple[str, str], list[str]] = field(default_factory=dict)


@cache
def _forms(*classes: str) -> frozenset[str]:
    irregular = lexicon()["speech_irregular_forms"]
    wanted = {word for name in classes for word in lemma_class(name)}
    return cue_forms(*classes) | {form for form, word in irregular.items() if word in wanted}


def wanted(doc: Document) -> list[int]:
    """The sentences this module may read from the parse: those that may report words
    (a transcript's or a signed letter's, read without a parse, among them)."""
    return [index for index, view in enumerate(doc.views) if _may_hold(doc, view)]


def statement_facts(doc: Document, roles: list[Fact]) -> list[StatementFact]:
    organisation_of = _organisations(roles)
    holders = _holders(roles)
    groups: list[_Group] = []
    handled = _transcript(doc, groups, organisation_of) | _signed_letter(
        doc, groups, organisation_of
    )
    positions = [p for p in wanted(doc) if doc.views[p].sentence.paragraph not in handled]
    last: list[_Group] = []
    last_index = -10
    for clause in clauses(doc, positions):
        index, view = clause.position, clause.view
        passages = [p for p in doc.passages if view.sentence.start <= p.start < view.sentence.end]
        context = _Context(
            doc,
            clause,
            index,
            organisation_of,
            last[0] if last else None,
            index - last_index,
            holders,
        )
        acts, denied = _speech_acts(clause)
        attributions, verb = [], None
        for candidate in _ranked(clause, acts, passages):
            if not passages and not _reports_words(clause, candidate):
                continue
            attributions = _speakers(context, candidate)
            if attributions:
                verb = candidate
                break
        if not attributions:
            opens_with_quote = passages and not view.sentence.text[
                : passages[0].start - view.sentence.start
            ].strip(" “\"'‘")
            if (opens_with_quote or any(p.continues for p in passages)) and not acts:
                attributions = [Attribution(continues=True)]
            else:
                continue
        if attributions[0].continues:
            if not last or context.distance > 2:
                continue
            targets = last
        else:
            targets = [_group_for(groups, a, index) for a in attributions]
        reported = verb is not None and (
            not passages or all(_is_fragment(doc, p) for p in passages)
        )
        if reported:
            parts = [_reported_part(clause, verb)]
        else:
            parts = [(f"“{p.text}”", doc.span(p.start, p.end)) for p in passages]
        for group in targets:
            _add(context, group, parts, passages, verb, reported, denied)
        if reported:
            # "X said ..., and Y urged ...": a coordinated speech verb with a subject of
            # its own reports its own words.
            for other in acts:
                if other.dep_ != "conj" or other.head != verb:
                    continue
                if not any(c.dep_ in SUBJECTS for c in other.children):
                    continue
                for attribution in _speakers(context, other):
                    if attribution.continues:
                        continue
                    group = _group_for(groups, attribution, index)
                    part = _reported_part(clause, other)
                    _add(context, group, [part], passages, other, True, denied)
        last, last_index = targets, index
    for group in groups:
        _settle_seat(doc, group)
    return [fact for group in groups if (fact := _fact(doc, group)) is not None]


def _may_hold(doc: Document, view: SentenceView) -> bool:
    """Whether the sentence can hold a statement, tested on its words before any parse."""
    sentence = view.sentence
    if any(sentence.start <= p.start < sentence.end for p in doc.passages):
        return True
    words = set(_WORD.findall(sentence.text.lower()))
    return bool(words & _forms("speech_verbs", "statement_nouns", "attribution_words"))


# --- speech acts ---


def _speech_acts(clause: Clause) -> tuple[list, bool]:
    """The speech verbs (or "according") of the sentence outside quotation marks that are
    neither doubted nor refused, and whether any was denied or negated."""
    acts, doubted, denied = [], [], False
    for token in clause.sent:
        if clause.quoted(token):
            continue
        word = lemma(token)
        speech = token.pos_ == "VERB" and word in lemma_class("speech_verbs")
        if speech and word in lemma_class("naming_verbs"):
            # "called for", "called on X", "called him a traitor" speak; "call a
            # by-election" or a meeting "for May 3" does not, nor a name the party
            # "calls itself" or "what X calls Y".
            wanted = [
                o
                for o in clause.prepositional(token, {"for", "on"})
                if lemma(o) not in lemma_class("time_nouns")  # a meeting "called for May 3"
            ]
            speech = bool(wanted) or any(
                c.dep_ in {"oprd", "ccomp", "xcomp"} for c in token.children
            )
            speech = speech and not any(
                c.dep_ in {"dobj", "dative"}
                and (lemma(c) in lemma_class("reflexive_pronouns") or c.tag_ in {"WP", "WDT"})
                for c in token.children
            )
        if speech and word in lemma_class("unseating_verbs"):
            # "challenged X to resign", "challenged X over Y" speak; "is challenging X"
            # for a seat does not.
            speech = bool(clause.prepositional(token, {"over", "on", "about"})) or any(
                c.dep_ in {"ccomp", "xcomp"} for c in token.children
            )
        publication = (
            token.pos_ == "VERB"
            and word in lemma_class("publication_verbs")
            and any(
                c.dep_ in {"dobj", "nsubjpass"}
                and lemma(c) in lemma_class("statement_nouns") | lemma_class("call_nouns")
                for c in token.children
            )
        )
        if not (speech or publication or token.lower_ in lemma_class("attribution_words")):
            continue
        if _doubted(clause, token):
            doubted.append(token)
        else:
            acts.append(token)
    # "X said she would call for B": a doubted speech verb inside the words of one that
    # is not is part of what was said, not a denial.
    for token in doubted:
        if not any(a in acts for a in token.ancestors):
            denied = True
    return acts, denied


def _doubted(clause: Clause, verb) -> bool:
    """Whether a speech verb is negated, hedged, denied or refused: on itself, or on the
    verbs whose complement it is ("is expected to call", "declined to comment", "denied
    saying"). A coordinated verb keeps its own polarity."""
    doubtful = (
        lemma_class("negations")
        | lemma_class("hedges")
        | lemma_class("denials")
        | lemma_class("refusal_verbs")
    )
    node = verb
    while True:
        for child in node.children:
            if child.dep_ in _DOUBT_CHILDREN and lemma(child) in doubtful | {"n't"}:
                return True
        if node != verb and lemma(node) in doubtful:
            return True
        if node.dep_ not in _CLAUSE_LINKS or node.head == node or clause.quoted(node.head):
            return False
        node = node.head


def _ranked(clause: Clause, acts: list, passages: list[Passage]) -> list:
    """Speech acts in the order to try them: those whose clause holds the quotation first,
    then the nearest to it."""
    if not passages:
        return acts
    first = passages[0].start - clause.view.sentence.start

    def governs(act) -> bool:
        return any(clause.quoted(t) for t in act.subtree)

    return sorted(acts, key=lambda a: (not governs(a), len(list(a.ancestors)), abs(a.idx - first)))


# --- speakers ---


def _speakers(context: _Context, act) -> list[Attribution]:
    clause = context.clause
    if act.lower_ in lemma_class("attribution_words"):
        candidates = [g for c in act.children for g in c.children if g.dep_ == "pobj"]
    elif lemma(act) in lemma_class("quoting_verbs") and is_passive(act):
        candidates = [clause.subject(act)]
    elif is_passive(act):
        candidates = [clause.agent(act)]
    else:
        # When the verb's own subject names no one, the parse may have hung the verb on
        # the quotation it introduces ('and tweeted: "..."') or lost its subject: the
        # subject of the nearest verb outside the quotation, else the subject word that
        # opens the sentence, stands in.
        candidates = []
        if act.dep_ == "xcomp":
            # "prompting X to tweet", "asked X to say": the object of the verb above speaks.
            candidates += [c for c in act.head.children if c.dep_ in {"dobj", "dative"}]
        candidates += [clause.agent(act)]
        own = [c for c in act.children if c.dep_ in SUBJECTS and not clause.quoted(c)]
        candidates += own
        # A person of its own that names no one we know ("one local member said") is not
        # replaced by another clause's subject.
        people = lemma_class("party_member_nouns") | lemma_class("office_nouns")
        if not any(lemma(c) in people for c in own):
            candidates += [
                child
                for node in act.ancestors
                if not clause.quoted(node)
                for child in node.children
                if child.dep_ in SUBJECTS
            ]
            if not own:
                candidates += _phrase_before(clause, act)
            # The subject of a clause fronted before the verb ("When X joined W, ...")
            # is that clause's own.
            fronted = {
                t.i for c in act.children if c.dep_ == "advcl" and c.i < act.i for t in c.subtree
            }
            candidates += [
                t
                for t in clause.sent
                if t.i < act.i and t.dep_ in {"nsubj", "nsubjpass"} and t.i not in fronted
            ][:1]
    for who in candidates:
        if who is None or clause.quoted(who):
            continue
        found: list[Attribution] = []
        for member in clause.members(who):
            for attribution in _who(context, member):
                if attribution not in found:
                    found.append(attribution)
        if found:
            return found
    return []


def _phrase_before(clause: Clause, act) -> list:
    """The nouns that may head the phrases set off by commas just before a verb that has
    no subject of its own, which the parse may have hung on a word before them ("When X
    joined W, the party's chairman, Y, tweeted"; "In a letter, Y, a doctor who ..., said";
    "In a statement, its vice-president, Y, who leads W, said"): the head of each phrase
    between two commas, the nearest first, less relative clauses."""
    doc = act.doc
    if act.i < 2 or doc[act.i - 1].text != "," or act.tag_ not in _FINITE:
        return []  # "..., accusing it of ...": a participle shares the clause's subject
    commas = [t.i for t in doc[: act.i] if t.text == "," and not clause.quoted(t)]
    found = []
    for start, end in reversed(list(zip(commas, commas[1:], strict=False))):
        phrase = doc[start + 1 : end]
        if not len(phrase) or any(clause.quoted(t) for t in phrase):
            continue
        if lemma(phrase[0]) in lemma_class("relative_pronouns"):
            continue
        found += [t for t in phrase if not start < t.head.i < end and t.pos_ in {"NOUN", "PROPN"}]
    return found


def _who(context: _Context, token) -> list[Attribution]:
    clause = context.clause
    word = lemma(token)
    if _is_local_party(token):
        return _local_party(context, token)
    mention = clause.mention_of(token)
    if mention is not None and mention.kind == "org":
        return [Attribution("", mention.name)]
    if mention is not None and mention.kind == "party":
        return [Attribution("", mention.name)]
    people = _people_at(clause, token)
    if people:
        return [_person(context, name, _role_organisation(context, token)) for name in people]
    if mention is None and word in lemma_class("officer_nouns"):
        # "The chair of W, X, said": the name may hang on the role's own complement.
        named = [
            name
            for t in token.subtree
            if t.dep_ == "appos" and not clause.quoted(t)
            for name in _people_at(clause, t)
        ]
        office = _officer(context, token, fallback=False)
        if named:
            return [_person(context, named[0], office[0].organisation if office else "")]
        office = office or _officer(context, token)
        if office:
            # "the W leader tweeted": the one person the article gives that office.
            people = context.holders.get((office[0].organisation, word), [])
            if len(people) == 1:
                return [_person(context, people[0], office[0].organisation)]
        return office
    if mention is None and word in lemma_class("party_voice_nouns"):
        owner = _attached(clause, token, {"compound", "poss", "amod", "nmod"}, "party")
        if owner:
            return [Attribution("", owner)]
    if word in lemma_class("collective_nouns") | lemma_class("collective_pronouns"):
        if word in lemma_class("statement_nouns"):
            owner = [c for c in token.children if c.dep_ == "poss"]
            if owner:
                return _who(context, owner[0])
        if context.last is not None and context.distance <= 2:
            return [Attribution(continues=True)]
        if word in lemma_class("collective_pronouns"):
            return _body_before(context, token)
        return []
    if clause.refers_back(token):
        return [_pronoun(context, token)]
    return []


def _body_before(context: _Context, token) -> list[Attribution]:
    """Who "it" or "its" is when no body spoke just before: the one organisation named
    (outside quotation marks) before it in the sentence, else in the nearest of the two
    sentences before that names one ("W CLP reacted quickly. It called on ...")."""
    doc, index = context.doc, context.index
    start = context.clause.view.sentence.start + token.idx
    for position in range(index, max(-1, index - 3), -1):
        bodies = {
            m.name
            for m in doc.views[position].mentions
            if m.kind == "org" and not doc.in_quote(m.start) and m.start < start
        }
        if len(bodies) == 1:
            return [Attribution("", next(iter(bodies)))]
        if bodies:
            return []
    return []


def _body_named_before(context: _Context, token) -> str:
    """The nearest organisation or local party named before `token` in the sentence."""
    clause = context.clause
    for earlier in reversed(clause.sent[: token.i]):
        if clause.quoted(earlier):
            continue
        mention = clause.mention_of(earlier)
        if mention is not None and mention.kind == "org":
            return mention.name
        if mention is None and _is_local_party(earlier):
            found = _local_party(context, earlier)
            return found[0].organisation if found and not found[0].continues else ""
    return ""


def _people_at(clause: Clause, token) -> list[str]:
    """People a subject word names itself or through an apposition or compound (never
    through a possessor: "Hoey's CLP" is not Hoey)."""
    found = []
    for candidate in [token] + [c for c in token.children if c.dep_ in {"appos", "compound"}]:
        mention = clause.mention_of(candidate)
        if (
            mention is not None
            and mention.kind == "person"
            and not mention.possessive
            and not clause.quoted(candidate)
            and mention.name not in found
        ):
            found.append(mention.name)
    return found


def _attached(clause: Clause, token, deps: set[str], kind: str) -> str:
    for child in token.children:
        if child.dep_ in deps:
            mention = clause.mention_of(child)
            if mention is not None and mention.kind == kind:
                return mention.name
    return ""


def _is_local_party(token) -> bool:
    word = lemma(token)
    if word in lemma_class("local_body_nouns"):
        return True
    return word == "party" and any(
        lemma(c) in lemma_class("local_party_modifiers") for c in token.children
    )


def _local_party(context: _Context, token) -> list[Attribution]:
    """A local party named through its seat, its MP ("X's CLP", "her local party") or the
    story: a Conservative association when its words say so ("his association", "the
    local Tory party"), else a CLP."""
    clause, doc = context.clause, context.doc
    mention = clause.mention_of(token)
    if mention is not None and mention.kind == "org":
        return [Attribution("", mention.name)]
    words = [token.lower_] + [
        t.lower_ for c in token.children if c.dep_ in _NAMING_DEPS for t in clause.members(c)
    ]
    seat = ""
    for child in token.children:
        if child.dep_ not in {"appos", "compound", "poss", "nmod"}:
            continue
        if token.tag_ == "NNS":
            # "the A, B and C associations": each seat's own local party, the seats
            # parsed as its modifiers or as its conjuncts.
            seats = [
                m.name
                for member in clause.members(child) + list(token.conjuncts)
                for t in member.subtree
                if t.i <= member.i
                and (m := clause.mention_of(t)) is not None
                and m.kind == "constituency"
            ]
            if len(seats) > 1:
                names = dict.fromkeys(local_party_name(seat, words) for seat in seats)
                return [Attribution("", name) for name in names]
        found = clause.mention_of(child)
        if found is not None and found.kind == "constituency":
            seat = found.name
        elif found is not None and found.kind == "org" and found.constituency:
            seat = found.constituency
        elif found is not None and found.kind == "person":
            seat = doc.seat(found.name)
        elif child.dep_ == "poss" and clause.refers_back(child):
            seat = doc.seat(clause.antecedent(child))
        if seat:
            break
    owner = [c for c in token.children if c.dep_ == "det" and c.lower_ == "the"]
    owner += [c for c in token.children if c.dep_ == "poss" and clause.refers_back(c)]
    if not seat and owner:
        # "the CLP", or "her local party" of an MP whose seat the article has not given:
        # in "In U, the constituency party has ..." the one seat the sentence names, else
        # the local party that spoke just before, else that of the seat the section or
        # story is about.
        named = {
            m.name
            for m in clause.view.mentions
            if m.kind == "constituency" and not doc.in_quote(m.start)
        }
        seat = next(iter(named)) if len(named) == 1 else ""
        last = context.last
        if (
            not seat
            and last is not None
            and context.distance <= 2
            and local_party_seat(last.organisation)
        ):
            return [Attribution(continues=True)]
        seat = seat or doc.section_seat(context.index) or doc.focus_seat()
    return [Attribution("", local_party_name(seat, words))] if seat else []


def _officer(context: _Context, token, fallback: bool = True) -> list[Attribution]:
    """An officer named by role only speaks for the organisation the parse attaches to
    the role ("the secretary of W", "W's organiser", "the W spokesperson"), else for the
    one CLP the sentence names."""
    clause = context.clause
    role = " ".join(
        [c.lower_ for c in token.children if c.dep_ == "compound" and not clause.mention_of(c)]
        + [token.lower_]
    )
    organisation = ""
    # The pieces of a hyphenated office ("its vice - president") share its modifiers.
    pieces = [token]
    while pieces[0].i > 0 and not pieces[0].nbor(-1).whitespace_:
        pieces.insert(0, pieces[0].nbor(-1))
    attached = [
        c for p in pieces for c in p.children if c.dep_ in {"poss", "compound", "nmod", "amod"}
    ]
    attached += clause.prepositional(token, {"of", "for", "at"})
    for owner in attached:
        last = context.last
        if owner.dep_ == "poss" and lemma(owner) in lemma_class("collective_pronouns"):
            # "its secretary": the body that spoke just before, else the body named
            # before it in the sentence ("he left the association, its chairman, ...").
            if last is not None and context.distance <= 2 and last.organisation:
                organisation = last.organisation
            else:
                organisation = _body_named_before(context, owner)
        elif _is_local_party(owner):
            found = _local_party(context, owner)
            organisation = found[0].organisation if found else ""
        else:
            mention = clause.mention_of(owner)
            if mention is None:
                continue
            if mention.kind in {"org", "party"}:
                organisation = mention.name
        if organisation:
            break
    if not organisation and fallback:
        clps = {
            m.name
            for m in clause.view.mentions
            if m.kind == "org" and local_party_seat(m.name) and not context.doc.in_quote(m.start)
        }
        organisation = next(iter(clps)) if len(clps) == 1 else ""
    last = context.last
    if (
        not organisation
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and not attached
        and last is not None
        and context.distance <= 2
        and last.organisation
    ):
        organisation = last.organisation  # "the chair" of the body that spoke just before
    return [Attribution("", organisation, role=role)] if organisation else []


def _person(context: _Context, name: str, office: str = "") -> Attribution:
    """A person speaks for the organisation their role gives (the role facts, else an
    office the sentence gives them). An MP speaks for themselves, whatever they chair,
    unless that role is an office of a party ("the party's deputy leader, X") or of a
    local party (which no sitting MP holds: the seat given them is the mistake)."""
    doc = context.doc
    role = context.organisation_of.get(name, "")
    if doc.seat(name):
        parties = {m.name for view in doc.views for m in view.mentions if m.kind == "party"}
        role = next((r for r in (role, office) if r in parties or local_party_seat(r)), "")
        return Attribution(name, role)
    return Attribution(name, office or role)


def _role_organisation(context: _Context, token) -> str:
    """The organisation of an office the parse attaches to a speaker's name: "Labour
    chairman X", "W CLP secretary X", "X, chair of W", "X, who chairs W"; of several, a
    local party's first ("its vice-president, X, who leads the W council")."""
    clause = context.clause
    offices = [token] if lemma(token) in lemma_class("officer_nouns") else []  # "Its chair, X"
    offices += [c for c in token.children if c.dep_ in {"compound", "appos"}]
    # "The chair of W, X, said" or "X, then W's deputy leader, said" where the parse
    # hangs the role elsewhere: an office set off by commas just before or after the name
    # stands in apposition with it all the same.
    start = token.left_edge.i
    if start >= 2 and token.doc[start - 1].text == ",":
        offices.append(token.doc[start - 2])
    offices += _set_off(clause, token)
    found = [
        attribution.organisation
        for office in offices
        if lemma(office) in lemma_class("officer_nouns") and not clause.quoted(office)
        for attribution in _officer(context, office, fallback=False)[:1]
    ]
    for child in token.children:
        if child.dep_ == "relcl" and lemma(child) in lemma_class("leading_verbs"):
            for led in (c for c in child.children if c.dep_ == "dobj"):
                if _is_local_party(led):
                    found += [a.organisation for a in _local_party(context, led)[:1]]
                mention = clause.mention_of(led)
                if mention is not None and mention.kind in {"org", "party"}:
                    found.append(mention.name)
    found = [name for name in found if name]
    return next((name for name in found if local_party_seat(name)), found[0] if found else "")


def _pronoun(context: _Context, token) -> Attribution:
    last = context.last
    if last is not None and context.distance == 1 and last.speaker:
        return Attribution(last.speaker, last.organisation)
    clause = context.clause
    # A person named earlier in the sentence only as the object of a preposition ("Asked
    # on U whether ..., she replied") is not who "she" is.
    people = [
        m.name
        for i, m in sorted(clause.mention_at.items())
        if i < token.i
        and m.kind == "person"
        and not context.doc.in_quote(m.start)
        and clause.sent[i].dep_ != "pobj"
    ]
    name = people[-1] if people else ""
    if not name:
        name = context.doc.recent_subject(context.index, include_current=False, back=4)
    return _person(context, name) if name else Attribution()


def _organisations(roles: list[Fact]) -> dict[str, str]:
    """Person -> the organisation they speak for: their first office, a CLP office first.
    A member does not speak for a body; an officer does."""
    officers = lemma_class("officer_nouns")
    found: dict[str, str] = {}
    for role in roles:
        if not isinstance(role, RoleFact) or not role.organisation:
            continue
        words = set(_WORD.findall(role.title.lower()))
        if not any(word in officers or word.split("-")[-1] in officers for word in words):
            continue
        current = found.get(role.person, "")
        if not current or (local_party_seat(role.organisation) and not local_party_seat(current)):
            found[role.person] = role.organisation
    return found


def _holders(roles: list[Fact]) -> dict[tuple[str, str], list[str]]:
    """(organisation, office noun) -> who holds it, from the role facts ("X, the W
    leader" holds (W, "leader"))."""
    found: dict[tuple[str, str], list[str]] = {}
    for role in roles:
        if not isinstance(role, RoleFact) or not role.organisation:
            continue
        words = _WORD.findall(role.title.lower())
        if words and words[-1] in lemma_class("officer_nouns"):
            people = found.setdefault((role.organisation, words[-1]), [])
            if role.person not in people:
                people.append(role.person)
    return found


def _group_for(groups: list[_Group], attribution: Attribution, position: int) -> _Group:
    who = (attribution.speaker, attribution.organisation, attribution.role)
    for group in groups:
        if (group.speaker, group.organisation, group.role) == who:
            return group
    # A named speaker is one speaker whatever office each sentence gives them: the first
    # organisation found stays.
    for group in groups:
        if attribution.speaker and group.speaker == attribution.speaker:
            group.organisation = group.organisation or attribution.organisation
            return group
    group = _Group(attribution.speaker, attribution.organisation, attribution.role, position)
    groups.append(group)
    return group


# --- words ---


def _is_fragment(doc: Document, passage: Passage) -> bool:
    """Quoted words that carry on a clause of the sentence rather than stand on their own:
    they open in lower case, and not after a colon."""
    first = next((char for char in passage.text if char.isalpha()), "")
    before = doc.text[: passage.start - 1].rstrip()
    return first.islower() and not before.endswith(":")


def _reports_words(clause: Clause, verb) -> bool:
    """Whether a speech act without quotation reports words: a verb of saying needs a
    clause of what was said ("said that ...", "urged him to ..."); a question reports
    nothing."""
    if clause.view.sentence.text.rstrip().endswith("?"):
        return False
    if lemma(verb) not in lemma_class("saying_verbs"):
        return True
    return any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)


def _reported_part(clause: Clause, verb) -> tuple[str, Span]:
    """The reported clause from its verb to the clause's end, as the exact article span:
    the verb's words to its right, less a coordinated clause of its own."""
    calls = any(
        c.dep_ in {"dobj", "nsubjpass"} and lemma(c) in lemma_class("call_nouns")
        for c in verb.children
    )
    if (
        lemma(verb) not in lemma_class("speech_verbs")
        and verb.lower_ not in lemma_class("attribution_words")
        and not calls
    ):
        # "issued a statement" reports words only through a speech verb it governs
        # ("issued a statement accusing X of ...").
        inner = [
            t for t in verb.subtree if t.i > verb.i and lemma(t) in lemma_class("speech_verbs")
        ]
        if not inner:
            sentence = clause.view.sentence
            return "", clause.doc.span(sentence.start + verb.idx, sentence.start + verb.idx)
        # "issued a statement that accused X of A and called on X to B": a speech verb
        # the parse coordinates with the publication verb, sharing its subject, carries
        # on the same words.
        shared = [
            t
            for c in verb.children
            if c.dep_ == "conj"
            and lemma(c) in lemma_class("speech_verbs")
            and not any(g.dep_ in SUBJECTS for g in c.children)
            for t in c.subtree
        ]
        verb = inner[0]
        tree = sorted({t.i: t for t in [*verb.subtree, *shared]}.values(), key=lambda t: t.i)
    else:
        tree = list(verb.subtree)
    skip, first = set(), verb
    if verb.lower_ in lemma_class("attribution_words"):
        # "According to X, W will ...": the words are the clause the phrase leads.
        skip = {t.i for t in verb.subtree}
        tree = [t for t in verb.head.subtree if t.i not in skip and not t.is_punct]
        first = tree[0] if tree else verb
        tree = verb.head.subtree
    # "X said A, and Y urged B": a coordinated clause with a subject of its own is not
    # these words; "X said A and would B" (sharing the subject) is.
    own = [
        c
        for c in (first.children if first == verb else [])
        if c.i > verb.i and c.dep_ == "conj" and any(g.dep_ in SUBJECTS for g in c.children)
    ]
    for child in own:
        skip |= {t.i for t in child.subtree}
    if own:
        skip |= {c.i for c in verb.children if c.dep_ == "cc" and c.i < own[0].i}
    verb = first
    kept = [t for t in tree if t.i >= verb.i and t.i not in skip and not t.is_space]
    stop = next((t.i for t in kept if t.text in {";", ":"} and t.i > verb.i), None)
    if stop is not None:
        kept = [t for t in kept if t.i < stop]
    # Trailing punctuation or a conjunction left dangling by a coordinated clause of its own.
    while len(kept) > 1 and (
        kept[-1].is_punct and kept[-1].text not in {"”", '"', "’", ")"} or kept[-1].dep_ == "cc"
    ):
        kept.pop()
    base = clause.view.sentence.start
    start = base + verb.idx
    end = base + max(t.idx + len(t.text) for t in kept)
    text = clause.doc.text
    # A quoted fragment the parse closes on another word: the clause ends with its mark.
    if text.count("“", start, end) > text.count("”", start, end):
        closing = text.find("”", end, clause.view.sentence.end)
        end = closing + 1 if closing >= 0 else end
    elif text.count('"', start, end) % 2:
        closing = text.find('"', end, clause.view.sentence.end)
        end = closing + 1 if closing >= 0 else end
    span = clause.doc.span(start, end)
    # "..., local members said." reports no words of its own.
    return (span.quote if len(kept) > 1 else ""), span


# --- medium, seat, stance ---


def _medium(clause: Clause, verb) -> str:
    """The channel the words attached to the speech verb name: a platform first ("on
    Twitter", "on Facebook"), then a channel noun or the verb itself, then an outlet told
    ("told the paper", "speaking to U"). The verbs a speech verb depends on count too
    ("sent an email ... stating", "took to Twitter to say")."""
    if verb is None:
        return ""
    chain, node = [verb], verb
    while node.dep_ != "conj" and node.head != node and not clause.quoted(node.head):
        if any(c.dep_ in SUBJECTS for c in node.children):
            break
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            chain.append(node)
    near = []
    for node in chain:
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                near.append(child)  # "The statement said", "His tweet added"
                continue
            if child in chain or child.dep_ in {"ccomp", "conj"}:
                continue
            if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
                continue
            near += [t for t in child.subtree if not clause.quoted(t)]
    subject = clause.subject(verb)
    if subject is not None and not clause.quoted(subject):
        near.append(subject)  # "a statement that called on ...": the statement speaks
    words = {lemma(t) for t in near} | {t.lower_ for t in near}
    if "twitter" in words:
        return "tweet"
    if words & lemma_class("platform_words"):
        return "statement"
    for medium in ("tweet", "email", "letter", "interview"):
        if words & lemma_class(f"{medium}_words"):
            return medium
    if medium := _verb_medium(clause, chain):
        return medium
    return "statement" if words & lemma_class("statement_words") else ""


def _verb_medium(clause: Clause, chain: list) -> str:
    """The channel the speech verb itself names ("tweeted", "emailed", "wrote to"), or an
    outlet it addresses ("told the paper")."""
    # "Speaking to the paper, X said": a participle of telling on the verb addresses too.
    chain = chain + [
        c
        for node in chain
        for c in node.children
        if c.dep_ == "advcl" and lemma(c) in lemma_class("telling_verbs")
    ]
    for node in chain:
        word = lemma(node)
        if word in lemma_class("tweet_words"):
            return "tweet"
        if word in lemma_class("email_words"):
            return "email"
        if word in lemma_class("letter_verbs") and clause.prepositional(node, {"to"}):
            return "letter"
        listeners = [c for c in node.children if c.dep_ in {"dobj", "dative"}]
        listeners += clause.prepositional(node, {"to", "with"})
        for listener in listeners:
            mention = clause.mention_of(listener)
            # An outlet: one the gazetteer knows, an outlet noun, or a proper name that
            # is no person, party or body ("told the Evening Courier").
            # A title a masthead word ends ("the Evening Chronicle") is an outlet whatever
            # the mentions took it for; "told us" is the publication itself.
            outlet = (
                (mention is not None and mention.kind == "outlet")
                or lemma(listener) in lemma_class("outlet_nouns")
                or (
                    listener.pos_ == "PROPN"
                    and word in lemma_class("telling_verbs")
                    and (mention is None or listener.lower_ in lemma_class("masthead_nouns"))
                )
                or (
                    listener.lower_ in lemma_class("newsroom_pronouns")
                    and word in lemma_class("telling_verbs")
                )
            )
            if outlet and word in lemma_class("telling_verbs") | lemma_class("speech_verbs"):
                return "interview"
    return ""


def _seats(
    doc: Document,
    view: SentenceView,
    passages: list[Passage],
    speaker: str,
    about=(),
    described: range = range(0),
) -> tuple[list[tuple[str, str]], bool, bool]:
    """(seats the words name or imply through the MP they are about, several seats, named).
    `about` lists the people the parse makes the words about, tried first; a seat named in
    `described` (the speaker's own description, "the Newark MP X") is not what the words
    are about."""
    in_sentence = [
        m for m in view.mentions if not doc.in_quote(m.start) and m.start not in described
    ]
    quoted = [m for p in passages for m in _mentions_in(doc, p)]
    named = {m.name for m in in_sentence + quoted if m.kind == "constituency"}
    if len(named) == 1:
        return [(next(iter(named)), "")], False, True
    if named:
        return [], True, True
    targets = {_seat_of(doc, person) for person in about} - {("", "")}
    if len({seat for seat, _ in targets}) == 1:
        return [next(iter(targets))], False, False
    if targets:
        return [], True, False
    people = {m.name for m in in_sentence + quoted if m.kind == "person" and m.name != speaker}
    seats = {_seat_of(doc, person) for person in people} - {("", "")}
    if len({seat for seat, _ in seats}) == 1:
        return [next(iter(seats))], False, False
    return [], len(seats) > 1, False


def _seat_of(doc: Document, person: str) -> tuple[str, str]:
    seat = doc.seat(person)
    return (seat, "") if seat else ("", "")


def _about(clause: Clause, verb, speaker: str) -> list[str]:
    """People the words are about: the speech verb's object ("accused X", "called on X
    to"), "about X", and the subject of its reported clause."""
    if verb is None:
        return []
    tokens = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    tokens += clause.prepositional(verb, {"about", "on", "against", "of"})
    tokens += [
        g
        for c in verb.children
        if c.dep_ in {"ccomp", "xcomp"}
        for g in c.children
        if g.dep_ in {"nsubj", "nsubjpass"}
    ]
    found = []
    for token in tokens:
        for name in clause.people(token):
            if name != speaker and name not in found:
                found.append(name)
    return found


# --- layouts read without a parse ---

_SPEAKER_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}):\s+(?=\S)")
# Transcript labels that are not the people the story is about.
_NOT_SPEAKERS = {
    "PRESENTER",
    "INTERVIEWER",
    "HOST",
    "ANCHOR",
    "REPORTER",
    "Q",
    "A",
    "TRANSCRIPT",
    "SUBJECT",
}
_SALUTATION = re.compile(r"Dear [^\n]{1,60}")
_SIGN_OFF = re.compile(
    r"(?:In solidarity|Solidarity|Best wishes|With best wishes|Best|"
    r"Yours(?: sincerely| faithfully)?|Kind regards|Warm regards|Regards|Many thanks|Thanks),?"
)
_EMAIL_HEADER = re.compile(r"^(?:Subject|From|To|Sent):", re.MULTILINE)


def _paragraph_views(doc: Document) -> dict[int, list[SentenceView]]:
    found: dict[int, list[SentenceView]] = {}
    for view in doc.views:
        found.setdefault(view.sentence.paragraph, []).append(view)
    return found


def _transcript(doc: Document, groups: list[_Group], organisation_of: dict[str, str]) -> set[int]:
    """Rule statement.transcript: "MIKE GAPES: I will not resign." is Mike Gapes speaking
    in an interview; a bare surname label is resolved to the full name the text gives."""
    people = {m.name for view in doc.views for m in view.mentions if m.kind == "person"}
    handled: set[int] = set()
    for number, views in _paragraph_views(doc).items():
        first = views[0].sentence
        label = _SPEAKER_LABEL.match(doc.text, first.start)
        if not label or label.group(1) in _NOT_SPEAKERS:
            continue
        wanted = label.group(1).casefold()
        speaker = next(
            (p for p in people if wanted in (p.casefold(), p.split()[-1].casefold())), ""
        )
        if not speaker:
            continue
        handled.add(number)
        context = _Context(doc, None, doc.views.index(views[0]), organisation_of, None, 9)
        group = _group_for(groups, _person(context, speaker), context.index)
        end = views[-1].sentence.end
        span = doc.span(label.end(), end)
        group.texts.append(f"“{span.quote}”")
        group.spans.append(span)
        group.media.append("interview")
        group.reported_only = False
        group.rule = group.rule or "statement.transcript"
        for view in views:
            group.words |= set(_WORD.findall(view.sentence.text.lower()))
            seats, several, named = _seats(doc, view, [], speaker)
            group.seats += seats
            group.several_seats = group.several_seats or several
            group.named_seat = group.named_seat or named
    return handled


def _signed_letter(
    doc: Document, groups: list[_Group], organisation_of: dict[str, str]
) -> set[int]:
    """Rule statement.signed_letter: "Dear members, ... In solidarity, <name> / Chair,
    <seat> CLP" is the signatory speaking for their organisation, by email when the text
    carries email headers or says so, else by letter."""
    by_paragraph = _paragraph_views(doc)
    numbers = sorted(by_paragraph)
    texts = {
        n: doc.text[by_paragraph[n][0].sentence.start : by_paragraph[n][-1].sentence.end]
        for n in numbers
    }
    opening = next((n for n in numbers if _SALUTATION.fullmatch(texts[n].rstrip(",:"))), None)
    if opening is None:
        return set()
    closing = next((n for n in numbers if n > opening and _SIGN_OFF.fullmatch(texts[n])), None)
    if closing is None or closing + 1 not in by_paragraph:
        return set()
    signature = [m for v in by_paragraph[closing + 1] for m in v.mentions if m.kind == "person"]
    if not signature:
        return set()
    speaker = signature[0].name
    role = by_paragraph.get(closing + 2, [])
    orgs = [m for v in role for m in v.mentions if m.kind == "org"]
    organisation = orgs[0].name if orgs else organisation_of.get(speaker, "")
    group = _group_for(
        groups, Attribution(speaker, organisation), doc.views.index(by_paragraph[opening][0])
    )
    body = [n for n in numbers if opening < n < closing]
    for n in body:
        views = by_paragraph[n]
        group.texts.append(f"“{texts[n]}”")
        group.spans.append(doc.span(views[0].sentence.start, views[-1].sentence.end))
        for view in views:
            group.spans.append(doc.sentence_span(view))
            group.words |= set(_WORD.findall(view.sentence.text.lower()))
            seats, several, named = _seats(doc, view, [], speaker)
            group.seats += seats
            group.several_seats = group.several_seats or several
            group.named_seat = group.named_seat or named
    for n in (closing + 1, closing + 2):
        group.spans += [doc.sentence_span(view) for view in by_paragraph.get(n, [])]
    email = _EMAIL_HEADER.search(doc.text) or re.search(r"\be-?mail\b", doc.text, re.IGNORECASE)
    group.media.append("email" if email else "letter")
    group.reported_only = False
    group.rule = group.rule or "statement.signed_letter"
    return {opening, closing, closing + 1, closing + 2, *body}


def _mentions_in(doc: Document, passage: Passage):
    for view in doc.views:
        if view.sentence.end <= passage.start or view.sentence.start >= passage.end:
            continue
        for mention in view.mentions:
            if passage.start <= mention.start < passage.end:
                yield mention


def _add(context: _Context, group: _Group, parts, passages, verb, reported, denied) -> None:
    """Add a sentence's words to a statement: each part is its text as shown and the exact
    span it stands for; the sentence itself is evidence of who spoke."""
    doc, clause = context.doc, context.clause
    view = clause.view
    texts = [text for text, _ in parts if text]
    group.texts += texts
    group.spans.append(doc.sentence_span(view))
    group.spans += [span for text, span in parts if text]
    words = _WORD.findall(view.sentence.text.lower())
    group.words |= set(words) | _stood_down(words)
    group.reported_only = group.reported_only and reported
    own_capacity = any(
        lemma(t) in lemma_class("own_capacity_words") and not clause.quoted(t) for t in clause.sent
    )
    group.not_for_clp = group.not_for_clp or own_capacity or denied
    if medium := _medium(clause, verb):
        group.media.append(medium)
    plural = {form for form in _forms("seat_nouns") if form.endswith("s")}
    if set(words) & plural or any(
        first == "all" and second == "of" for first, second in zip(words, words[1:], strict=False)
    ):
        group.several_seats = True
    if set(words) & lemma_class("one_seat_words"):
        group.about_one_seat = True
    about = _about(clause, verb, group.speaker)
    who = clause.agent(verb) if verb is not None else None
    described = _description(clause, who, verb)
    seats, ambiguous, named = _seats(doc, view, passages, group.speaker, about, described)
    group.seats += seats
    group.named_seat = group.named_seat or named
    group.about_mp = group.about_mp or bool(seats) and not named
    group.several_seats = group.several_seats or ambiguous
    previous = context.last
    if (
        not group.seats
        and any(t.lower_ == "also" and t.dep_ == "advmod" for t in clause.sent)
        and previous is not None
        and previous.seats
    ):
        group.seats.append(previous.seats[0])


def _description(clause: Clause, who, verb) -> range:
    """The article offsets of the speaker's own description ("X, the MP for U, said",
    "X's backers, among them Y, the U MP, said"): the subject's phrase and the phrase set
    off after it. A body's seat is its own ("U CLP said"): none."""
    if who is None or verb is None:
        return range(0)
    mention = clause.mention_of(who)
    if mention is not None and mention.kind != "person":
        return range(0)
    end = max([who.right_edge, *_set_off(clause, who)], key=lambda t: t.i)
    base = clause.view.sentence.start
    return range(base + who.left_edge.idx, base + end.idx + len(end.text))


def _set_off(clause: Clause, name) -> list:
    """The phrase set off by commas right after a name ("X, then W's deputy leader and
    the MP for U, said"), whatever the parse hung it on; [] when no closing comma comes
    before the name's verb."""
    doc = name.doc
    start = name.i + 1
    if start >= len(doc) or doc[start].text != "," or clause.quoted(doc[start]):
        return []
    for token in doc[start + 1 :]:
        if token.text == ",":
            return list(doc[start + 1 : token.i])
        if token == name.head or clause.quoted(token):
            return []
    return []


def _stood_down(words: list[str]) -> set[str]:
    """ "stand down", "step aside": a verb of the class with its particle, as one word."""
    verbs, particles = _forms("stand_down_verbs"), lemma_class("stand_down_particles")
    pairs = zip(words, words[1:], strict=False)
    return {"stand-down" for verb, particle in pairs if verb in verbs and particle in particles}


def _settle_seat(doc: Document, group: _Group) -> None:
    if local_party_seat(group.organisation) or group.seats:
        return
    own = doc.seat(group.speaker) if group.speaker else ""
    story = (
        doc.section_seat(group.position) or doc.focus_seat() or _nearby_seat(doc, group.position)
    )
    if own:
        group.seats.append((own, ""))
    elif not group.several_seats and story:
        group.seats.append((story, ""))


def _nearby_seat(doc: Document, position: int) -> str:
    """The seat the passage around a sentence is about: the one seat named (outside
    quotation marks, as a constituency or a local party's seat) in its paragraph up to
    it, else in the paragraph before; "" when that names several."""
    paragraph = doc.views[position].sentence.paragraph
    for wanted in (paragraph, paragraph - 1):
        named = {
            mention.name if mention.kind == "constituency" else mention.constituency
            for view in doc.views[: position + 1]
            if view.sentence.paragraph == wanted
            for mention in view.mentions
            if not doc.in_quote(mention.start)
        } - {""}
        if named:
            return next(iter(named)) if len(named) == 1 else ""
    return ""


def _stance(words: set[str]) -> str:
    if words & _forms("by_election_words") or "stand-down" in words:
        return "calls_for_by_election"
    if words & _forms("resignation_words"):
        return "calls_for_by_election"
    if words & _forms("critical_words"):
        return "critical"
    if words & _forms("supportive_words"):
        return "supportive"
    return ""


def _fact(doc: Document, group: _Group) -> StatementFact | None:
    if not group.speaker and not group.organisation:
        return None
    organisation = group.organisation
    seat, holder = "", ""
    if local_party_seat(organisation):
        seat = local_party_seat(organisation)
    elif group.seats:
        seat, holder = group.seats[0]
    words = " … ".join(dict.fromkeys(group.texts))
    text_words = set(_WORD.findall(words.lower())) | (group.words & {"stand-down"})
    # Words about a seat, a selection or a by-election; words about no one seat count only
    # when they themselves speak of a contest ("demanded the MPs fight by-elections").
    on_topic = bool((group.words | text_words) & _forms("seat_topics"))
    on_topic = on_topic or "stand-down" in group.words
    # Praise or blame of the MP the words are about is about their seat; praise or blame
    # by someone with no seat of their own, in a story about one seat, is about that seat.
    on_topic = (
        on_topic
        or (group.about_mp or not group.several_seats and not doc.seat(group.speaker))
        and bool(text_words & _forms("supportive_words", "critical_words"))
    )
    keep = (
        bool(local_party_seat(organisation))
        or group.named_seat
        or on_topic
        and (
            bool(seat) or bool(text_words & _forms("contest_topics")) or "stand-down" in text_words
        )
    )
    if not keep or not words:
        return None
    by_clp = bool(local_party_seat(organisation)) and not group.not_for_clp
    medium = next((m for m in _MEDIA_ORDER if m in group.media), "")
    medium = medium or (group.media[0] if group.media else "")
    if not medium and _PRESS_RELEASE.search(doc.text) and group.organisation:
        medium = "statement"  # words quoted in an organisation's own press release
    spans = tuple(dict.fromkeys(group.spans))
    rule = group.rule or ("statement.reported" if group.reported_only else "statement.quoted")
    return StatementFact(
        rule,
        spans,
        seat,
        words,
        group.speaker,
        organisation,
        by_clp,
        medium,
        _stance(text_words),
        "" if group.speaker else group.role,
        holder,
    )
