"""What the extraction workers do: read article files and extract their facts.

Free of Django, like the read and extract layers it calls, so that the worker processes
(`pipeline.Run.extracted`) start from a clean interpreter rather than from a copy of the
loading process, its database connection and its threads.
"""

import os

from . import parse
from .extract import extract
from .facts import Extraction
from .read import ArticleError, RawArticle, read_article


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
        return f"extraction failed ({type(error).__name__}: {error})"


def prepare(path):
    """(the article, or why it cannot be read; its extraction, or why that failed)."""
    raw = read(path)
    return raw, (safe_extract(raw) if isinstance(raw, RawArticle) else None)


def prepare_all(paths):
    """`prepare` for each path; None for a path that is not there to read."""
    return [prepare(path) if path is not None else None for path in paths]
