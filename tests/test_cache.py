"""The page cache: public pages are rendered once per data version, and every way the
data changes shows on them at once.

These tests commit for real (`transaction=True`): pages rendered inside a transaction
are never kept, and the data version moves only when a change commits. Each change is
made the way the app makes it (the admin's change form and actions, `load_articles`,
`import_results`, the ORM's save, delete and m2m writes, the bulk writes of
`make_demo_data` and `import_tracker`), then the public page is asked for again by a
visitor whose previous visit put it in the cache.
"""

import gzip
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.test import Client
from django.urls import reverse

from constituencies import backup, demo, export, models, pagecache

from . import factories as f
from .test_views_official import GE2017_HEADER, RESULTS_2017, ge2017_line

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = (
    "Angela Smith, the MP for Penistone and Stocksbridge, beat her Tory challenger in 2017 "
    "by 1,322 votes, down from 6,723 in 2015."
)


@pytest.fixture(autouse=True)
def empty_cache():
    pagecache.store.clear()
    yield
    pagecache.store.clear()


@pytest.fixture
def without_model_signals():
    """A bulk write path must say itself that the data changed, not rely on some save
    along the way sending a signal: these tests run with the page cache's signals off."""
    for model in pagecache.tracked_models():
        uid = f"pagecache-{model._meta.label_lower}"
        post_save.disconnect(sender=model, dispatch_uid=uid)
        post_delete.disconnect(sender=model, dispatch_uid=uid)
    through = models.Candidacy.backers.through
    m2m_changed.disconnect(sender=through, dispatch_uid=f"pagecache-{through._meta.label_lower}")
    yield
    pagecache.connect_signals()


@pytest.fixture
def visitor():
    """A member of the public: no session cookie, so pages come from the cache."""
    return Client()


@pytest.fixture
def seat():
    """A seat with an MP, a candidacy with evidence, and a statement."""
    article = f.ArticleFactory(text="Jane Doe is tipped for Testshire, where Labour spoke.")
    candidacy = f.CandidacyFactory(
        person=f.PersonFactory(name="Jane Doe"),
        constituency=f.ConstituencyFactory(name="Testshire"),
    )
    f.add_evidence(candidacy, article, 0, 8)
    f.StatementFactory(constituency=candidacy.constituency, text="We want a by-election.")
    return candidacy.constituency


def cached(client, url, **headers):
    """Ask for `url` twice and check the second answer came from the cache (the data
    version is its only query); returns the answer."""
    first = client.get(url, headers=headers)
    with CountQueries() as queries:
        second = client.get(url, headers=headers)
    assert queries.count == 1, f"{url} was rendered again"
    assert second.content == first.content
    return second


class CountQueries:
    def __enter__(self):
        from django.test.utils import CaptureQueriesContext

        self.context = CaptureQueriesContext(connection)
        self.context.__enter__()
        return self

    def __exit__(self, *exc):
        self.context.__exit__(*exc)

    @property
    def count(self):
        return len(self.context)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- What is cached, and how it is served ---


def test_a_page_is_rendered_once_per_data_version(visitor, seat):
    response = cached(visitor, seat.get_absolute_url())
    assert "Jane Doe" in response.content.decode()
    assert len(pagecache.store) == 1
    assert pagecache.data_version() > 0


def test_cached_pages_keep_the_security_headers(visitor, seat):
    response = cached(visitor, seat.get_absolute_url())
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cache-Control"] == "no-cache"
    assert response["Vary"] == "Accept-Encoding"
    assert response["ETag"].startswith('W/"')


def test_gzip_is_sent_to_clients_that_accept_it(visitor, seat):
    url = seat.get_absolute_url()
    plain = visitor.get(url)
    compressed = cached(visitor, url, accept_encoding="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert compressed["ETag"] == plain["ETag"]
    assert "Content-Encoding" not in plain


def test_a_large_download_is_kept_compressed_and_served_whole(visitor, seat, monkeypatch):
    monkeypatch.setattr(pagecache, "UNCOMPRESSED_MAX_BYTES", 100)
    url = reverse("constituencies:constituency-json")
    cached(visitor, url)
    kept = next(iter(pagecache.store._pages.values()))
    assert kept.body is None and kept.gzipped
    data = json.loads(visitor.get(url).content)
    assert [s["name"] for s in data["constituencies"]] == ["Testshire"]


def test_a_revalidation_with_the_etag_is_answered_not_modified(visitor, seat):
    url = seat.get_absolute_url()
    etag = visitor.get(url)["ETag"]
    response = visitor.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_head_is_answered_from_the_cache(visitor, seat):
    url = seat.get_absolute_url()
    visitor.get(url)
    with CountQueries() as queries:
        response = visitor.head(url)
    assert response.status_code == 200 and queries.count == 1


def test_errors_and_not_found_pages_are_never_kept(visitor, seat):
    assert visitor.get("/constituencies/nowhere/").status_code == 404
    assert visitor.get("/constituencies.csv?region=Atlantis").status_code == 400
    assert len(pagecache.store) == 0


def test_editors_logged_in_are_never_served_or_stored(editor_client, seat):
    url = seat.get_absolute_url()
    editor_client.get(url)
    with CountQueries() as queries:
        editor_client.get(url)
    assert queries.count > 1
    assert len(pagecache.store) == 0


def test_pages_rendered_inside_a_transaction_are_not_kept(visitor, seat):
    with transaction.atomic():
        assert visitor.get(seat.get_absolute_url()).status_code == 200
    assert len(pagecache.store) == 0


def test_the_health_check_touches_neither_database_nor_cache(visitor):
    with CountQueries() as queries:
        response = visitor.get("/healthz/")
    assert (response.status_code, response.content, queries.count) == (200, b"ok", 0)
    assert len(pagecache.store) == 0


# --- The data version ---


def test_a_transaction_counts_the_version_up_once_on_commit(seat):
    before = pagecache.data_version()
    with transaction.atomic():
        for statement in models.Statement.objects.all():
            statement.save()
        seat.save()
        assert pagecache.data_version() == before
    assert pagecache.data_version() == before + 1


def test_a_rolled_back_change_leaves_the_version_alone(seat):
    before = pagecache.data_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        seat.save()
        raise RuntimeError
    assert pagecache.data_version() == before


def test_a_change_committed_by_another_process_shows_at_once(visitor, seat):
    url = seat.get_absolute_url()
    cached(visitor, url)
    # Another process commits a change through a path that sends no signal: here, the
    # version is all this process can see of it.
    models.Statement.objects.update(text="Changed elsewhere.")
    assert "Changed elsewhere." not in page(visitor, url)
    table = connection.ops.quote_name(models.DataVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET version = version + 1")
    assert "Changed elsewhere." in page(visitor, url)


def test_a_missing_version_row_is_made_again(seat):
    models.DataVersion.objects.all().delete()
    assert pagecache.data_version() == 0
    seat.save()
    assert pagecache.data_version() == 1


# --- Every write path shows at once ---


def candidacy_form(candidacy, **changes):
    return {
        "person": candidacy.person.pk,
        "constituency": candidacy.constituency.pk,
        "status": candidacy.status,
        "description": candidacy.description,
        "backers": [b.pk for b in candidacy.backers.all()],
        "constituencies-evidence-content_type-object_id-TOTAL_FORMS": "0",
        "constituencies-evidence-content_type-object_id-INITIAL_FORMS": "0",
        **changes,
    }


def test_an_edit_in_the_admin_change_form_shows_at_once(visitor, editor_client, seat):
    url = seat.get_absolute_url()
    assert "Selected" not in cached(visitor, url).content.decode()
    candidacy = models.Candidacy.objects.get()
    change = reverse("admin:constituencies_candidacy_change", args=[candidacy.pk])
    version = editor_client.get(change).context["adminform"].form["version"].value()
    response = editor_client.post(
        change,
        candidacy_form(candidacy, status="selected", description="NEC member", version=version),
    )
    assert response.status_code == 302
    html = page(visitor, url)
    assert "Selected" in html and "NEC member" in html


def test_an_admin_action_shows_at_once(visitor, editor_client, seat):
    url = seat.get_absolute_url()
    assert "Jane Doe" in cached(visitor, url).content.decode()
    response = editor_client.post(
        reverse("admin:constituencies_candidacy_changelist"),
        {"action": "reject_facts", "_selected_action": [models.Candidacy.objects.get().pk]},
    )
    assert response.status_code == 302
    assert "Jane Doe" not in page(visitor, url)


def test_load_articles_shows_at_once(visitor, tmp_path, without_model_signals):
    (tmp_path / "smith.txt").write_text(TEXT, encoding="utf-8")
    articles = reverse("constituencies:article-list")
    seats = reverse("constituencies:constituency-list")
    assert "smith" not in cached(visitor, articles).content.decode()
    assert "Penistone" not in cached(visitor, seats).content.decode()
    call_command("load_articles", str(tmp_path), stdout=io.StringIO())
    assert "smith" in page(visitor, articles)
    assert "Penistone and Stocksbridge" in page(visitor, seats)


def test_an_article_added_in_the_admin_shows_at_once(visitor, editor_client):
    articles = reverse("constituencies:article-list")
    cached(visitor, articles)
    form = {"title": "Smith's majority", "publisher": "", "published": "", "url": "", "text": TEXT}
    assert editor_client.post(reverse("admin:constituencies_article_add"), form).status_code == 302
    assert "Smith&#x27;s majority" in page(visitor, articles)


def test_import_results_shows_at_once(visitor, tmp_path, without_model_signals):
    results = tmp_path / "HoC-GE2017-constituency-results.csv"
    results.write_text(GE2017_HEADER + "\n" + ge2017_line(*RESULTS_2017[1]) + "\n")
    seats = reverse("constituencies:constituency-list")
    assert "Streatham" not in cached(visitor, seats).content.decode()
    call_command("import_results", str(results), stdout=io.StringIO())
    html = page(visitor, seats)
    assert "Streatham" in html and "26,285" in html


def test_orm_save_delete_and_m2m_writes_show_at_once(visitor, seat):
    url = seat.get_absolute_url()
    cached(visitor, url)
    statement = models.Statement.objects.get()
    statement.text = "We have changed our minds."
    statement.save()
    assert "We have changed our minds." in page(visitor, url)

    cached(visitor, url)
    models.Candidacy.objects.get().backers.add(f.OrganisationFactory(name="Unite"))
    assert "Unite" in page(visitor, url)

    cached(visitor, url)
    statement.delete()
    assert "We have changed our minds." not in page(visitor, url)

    cached(visitor, url)
    models.Evidence.objects.all().delete()
    assert "Source:" not in page(visitor, url)


def test_make_demo_data_shows_at_once(visitor, without_model_signals):
    seats = reverse("constituencies:constituency-list")
    assert "Demo Seat" not in cached(visitor, seats).content.decode()
    demo.make_demo_data(seats=3, candidates=1, statements=1, articles=5)
    assert "Demo Seat 000" in page(visitor, seats)


def test_import_tracker_shows_at_once(visitor, request):
    demo.make_demo_data(seats=2, candidates=1, statements=1, articles=3)
    data = json.loads(export.dumps(export.export_tracker(everything=True)))
    call_command("flush", interactive=False, verbosity=0)
    request.getfixturevalue("without_model_signals")
    seats = reverse("constituencies:constituency-list")
    assert "Demo Seat 000" not in cached(visitor, seats).content.decode()
    backup.import_tracker(data)
    assert "Demo Seat 000" in page(visitor, seats)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite connections do not die under a server"
)
def test_reading_the_version_replaces_a_dead_connection(seat):
    before = pagecache.data_version()
    connection.connection.close()  # as a database restart would leave it
    connection.health_check_done = False  # as at the start of a request
    assert pagecache.data_version() == before
