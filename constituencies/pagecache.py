"""Rendered public pages, kept in each server process until the tracker's data changes.

The public pages show nothing but the tracker's data, and that changes only when an
editor saves in the admin or a load runs. So each process keeps the responses it has
rendered, keyed by the page's full URL and the *data version*: a one-row table
(`DataVersion`) counted up after every commit that changes the data. Every cacheable
request reads the version first (one small query) and looks its page up under it, so a
change made anywhere, in the admin or by a command in another process, is seen by every
process at its next request: pages kept under an older version are never asked for
again, and are dropped when a process first sees the new one.

The version is counted up, with one UPDATE ... SET version = version + 1 run by
`transaction.on_commit` (once per transaction, and at once outside one):

- from signals, post_save, post_delete and m2m_changed on every model of this app except
  the history tables: the admin's forms, actions and reverts, and any ORM save or delete;
- by `data_changed()`, called at the end of each write path that goes around signals
  (bulk_create, bulk_update, update): the loader's `pipeline.load_raw`,
  `official_results.import_results`, `backup.import_tracker` and `demo.make_demo_data`.

On commit, never before: a reader that sees the new version also sees the new data, a
rolled-back change moves nothing, and no writer waits on another's lock of the row. (If
the UPDATE itself fails, the database having gone away just after the commit, the error
is logged and pages stay as they were until the next change.)

Only GET and HEAD of the views wrapped in `public_page` are cached, and only a 200
response rendered outside a transaction (a transaction's view of the data may yet be
rolled back; this is also why the test suite, which runs each test in one, sees every
page uncached unless a test commits for real), for a request with no session cookie (an
editor logged in to the admin always gets a fresh page, and nothing rendered for them is
shared), whose rendering used neither the session nor a CSRF token. Errors, redirects
and not-found pages are never kept.

What is kept is the view's response, before the middleware: the Content-Security-Policy
and the other security headers are added to every response, cached or not. Each page is
kept gzipped as well (and only gzipped when large, as the full JSON download is) and
sent compressed to clients that accept it, with `Vary: Accept-Encoding`; it carries a
weak ETag of its content, so a browser's revalidation (If-None-Match) costs a 304, and
`Cache-Control: no-cache`, so browsers and proxies ask again rather than show a page the
data has moved past.

Each process has one store, shared by its threads: least recently used pages go first
once it holds `PAGE_CACHE_MAX_BYTES` (`DJANGO_PAGE_CACHE_MB`, 64 by default; 0 turns
the cache off). Concurrent requests for a page not yet rendered wait for the first one
to render it instead of rendering it again.
"""

import functools
import gzip
import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import (
    DEFAULT_DB_ALIAS,
    InterfaceError,
    OperationalError,
    connections,
    transaction,
)
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers

from .models import DataVersion

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Smaller bodies gain nothing from compression; larger ones are kept only compressed.
GZIP_MIN_BYTES = 512
UNCOMPRESSED_MAX_BYTES = 1024 * 1024


# --- The data version ---


def data_version(using=DEFAULT_DB_ALIAS):
    """The current data version: 0 before the first change is counted.

    Every cached page pays for this query, so it is written out rather than built by the
    ORM, and it stands in for Django's health check of a kept connection (CONN_HEALTH_
    CHECKS: a SELECT 1 before a request's first query), which would double the round
    trips of a cached page: a connection found dead is closed and the version read again
    on a new one, as the health check would have done.
    """
    connection = connections[using]
    unchecked = (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
    )
    connection.health_check_done = True
    try:
        return _read_version(connection)
    except (InterfaceError, OperationalError):
        if not unchecked:
            raise
        connection.close()
        return _read_version(connection)


def _read_version(connection):
    table = connection.ops.quote_name(DataVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {table} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


@functools.cache
def _count_up(using):
    """The on-commit callback counting `using`'s version up: one function per database,
    so that a transaction queues it once however many rows it changes."""

    def count_up():
        versions = DataVersion.objects.using(using)
        if not versions.filter(pk=1).update(version=F("version") + 1):
            # The row goes with a flushed database (as between tests); a new one is a change.
            versions.bulk_create([DataVersion(pk=1, version=1)], ignore_conflicts=True)

    return count_up


def data_changed(using=DEFAULT_DB_ALIAS):
    """Say that the public data changed: the version moves when the current transaction
    commits, or at once outside a transaction. Call it at the end of any write path that
    bypasses model signals (bulk_create, bulk_update, QuerySet.update)."""
    callback = _count_up(using)
    pending = getattr(connections[using], "run_on_commit", ())
    if not any(queued is callback for _, queued, _ in pending):
        transaction.on_commit(callback, using=using, robust=True)


def tracked_models():
    """The models whose rows the public pages show: all of this app's, less the history
    tables and the version itself."""
    return [
        model
        for model in apps.get_app_config("constituencies").get_models()
        if model is not DataVersion and not hasattr(model, "instance_type")
    ]


def _on_change(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    data_changed(using)


def connect_signals():
    for model in tracked_models():
        uid = f"pagecache-{model._meta.label_lower}"
        post_save.connect(_on_change, sender=model, dispatch_uid=uid)
        post_delete.connect(_on_change, sender=model, dispatch_uid=uid)
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                _on_change, sender=through, dispatch_uid=f"pagecache-{through._meta.label_lower}"
            )


# --- The store ---


@dataclass(frozen=True)
class Page:
    """A rendered response as kept: what the view set, and the body as sent."""

    status: int
    headers: tuple
    body: bytes | None
    gzipped: bytes | None
    etag: str

    @classmethod
    def from_response(cls, response):
        body = response.content
        gzipped = None
        if len(body) >= GZIP_MIN_BYTES and not response.has_header("Content-Encoding"):
            gzipped = gzip.compress(body, compresslevel=6, mtime=0)
        return cls(
            status=response.status_code,
            headers=tuple(
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in ("content-length", "etag", "cache-control")
            ),
            body=body if gzipped is None or len(body) <= UNCOMPRESSED_MAX_BYTES else None,
            gzipped=gzipped,
            etag=f'W/"{hashlib.blake2b(body, digest_size=16).hexdigest()}"',
        )

    @property
    def size(self):
        return len(self.body or b"") + len(self.gzipped or b"") + 1024

    def respond(self, request):
        compressed = self.gzipped is not None and ACCEPTS_GZIP.search(
            request.META.get("HTTP_ACCEPT_ENCODING", "")
        )
        if compressed:
            body = self.gzipped
        else:
            body = self.body if self.body is not None else gzip.decompress(self.gzipped)
        response = HttpResponse(body, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        if compressed:
            response.headers["Content-Encoding"] = "gzip"
        if self.gzipped is not None:
            patch_vary_headers(response, ["Accept-Encoding"])
        response.headers["ETag"] = self.etag
        response.headers["Cache-Control"] = "no-cache"
        if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MATCH" in request.META:
            return get_conditional_response(request, etag=self.etag, response=response)
        return response


class PageStore:
    """Pages of one data version, least recently used first out, bounded in bytes."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.version = None
        self._pages = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._renders = {}

    def get(self, version, url):
        with self._lock:
            if version != self.version:
                # Pages of any other version are never asked for again. (Only a request
                # that read the version just before a commit can go back one, briefly.)
                self._drop_all()
                self.version = version
            page = self._pages.get(url)
            if page is not None:
                self._pages.move_to_end(url)
            return page

    def put(self, version, url, page):
        with self._lock:
            if version != self.version or page.size > self.max_bytes:
                return
            old = self._pages.pop(url, None)
            if old is not None:
                self._bytes -= old.size
            self._pages[url] = page
            self._bytes += page.size
            while self._bytes > self.max_bytes:
                _, dropped = self._pages.popitem(last=False)
                self._bytes -= dropped.size

    def rendering(self, version, url):
        """A lock held while one thread renders `url`, so that the others wait for it."""
        with self._lock:
            return self._renders.setdefault((version, url), threading.Lock())

    def rendered(self, version, url):
        with self._lock:
            self._renders.pop((version, url), None)

    def clear(self):
        with self._lock:
            self._drop_all()
            self.version = None

    def _drop_all(self):
        self._pages.clear()
        self._bytes = 0
        self._renders.clear()

    def __len__(self):
        return len(self._pages)


store = PageStore(getattr(settings, "PAGE_CACHE_MAX_BYTES", 64 * 1024 * 1024))


# --- The view decorator ---


def cacheable(request):
    return (
        store.max_bytes > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not connections[DEFAULT_DB_ALIAS].in_atomic_block
    )


def storable(request, response):
    """Whether a response is the same for everyone and worth keeping."""
    session = getattr(request, "session", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (session is not None and session.accessed)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "cookie" not in response.get("Vary", "").lower()
    )


def public_page(view):
    """Serve `view` from the page cache (see the module docstring)."""

    @functools.wraps(view)
    def cached_view(request, *args, **kwargs):
        if not cacheable(request):
            return view(request, *args, **kwargs)
        version = data_version()
        url = request.build_absolute_uri()
        page = store.get(version, url)
        if page is None:
            try:
                with store.rendering(version, url):
                    page = store.get(version, url)
                    if page is None:
                        response = view(request, *args, **kwargs)
                        if callable(getattr(response, "render", None)):
                            response = response.render()
                        if not storable(request, response):
                            return response
                        page = Page.from_response(response)
                        store.put(version, url, page)
            finally:
                store.rendered(version, url)
        return page.respond(request)

    return cached_view
