"""Random requests to every public URL never get a server error.

Query strings (any text, huge numbers, repeated keys, empty values, NUL bytes, broken
percent-escapes), slugs (any text, quoted or not) and form posts go to the list,
export, detail and feed URLs of a database holding the seed articles. Whatever the
input, the answer is a page, a redirect or a 4xx; a post is refused (403 without a CSRF
token, 405 from the view itself), never a 500.
"""

import io
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constituencies.models import Article, Constituency, Person

ROOT = Path(__file__).resolve().parent.parent

LIST_URLS = [
    "/",
    "/constituencies/",
    "/constituencies.csv",
    "/constituencies.json",
    "/articles/",
    "/feeds/latest/",
]
DETAIL_URLS = [
    "/constituencies/{}/",
    "/constituencies/{}/feed/",
    "/people/{}/",
    "/articles/{}/",
]
FEED_URLS = {"/feeds/latest/", "/constituencies/{}/feed/"}
FILTER_KEYS = ["q", "shortlist", "majority_min", "majority_max", "o", "page"]

# The database's state is shared by every example, and no request may change it.
FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def seeds(django_db_setup, django_db_blocker):
    """The seeds, loaded once for the module inside a transaction that is rolled back at
    its end; each test's own transaction nests inside it, as in `setUpTestData`."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_articles", str(ROOT / "seeds"), stdout=io.StringIO())
        yield {
            "/constituencies/{}/": list(Constituency.objects.values_list("slug", flat=True)),
            "/constituencies/{}/feed/": list(Constituency.objects.values_list("slug", flat=True)),
            "/people/{}/": list(Person.objects.values_list("slug", flat=True)),
            "/articles/{}/": list(Article.objects.values_list("slug", flat=True)),
        }
        transaction.set_rollback(True)
    # Otherwise, once the browser tests have run, PostgreSQL still counts this session on
    # the test database and refuses to drop it at the end.
    connection.close()


@pytest.fixture
def real_urls(seeds, db):
    return sorted(LIST_URLS + [pattern.format(seeds[pattern][0]) for pattern in DETAIL_URLS])


numbers = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.just(10**400),
    st.floats(allow_nan=True, allow_infinity=True),
).map(str)
values = st.one_of(
    st.just(""),
    numbers,
    st.text(),
    st.text(max_size=5).map(lambda s: f"{s}\x00{s}"),
    st.sampled_from(["all_women", "open", "none", "-majority", "majority", "name", "last", "1"]),
    st.text(min_size=1000, max_size=3000),
)
keys = st.one_of(st.sampled_from(FILTER_KEYS), st.text(max_size=20))
pairs = st.lists(st.tuples(keys, values), max_size=12)
# Hand-written query strings: separators, bare keys, broken and overlong escapes.
raw_queries = st.text(
    alphabet=st.sampled_from(list("&=;%+?#/ ")) | st.sampled_from(list("qo0aF9ZéÿЖ\x00%"))
)


def encoded(query_pairs):
    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in query_pairs)


def assert_not_server_error(response, url):
    assert response.status_code < 500, f"{response.status_code} for {url!r}"


@given(path=st.sampled_from(LIST_URLS + DETAIL_URLS), query=pairs)
@FUZZ
def test_random_query_strings_never_fail(client, seeds, path, query):
    if "{}" in path:
        path = path.format(seeds[path][0])
    url = f"{path}?{encoded(query)}"
    assert_not_server_error(client.get(url), url)


@given(path=st.sampled_from(LIST_URLS), query=raw_queries)
@FUZZ
def test_malformed_query_strings_never_fail(client, seeds, path, query):
    url = f"{path}?{quote(query, safe='&=;%+?/ ')}"
    assert_not_server_error(client.get(url), url)


@given(path=st.sampled_from(["/constituencies/", "/constituencies.csv"]), key=keys, data=st.data())
@FUZZ
def test_repeated_keys_never_fail(client, seeds, path, key, data):
    repeated = data.draw(st.lists(values, min_size=2, max_size=30))
    url = f"{path}?{encoded((key, value) for value in repeated)}"
    assert_not_server_error(client.get(url), url)


slugs = st.one_of(
    st.text(min_size=1),
    st.from_regex(r"[-a-zA-Z0-9_]{1,300}", fullmatch=True),
    st.text(alphabet="-_aZ09", min_size=1000, max_size=5000),
)


@given(pattern=st.sampled_from(DETAIL_URLS), slug=slugs, quoted=st.booleans())
@FUZZ
def test_random_slugs_never_fail(client, seeds, pattern, slug, quoted):
    url = pattern.format(quote(slug, safe="") if quoted else slug)
    response = client.get(url)
    assert_not_server_error(response, url)
    # Unquoted, "#", "?" and "/" change which page is asked for.
    if quoted and "/" not in slug and slug not in seeds[pattern]:
        assert response.status_code in (301, 404), f"{response.status_code} for {url!r}"


form_data = st.dictionaries(st.text(max_size=20), st.one_of(values, st.lists(values, max_size=3)))


@given(data=form_data, index=st.integers(min_value=0))
@FUZZ
def test_posts_without_a_csrf_token_are_refused(real_urls, data, index):
    url = real_urls[index % len(real_urls)]
    response = Client(enforce_csrf_checks=True).post(url, data)
    assert response.status_code in (403, 405), f"{response.status_code} for POST {url!r}"


VIEWS = [url for url in LIST_URLS + DETAIL_URLS if url not in FEED_URLS]


@pytest.mark.parametrize("pattern", VIEWS)
@given(data=form_data)
@settings(FUZZ, max_examples=20)
def test_posts_that_reach_a_view_are_not_allowed(client, seeds, pattern, data):
    url = pattern.format(seeds[pattern][0]) if "{}" in pattern else pattern
    response = client.post(url, data)
    assert response.status_code == 405, f"{response.status_code} for POST {url!r}"


@pytest.mark.parametrize("pattern", sorted(FEED_URLS))
def test_feeds_refuse_posts_that_reach_them(client, seeds, pattern):
    url = pattern.format(seeds[pattern][0]) if "{}" in pattern else pattern
    assert client.post(url, {"a": "b"}).status_code == 405
