"""The ingest pipeline: read -> segment -> extract -> load.

`run(paths)` returns a `Report` with one `ArticleOutcome` per file. Articles are
streamed: read one by one, extracted (in worker processes, one per core, when there
are many) and written in batches of `BATCH` articles, one transaction per batch. A
batch the database refuses is rolled back and its articles written one by one, so a
file that cannot be read, extracted or loaded is reported with a one-line reason and
leaves the database as it was; the others still load.
"""

import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import batched, chain, islice
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, OperationalError, transaction

from constituencies.pagecache import data_changed

from . import parse, work
from .facts import Extraction
from .load import Item, KnownSeats, Names, PlannerStatistics, load_batch
from .read import RawArticle

# Articles written per transaction: enough to make each statement count, few enough that
# an editor saving meanwhile waits a fraction of a second at most. A run's first batches
# are smaller (from FIRST_BATCH, doubling), so that writing starts as soon as the first
# articles are extracted rather than after a whole batch of them.
BATCH = 100
FIRST_BATCH = 10
# Runs with fewer articles than this are extracted in this process: starting workers
# would cost more than it saves.
PARALLEL_FROM = 64
# Articles handed to the workers ahead of the one being written, and to each at a time:
# a batch ahead keeps the writer fed; more would only hold more memory.
AHEAD = BATCH
CHUNK = 10
# Workers run at a lower priority than the process writing (and than the site): writing is
# the slower side, so extraction should take what CPU it leaves, not compete for it.
WORKER_NICENESS = 10
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
    article_id: int | None = None
    # Facts of an article loaded earlier, written now that a later one named their
    # seat: the article was counted once already.
    again: bool = False

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
    """What a run did: the articles it read, their counts summed, and the failures. Kept
    as sums, not one outcome per article, so that a run's memory does not grow with it."""

    articles: int = 0
    counts: Counter = field(default_factory=Counter)
    failures: list[ArticleOutcome] = field(default_factory=list)

    def add(self, outcome):
        """Count an article's outcome; for facts written again (`again`), the article was
        counted once already, so only the records created, updated and removed are added."""
        again = outcome.again
        if outcome.failed:
            self.failures.append(outcome)
        names = ["created", "updated", "removed"]
        if not again:
            self.articles += 1
            names.append("unchanged")
        for name in names:
            self.counts[name] += getattr(outcome, name)

    def totals(self):
        return {name: self.counts[name] for name in ("created", "updated", "unchanged", "removed")}


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


def outcome_of(result, name):
    outcome = ArticleOutcome(name, article_id=result.article.pk)
    outcome.duplicate_of = result.duplicate_of
    outcome.created = result.counts["created"]
    outcome.updated = result.counts["updated"]
    outcome.unchanged = result.counts["unchanged"]
    outcome.removed = result.removed
    return outcome


def write_one(item, name, *, names, seats=None):
    """Load one article in its own transaction, trying again where another load got to
    the same rows first; the outcome, reported as `name`, says what happened."""
    label = item.raw.filename or name
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with transaction.atomic():
                result = load_batch([item], names=names, seats=seats)[0]
            break
        except (IntegrityError, OperationalError) as error:
            names.forget()
            if seats is not None:
                seats.reload()
            # Another load wrote the same person, seat or article first (or SQLite was
            # busy): the transaction rolled back whole, and trying again finds their rows.
            if attempt == ATTEMPTS:
                error = f"{label}: database refused the article ({error})"
                return ArticleOutcome(name, error=error)
            time.sleep(0.05 * attempt)
        except (DatabaseError, ValidationError) as error:
            names.forget()
            if seats is not None:
                seats.reload()
            return ArticleOutcome(name, error=f"{label}: database refused the article ({error})")
    data_changed()
    return outcome_of(result, name)


def load_raw(raw: RawArticle, *, names=None, article=None, **metadata) -> ArticleOutcome:
    """Extract and load one article an editor adds in the admin, or whose text they change
    (`article`, the stored row), inside its own transaction. `metadata` holds the details
    the editor set. An added article never replaces another (`Item.added`)."""
    name = raw.filename or metadata.get("title") or "pasted article"
    published = metadata.get("published") or (article.published if article else None)
    extraction = work.safe_extract(raw, published)
    if not isinstance(extraction, Extraction):
        return ArticleOutcome(name, error=f"{name}: {extraction}")
    item = Item(raw, extraction, article, metadata, added=article is None)
    return write_one(item, name, names=names or Names())


def workers():
    """Worker processes for extraction: one per core this process may use."""
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count())
    return len(cores)


class Run:
    """One run of the pipeline over a stream of paths; see `run`."""

    def __init__(self, on_outcome=None):
        self.report = Report()
        self.on_outcome = on_outcome
        self.names = Names()
        self.seats = KnownSeats()
        self.statistics = PlannerStatistics()

    def entry(self, path, raw, extraction):
        """An `Item` to write, or the outcome of an article that cannot be."""
        if isinstance(path, ArticleOutcome):
            return path
        if not isinstance(raw, RawArticle):
            return ArticleOutcome(str(path), error=raw)
        if not isinstance(extraction, Extraction):
            return ArticleOutcome(str(path), error=f"{raw.filename}: {extraction}")
        return Item(raw, extraction, path=path)

    def extracted(self, paths):
        """Entries for `paths` in order, read and extracted here, or, when there are
        many, by worker processes, `CHUNK` articles at a time: then this process only
        writes, and never loads the parser."""
        paths = iter(paths)
        head = list(islice(paths, PARALLEL_FROM))
        count = workers()
        if len(head) < PARALLEL_FROM or count < 2:
            for path in chain(head, paths):
                yield self.prepared_here(path)
            return
        # The workers come from a fork server, which imports the main module as
        # multiprocessing does (manage.py is safe); a script that calls `run` directly
        # needs an `if __name__ == "__main__":` guard.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([work.__name__])
        pool = context.Pool(
            count, initializer=work.start_worker, initargs=(WORKER_NICENESS, parse.model_name())
        )
        with pool:
            ahead = deque()
            for chunk in batched(chain(head, paths), CHUNK):
                wanted = [None if isinstance(path, ArticleOutcome) else path for path in chunk]
                ahead.append((chunk, pool.apply_async(work.prepare_all, (wanted,))))
                if len(ahead) >= AHEAD // CHUNK:
                    yield from self.collect(*ahead.popleft())
            while ahead:
                yield from self.collect(*ahead.popleft())

    def prepared_here(self, path):
        """The entry for `path`, read and extracted in this process."""
        missing = isinstance(path, ArticleOutcome)
        prepared = (None, None) if missing else work.prepare(path)
        return self.entry(path, *prepared)

    def collect(self, chunk, task):
        for path, prepared in zip(chunk, task.get(), strict=True):
            yield self.entry(path, *(prepared or (None, None)))

    def write(self, entries):
        """Write a batch; on failure, its articles one by one. Report each outcome, and
        the facts of earlier articles written because the batch named their seats."""
        items = [entry for entry in entries if isinstance(entry, Item)]
        results = None
        if len(items) > 1:
            try:
                with transaction.atomic():
                    results = load_batch(items, names=self.names, seats=self.seats)
                data_changed()
            except (DatabaseError, ValidationError):
                # Which article the database refused is found by writing them one by one.
                self.names.forget()
                self.seats.reload()
                results = None
        outcomes = iter(results or ())
        created = 0
        for entry in entries:
            if isinstance(entry, ArticleOutcome):
                self.report_outcome(entry)
                continue
            name = str(entry.path)
            if results is not None:
                outcome = outcome_of(next(outcomes), name)
            else:
                outcome = write_one(entry, name, names=self.names, seats=self.seats)
            self.report_outcome(outcome)
            created += outcome.created
        for result in outcomes:
            name = result.article.filename or result.article.slug
            outcome = outcome_of(result, f"{name} (facts whose seat a later article named)")
            self.report_outcome(outcome, again=True)
            created += outcome.created
        self.seats.reload()
        self.statistics.added_records(created)

    def report_outcome(self, outcome, again=False):
        outcome.again = again
        self.report.add(outcome)
        if self.on_outcome:
            self.on_outcome(outcome)


def run(paths: Iterable[str | Path], on_outcome=None) -> Report:
    """Load every article under `paths`; `on_outcome` is called after each one.

    Articles are streamed in one pass. An article can lean on a seat that only a later
    one names ("seats held by X and Y"): those facts wait in the database and are written
    by the batch that names the seat (`references`), so a run ends where a second run
    would, and re-running changes nothing. No article is extracted twice.
    """
    state = Run(on_outcome)
    batch, size = [], FIRST_BATCH
    for entry in state.extracted(article_paths(paths)):
        batch.append(entry)
        if len(batch) >= size:
            state.write(batch)
            batch, size = [], min(2 * size, BATCH)
    state.write(batch)
    return state.report
