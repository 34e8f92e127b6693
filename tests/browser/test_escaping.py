"""The hostile article's markup does not run in Chromium, with or without the CSP.

Every page that shows the article's markup is opened twice: once as a reader's browser
sees it, with the Content-Security-Policy enforced, and once with the policy ignored, so
that escaping alone is shown to keep the payloads inert. A payload that ran would open
an alert dialog or set `window.__pwned`; one that reached the page and was stopped only
by the policy would raise a `securitypolicyviolation` event.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from constituencies.models import Candidacy, Event, Person, Statement
from tests.browser.conftest import DESKTOP
from tests.test_escaping import FEEDS, PAGES, PROBE, SCRIPT, load_hostile_article

WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def hostile(transactional_db, tmp_path):
    return load_hostile_article(tmp_path)


@pytest.fixture(params=["csp-enforced", "csp-bypassed"])
def tab(request, browser):
    """A page that records every dialog; in the bypassed case the CSP is ignored."""
    context = browser.new_context(viewport=DESKTOP, bypass_csp=request.param == "csp-bypassed")
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.dialogs = []

    def record(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    yield page
    context.close()


def log_in_as_superuser(page, live_server):
    user = get_user_model().objects.create_superuser("admin", password="browser-test-pw-2")
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def admin_urls():
    return [
        f"/admin/constituencies/{model._meta.model_name}/{pk}/change/"
        for model, pk in [
            (Statement, Statement.objects.get(organisation__slug="nottingham-east-clp").pk),
            (Event, Event.objects.get(description__contains="window.__pwned").pk),
            (Candidacy, Candidacy.objects.get(person__slug="fran-johnston").pk),
            (Person, Person.objects.get(slug="chuka-umunna").pk),
        ]
    ] + ["/admin/constituencies/article/", "/admin/constituencies/person/"]


def assert_nothing_ran(page, url):
    page.wait_for_load_state("load")
    # Give an onerror handler, which fires after the failed image load, time to run.
    page.wait_for_timeout(100)
    assert page.dialogs == [], f"{url}: dialog {page.dialogs}"
    assert page.evaluate("() => window.__pwned") is None, f"{url}: window.__pwned set"
    assert page.evaluate("() => window.__violations") == [], url
    assert page.locator("img[src='x'], svg[onload]").count() == 0, url


def test_an_injected_probe_would_be_seen(browser):
    """The probe is live: in a page without the policy the same markup, unescaped, runs."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_content(f"<p>{PROBE}</p>")
    page.wait_for_function("() => window.__pwned === 1", timeout=20_000)
    context.close()


def test_public_pages_and_feeds_run_no_markup(tab, live_server, hostile):
    for url in [*PAGES, *FEEDS]:
        response = tab.goto(live_server.url + url)
        assert response.ok, url
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
        assert_nothing_ran(tab, url)

    tab.goto(live_server.url + f"/articles/{hostile.slug}/")
    assert tab.get_by_text(SCRIPT).count() > 0


def test_admin_pages_run_no_markup(tab, live_server, hostile):
    log_in_as_superuser(tab, live_server)
    for url in [f"/admin/constituencies/article/{hostile.pk}/change/", *admin_urls()]:
        response = tab.goto(live_server.url + url)
        assert response.ok and "/login/" not in tab.url, url
        assert "content-security-policy" in response.headers, url
        assert_nothing_ran(tab, url)
