"""What the extraction workers do: read article files and extract their facts.

Free of Django, like the read and extract layers it calls, so that the worker processes
(`pipeline.Run.extracted`) start from a clean interpreter rather than from a copy of the
loading process, its database connection and its threads.
"""

import contextlib
import os

from . import parse
from .document import Document
from .extract import extract, facts_of, parse_wanted
from .facts import Extraction
from .read import ArticleError, RawArticle, read_article

# Articles a worker reads and extracts at a time: their sentences are parsed together,
# and a batch of a few hundred sentences parses twice as fast a sentence as one article's.
CHUNK = 20


def start_worker(niceness: int, model: str) -> None:
    """Set up an extraction worker: a lower priority, and the spaCy model to parse with
    (a fresh interpreter has not read the settings; it loads the model at its first parse)."""
    os.nice(niceness)
    parse.use_model(model)


def read(path) -> RawArticle | str:
    """The article at `path`, or a one-line reason it cannot be read."""
    try:
        return read_article(path)
    except ArticleError as error:
        return error.message
    except OSError as error:
        return f"{path}: cannot be read ({error.strerror})"


def safe_extract(raw: RawArticle, published=None) -> Extraction | str:
    """The article's extraction, or a one-line reason it failed. A rule that breaks on one
    article's prose must not stop the others, so any error is caught here and reported."""
    try:
        return extract(raw.text, published)
    except Exception as error:
        return _failed(error)


def _failed(error: Exception) -> str:
    return f"extraction failed ({type(error).__name__}: {error})"


def extract_each(raws: list[RawArticle]) -> list[Extraction | str]:
    """`safe_extract` for each article, their sentences parsed in one request (several
    times faster a sentence than article by article). An article that breaks a step
    fails alone."""
    docs: dict[int, Document] = {}
    results: list[Extraction | str] = [""] * len(raws)
    for index, raw in enumerate(raws):
        try:
            docs[index] = Document.parse(raw.text)
        except Exception as error:
            results[index] = _failed(error)
    # Should the batch fail, each article's rules parse what they read on their own
    # below, and only the article at fault fails.
    with contextlib.suppress(Exception):
        parse_wanted(list(docs.values()))
    for index, doc in docs.items():
        try:
            results[index] = facts_of(doc)
        except Exception as error:
            results[index] = _failed(error)
    return results


def prepare(path):
    """(the article, or why it cannot be read; its extraction, or why that failed)."""
    return prepare_all([path])[0]


def prepare_all(paths):
    """(the article or why it cannot be read, its extraction or why that failed) for each
    path, extracted together (`extract_each`); None for a path that is not there."""
    raws = [read(path) if path is not None else None for path in paths]
    readable = [raw for raw in raws if isinstance(raw, RawArticle)]
    extracted = iter(extract_each(readable))
    return [
        None if path is None else (raw, next(extracted) if isinstance(raw, RawArticle) else None)
        for path, raw in zip(paths, raws, strict=True)
    ]
