"""Editors add articles in the admin; saving runs the extraction pipeline."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from constituencies import admin, models
from constituencies.forms import ArticleAdminForm
from constituencies.ingest import pipeline, read

pytestmark = pytest.mark.django_db

TEXT = (
    "Angela Smith, the MP for Penistone and Stocksbridge, beat her Tory challenger in 2017 "
    "by 1,322 votes, down from 6,723 in 2015."
)
OTHER_TEXT = (
    "Chris Leslie, the MP for Nottingham East, beat his Tory challenger in 2017 by 27,975 votes."
)
# As a file the loader reads: a headline and an outlet naming itself, from which the
# loader guesses the title and publisher, and a final newline.
FILE_TEXT = f"Smith's majority falls\n{TEXT[:-1]}, HuffPost UK has learned.\n"


def add(client, **data):
    form = {"title": "", "publisher": "", "published": "", "url": "", "text": ""}
    form.update(data)
    return client.post(reverse("admin:constituencies_article_add"), form)


def change(client, article, **data):
    """Save the article's change form as a browser would: every field as shown (the text
    with CRLF line endings, as browsers send a textarea), except those in `data`."""
    url = reverse("admin:constituencies_article_change", args=[article.pk])
    form = {
        "version": client.get(url).context["adminform"].form["version"].value(),
        "title": article.title,
        "publisher": article.publisher,
        "published": article.published.isoformat() if article.published else "",
        "url": article.url,
        "text": article.text.replace("\n", "\r\n"),
    }
    form.update(data)
    return client.post(url, form)


def errors(response):
    return str(response.context["adminform"].form.errors)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def load_file(tmp_path, text=FILE_TEXT, name="smith.txt"):
    """Load a file with `load_articles`' pipeline; returns its article."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = pipeline.run([path])
    assert not report.failures, report.failures
    return models.Article.objects.get(filename=name)


def majorities_from(article):
    """(year, majority) of the majorities the article's evidence supports."""
    return {
        (majority.year, majority.majority)
        for majority in models.Majority.objects.filter(evidence__article=article)
    }


def test_pasted_article_is_stored_and_its_facts_extracted(editor_client):
    response = add(editor_client, title="Smith's majority", publisher="Example News", text=TEXT)
    assert response.status_code == 302
    article = models.Article.objects.get()
    assert (article.title, article.publisher, article.text) == (
        "Smith's majority",
        "Example News",
        TEXT,
    )
    assert set(models.Majority.objects.values_list("year", "majority")) == {
        (2017, 1322),
        (2015, 6723),
    }
    page = editor_client.get(reverse("admin:constituencies_article_change", args=[article.pk]))
    assert "Facts from this article" in page.content.decode()
    assert "Not yet reviewed" in page.content.decode()


def test_uploaded_windows_1252_file_is_read(editor_client):
    upload = SimpleUploadedFile("smith.txt", (TEXT + " “Quoted”").encode("cp1252"))
    response = add(editor_client, title="Upload", upload=upload)
    assert response.status_code == 302
    assert models.Article.objects.get().text.endswith("“Quoted”")


@pytest.mark.parametrize(
    "data,message",
    [
        ({"text": "   "}, "Paste the article"),
        ({"upload": SimpleUploadedFile("x.txt", b"\x00\x01binary")}, "binary"),
        ({"text": "<html><body><p>x</p></body></html>"}, "HTML"),
    ],
    ids=["empty", "binary", "html"],
)
def test_bad_input_gets_a_form_error_and_saves_nothing(editor_client, data, message):
    response = add(editor_client, title="Bad", **data)
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors)
    assert not models.Article.objects.exists()


def test_the_same_text_twice_is_refused(editor_client):
    add(editor_client, title="First", text=TEXT)
    response = add(editor_client, title="Second", text=TEXT)
    assert response.status_code == 200
    assert "already in the tracker" in str(response.context["adminform"].form.errors)
    assert models.Article.objects.count() == 1


# -- every article is its own (issue 12, item 2) ---------------------------------------


def test_a_second_pasted_article_does_not_replace_the_first(editor_client):
    assert add(editor_client, title="Smith", text=TEXT).status_code == 302
    assert add(editor_client, text=OTHER_TEXT).status_code == 302
    first, second = models.Article.objects.order_by("pk")
    assert (first.title, first.text, first.filename) == ("Smith", TEXT, "")
    assert (second.text, second.filename) == (OTHER_TEXT, "")
    assert majorities_from(first) == {(2017, 1322), (2015, 6723)}
    assert majorities_from(second) == {(2017, 27975)}
    # Named by its title, or by its first words when it has none.
    assert first.slug == "smith"
    assert second.slug == "chris-leslie-the-mp-for-nottingham-east-beat-his-tory-challenger-in"


def test_an_upload_keeps_its_file_name_but_never_replaces_an_article(editor_client, tmp_path):
    loaded = load_file(tmp_path)
    upload = SimpleUploadedFile("smith.txt", OTHER_TEXT.encode())
    response = add(editor_client, title="Leslie", upload=upload)
    assert response.status_code == 302
    assert "kept without a file name" in " ".join(messages_of(response))
    loaded.refresh_from_db()
    assert (loaded.filename, loaded.text) == ("smith.txt", FILE_TEXT)
    assert majorities_from(loaded) == {(2017, 1322), (2015, 6723)}
    uploaded = models.Article.objects.get(title="Leslie")
    assert (uploaded.filename, uploaded.text) == ("", OTHER_TEXT)
    assert majorities_from(uploaded) == {(2017, 27975)}


def test_two_uploads_of_the_same_name_are_two_articles(editor_client):
    add(editor_client, upload=SimpleUploadedFile("article.txt", TEXT.encode()))
    add(editor_client, upload=SimpleUploadedFile("article.txt", OTHER_TEXT.encode()))
    first, second = models.Article.objects.order_by("pk")
    assert (first.filename, first.text) == ("article.txt", TEXT)
    assert (second.filename, second.text) == ("", OTHER_TEXT)
    assert majorities_from(first) == {(2017, 1322), (2015, 6723)}


def test_an_upload_on_the_change_form_replaces_that_article_only(editor_client, tmp_path):
    loaded = load_file(tmp_path)
    other = load_file(tmp_path, OTHER_TEXT, "leslie.txt")
    upload = SimpleUploadedFile("anything.txt", (TEXT + " Updated.").encode())
    assert change(editor_client, loaded, upload=upload).status_code == 302
    loaded.refresh_from_db()
    assert (loaded.filename, loaded.text) == ("smith.txt", TEXT + " Updated.")
    other.refresh_from_db()
    assert other.text == OTHER_TEXT
    assert majorities_from(other) == {(2017, 27975)}


# -- an editor's details are kept (issue 12, item 3) -----------------------------------


def test_details_an_editor_changes_are_kept_and_the_text_not_extracted_again(
    editor_client, tmp_path, monkeypatch
):
    article = load_file(tmp_path)
    assert (article.title, article.publisher) == ("Smith's majority falls", "HuffPost UK")
    evidence = set(article.evidence.values_list("pk", "start", "end"))

    def extracted_again(*args, **kwargs):
        raise AssertionError("the text did not change")

    monkeypatch.setattr(admin, "load_raw", extracted_again)
    response = change(
        editor_client,
        article,
        title="Smith's lead shrinks",
        publisher="HuffPost",
        published="2019-02-21",
        url="https://www.huffingtonpost.co.uk/entry/smith",
    )
    assert response.status_code == 302
    assert "not extracted again" in " ".join(messages_of(response))
    article.refresh_from_db()
    assert (article.title, article.publisher, article.published, article.url) == (
        "Smith's lead shrinks",
        "HuffPost",
        datetime.date(2019, 2, 21),
        "https://www.huffingtonpost.co.uk/entry/smith",
    )
    assert article.text == FILE_TEXT
    assert article.edited_fields == ["published", "publisher", "title", "url"]
    assert set(article.evidence.values_list("pk", "start", "end")) == evidence


def test_details_of_a_pasted_article_are_kept(editor_client):
    add(editor_client, title="First title", text=TEXT)
    article = models.Article.objects.get()
    assert change(editor_client, article, title="Second title").status_code == 302
    article.refresh_from_db()
    assert (article.title, article.text) == ("Second title", TEXT)
    assert article.edited_fields == ["title"]


def test_details_changed_with_the_text_are_kept(editor_client, tmp_path):
    article = load_file(tmp_path)
    new_text = FILE_TEXT.replace("1,322", "1,323")
    response = change(editor_client, article, title="Corrected", text=new_text)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.publisher, article.text) == (
        "Corrected",
        "HuffPost UK",
        new_text,
    )
    assert article.edited_fields == ["title"]
    assert majorities_from(article) == {(2017, 1323), (2015, 6723)}


def test_reverting_an_article_restores_its_earlier_details(editor_client):
    add(editor_client, title="First title", publisher="Example News", text=TEXT)
    article = models.Article.objects.get()
    change(editor_client, article, title="Second title", publisher="")
    earlier = article.history.order_by("history_id").first()
    url = reverse(
        "admin:constituencies_article_simple_history", args=[article.pk, earlier.history_id]
    )
    form = editor_client.get(url).context["adminform"].form
    assert form.initial["title"] == "First title"
    data = {
        name: form.initial[name] or "" for name in ("version", "title", "publisher", "url", "text")
    }
    assert editor_client.post(url, {**data, "published": ""}).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.publisher, article.text) == ("First title", "Example News", TEXT)


def test_re_loading_the_file_keeps_what_the_editor_set(editor_client, tmp_path):
    article = load_file(tmp_path)
    # The publisher guessed is wrong, and the editor clears it.
    change(editor_client, article, title="Edited", publisher="", published="2019-02-21")
    load_file(tmp_path)
    article.refresh_from_db()
    assert (article.title, article.publisher, article.published) == (
        "Edited",
        "",
        datetime.date(2019, 2, 21),
    )
    # And when the file itself has changed.
    load_file(tmp_path, FILE_TEXT.replace("1,322", "1,324"))
    article.refresh_from_db()
    assert (article.title, article.publisher, article.published) == (
        "Edited",
        "",
        datetime.date(2019, 2, 21),
    )
    assert majorities_from(article) == {(2017, 1324), (2015, 6723)}


def test_a_title_given_when_adding_is_kept_over_the_guess_on_re_load(editor_client, tmp_path):
    upload = SimpleUploadedFile("smith.txt", FILE_TEXT.encode())
    add(editor_client, title="Given", upload=upload)
    article = load_file(tmp_path, FILE_TEXT.replace("1,322", "1,325"))
    assert (article.title, article.publisher) == ("Given", "HuffPost UK")
    assert article.edited_fields == ["title"]


# -- bad uploads get a form error (issue 12, item 7) -----------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # 0x81 is in neither UTF-8 nor Windows-1252.
        (b"Caf\xe9 \x81 " + TEXT.encode(), "neither UTF-8 nor Windows-1252"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"", "empty"),
        (b" \r\n\t", "empty article"),
        (b"<html><body><p>Story</p></body></html>", "HTML"),
    ],
    ids=["undecodable", "binary", "control-characters", "empty", "blank", "html"],
)
def test_bad_uploads_get_a_form_error(editor_client, data, message):
    response = add(editor_client, upload=SimpleUploadedFile("bad.txt", data))
    assert response.status_code == 200
    assert message in errors(response)
    assert not models.Article.objects.exists()


def test_an_upload_over_the_shared_limit_gets_a_form_error(editor_client, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", len(TEXT))
    assert add(editor_client, upload=SimpleUploadedFile("ok.txt", TEXT.encode())).status_code == 302
    response = add(editor_client, upload=SimpleUploadedFile("big.txt", OTHER_TEXT.encode() * 2))
    assert response.status_code == 200
    assert f"big.txt: {2 * len(OTHER_TEXT)} bytes is over the" in errors(response)
    assert models.Article.objects.count() == 1


class Unreadable(SimpleUploadedFile):
    def read(self, *args):
        raise AssertionError("an upload over the limit is not read")


def test_an_upload_over_the_limit_is_refused_without_being_read(editor, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 10)
    form = ArticleAdminForm(data={}, files={"upload": Unreadable("big.txt", b"x" * 11)})
    assert not form.is_valid()
    assert "over the 10-byte limit" in str(form.errors["upload"])


def test_a_change_made_since_the_form_was_opened_is_not_overwritten(editor_client):
    add(editor_client, title="First title", text=TEXT)
    article = models.Article.objects.get()
    url = reverse("admin:constituencies_article_change", args=[article.pk])
    version = editor_client.get(url).context["adminform"].form["version"].value()
    models.Article.objects.filter(pk=article.pk).update(title="Their title")

    stale = {"version": version, "title": "My title", "publisher": "", "published": ""}
    response = editor_client.post(url, {**stale, "url": "", "text": TEXT})

    assert response.status_code == 200
    assert "changed this record after you opened it" in errors(response)
    article.refresh_from_db()
    assert article.title == "Their title"
