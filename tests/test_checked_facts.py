"""Readers can tell checked facts from machine-read ones, and can ask for checked ones only.

A fact is checked when an editor confirmed it or added it (`models.CHECKED`); any other
shown fact is machine-read. Every page, feed and download marks each fact it shows, and
`?checked=1` (`export_tracker --checked-only`) leaves the machine-read ones out.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from constituencies import models, pagecache
from constituencies.models import Origin, Review

from . import factories as f

pytestmark = pytest.mark.django_db

CONFIRMED = "Confirmed by an editor"
ADDED = "Added by an editor"
UNCHECKED = "Machine-read, not yet checked"
ATOM = "{http://www.w3.org/2005/Atom}"

TEXT = (
    "Chuka Umunna, MP for Streatham, quit Labour. "
    "Bell Ribeiro-Addy is tipped for Streatham. "
    "Rumoured Rival is tipped too. "
    "The CLP said: “We want a by-election.” "
    "A member said: “Machine words.” "
    "His majority was 26,285 in 2017. "
    "Angela Smith holds Penistone and Stocksbridge."
)


def span(quote):
    start = TEXT.index(quote)
    return start, start + len(quote)


def sourced(fact, article, quote):
    f.add_evidence(fact, article, *span(quote))
    return fact


@pytest.fixture
def seats():
    """Streatham, its record confirmed, with a confirmed and a machine-read fact of each
    kind and a majority an editor added; Penistone, its record and facts machine-read."""
    article = f.ArticleFactory(title="Checked or not", slug="checked-or-not", text=TEXT)
    labour = f.OrganisationFactory(name="Labour")
    tig = f.OrganisationFactory(name="The Independent Group")
    chuka = f.PersonFactory(
        name="Chuka Umunna", slug="chuka-umunna", description="a former shadow minister"
    )
    streatham = sourced(
        f.ConstituencyFactory(
            name="Streatham", slug="streatham", mp=chuka, review=Review.CONFIRMED
        ),
        article,
        "Chuka Umunna, MP for Streatham",
    )
    move = sourced(
        f.PartyMoveFactory(person=chuka, from_party=labour, to_group=tig, constituency=streatham),
        article,
        "quit Labour",
    )
    bell = f.PersonFactory(name="Bell Ribeiro-Addy", slug="bell-ribeiro-addy")
    confirmed = {
        "candidacy": sourced(
            f.CandidacyFactory(person=bell, constituency=streatham, review=Review.CONFIRMED),
            article,
            "Bell Ribeiro-Addy is tipped for Streatham",
        ),
        "statement": sourced(
            f.StatementFactory(
                constituency=streatham,
                speaker=None,
                text="We want a by-election.",
                review=Review.CONFIRMED,
            ),
            article,
            "We want a by-election.",
        ),
        "shortlist": f.ShortlistDecisionFactory(
            constituency=streatham, kind="open", firmness="agreed", review=Review.CONFIRMED
        ),
        "role": f.RoleFactory(person=bell, title="chief of staff", review=Review.CONFIRMED),
    }
    added = f.MajorityFactory(
        constituency=streatham, year=2015, majority=8000, origin=Origin.EDITOR
    )
    rival = f.PersonFactory(name="Rumoured Rival", slug="rumoured-rival")
    unchecked = {
        "candidacy": sourced(
            f.CandidacyFactory(person=rival, constituency=streatham),
            article,
            "Rumoured Rival is tipped too",
        ),
        "statement": sourced(
            f.StatementFactory(constituency=streatham, speaker=bell, text="Machine words."),
            article,
            "Machine words.",
        ),
        "shortlist": f.ShortlistDecisionFactory(constituency=streatham, kind="all_women"),
        "majority": sourced(
            f.MajorityFactory(constituency=streatham, year=2017, majority=26285),
            article,
            "His majority was 26,285 in 2017",
        ),
        "role": f.RoleFactory(person=bell, title="councillor"),
        "move": move,
    }
    f.CandidacyFactory(
        person=f.PersonFactory(name="Rejected Rival"),
        constituency=streatham,
        origin=Origin.EDITOR,
        review=Review.REJECTED,
    )
    angela = f.PersonFactory(name="Angela Smith", slug="angela-smith", description="the MP")
    penistone = sourced(
        f.ConstituencyFactory(
            name="Penistone and Stocksbridge", slug="penistone-and-stocksbridge", mp=angela
        ),
        article,
        "Angela Smith holds Penistone and Stocksbridge",
    )
    f.ShortlistDecisionFactory(constituency=penistone, kind="all_women")
    f.CandidacyFactory(person=f.PersonFactory(name="Penistone Hopeful"), constituency=penistone)
    return {
        "article": article,
        "streatham": streatham,
        "penistone": penistone,
        "confirmed": confirmed,
        "added": added,
        "unchecked": unchecked,
    }


def element(body, element_id):
    """The HTML of the element with `element_id`, up to where the next fact begins."""
    start = body.index(f'id="{element_id}"')
    following = re.search(
        r'id="(candidate|statement|majority|shortlist|role|party-move)-', body[start + 4 :]
    )
    return body[start : start + 4 + following.start()] if following else body[start:]


def csv_rows(response):
    return {row["name"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}


def export(*options):
    out = io.StringIO()
    call_command("export_tracker", *options, stdout=out)
    return json.loads(out.getvalue())


def marked_records(data):
    """Every record in an export that carries provenance."""
    if isinstance(data, dict):
        if "review" in data:
            yield data
        for value in data.values():
            yield from marked_records(value)
    elif isinstance(data, list):
        for value in data:
            yield from marked_records(value)


# --- The rule ------------------------------------------------------------------------


@pytest.mark.parametrize("origin", Origin.values)
@pytest.mark.parametrize("review", Review.values)
def test_checked_means_confirmed_or_added_by_an_editor_and_never_rejected(origin, review):
    seat = f.ConstituencyFactory(origin=origin, review=review)
    expected = review == Review.CONFIRMED or (origin == Origin.EDITOR and review != Review.REJECTED)
    assert seat.is_checked is expected
    assert models.Constituency.objects.checked().filter(pk=seat.pk).exists() is expected


# --- Seat page -----------------------------------------------------------------------


def test_seat_page_marks_each_fact_checked_or_machine_read(client, seats):
    body = client.get("/constituencies/streatham/").content.decode()
    confirmed, unchecked = seats["confirmed"], seats["unchecked"]
    assert CONFIRMED in element(body, f"candidate-{confirmed['candidacy'].pk}")
    assert UNCHECKED in element(body, f"candidate-{unchecked['candidacy'].pk}")
    assert CONFIRMED in element(body, f"statement-{confirmed['statement'].pk}")
    assert UNCHECKED in element(body, f"statement-{unchecked['statement'].pk}")
    assert UNCHECKED in element(body, f"majority-{unchecked['majority'].pk}")
    assert ADDED in element(body, f"majority-{seats['added'].pk}")
    assert CONFIRMED in element(body, f"shortlist-{confirmed['shortlist'].pk}")
    assert UNCHECKED in element(body, f"shortlist-{unchecked['shortlist'].pk}")
    # Checked facts look different, not in words alone.
    checked_mark = element(body, f"candidate-{confirmed['candidacy'].pk}")
    assert 'class="fact-status fact-status--checked"' in checked_mark
    assert "fact-status--unchecked" not in checked_mark
    assert 'class="fact-status fact-status--unchecked"' in element(
        body, f"candidate-{unchecked['candidacy'].pk}"
    )


def test_every_fact_on_a_seat_page_carries_a_mark(client, seats):
    body = client.get("/constituencies/streatham/").content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    ids = re.findall(r'id="((?:candidate|statement|majority|shortlist|event)-\d+)"', main)
    assert len(ids) >= 8
    for fact_id in ids:
        assert 'class="fact-status' in element(main, fact_id), fact_id


def test_seat_page_with_checked_facts_only_leaves_out_machine_read_ones(client, seats):
    body = client.get("/constituencies/streatham/?checked=1").content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    assert "Bell Ribeiro-Addy" in main and "We want a by-election." in main
    assert "8,000" in main and ADDED in main
    assert "Rumoured Rival" not in main
    assert "Machine words." not in main
    assert "26,285" not in main
    assert "All-women shortlist" not in main
    assert UNCHECKED not in main
    assert "Chuka Umunna" in main  # the seat's record, which names the MP, is confirmed
    assert "Show every fact" in main
    # Without the parameter every public fact is back; the rejected one never.
    everything = client.get("/constituencies/streatham/").content.decode()
    assert "Rumoured Rival" in everything and "26,285" in everything
    assert "Rejected Rival" not in everything


def test_an_unchecked_seat_record_keeps_its_mp_out_of_the_checked_view(client, seats):
    body = client.get("/constituencies/penistone-and-stocksbridge/?checked=1").content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    assert "Angela Smith" not in main
    assert "No editor has checked yet which MP the sources name." in main
    assert "No checked candidates yet." in main
    everything = client.get("/constituencies/penistone-and-stocksbridge/").content.decode()
    assert "Angela Smith" in everything and "Penistone Hopeful" in everything


# --- Person page ---------------------------------------------------------------------


def test_person_page_marks_facts_and_can_show_checked_ones_only(client, seats):
    body = client.get("/people/bell-ribeiro-addy/").content.decode()
    assert CONFIRMED in element(body, f"role-{seats['confirmed']['role'].pk}")
    assert UNCHECKED in element(body, f"role-{seats['unchecked']['role'].pk}")
    assert UNCHECKED in element(body, f"statement-{seats['unchecked']['statement'].pk}")
    checked = client.get("/people/bell-ribeiro-addy/?checked=1").content.decode()
    main = checked[checked.index("<main") : checked.index("</main>")]
    assert "Chief of staff" in main and "Possible candidate" in main
    assert "Councillor" not in main and "Machine words." not in main


def test_checked_view_of_a_person_leaves_out_what_their_unchecked_record_says(client, seats):
    assert "former shadow minister" in client.get("/people/chuka-umunna/").content.decode()
    body = client.get("/people/chuka-umunna/?checked=1").content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    assert "former shadow minister" not in main
    assert "left Labour" not in main  # the party move is machine-read
    assert "MP</strong> for" in main  # Streatham's record, which names him, is confirmed


@pytest.mark.parametrize(
    "url", ["/constituencies/streatham/", "/people/chuka-umunna/", "/constituencies.csv"]
)
@pytest.mark.parametrize("value", ["maybe", "2", "yes please"])
def test_a_checked_value_that_is_neither_yes_nor_no_is_a_clear_error(client, seats, url, value):
    response = client.get(f"{url}?checked={value}")
    assert response.status_code == 400
    assert response.content.decode() == "checked: Give 1 for yes or 0 for no.\n"


@pytest.mark.parametrize("value", ["0", "false", "no", ""])
def test_checked_no_shows_every_fact(client, seats, value):
    body = client.get(f"/constituencies/streatham/?checked={value}").content.decode()
    assert "Rumoured Rival" in body


# --- Lists ---------------------------------------------------------------------------


def test_seat_list_marks_the_facts_in_each_row(client, seats):
    body = client.get("/constituencies/?q=streatham").content.decode()
    row = body[body.index("<tbody>") : body.index("</tbody>")]
    # The seat's record (its MP) is confirmed; the MP's party move and the newest
    # statement are machine-read; the shortlist shown (a firm "open") is confirmed.
    assert re.search(r"Chuka Umunna</a> <span class=\"fact-status fact-status--checked\">", row)
    assert re.search(r"Machine words.*?fact-status--unchecked", row, re.S)
    assert re.search(
        r"Open to men and women</span> <span class=\"fact-status fact-status--checked", row
    )


def test_seat_list_filter_keeps_to_checked_facts(client, seats):
    all_women = client.get("/constituencies/?shortlist=all_women").content.decode()
    assert "Penistone and Stocksbridge" in all_women
    checked = client.get("/constituencies/?shortlist=all_women&checked=1").content.decode()
    assert "Penistone and Stocksbridge" not in checked.split("<tbody>")[1]
    body = client.get("/constituencies/?q=streatham&checked=1").content.decode()
    row = body[body.index("<tbody>") : body.index("</tbody>")]
    assert "We want a by-election." in row and "Machine words." not in row
    assert "fact-status--unchecked" not in row
    assert 'name="checked" value="1"' in body and "checked" in body
    assert re.search(r'<input type="checkbox" name="checked" value="1"[^>]* checked', body)


def test_the_filter_form_offers_checked_facts_only(client, seats):
    for url in ("/", "/constituencies/"):
        body = client.get(url).content.decode()
        assert re.search(r'<input type="checkbox" name="checked" value="1"', body), url
        assert "Checked facts only" in body


def test_a_bad_checked_value_is_a_form_error_on_the_list(client, seats):
    response = client.get("/constituencies/?checked=maybe")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Checked facts only: Give 1 for yes or 0 for no." in body
    assert "No seats match" in body


# --- Downloads -----------------------------------------------------------------------


def test_csv_says_whether_each_fact_was_checked(client, seats):
    rows = csv_rows(client.get("/constituencies.csv"))
    streatham, penistone = rows["Streatham"], rows["Penistone and Stocksbridge"]
    assert streatham["mp_checked"] == "yes" and penistone["mp_checked"] == "no"
    assert streatham["party_checked"] == "no"
    assert streatham["majority_checked"] == "no"  # 26,285 in 2017, machine-read
    assert streatham["shortlist_checked"] == "yes"
    assert penistone["shortlist_checked"] == "no"


def test_csv_with_checked_facts_only(client, seats):
    rows = csv_rows(client.get("/constituencies.csv?checked=1"))
    streatham, penistone = rows["Streatham"], rows["Penistone and Stocksbridge"]
    assert (streatham["candidates"], streatham["statements"]) == ("1", "1")
    assert (streatham["latest_majority"], streatham["majority_year"]) == ("8000", "2015")
    assert streatham["majority_checked"] == "yes"
    assert streatham["party"] == "" and streatham["party_checked"] == ""
    assert penistone["mp"] == "" and penistone["mp_checked"] == ""
    assert penistone["shortlist"] == "" and penistone["candidates"] == "0"
    everything = csv_rows(client.get("/constituencies.csv"))["Streatham"]
    assert (everything["candidates"], everything["statements"]) == ("2", "2")


def test_json_marks_every_fact_and_keeps_its_shape(client, seats):
    data = json.loads(client.get("/constituencies.json").content)
    streatham = next(s for s in data["constituencies"] if s["slug"] == "streatham")
    records = list(marked_records(data))
    assert len(records) >= 10
    for record in records:
        assert record["checked"] == (
            record["review"] == "confirmed" or record["origin"] == "editor"
        ), record
    candidates = {c["name"]: c["checked"] for c in streatham["candidates"]}
    assert candidates == {"Bell Ribeiro-Addy": True, "Rumoured Rival": False}
    assert streatham["shortlist"]["checked"] is True
    assert streatham["mp"] == {
        "name": "Chuka Umunna",
        "party": "The Independent Group",
        "former_party": "Labour",
        "checked": True,
        "party_checked": False,
    }


def test_json_with_checked_facts_only(client, seats):
    data = json.loads(client.get("/constituencies.json?checked=1").content)
    seats_by_slug = {s["slug"]: s for s in data["constituencies"]}
    streatham = seats_by_slug["streatham"]
    assert [c["name"] for c in streatham["candidates"]] == ["Bell Ribeiro-Addy"]
    assert [s["text"] for s in streatham["statements"]] == ["We want a by-election."]
    assert [m["majority"] for m in streatham["majorities"]] == [8000]
    assert [s["type"] for s in streatham["shortlists"]] == ["open"]
    assert seats_by_slug["penistone-and-stocksbridge"]["mp"] is None
    assert all(r["checked"] for r in marked_records(streatham["candidates"]))


def test_export_tracker_marks_every_record(seats):
    data = export()
    records = list(marked_records(data))
    assert {r["checked"] for r in records} == {True, False}
    for record in records:
        assert record["checked"] == (
            record["review"] == "confirmed" or record["origin"] == "editor"
        ), record


def test_export_tracker_checked_only(seats):
    data = export("--checked-only")
    streatham = next(s for s in data["constituencies"] if s["slug"] == "streatham")
    assert [c["name"] for c in streatham["candidates"]] == ["Bell Ribeiro-Addy"]
    assert [m["majority"] for m in streatham["majorities"]] == [8000]
    bell = next(p for p in data["people"] if p["slug"] == "bell-ribeiro-addy")
    assert [r["title"] for r in bell["roles"]] == ["chief of staff"]
    chuka = next(p for p in data["people"] if p["slug"] == "chuka-umunna")
    assert chuka["description"] == "" and chuka["party_moves"] == []
    penistone = next(s for s in data["constituencies"] if s["slug"] == "penistone-and-stocksbridge")
    assert penistone["mp"] is None and penistone["candidates"] == []
    facts = [
        record
        for seat in data["constituencies"]
        for kind in ("majorities", "shortlists", "candidates", "statements", "events")
        for record in seat[kind]
    ] + [record for person in data["people"] for record in person["roles"] + person["party_moves"]]
    assert facts and all(record["checked"] for record in facts)


def test_export_tracker_refuses_checked_only_with_everything(seats):
    with pytest.raises(CommandError, match="not allowed with argument"):
        call_command("export_tracker", "--everything", "--checked-only", stdout=io.StringIO())


# --- Feeds and article pages -----------------------------------------------------------


def test_feed_entries_say_whether_an_editor_checked_them(client, seats):
    feed = ET.fromstring(client.get("/feeds/latest/").content)
    entries = {entry.find(f"{ATOM}title").text: entry for entry in feed.iter(f"{ATOM}entry")}
    confirmed = entries["Bell Ribeiro-Addy, possible candidate for Streatham (rumoured or tipped)"]
    unchecked = entries["Rumoured Rival, possible candidate for Streatham (rumoured or tipped)"]
    assert [c.get("term") for c in confirmed.iter(f"{ATOM}category")] == [CONFIRMED]
    assert [c.get("term") for c in unchecked.iter(f"{ATOM}category")] == [UNCHECKED]
    assert confirmed.find(f"{ATOM}summary").text.endswith("Confirmed by an editor.")
    assert "not yet checked by an editor" in unchecked.find(f"{ATOM}summary").text
    added = entries["Streatham: majority of 8,000 in 2015"]
    assert [c.get("term") for c in added.iter(f"{ATOM}category")] == [ADDED]


def test_article_page_marks_the_facts_each_passage_supports(client, seats):
    body = client.get("/articles/checked-or-not/").content.decode()
    facts = body[body.index('class="article-facts"') :]
    mark = '</a> <span class="fact-status fact-status--{}">'
    assert re.search("Bell Ribeiro-Addy, possible candidate.*?" + mark.format("checked"), facts)
    assert re.search("Rumoured Rival, possible candidate.*?" + mark.format("unchecked"), facts)


# --- What the site says about itself ---------------------------------------------------


def test_the_footer_says_what_is_and_is_not_checked(client, seats):
    body = client.get("/").content.decode()
    footer = body[body.index("<footer") :]
    assert "Editors review the facts read from articles" not in footer
    assert "Machine-read, not yet checked" in footer and "Confirmed by an editor" in footer
    assert 'href="/constituencies/?checked=1"' in footer
    intro = body[body.index('class="intro"') : body.index("</div>", body.index('class="intro"'))]
    assert "Every fact links to the sentence" not in intro


def test_the_footers_marks_are_the_ones_pages_use(client, seats):
    """The footer names three marks; pages show exactly those, and no fact goes unmarked."""
    body = client.get("/constituencies/streatham/").content.decode()
    marks = set(
        re.findall(r'fact-status__symbol" aria-hidden="true">.</span> ([^<]+)</span>', body)
    )
    assert marks == {CONFIRMED, ADDED, UNCHECKED}
    footer = body[body.index("<footer") :]
    for mark in marks:
        assert f"“{mark}”" in footer


@pytest.mark.django_db(transaction=True)
def test_the_page_cache_keeps_the_checked_view_apart(seats):
    pagecache.store.clear()
    visitor = Client()
    try:
        everything = visitor.get("/constituencies/streatham/").content.decode()
        checked = visitor.get("/constituencies/streatham/?checked=1").content.decode()
        assert len(pagecache.store) == 2
        assert "Rumoured Rival" in everything and "Rumoured Rival" not in checked
        assert visitor.get("/constituencies/streatham/").content.decode() == everything
    finally:
        pagecache.store.clear()
