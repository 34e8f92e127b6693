"""The ingest pipeline: read -> segment -> extract -> load, one transaction per article.

`run(paths)` returns a `Report` with one `ArticleOutcome` per file. A file that cannot
be read or loaded is reported with a one-line reason and leaves the database as it
was; the others still load.
"""

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, IntegrityError, OperationalError, transaction

from constituencies import models

from .extract import extract
from .facts import Extraction, SeatFact
from .load import Names, load_article
from .read import ArticleError, RawArticle, read_article

# Loads that race on the same new rows resolve in a retry or two.
ATTEMPTS = 5


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
    does not exist yields a failed outcome instead. A .txt entry in a folder that cannot
    be read (a broken link, say) is still yielded, so that it is reported, not skipped."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if not p.is_dir())
        elif path.is_file():
            yield path
        else:
            yield ArticleOutcome(str(path), error=f"{path}: no such file or folder")


def known_seats(raws: Iterable[RawArticle] = ()):
    """Who holds which seat, for resolving "X's seat" and "seats held by X and Y": seats
    stored from earlier loads, then seats stated anywhere in this batch, so that an
    article is read the same way whichever order the batch is in."""
    seats = dict(
        models.Constituency.objects.public()
        .filter(mp__isnull=False)
        .values_list("mp__name", "name")
    )
    for raw in raws:
        extraction = safe_extract(raw, seats)
        for fact in extraction.facts if isinstance(extraction, Extraction) else ():
            if isinstance(fact, SeatFact):
                seats.setdefault(fact.person, fact.constituency)
    return seats


def safe_extract(raw, seats):
    """The article's extraction, or a one-line reason it failed. A rule that breaks on one
    article's prose must not stop the others, so any error is caught here and reported."""
    try:
        return extract(raw.text, known_seats=seats)
    except Exception as error:
        return f"extraction failed ({type(error).__name__}: {error})"


def load_raw(
    raw: RawArticle, *, seats=None, names=None, article=None, **metadata
) -> ArticleOutcome:
    """Extract and load one article inside its own transaction. `names` are the rows
    resolved so far in this run; `article` and `metadata` come from the admin, where an
    editor adds or corrects an article."""
    names = names or Names()
    outcome = ArticleOutcome(raw.filename or metadata.get("title") or "pasted article")
    extraction = safe_extract(raw, known_seats([raw]) if seats is None else seats)
    if not isinstance(extraction, Extraction):
        outcome.error = f"{outcome.name}: {extraction}"
        return outcome
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with transaction.atomic():
                result = load_article(raw, extraction, article=article, names=names, **metadata)
            break
        except (IntegrityError, OperationalError) as error:
            names.forget()
            # Another load wrote the same person, seat or article first (or SQLite was
            # busy): the transaction rolled back whole, and trying again finds their rows.
            if attempt == ATTEMPTS:
                outcome.error = f"{outcome.name}: database refused the article ({error})"
                return outcome
            time.sleep(0.05 * attempt)
        except DatabaseError as error:
            names.forget()
            outcome.error = f"{outcome.name}: database refused the article ({error})"
            return outcome
    outcome.article = result.article
    outcome.duplicate_of = result.duplicate_of
    outcome.created = result.counts["created"]
    outcome.updated = result.counts["updated"]
    outcome.unchanged = result.counts["unchanged"]
    outcome.removed = result.removed
    return outcome


def read_path(path: Path) -> RawArticle | ArticleOutcome:
    try:
        return read_article(path)
    except ArticleError as error:
        return ArticleOutcome(str(path), error=error.message)
    except OSError as error:
        return ArticleOutcome(str(path), error=f"{path}: cannot be read ({error.strerror})")


def run(paths: Iterable[str | Path], on_outcome=None) -> Report:
    """Load every article under `paths`; `on_outcome` is called after each one.

    Two passes: the first reads every article and learns who holds which seat, the
    second extracts with that knowledge and loads, one transaction per article.
    """
    report = Report()
    items = list(article_paths(paths))
    readable = [item for item in items if isinstance(item, Path)]
    seats = known_seats(raw for raw in map(read_path, readable) if isinstance(raw, RawArticle))
    names = Names()
    for item in items:
        raw = item if isinstance(item, ArticleOutcome) else read_path(item)
        if isinstance(raw, ArticleOutcome):
            outcome = raw
        else:
            outcome = load_raw(raw, seats=seats, names=names)
            outcome.name = str(item)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return report
