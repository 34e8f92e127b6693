"""Markup in articles is shown as text everywhere, never run.

One hostile article is loaded through `load_articles`, as any article would be. Its
markup reaches the title, a CLP's quoted statement and its source quote, a candidate's
description and an event's description; names are only taken from runs of capitalised
words, so markup never reaches a name through the extractor, and the tests put it
there the way an editor could, by renaming a person and an organisation.

HTML pages and feeds must show each payload escaped (`&lt;script&gt;`). The CSV and
JSON downloads are data, not markup: they must carry the text exactly, as a download
of a non-HTML type that no browser sniffs into a page.
"""

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.utils.html import escape as html_escaped

from constituencies.models import Article, Candidacy, Event, Organisation, Person, Statement

SCRIPT = "<script>alert(1)</script>"
STATEMENT_IMG = "<img src=x onerror=alert(2)>"
BREAKOUT = '"><svg onload=alert(3)>'
EVENT_IMG = "<img src=x onerror=alert(4)>"
DESCRIPTION = "<b>Local councillor"
PERSON_NAME = "Chuka <img src=x onerror=alert(5)> Umunna"
ORG_NAME = 'Nottingham East CLP"><svg onload=alert(6)>'
PROBE = "<img src=x onerror=window.__pwned=1>"

HOSTILE_ARTICLE = f"""\
Labour selects {SCRIPT} candidate in Streatham {PROBE}
Labour has begun the process of selecting a candidate to challenge Chuka Umunna in Streatham.
Umunna has a majority of 26,285 – up from the 13,934 majority he won in 2015.
Chris Leslie‘s CLP, Nottingham East, said: “We want a by-election {STATEMENT_IMG} now, with a \
candidate committed to our city {BREAKOUT} and its residents.”
{DESCRIPTION} Fran Johnston is expected to be selected in Streatham, backed by Unite.
Momentum is planning a day of action {EVENT_IMG} in Streatham next weekend {PROBE}.
Angela Smith, the MP for Penistone and Stocksbridge, beat her Tory challenger in 2017 by 1,322 \
votes.
"""

PAYLOADS = [SCRIPT, STATEMENT_IMG, BREAKOUT, EVENT_IMG, DESCRIPTION, PERSON_NAME, ORG_NAME, PROBE]


class InjectedMarkup(HTMLParser):
    """Elements the site never writes itself: an inline event handler, an inline script,
    or an <img src=x> (every payload's image). Parsed, so escaped text inside an
    attribute value (the search box, the admin's inputs) is not mistaken for a tag."""

    def __init__(self, body):
        super().__init__()
        self.found = []
        self.feed(body)
        self.close()

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        handlers = sorted(name for name in names if name.startswith("on"))
        if handlers or (tag == "script" and "src" not in names) or ("src", "x") in attrs:
            self.found.append(self.get_starttag_text())


def test_the_checks_see_raw_markup():
    for payload in PAYLOADS[:4] + PAYLOADS[5:]:
        assert InjectedMarkup(f"<p>{payload}</p>").found, payload
    assert InjectedMarkup(f'<input value="{html_escaped(PERSON_NAME)}">').found == []


def xml_escaped(text):
    """`text` as the feed generator (xml.sax.saxutils) writes it in an element."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def load_hostile_article(folder):
    """Load the hostile article from `folder`, then rename a person and a CLP as an editor
    could in the admin. Returns the article."""
    path = folder / "hostile.txt"
    path.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    call_command("load_articles", str(path), stdout=io.StringIO())
    for record, name in [
        (Person.objects.get(slug="chuka-umunna"), PERSON_NAME),
        (Organisation.objects.get(slug="nottingham-east-clp"), ORG_NAME),
    ]:
        record.name = name
        record.edited_fields = sorted({*record.edited_fields, "name"})
        record.save()
    return Article.objects.get(filename="hostile.txt")


@pytest.fixture
def hostile(db, tmp_path):
    return load_hostile_article(tmp_path)


def test_the_payloads_reach_the_facts(hostile):
    """If the extractor changes, this says which payload stopped reaching which field."""
    assert SCRIPT in hostile.title
    statement = Statement.objects.get(organisation__slug="nottingham-east-clp")
    assert STATEMENT_IMG in statement.text
    assert any(BREAKOUT in e.quote for e in statement.evidence.all())
    assert Candidacy.objects.get(person__slug="fran-johnston").description == DESCRIPTION
    assert Event.objects.filter(description__contains=EVENT_IMG).exists()


# Each page, and the payloads it must show (escaped).
PAGES = {
    "/": [PERSON_NAME],
    "/constituencies/": [PERSON_NAME],
    "/constituencies/?q=Streatham": [PERSON_NAME],
    "/constituencies/streatham/": [PERSON_NAME, DESCRIPTION, EVENT_IMG, PROBE],
    "/constituencies/nottingham-east/": [STATEMENT_IMG, ORG_NAME],
    "/people/chuka-umunna/": [PERSON_NAME],
    "/people/fran-johnston/": [DESCRIPTION],
    "/articles/": [SCRIPT, PROBE],
    "/articles/hostile/": [SCRIPT, STATEMENT_IMG, BREAKOUT, EVENT_IMG, DESCRIPTION, PROBE],
}


def assert_no_raw_markup(body):
    for payload in PAYLOADS:
        assert payload not in body, f"raw {payload!r}"
    assert InjectedMarkup(body).found == []


@pytest.mark.parametrize("url", PAGES)
def test_public_pages_show_markup_escaped(client, hostile, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert_no_raw_markup(body)
    for payload in PAGES[url]:
        assert html_escaped(payload) in body, f"{payload!r} not shown on {url}"


def test_a_search_for_markup_is_echoed_escaped(client, hostile):
    response = client.get("/constituencies/", {"q": BREAKOUT})
    body = response.content.decode()
    assert response.status_code == 200
    assert_no_raw_markup(body)
    assert html_escaped(BREAKOUT) in body


FEEDS = {
    "/feeds/latest/": [STATEMENT_IMG, ORG_NAME, EVENT_IMG, PROBE],
    "/constituencies/streatham/feed/": [EVENT_IMG, PROBE],
    "/constituencies/nottingham-east/feed/": [STATEMENT_IMG, ORG_NAME],
}


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_show_markup_escaped(client, hostile, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "xml" in response["Content-Type"]
    body = response.content.decode()
    for payload in PAYLOADS:
        assert payload not in body, f"raw {payload!r}"
    assert not re.search(r"<(?:script|img|svg|b)\b", body)
    for payload in FEEDS[url]:
        assert xml_escaped(payload) in body, f"{payload!r} not in {url}"


@pytest.mark.parametrize(
    "url, content_type",
    [("/constituencies.csv", "text/csv"), ("/constituencies.json", "application/json")],
)
def test_downloads_carry_the_text_exactly_and_are_never_a_page(client, hostile, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")


def test_csv_has_the_names_as_written(client, hostile):
    rows = list(csv.DictReader(io.StringIO(client.get("/constituencies.csv").content.decode())))
    assert {"name": "Streatham", "mp": PERSON_NAME}.items() <= next(
        row for row in rows if row["slug"] == "streatham"
    ).items()


def test_json_has_the_text_as_written(client, hostile):
    seats = {
        s["slug"]: s
        for s in json.loads(client.get("/constituencies.json").content)["constituencies"]
    }
    assert seats["streatham"]["mp"]["name"] == PERSON_NAME
    assert seats["streatham"]["candidates"][0]["description"] == DESCRIPTION
    statement = seats["nottingham-east"]["statements"][0]
    assert statement["organisation"] == ORG_NAME
    assert STATEMENT_IMG in statement["text"]
    assert BREAKOUT in statement["sources"][0]["quote"]
    assert any(EVENT_IMG in event["description"] for event in seats["streatham"]["events"])


def admin_pages(article):
    statement = Statement.objects.get(organisation__slug="nottingham-east-clp")
    event = Event.objects.get(description__contains=EVENT_IMG)
    candidacy = Candidacy.objects.get(person__slug="fran-johnston")
    person = Person.objects.get(slug="chuka-umunna")
    organisation = Organisation.objects.get(slug="nottingham-east-clp")
    return {
        f"/admin/constituencies/article/{article.pk}/change/": [SCRIPT, BREAKOUT, PROBE],
        f"/admin/constituencies/statement/{statement.pk}/change/": [STATEMENT_IMG, ORG_NAME],
        f"/admin/constituencies/event/{event.pk}/change/": [EVENT_IMG],
        f"/admin/constituencies/candidacy/{candidacy.pk}/change/": [DESCRIPTION],
        f"/admin/constituencies/person/{person.pk}/change/": [PERSON_NAME],
        f"/admin/constituencies/organisation/{organisation.pk}/change/": [ORG_NAME],
        "/admin/constituencies/article/": [SCRIPT],
        "/admin/constituencies/statement/": [ORG_NAME],
        "/admin/constituencies/event/": [EVENT_IMG],
        "/admin/constituencies/person/": [PERSON_NAME],
    }


def test_admin_pages_show_markup_escaped(admin_client, hostile):
    for url, payloads in admin_pages(hostile).items():
        response = admin_client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for payload in PAYLOADS:
            assert payload not in body, f"raw {payload!r} on {url}"
        assert InjectedMarkup(body).found == [], url
        for payload in payloads:
            assert html_escaped(payload) in body, f"{payload!r} not shown on {url}"
