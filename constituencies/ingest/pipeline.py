"""The ingest pipeline: read -> segment -> extract -> load, one transaction per article.

`run(paths)` returns a `Report` with one `ArticleOutcome` per file. A file that cannot
be read or loaded is reported with a one-line reason and leaves the database as it
was; the others still load.
"""

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, IntegrityError, OperationalError, transaction

from constituencies import models
from constituencies.pagecache import data_changed

from .extract import extract
from .facts import Extraction, SeatFact
from .load import Names, load_article
from .read import ArticleError, RawArticle, read_article

# Loads that race on the same new rows resolve in a retry or two.
ATTEMPTS = 5
# Re-reading for seats learnt later settles at once in practice; the bound guards
# against articles that keep teaching each other.
SETTLE_ROUNDS = 3


@dataclass
class ArticleOutcome:
    name: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    duplicate_of: str = ""
    error: str = ""
    article_id: int | None = None
    stated_seats: list = field(default_factory=list)

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


def known_seats():
    """Who holds which seat, as stored: for resolving "X's seat" and "seats held by X and
    Y" in articles that do not name the seat themselves."""
    return dict(
        models.Constituency.objects.public()
        .filter(mp__isnull=False)
        .values_list("mp__name", "name")
    )


NAME_PAIRS = re.compile(r"(?=\b([A-Z][\w'’-]+ [A-Z][\w'’-]+))")


def may_say_more(path, changed_at, since):
    """Whether the article at `path` names an MP whose seat changed after step `since` of
    the run, so reading it again may change what it says. Full names are matched through
    the text's capitalised word pairs: one scan of the text, however many seats changed."""
    raw = read_path(path)
    if not isinstance(raw, RawArticle):
        return False
    return any(changed_at.get(pair, -1) > since for pair in NAME_PAIRS.findall(raw.text))


def name_pair(name):
    """The last two words of a name, as `may_say_more` reads text in pairs."""
    return " ".join(name.split()[-2:])


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
    extraction = safe_extract(raw, known_seats() if seats is None else seats)
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
    data_changed()
    outcome.article_id = result.article.pk
    outcome.duplicate_of = result.duplicate_of
    outcome.created = result.counts["created"]
    outcome.updated = result.counts["updated"]
    outcome.unchanged = result.counts["unchanged"]
    outcome.removed = result.removed
    outcome.stated_seats = [
        (fact.person, fact.constituency) for fact in extraction.facts if isinstance(fact, SeatFact)
    ]
    return outcome


def read_path(path: Path) -> RawArticle | ArticleOutcome:
    try:
        return read_article(path)
    except ArticleError as error:
        return ArticleOutcome(str(path), error=error.message)
    except OSError as error:
        return ArticleOutcome(str(path), error=f"{path}: cannot be read ({error.strerror})")


def run(paths: Iterable[str | Path], on_outcome=None) -> Report:
    """Load every article under `paths`, one transaction each; `on_outcome` is called
    after each one.

    Articles are streamed in one pass. An article can lean on a seat that only a later
    one names ("seats held by X and Y"), so afterwards the articles that name an MP whose
    seat changed after they were read are read again, until none is: a run ends where a
    second run would, and re-running changes nothing.
    """
    report = Report()
    names = Names()
    seats = known_seats()
    changed_at = {}
    step = 0
    read = []

    def load(path, first=None):
        nonlocal seats, step
        raw = read_path(path)
        if isinstance(raw, ArticleOutcome):
            return raw
        outcome = load_raw(raw, seats=seats, names=names)
        outcome.name = str(path)
        # Seats as the database now has them: what a second run would start from.
        step += 1
        now = known_seats()
        for person in seats.keys() | now.keys():
            if seats.get(person) != now.get(person):
                changed_at[name_pair(person)] = step
        seats = now
        read.append((path, step, first or outcome))
        return outcome

    for item in article_paths(paths):
        outcome = item if isinstance(item, ArticleOutcome) else load(item)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    for _ in range(SETTLE_ROUNDS):
        again = [
            (path, outcome)
            for path, when, outcome in read
            if not outcome.failed and may_say_more(path, changed_at, when)
        ]
        read.clear()
        for path, first in again:
            second = load(path, first)
            for name in ("created", "updated", "removed"):
                setattr(first, name, getattr(first, name) + getattr(second, name))
            second.name = f"{path} (read again with seats named in later articles)"
            if on_outcome:
                on_outcome(second)
    return report
