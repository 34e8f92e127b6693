"""Admin forms that run the ingest pipeline."""

from django import forms
from django.conf import settings

from .ingest.read import ArticleError, read_text
from .models import Article


class ArticleAdminForm(forms.ModelForm):
    """Paste an article's text or upload a .txt file; saving extracts its facts."""

    upload = forms.FileField(
        required=False,
        label="Or upload a .txt file",
        help_text="Plain text, UTF-8 or Windows-1252. Replaces the text box when given.",
    )

    class Meta:
        model = Article
        fields = ["title", "publisher", "published", "url", "text"]
        help_texts = {"text": "The article as published; facts are extracted when you save."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False
        self.raw_article = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            return None
        if upload.size > settings.ARTICLE_MAX_BYTES:
            raise forms.ValidationError(f"{upload.name} is larger than the 5 MB limit.")
        data = upload.read()
        if b"\x00" in data:
            raise forms.ValidationError(f"{upload.name} is a binary file, not article text.")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="strict")

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("upload") or cleaned.get("text") or ""
        if not text.strip():
            self.add_error("text", "Paste the article's text or upload a .txt file.")
            return cleaned
        try:
            self.raw_article = read_text(text, self.instance.filename or "pasted article")
        except ArticleError as error:
            self.add_error("upload" if cleaned.get("upload") else "text", error.message)
            return cleaned
        same = Article.objects.filter(sha256=self.raw_article.sha256).exclude(pk=self.instance.pk)
        if same.exists():
            self.add_error("text", f"This text is already in the tracker as “{same.first()}”.")
        cleaned["text"] = self.raw_article.text
        return cleaned
