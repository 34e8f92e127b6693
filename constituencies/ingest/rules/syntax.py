"""Reading a parsed sentence: mentions placed on tokens, and the walks every rule shares.

A `Clause` is one sentence of a `Document` with its spaCy parse. It answers the questions
relation rules ask of a parse, the same way for every rule:
- which mention a token stands for (`mention_of`), and the people, seats or parties a
  token and its coordinated or apposed words name (`named`);
- a verb's subject and object in active and passive voice (`agent`, `patient`), shared
  down coordinated and open-clause verbs ("was picked and then selected");
- whether a word is under a negation, a hedge or a denial on its way to the root
  (`doubted`);
- who a pronoun or "the MP" stands for (`antecedent`), and a person's seat (`seat_of`).

Lemmas are compared with the classes of `data/lexicon.json` (`parse.lemma_class`).
spaCy tokens are compared by `==` or `.i`, never `is`: spaCy builds a new object on each
access.
"""

from ..document import Document
from ..mentions import Mention
from ..parse import lemma_class

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
OBJECTS = {"dobj", "attr", "oprd", "dative"}
# Dependencies that open a clause of their own below a word.
CLAUSE_EDGES = {"conj", "relcl", "advcl", "ccomp", "xcomp", "parataxis", "acl", "csubj"}
_NOUN_CLAUSES = {"relcl", "acl", "appos"}
_NOUNS = {"NOUN", "PROPN", "PRON"}
_DOUBT_CHILDREN = {"neg", "aux", "auxpass", "advmod", "mark", "det", "prep", "npadvmod"}


def lemma(token) -> str:
    return token.lemma_.lower()


def is_passive(verb) -> bool:
    return any(child.dep_ in {"nsubjpass", "auxpass", "csubjpass"} for child in verb.children)


def clause_head(token):
    """The verb whose clause `token` belongs to (the token itself when it is one)."""
    while token.pos_ not in {"VERB", "AUX"} and token.head != token:
        token = token.head
    return token


def names_time(token) -> bool:
    """Whether a noun names a time: a date, a number ("since YEAR"), a month, day or
    period ("for a year")."""
    return token.ent_type_ == "DATE" or token.like_num or lemma(token) in lemma_class("time_nouns")


def in_order(tokens) -> list:
    return sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)


class Clause:
    """One parsed sentence of `doc` (at `position`), its mentions placed on tokens."""

    def __init__(self, doc: Document, position: int, sent):
        self.doc, self.position, self.sent = doc, position, sent
        self.view = doc.views[position]
        self.mention_at: dict[int, Mention] = {}
        self.tokens_of: dict[int, list[int]] = {}  # mention index -> its token indices
        base = self.view.sentence.start
        for index, mention in enumerate(self.view.mentions):
            tokens = [
                t
                for t in sent
                if mention.start - base <= t.idx < mention.end - base and not t.is_punct
            ]
            self.tokens_of[index] = [t.i for t in tokens]
            heads = [t for t in tokens if t.head not in tokens or t.head == t]
            for token in heads[:1] or tokens[-1:]:
                self.mention_at[token.i] = mention

    # --- mentions ---

    def mention_of(self, token) -> Mention | None:
        """The mention `token` heads, or lies inside."""
        if token.i in self.mention_at:
            return self.mention_at[token.i]
        for index, members in self.tokens_of.items():
            if token.i in members:
                return self.view.mentions[index]
        return None

    def quoted(self, token) -> bool:
        return self.doc.in_quote(self.view.sentence.start + token.idx)

    def members(self, token) -> list:
        """`token` and the words coordinated with it, in order ("A, B and C")."""
        return in_order([token, *token.conjuncts])

    def named(self, token, kind: str) -> list[Mention]:
        """Mentions of `kind` that `token` stands for: itself, a compound or apposition
        ("the MP, X"), a possessor, and each coordinated word, in order."""
        found = []
        for member in self.members(token):
            candidates = [member] + [
                c for c in member.children if c.dep_ in {"appos", "compound", "poss", "nmod"}
            ]
            for candidate in candidates:
                mention = self.mention_of(candidate)
                if mention is not None and mention.kind == kind and mention not in found:
                    found.append(mention)
                    break
        return found

    def people(self, token) -> list[str]:
        """The people `token` names, or the person a pronoun or "the MP" stands for."""
        names = [m.name for m in self.named(token, "person") if not self.quoted(token)]
        if not names and lemma(token) in lemma_class("office_nouns"):
            holder = self.doc.holder_of(self.seat_named(token))  # "the U MP", "the MP for U"
            names = [holder] if holder else []
        if not names and self.refers_back(token):
            antecedent = self.antecedent(token)
            names = [antecedent] if antecedent else []
        return names

    def seat_named(self, noun) -> str:
        """The constituency a noun is qualified by: "the U MP", "the MP for U"; "" if none."""
        for child in noun.children:
            words = [child] if child.dep_ in {"compound", "nmod"} else []
            if child.dep_ == "prep" and child.lower_ == "for":
                words = [c for c in child.children if c.dep_ == "pobj"]
            for word in words:
                mention = self.mention_of(word)
                if mention is not None and mention.kind == "constituency":
                    return mention.name
        return ""

    def refers_back(self, token) -> bool:
        return lemma(token) in lemma_class("personal_pronouns") or (
            lemma(token) in lemma_class("office_nouns")
            and any(c.lower_ == "the" for c in token.children)
            and not any(c.dep_ in {"prep", "compound", "poss"} for c in token.children)
        )

    # --- arguments ---

    def subject(self, verb):
        """The grammatical subject of `verb`, shared down coordinated and open clauses."""
        while verb is not None:
            for child in verb.children:
                if child.dep_ in SUBJECTS:
                    return child
            if verb.dep_ in {"conj", "xcomp", "advcl", "acl"} and verb.head != verb:
                if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
                    return verb.head  # "X, elected in YEAR, ..." / "the MP chosen"
                verb = verb.head
            elif verb.dep_ == "relcl":
                return verb.head  # "X, who represents U": the relative's head
            else:
                return None
        return None

    def agent(self, verb):
        """Who does what `verb` says: the subject, or the "by" phrase of a passive."""
        if is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            for child in verb.children:
                if child.dep_ == "agent":
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    return objects[0] if objects else None
            return None
        return self.subject(verb)

    def patient(self, verb):
        """What `verb` is done to: the object, or the subject of a passive."""
        if is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            return self.subject(verb)
        for child in verb.children:
            if child.dep_ in {"dobj", "dative"}:
                return child
        return None

    def prepositional(self, verb, words: set[str]) -> list:
        """Objects of the prepositions in `words` under `verb` (or its particle)."""
        found = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in words:
                found += [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ == "prt":
                found += self.prepositional(child, words)
        return found

    def phrase_objects(self, verb, words: set[str]) -> list:
        """Objects of the prepositions in `words` anywhere in `verb`'s own clause, however
        deep in its phrases ("standing under new colours against X"), not in a clause
        below it."""
        found, queue = [], list(verb.children)
        while queue:
            node = queue.pop()
            if node.dep_ in CLAUSE_EDGES:
                continue
            if node.dep_ == "prep" and node.lower_ in words:
                found += [g for g in node.children if g.dep_ == "pobj"]
            queue += node.children
        return in_order(found)

    # --- doubt ---

    def doubted(self, token, stop_at_subject: bool = True) -> bool:
        """Whether `token` is under a negation, a hedge or a denial on its way to the root.
        The way stops at a subject: in "her majority of N is not safe" the majority is
        given, only its safety denied. It stops too where it leaves a noun's relative or
        participle clause or apposition: in "no decision on whether U, held by X, will
        ..." that X holds U is given, only the decision doubted."""
        below = None
        for node in [token, *token.ancestors]:
            if stop_at_subject and below is not None and below.dep_ in SUBJECTS:
                return False
            if below is not None and below.dep_ in _NOUN_CLAUSES and node.pos_ in _NOUNS:
                return False
            if doubt_at(node, token):
                return True
            below = node
        return False

    # --- reference ---

    def antecedent(self, token) -> str:
        """Who "she", "his" or "the MP" is: the person named last before it in the
        sentence (or the holder of a seat named there as "the U MP"), else the subject of
        the sentences before. An object pronoun is not its own verb's subject ("X
        followed her": not X), nor a pronoun someone its clause compares it with ("Like
        X, she ...": not X)."""
        barred = set()
        if token.dep_ in {"dobj", "dative"} and token.lower_ not in lemma_class(
            "reflexive_pronouns"
        ):
            subject = self.subject(token.head)
            barred = (
                {m.name for m in self.named(subject, "person")} if subject is not None else set()
            )
        for prep in token.head.children:
            if prep.dep_ == "prep" and prep.lower_ in lemma_class("comparison_prepositions"):
                compared = [g for g in prep.children if g.dep_ == "pobj"]
                barred |= {m.name for g in compared for m in self.named(g, "person")}
        people = [
            (i, m.name)
            for i, m in self.mention_at.items()
            if i < token.i
            and m.kind == "person"
            and m.name not in barred
            and not self.doc.in_quote(m.start)
        ]
        people += [  # "the U MP ... he": whoever the article says holds U
            (t.i, holder)
            for t in self.sent
            if t.i < token.i
            and lemma(t) in lemma_class("office_nouns")
            and (holder := self.doc.holder_of(self.seat_named(t)))
        ]
        people = [name for _, name in sorted(people)]
        return people[-1] if people else self.earlier_subject()

    def earlier_subject(self, depth: int = 0) -> str:
        """The person the nearest earlier sentence that names someone is about: the
        subject of its main clause if that names or stands for a person ("In a letter to Y,
        X said ...": X; "X's N ...": X; "He told X ...": who he is); else the first person it
        names. (A sentence naming one person, not as a possessor, and no pronoun is not
        parsed for this: it can only be about that person.)"""
        position = self.position - 1
        while position >= max(0, self.position - 3):
            view = self.doc.views[position]
            named = [
                m for m in view.mentions if m.kind == "person" and not self.doc.in_quote(m.start)
            ]
            if named:
                break
            position -= 1
        else:
            return ""
        words = {w.strip(".,;:!?'\"’‘“”()").lower() for w in view.sentence.text.split()}
        if (
            len(named) == 1
            and not named[0].possessive
            and not words & lemma_class("personal_pronouns")
        ):
            return named[0].name
        earlier = Clause(self.doc, position, self.doc.parses([position])[position])
        root = next(t for t in earlier.sent if t.dep_ == "ROOT" or t.head == t)
        subject = earlier.subject(root) if root.pos_ in {"VERB", "AUX"} else None
        if subject is not None and not earlier.quoted(subject):
            named = [m.name for m in earlier.named(subject, "person")]
            if named:
                return named[0]
            if depth < 2 and earlier.refers_back(subject) and lemma(subject) != "they":
                return earlier.earlier_subject(depth + 1)  # "She said ...": who she is
        return self.doc.recent_subject(self.position, False)

    def seat_of(self, person: str) -> tuple[str, str]:
        """(seat, holder) of an MP: the seat this article gives them, holder ""; else no
        seat, holder the MP, for the fact's `seat_holder` (the loader places it)."""
        if not person:
            return "", ""
        seat = self.doc.seat_of.get(person, "")
        return (seat, "") if seat else ("", person)

    def seat_of_token(self, token) -> tuple[str, str]:
        """(seat, holder) a token names: a constituency, a CLP's seat, or an MP's seat
        (see `seat_of`)."""
        mention = self.mention_at.get(token.i)
        if mention is None:
            return "", ""
        if mention.kind == "constituency":
            return mention.name, ""
        if mention.kind == "org" and mention.constituency:
            return mention.constituency, ""
        if mention.kind == "person" and not self.doc.in_quote(mention.start):
            return self.seat_of(mention.name)
        return "", ""


def doubtful_words() -> frozenset[str]:
    return lemma_class("negations") | lemma_class("hedges") | lemma_class("denials")


def doubt_at(node, token, relations=_DOUBT_CHILDREN) -> bool:
    """Whether `node`, met on the way up from `token`, is a negation, a hedge or a denial,
    or has one among its dependents in `relations` (negating, auxiliary, adverbial,
    marking words)."""
    doubtful = doubtful_words()
    if node != token and node.pos_ != "PROPN" and lemma(node) in doubtful:
        return True
    return any(
        child.dep_ in relations and (lemma(child) in doubtful or child.lower_ in doubtful)
        for child in node.children
    )


def clauses(doc: Document, positions: list[int]) -> list[Clause]:
    """A `Clause` for each of `positions`, parsed together. Each is made once and kept on
    `doc`, because every rule reads the same sentences."""
    parsed = doc.parses(positions)
    made = doc.clauses
    for position in positions:
        if position not in made:
            made[position] = Clause(doc, position, parsed[position])
    return [made[position] for position in positions]
