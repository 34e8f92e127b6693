"""What the tracker shows is what its sources say, and an editor's correction stays done:
candidacies move forward with later reports, statements are verbatim and keep their
identity when an editor corrects them and their article changes."""

import datetime
import re
from html import unescape
from pathlib import Path

import pytest

from constituencies.ingest.pipeline import run
from constituencies.models import Article, Candidacy, Majority, Statement

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
QUOTED = re.compile(r"“([^”]*)”")

TIPPED = (
    "Councillor Bell Ribeiro-Addy is tipped to stand in Streatham, the seat held by Chuka Umunna."
)
SELECTED = "Labour has selected Bell Ribeiro-Addy as its candidate for Streatham."
WITHDRAWN = "Bell Ribeiro-Addy has withdrawn from the race in Streatham."
STATEMENT = (
    "Wigan CLP said: “We are disappointed in Lisa Nandy.” It added: “Lisa Nandy should resign "
    "her seat and fight a by-election.”"
)
MAJORITY = "Lisa Nandy held Wigan with a majority of 16,027 in 2017."


def write(folder, name, *paragraphs):
    path = folder / name
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def load(*paths):
    report = run(paths)
    assert not report.failures
    return report


def candidacy():
    return Candidacy.objects.get(person__name="Bell Ribeiro-Addy", constituency__name="Streatham")


def test_a_later_report_moves_a_candidacy_forward(tmp_path):
    load(write(tmp_path, "a.txt", TIPPED))
    assert candidacy().status == Candidacy.Status.TIPPED
    load(write(tmp_path, "b.txt", SELECTED))
    assert candidacy().status == Candidacy.Status.SELECTED
    # Read again, the older report moves nothing back.
    load(write(tmp_path, "a.txt", TIPPED, "More follows."))
    assert candidacy().status == Candidacy.Status.SELECTED


def test_an_ending_ends_a_candidacy_and_nothing_moves_it_after(tmp_path):
    load(write(tmp_path, "a.txt", TIPPED), write(tmp_path, "b.txt", WITHDRAWN))
    assert candidacy().status == Candidacy.Status.WITHDRAWN
    load(write(tmp_path, "c.txt", SELECTED))
    assert candidacy().status == Candidacy.Status.WITHDRAWN


def test_an_older_report_does_not_end_a_candidacy_a_newer_one_advanced(tmp_path):
    load(write(tmp_path, "june.txt", SELECTED))
    Article.objects.filter(filename="june.txt").update(published=datetime.date(2019, 6, 1))
    march = write(tmp_path, "march.txt", WITHDRAWN)
    load(march)
    # The March article is only now dated: read again, its withdrawal predates the selection.
    Candidacy.objects.update(status=Candidacy.Status.SELECTED)
    Article.objects.filter(filename="march.txt").update(published=datetime.date(2019, 3, 1))
    load(write(tmp_path, "march.txt", WITHDRAWN, "Updated."))
    assert candidacy().status == Candidacy.Status.SELECTED


def test_an_editors_status_is_kept_whatever_later_reports_say(tmp_path):
    load(write(tmp_path, "a.txt", TIPPED))
    Candidacy.objects.update(status=Candidacy.Status.APPLIED, edited_fields=["status"])
    load(write(tmp_path, "b.txt", SELECTED))
    assert candidacy().status == Candidacy.Status.APPLIED


def test_a_corrected_statement_survives_its_article_changing(tmp_path):
    path = write(tmp_path, "wigan.txt", STATEMENT)
    load(path)
    statement = Statement.objects.get()
    statement.text = "“We are disappointed in Lisa Nandy.”"
    statement.edited_fields = ["text"]
    statement.save()

    load(write(tmp_path, "wigan.txt", "Updated at noon.", STATEMENT))

    (kept,) = Statement.objects.all()
    assert kept.pk == statement.pk
    assert kept.text == "“We are disappointed in Lisa Nandy.”"
    article = Article.objects.get(filename="wigan.txt")
    evidence = list(kept.evidence.all())
    assert evidence and all(e.article == article for e in evidence)
    assert all(article.text[e.start : e.end] == e.quote for e in evidence)


def test_a_corrected_speaker_and_seat_do_not_bring_back_a_copy(tmp_path):
    load(write(tmp_path, "wigan.txt", STATEMENT))
    statement = Statement.objects.get()
    statement.by_clp = False
    statement.constituency = None
    statement.edited_fields = ["by_clp", "constituency"]
    statement.save()
    load(write(tmp_path, "wigan.txt", STATEMENT, "Lisa Nandy did not comment."))
    assert list(Statement.objects.values_list("pk", "constituency", "by_clp")) == [
        (statement.pk, None, False)
    ]


def test_a_corrected_candidacy_survives_its_article_changing(tmp_path):
    load(write(tmp_path, "a.txt", TIPPED))
    Candidacy.objects.update(description="Lambeth councillor", edited_fields=["description"])
    load(write(tmp_path, "a.txt", "Updated.", TIPPED))
    (kept,) = Candidacy.objects.all()
    assert kept.description == "Lambeth councillor"
    assert kept.evidence.count() == 1


def test_a_corrected_key_field_survives_its_article_changing(tmp_path):
    load(write(tmp_path, "a.txt", MAJORITY))
    Majority.objects.update(majority=16007, edited_fields=["majority"])
    load(write(tmp_path, "a.txt", "Updated.", MAJORITY))
    assert list(Majority.objects.values_list("majority", flat=True)) == [16007]
    assert Majority.objects.get().evidence.count() == 1


def test_everything_in_quotation_marks_is_a_span_of_its_article():
    load(SEEDS)
    statements = Statement.objects.prefetch_related("evidence__article")
    assert statements
    for statement in statements:
        texts = {e.article.text for e in statement.evidence.all()}
        for part in statement.text.split(" … "):
            assert any(part.strip("“”") in text for text in texts), part
            for quoted in QUOTED.findall(part):
                assert any(quoted in text for text in texts), quoted


def test_a_body_that_has_not_spoken_is_not_credited_with_its_officers_words():
    load(SEEDS)
    by_ilford_south = Statement.objects.filter(organisation__name="Ilford South CLP")
    (statement,) = by_ilford_south
    assert statement.speaker is None
    assert not statement.by_clp
    assert statement.attribution == "The campaign coordinator of Ilford South CLP"
    assert statement.text.startswith("said\xa0Mike Gapes is a “principled man")


def quoted_on(html):
    """What stands in quotation marks in a page's statements and seat-table excerpts."""
    blocks = re.findall(
        r'class="(?:statement__text|seat-table__statement)">(.*?)</(?:p|td)>', html, re.S
    )
    return [quote for block in blocks for quote in QUOTED.findall(unescape(block))]


def test_pages_feeds_and_exports_quote_only_what_articles_say(client):
    load(SEEDS)
    texts = list(Article.objects.values_list("text", flat=True))
    pages = ["/", "/constituencies/"] + [
        f"/constituencies/{slug}/"
        for slug in Statement.objects.values_list("constituency__slug", flat=True)
        if slug
    ]
    quoted = []
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200
        quoted += quoted_on(response.content.decode())
    feed = unescape(unescape(client.get("/feeds/latest/").content.decode()))
    quoted += QUOTED.findall(feed)
    export = client.get("/constituencies.json").json()
    quoted += [
        q
        for seat in export["constituencies"]
        for statement in seat.get("statements", [])
        for q in QUOTED.findall(statement["text"])
    ]
    assert len(quoted) > 10
    for quote in quoted:
        assert any(quote.removesuffix("…") in text for text in texts), quote


def test_deleting_an_article_takes_the_facts_only_it_supported(admin_client, tmp_path):
    load(write(tmp_path, "a.txt", TIPPED, MAJORITY), write(tmp_path, "b.txt", MAJORITY))
    Candidacy.objects.update(description="Lambeth councillor", edited_fields=["description"])
    load(write(tmp_path, "c.txt", STATEMENT))
    doomed = Article.objects.get(filename="c.txt")
    article = Article.objects.get(filename="a.txt")

    response = admin_client.post(
        f"/admin/constituencies/article/{doomed.pk}/delete/", {"post": "yes"}, follow=True
    )
    assert "Removed 1 facts that only the deleted articles supported." in response.text
    assert not Statement.objects.exists()
    admin_client.post(f"/admin/constituencies/article/{article.pk}/delete/", {"post": "yes"})
    # The edited candidacy stays, without sources; the majority another article states stays.
    assert list(Candidacy.objects.values_list("description", flat=True)) == ["Lambeth councillor"]
    assert Majority.objects.get().evidence.get().article.filename == "b.txt"
