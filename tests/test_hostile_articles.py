"""Hostile input to `load_articles`: each file is loaded correctly or refused with a
one-line reason, nothing partial is written, and the good article beside it loads."""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from constituencies import models

pytestmark = pytest.mark.django_db(transaction=True)

SEED = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[0]
SMITH = (
    "Angela Smith, the MP for Penistone and Stocksbridge, beat her Tory challenger in 2017 "
    "by 1,322 votes, down from 6,723 in 2015.\n"
    "Local councillor Fran Johnston is expected to be backed by Unite.\n"
)


def run(folder):
    """Load `folder`; return (output lines, failure message or "")."""
    out = StringIO()
    try:
        call_command("load_articles", str(folder), stdout=out)
    except CommandError as error:
        return out.getvalue().splitlines(), str(error)
    return out.getvalue().splitlines(), ""


def line_for(lines, name):
    return next(line for line in lines if f"{name}:" in line)


def assert_evidence_exact():
    for row in models.Evidence.objects.select_related("article"):
        assert row.article.text[row.start : row.end] == row.quote


@pytest.fixture
def folder(tmp_path):
    shutil.copy(SEED, tmp_path / SEED.name)
    return tmp_path


REFUSED = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n\t ", "empty"),
    "binary.txt": (bytes(range(256)) * 4, "binary"),
    "page.txt": (b"<!doctype html><html><body><p>Hi</p></body></html>", "HTML"),
}


@pytest.mark.parametrize("name", REFUSED)
def test_unusable_files_are_refused_with_a_one_line_reason(folder, name):
    content, reason = REFUSED[name]
    (folder / name).write_bytes(content)
    lines, failure = run(folder)
    assert name in failure and "1 article(s) failed" in failure
    message = line_for(lines, name)
    assert reason in message and "\n" not in message and "Traceback" not in message
    assert models.Article.objects.count() == 1
    assert not models.Article.objects.filter(filename=name).exists()


def test_a_20_mb_file_is_refused_without_reading_it_all(folder):
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    lines, failure = run(folder)
    assert "huge.txt" in failure
    assert "limit" in line_for(lines, "huge.txt")
    assert models.Article.objects.count() == 1


def test_a_missing_path_and_an_unreadable_file_are_reported(folder):
    os.symlink(folder / "nowhere.txt", folder / "broken.txt")
    out = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("load_articles", str(folder), str(folder / "absent.txt"), stdout=out)
    assert "broken.txt" in str(failure.value) and "absent.txt" in str(failure.value)
    assert "cannot be read" in line_for(out.getvalue().splitlines(), "broken.txt")
    assert "no such file" in line_for(out.getvalue().splitlines(), "absent.txt")
    assert models.Article.objects.count() == 1


@pytest.mark.parametrize(
    "name,content",
    [
        ("cp1252.txt", SMITH.replace("Tory", "“Tory”").encode("cp1252")),
        ("bom-crlf.txt", ("\ufeff" + SMITH.replace("\n", "\r\n")).encode("utf-8")),
    ],
)
def test_other_encodings_and_line_endings_load_with_exact_offsets(folder, name, content):
    (folder / name).write_bytes(content)
    lines, failure = run(folder)
    assert failure == ""
    article = models.Article.objects.get(filename=name)
    assert "\r" not in article.text and not article.text.startswith("\ufeff")
    assert article.text.startswith("Angela Smith, the MP for Penistone and Stocksbridge")
    assert models.Majority.objects.filter(year=2015, majority=6723).exists()
    assert models.Evidence.objects.filter(article=article).exists()
    assert_evidence_exact()


def test_markup_inside_an_article_is_kept_as_text(folder):
    text = SMITH + "<script>alert('x')</script> <img src=x onerror=alert(1)>\n"
    (folder / "markup.txt").write_text(text, encoding="utf-8")
    lines, failure = run(folder)
    assert failure == ""
    assert models.Article.objects.get(filename="markup.txt").text == text
    assert_evidence_exact()


def test_the_same_article_under_another_name_is_recognised(folder):
    shutil.copy(SEED, folder / "copy-of-seed.txt")
    lines, failure = run(folder)
    assert failure == ""
    assert "same text as" in line_for(lines, "copy-of-seed.txt")
    assert models.Article.objects.count() == 1


def test_a_database_failure_mid_article_leaves_nothing_of_it(folder, monkeypatch):
    (folder / "smith.txt").write_text(SMITH, encoding="utf-8")
    from constituencies.ingest import load

    original = load.BatchLoader.plan_article

    def fail_after_planning_smith(self, index, article, item):
        # By now the article's row and the people it names are written.
        plans = original(self, index, article, item)
        if article.filename == "smith.txt":
            from django.db import DatabaseError

            raise DatabaseError("disk full")
        return plans

    monkeypatch.setattr(load.BatchLoader, "plan_article", fail_after_planning_smith)
    lines, failure = run(folder)
    assert "smith.txt" in failure and "disk full" in line_for(lines, "smith.txt")
    assert not models.Article.objects.filter(filename="smith.txt").exists()
    assert not models.Evidence.objects.filter(article__filename="smith.txt").exists()
    assert not models.Candidacy.objects.filter(person__name="Fran Johnston").exists()
    assert models.Article.objects.filter(filename=SEED.name).exists()


def test_an_extractor_failure_on_one_article_is_reported_and_the_others_load(folder, monkeypatch):
    (folder / "trips-a-rule.txt").write_text(SMITH, encoding="utf-8")
    from constituencies.ingest import work

    real_extract = work.extract

    def extract(text, published=None):
        if text == SMITH:
            raise TypeError("a rule tripped over this prose")
        return real_extract(text, published)

    monkeypatch.setattr(work, "extract", extract)
    lines, failure = run(folder)
    assert "trips-a-rule.txt" in failure
    message = line_for(lines, "trips-a-rule.txt")
    assert "extraction failed (TypeError: a rule tripped over this prose)" in message
    assert models.Article.objects.filter(filename=SEED.name).exists()
    assert not models.Article.objects.filter(filename="trips-a-rule.txt").exists()
