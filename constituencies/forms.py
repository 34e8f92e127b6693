"""Admin forms that run the ingest pipeline."""

import hashlib
from dataclasses import replace

from django import forms

from .conflicts import VersionedForm
from .ingest.read import MAX_BYTES, MB, ArticleError, check_size, read_bytes, read_text
from .models import Article


def text_version(text):
    """An article's text as its form's version holds it: a hash, not megabytes of text."""
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


class ArticleAdminForm(VersionedForm):
    """Paste an article's text or upload a .txt file; saving extracts its facts.

    The text is read as `load_articles` reads a file (`ingest.read`), and `raw_article`
    is what the pipeline loads. A new article takes the uploaded file's name, if any; an
    article being changed keeps its own.
    """

    upload = forms.FileField(
        required=False,
        label="Or upload a .txt file",
        help_text=(
            f"Plain text, UTF-8 or Windows-1252, up to {MAX_BYTES // MB} MB. Replaces the text "
            "box when given."
        ),
    )

    class Meta:
        model = Article
        fields = ["title", "publisher", "published", "url", "text"]
        help_texts = {"text": "The article as published; facts are extracted when you save."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False
        # As stored: evidence offsets index into the text, and an unchanged text whose
        # surrounding whitespace was stripped would read as a changed one.
        self.fields["text"].strip = False
        self.raw_article = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            return None
        try:
            # The size first, so that an upload over the limit is never read.
            check_size(upload.size, upload.name)
            return read_bytes(upload.read(), upload.name)
        except ArticleError as error:
            raise forms.ValidationError(error.message) from error

    def clean(self):
        cleaned = super().clean()
        if self.has_error("upload"):
            return cleaned
        raw = cleaned.get("upload")
        if raw is None:
            text = cleaned.get("text") or ""
            if not text.strip():
                self.add_error("text", "Paste the article's text or upload a .txt file.")
                return cleaned
            try:
                raw = read_text(text)
            except ArticleError as error:
                self.add_error("text", error.message)
                return cleaned
        if self.instance.pk is not None:
            raw = replace(raw, filename=self.instance.filename)
        same = Article.objects.filter(sha256=raw.sha256).exclude(pk=self.instance.pk)
        if same.exists():
            self.add_error("text", f"This text is already in the tracker as “{same.first()}”.")
            return cleaned
        self.raw_article = raw
        cleaned["text"] = raw.text
        return cleaned

    def values_of(self, record):
        values = super().values_of(record)
        if values is not None:
            values["text"] = text_version(values["text"])
        return values

    def submitted(self, field, cleaned):
        value = super().submitted(field, cleaned)
        return text_version(value) if field.name == "text" and isinstance(value, str) else value
