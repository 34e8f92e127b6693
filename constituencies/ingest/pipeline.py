"""The ingest pipeline: read -> segment -> extract -> load, one transaction per article.

`run(paths)` returns a `Report` with one `ArticleOutcome` per file. A file that cannot
be read or loaded is reported with a one-line reason and leaves the database as it
was; the others still load.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, transaction

from constituencies import models

from .extract import extract
from .load import load_article
from .read import ArticleError, RawArticle, read_article


@dataclass
class ArticleOutcome:
    name: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    duplicate_of: str = ""
    error: str = ""
    article: models.Article | None = None

    @property
    def failed(self):
        return bool(self.error)

    def summary(self):
        if self.error:
            return self.error
        if self.duplicate_of:
            return f"same text as {self.duplicate_of}: not loaded twice"
        line = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        return line + (f", {self.removed} removed" if self.removed else "")


@dataclass
class Report:
    outcomes: list[ArticleOutcome] = field(default_factory=list)

    @property
    def failures(self):
        return [outcome for outcome in self.outcomes if outcome.failed]

    def totals(self):
        return {
            name: sum(getattr(outcome, name) for outcome in self.outcomes)
            for name in ("created", "updated", "unchanged", "removed")
        }


def article_paths(paths: Iterable[str | Path]) -> Iterator[Path | ArticleOutcome]:
    """Files named, and the .txt files in folders named, in a stable order; a path that
    does not exist yields a failed outcome instead."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        elif path.is_file():
            yield path
        else:
            yield ArticleOutcome(str(path), error=f"{path}: no such file or folder")


def known_seats():
    """Who holds which seat, from articles loaded earlier, for resolving "X's seat"."""
    return dict(
        models.Constituency.objects.public()
        .filter(mp__isnull=False)
        .values_list("mp__name", "name")
    )


def load_raw(raw: RawArticle, **article_fields) -> ArticleOutcome:
    """Extract and load one article inside its own transaction."""
    outcome = ArticleOutcome(raw.filename or article_fields.get("title", "article"))
    extraction = extract(raw.text, known_seats=known_seats())
    try:
        with transaction.atomic():
            result = load_article(raw, extraction, **article_fields)
    except DatabaseError as error:
        outcome.error = f"{outcome.name}: database refused the article ({error})"
        return outcome
    outcome.article = result.article
    outcome.duplicate_of = result.duplicate_of
    outcome.created = result.counts["created"]
    outcome.updated = result.counts["updated"]
    outcome.unchanged = result.counts["unchanged"]
    outcome.removed = result.removed
    return outcome


def load_path(path: Path) -> ArticleOutcome:
    try:
        raw = read_article(path)
    except ArticleError as error:
        return ArticleOutcome(str(path), error=error.message)
    except OSError as error:
        return ArticleOutcome(str(path), error=f"{path}: cannot be read ({error.strerror})")
    outcome = load_raw(raw)
    outcome.name = str(path)
    return outcome


def run(paths: Iterable[str | Path], on_outcome=None) -> Report:
    """Load every article under `paths`; `on_outcome` is called after each one."""
    report = Report()
    for item in article_paths(paths):
        outcome = item if isinstance(item, ArticleOutcome) else load_path(item)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return report
