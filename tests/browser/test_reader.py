"""A reader and an editor use the site in Chromium, as a person would."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from constituencies.permissions import ensure_editors_group

PAGES = {
    "home": "/",
    "constituency-list": "/constituencies/",
    "constituency": "/constituencies/liverpool-wavertree/",
    "person": "/people/chuka-umunna/",
    "article": "/articles/000_b52b8b1d5d8e0d4b/",
}


def test_reader_filters_opens_a_seat_and_follows_a_source(page, live_server, seeded):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.get_by_label("All-women shortlist").check()
    page.get_by_label("Majority at most").fill("5000")
    page.get_by_role("button", name=re.compile("filter|apply|show", re.I)).first.click()

    results = page.get_by_role("main")
    expect(results.get_by_role("link", name="Penistone and Stocksbridge")).to_be_visible()
    expect(results.get_by_role("link", name="Streatham", exact=True)).to_have_count(0)
    assert "majority_max=5000" in page.url and "shortlist=all_women" in page.url

    results.get_by_role("link", name="Penistone and Stocksbridge").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Penistone and Stocksbridge")
    expect(page.get_by_text("1,322").first).to_be_visible()

    source = page.locator("a[href*='#span-']").first
    source.click()
    page.wait_for_url(re.compile(r"/articles/[^/]+/#span-\d+-\d+$"))
    target = page.locator(":target")
    expect(target).to_have_count(1)
    expect(target).to_be_visible()
    anchor = page.url.rsplit("#", 1)[1]
    assert target.get_attribute("id") == anchor or anchor in (target.get_attribute("id") or "")
    assert target.evaluate("node => node.closest('mark') !== null || node.tagName === 'MARK'")


def test_editor_changes_a_status_and_sees_it_in_public_and_in_history(page, live_server, seeded):
    users = get_user_model().objects
    editor = users.create_user("ed", password="browser-test-pw-1", is_staff=True)
    editor.groups.add(ensure_editors_group())

    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("ed")
    page.get_by_label("Password").fill("browser-test-pw-1")
    page.get_by_role("button", name="Log in").click()

    page.goto(live_server.url + "/admin/constituencies/candidacy/?q=Paula+Barker")
    page.get_by_role("link", name=re.compile("Paula Barker")).first.click()
    page.get_by_label("Status").select_option("selected")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(live_server.url + "/constituencies/liverpool-wavertree/")
    card = page.get_by_role("main").locator("li, article, tr").filter(has_text="Paula Barker").first
    expect(card).to_contain_text("Selected")

    page.goto(live_server.url + "/admin/constituencies/candidacy/?q=Paula+Barker")
    page.get_by_role("link", name=re.compile("Paula Barker")).first.click()
    page.get_by_role("link", name="History").click()
    latest = page.locator("#change-history tbody tr").first
    expect(latest).to_contain_text("ed")
    expect(latest).to_contain_text(re.compile("selected", re.I))


@pytest.mark.parametrize("name", PAGES)
def test_pages_have_no_serious_accessibility_violations(
    page, live_server, seeded, axe_violations, screenshot, name
):
    page.goto(live_server.url + PAGES[name])
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot(page, name)
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 375, "height": 740})
    assert axe_violations(page) == []
