"""export_tracker and import_tracker: the backup and restore path."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from constituencies import models

pytestmark = pytest.mark.django_db(transaction=True)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def export(*options):
    out = StringIO()
    call_command("export_tracker", *options, stdout=out)
    return out.getvalue()


def empty_the_database():
    call_command("flush", interactive=False, verbosity=0)


@pytest.mark.parametrize("options", [(), ("--everything",)], ids=["public", "everything"])
def test_restoring_an_export_gives_a_byte_identical_export(tmp_path, options):
    call_command("load_articles", str(SEEDS), stdout=StringIO())
    candidacy = models.Candidacy.objects.order_by("pk").first()
    candidacy.status, candidacy.edited_fields = "selected", ["status"]
    candidacy.save()
    person, seat = candidacy.person.slug, candidacy.constituency.slug
    models.Statement.objects.filter(pk=models.Statement.objects.order_by("pk").first().pk).update(
        review=models.Review.REJECTED
    )
    article = models.Article.objects.order_by("pk").first()
    article.title, article.edited_fields = "", ["title"]
    article.save()
    before = export(*options)
    backup = tmp_path / "backup.json"
    backup.write_text(before, encoding="utf-8")

    empty_the_database()
    out = StringIO()
    call_command("import_tracker", str(backup), stdout=out)
    assert "Restored 4 articles" in out.getvalue()
    assert export(*options) == before
    restored = models.Candidacy.objects.get(person__slug=person, constituency__slug=seat)
    assert (restored.status, restored.edited_fields) == ("selected", ["status"])
    restored = models.Article.objects.get(slug=article.slug)
    assert (restored.title, restored.edited_fields) == ("", ["title"])
    assert models.Statement.objects.filter(review=models.Review.REJECTED).exists() == bool(options)


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    call_command("load_articles", str(SEEDS), stdout=StringIO())
    backup = tmp_path / "backup.json"
    backup.write_text(export("--everything"), encoding="utf-8")
    with pytest.raises(CommandError, match="already holds a tracker"):
        call_command("import_tracker", str(backup), stdout=StringIO())


@pytest.mark.parametrize(
    "content,message",
    [
        ("not json", "not JSON"),
        ('{"articles": []}', "missing"),
        ("[1, 2]", "not an export_tracker file"),
    ],
)
def test_restore_refuses_files_that_are_not_exports(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_tracker", str(path), stdout=StringIO())


def test_a_quote_that_does_not_match_its_article_restores_nothing(tmp_path):
    call_command("load_articles", str(SEEDS), stdout=StringIO())
    data = json.loads(export("--everything"))
    seat = next(c for c in data["constituencies"] if c["majorities"])
    seat["majorities"][0]["sources"][0]["quote"] = "a quote nobody wrote"
    empty_the_database()
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match="is not at"):
        call_command("import_tracker", str(path), stdout=StringIO())
    assert not models.Article.objects.exists()
    assert not models.Constituency.objects.exists()


def test_a_fact_waiting_for_its_seat_survives_a_restore_and_is_placed_later(tmp_path):
    (tmp_path / "majority.txt").write_text("Jane Doe's majority was 4,321 in 2017.\n")
    call_command("load_articles", str(tmp_path / "majority.txt"), stdout=StringIO())
    assert models.WaitingFact.objects.filter(seat_holder="Jane Doe").exists()
    backup = tmp_path / "backup.json"
    backup.write_text(export("--everything"), encoding="utf-8")
    assert "waiting_facts" not in json.loads(export())

    empty_the_database()
    call_command("import_tracker", str(backup), stdout=StringIO())
    (tmp_path / "seat.txt").write_text("Jane Doe, the Labour MP for Wigan, spoke on Monday.\n")
    call_command("load_articles", str(tmp_path / "seat.txt"), stdout=StringIO())
    majority = models.Majority.objects.get()
    assert (majority.constituency.name, majority.year, majority.majority) == ("Wigan", 2017, 4321)
    assert [e.article.filename for e in majority.evidence.all()] == ["majority.txt"]
