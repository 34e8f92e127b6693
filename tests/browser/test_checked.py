"""A reader sees which facts an editor checked, and can keep to those, in Chromium."""

import pytest
from playwright.sync_api import expect

from constituencies.models import Candidacy, Constituency, Review

SEAT = "/constituencies/liverpool-wavertree/"


@pytest.fixture
def some_confirmed(seeded):
    """The seeds as loaded (all machine-read), with the seat's record and one of its
    candidacies confirmed by an editor."""
    seat = Constituency.objects.get(slug="liverpool-wavertree")
    seat.review = Review.CONFIRMED
    seat.save()
    candidacy = Candidacy.objects.filter(constituency=seat).order_by("person__name").first()
    candidacy.review = Review.CONFIRMED
    candidacy.save()
    return candidacy


def test_checked_and_machine_read_facts_look_different(page, live_server, some_confirmed):
    page.goto(live_server.url + SEAT)
    card = page.locator(f"#candidate-{some_confirmed.pk}")
    checked = card.locator(".fact-status")
    expect(checked).to_have_text("✓ Confirmed by an editor")
    unchecked = page.get_by_role("main").locator(".fact-status--unchecked").first
    expect(unchecked).to_have_text("? Machine-read, not yet checked")
    # Not colour alone: the words, the symbol and the border's style all differ.
    styles = [
        mark.evaluate("node => getComputedStyle(node).borderTopStyle")
        for mark in (checked, unchecked)
    ]
    assert styles == ["solid", "dashed"]


def test_reader_keeps_to_checked_facts(
    page, live_server, some_confirmed, axe_violations, screenshot
):
    page.goto(live_server.url + "/constituencies/")
    page.get_by_label("Checked facts only").check()
    page.get_by_role("button", name="Show seats").click()
    assert "checked=1" in page.url
    expect(page.get_by_label("Checked facts only")).to_be_checked()
    screenshot(page, "constituency-list-checked")
    assert axe_violations(page) == []

    page.goto(live_server.url + SEAT)
    page.get_by_role("link", name="Show checked facts only").click()
    main = page.get_by_role("main")
    expect(main.locator(".card")).to_have_count(1)
    expect(main.locator(".fact-status--unchecked")).to_have_count(0)
    expect(main.get_by_text(some_confirmed.person.name).first).to_be_visible()
    screenshot(page, "constituency-checked")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Show every fact").click()
    expect(main.locator(".fact-status--unchecked").first).to_be_visible()
    assert axe_violations(page) == []
