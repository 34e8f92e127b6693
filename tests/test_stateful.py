"""Random sequences of what the loader and editors do keep the tracker's promises.

A Hypothesis state machine loads articles (or a changed version of one), pastes articles
in the admin, edits, confirms, rejects and reverts facts there (one editor at a time, or
two saving the same record from the same form), deletes articles and backs up and
restores the database. It keeps its own account of every value an editor set and every
fact an editor rejected, and after each step checks that:

- no value an editor set is lost (it may go only when an editor changes or reverts it);
- a rejected fact stays rejected and is left out of the public querysets and export;
- every evidence quote is exactly its article's text, and every extracted fact no
  editor has touched has at least one evidence row;
- no two facts share a natural key, and an editor's correction of a key field is not
  undone by the loader making the uncorrected fact again from the same article;
- every seat is a constituency: a seat the gazetteer knows, not an organisation;
- restoring a backup exports the same bytes as the original (checked by that step).

Each sequence starts from an empty database. `TRACKER_STATEFUL_EXAMPLES` and
`TRACKER_STATEFUL_STEPS` make longer runs (50 sequences of 20 steps by default).
"""

import json
import os
import re
import shutil
import tempfile
from collections import Counter
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from constituencies import models
from constituencies.ingest import gazetteer
from constituencies.permissions import ensure_editors_group

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SETTINGS = settings(
    max_examples=int(os.environ.get("TRACKER_STATEFUL_EXAMPLES", "50")),
    stateful_step_count=int(os.environ.get("TRACKER_STATEFUL_STEPS", "20")),
    deadline=None,
    # Sequences are drawn afresh each run; a failure prints the steps that reproduce it.
    database=None,
)

# Articles written for this test in the seeds' style, beside the four seeds.
OWN_ARTICLES = {
    "sm01_wavertree_shortlist.txt": (
        "Wavertree Labour picks its shortlist\n\n"
        "Liverpool Wavertree Labour has drawn up its shortlist to replace Luciana Berger, who "
        "quit the party on Monday to join The Independent Group.\n\n"
        "Luciana Berger, the MP for Liverpool Wavertree, won the seat in 2017 with a majority "
        "of 29,466.\n\n"
        "Unison regional convenor Paula Barker has been shortlisted for Liverpool Wavertree, "
        "local members said.\n\n"
        "The CLP said in a statement: “We want a candidate who will stay and fight for the "
        "people of Wavertree.”\n"
    ),
    "sm02_ilford_south_selection.txt": (
        "Ilford South race opens\n\n"
        "Mike Gapes, the MP for Ilford South, left Labour on Monday. He held the seat in 2017 "
        "by 31,647 votes.\n\n"
        "The NEC agreed an open shortlist for Ilford South this week.\n\n"
        "Former Corbyn campaign chief Sam Tarry has applied to stand in Ilford South, backed "
        "by Momentum and the TSSA union.\n\n"
        "Ilford South CLP tweeted: “Mike Gapes should resign and trigger a by-election.”\n"
    ),
    "sm03_luton_south_no_confidence.txt": (
        "Luton South members turn on Shuker\n\n"
        "Gavin Shuker, the MP for Luton South, lost a vote of no confidence brought by local "
        "members last September.\n\n"
        "Shuker had a majority of 13,925 in 2017, up from 5,711 in 2015.\n\n"
        "Luton South Labour said: “He should do the honourable thing and call a by-election.”\n\n"
        "The NEC has recommended an all-women shortlist for Luton South.\n"
    ),
}
ARTICLES = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
ARTICLES |= OWN_ARTICLES

# What editors paste into the admin's "add article" form, which strips the text's ends.
PASTED = [
    "Dudley North waits on the NEC\n\n"
    "Ian Austin, the MP for Dudley North, quit Labour on Friday to sit as an independent. "
    "His majority in 2017 was 22 votes.\n\n"
    "The NEC has not yet decided whether Dudley North will have an all-women shortlist.",
    "Stockport selection begins\n\n"
    "Ann Coffey, the MP for Stockport, left Labour on Monday. She held Stockport in 2017 with "
    "a majority of 14,477.\n\n"
    "NEC member Navendu Mishra has applied to stand in Stockport, backed by Unite.",
    "Enfield North members look for a candidate\n\n"
    "Joan Ryan, the MP for Enfield North, quit Labour on Tuesday. At the 2017 election her "
    "majority was 10,247.\n\n"
    "Claudia Webbe, an NEC member, is tipped to stand in Enfield North.\n\n"
    "Enfield North CLP said: “Joan Ryan should stand down and let the voters decide.”",
]

APPENDED = "\n\nLocal councillor Jane Hartley has applied to stand in Streatham, backed by Unite.\n"


def changed_version(text, change):
    """`text` as a publisher might correct it: a sentence added at the end, the last
    paragraph removed, or the words of its first quotation changed."""
    if change == "appended":
        return text.rstrip("\n") + APPENDED
    if change == "trimmed":
        paragraphs = [p for p in text.split("\n") if p.strip()]
        return "\n".join(paragraphs[:-1]) + "\n"
    if change == "requoted":
        return re.sub('[“"]', lambda match: match.group() + "Frankly, ", text, count=1)
    return text


# Fields editors change, and values they type; blank where the field may be blank.
EDITS = {
    models.Candidacy: {
        "status": ["tipped", "applied", "shortlisted", "selected", "withdrawn"],
        "description": ["NEC member", "local councillor", "trade union official"],
    },
    models.Statement: {
        "text": [
            "The MP should stand down and call a by-election.",
            "We look forward to choosing a Labour candidate.",
        ],
        "stance": ["", "critical", "calls_for_by_election"],
        "medium": ["", "tweet", "letter"],
    },
    models.Majority: {"majority": ["22", "1322", "12345"]},
    models.ShortlistDecision: {"firmness": ["", "proposed", "agreed"]},
    models.Event: {
        "description": ["Members passed a motion of no confidence.", "Selection opened."],
        "date_text": ["", "last September", "in March"],
    },
    models.PartyMove: {"date_text": ["Monday", "18 February 2019"]},
    models.Person: {"description": ["former minister", "NEC member"]},
}
EDITED_MODELS = list(EDITS)

# Records that exist because an article states them, and so carry evidence; people,
# seats and organisations are also made as the things facts name.
EVIDENCED_MODELS = [
    models.Role,
    models.PartyMove,
    models.Majority,
    models.ShortlistDecision,
    models.Candidacy,
    models.Statement,
    models.Event,
]
REVIEWED_MODELS = EVIDENCED_MODELS


# Each record's natural key (README, "Natural keys") as the fields to read, by slugs and
# names so that it is the same before a backup and after its restore.
NATURAL_KEYS = {
    models.Person: ("name",),
    models.Organisation: ("name",),
    models.Constituency: ("name",),
    models.Role: ("person__slug", "title", "organisation__name"),
    models.PartyMove: ("person__slug", "from_party__name"),
    models.Majority: ("constituency__slug", "year", "majority"),
    models.ShortlistDecision: ("constituency__slug", "kind"),
    models.Candidacy: ("person__slug", "constituency__slug"),
    models.Statement: ("source__slug", "source_key", "text"),
    models.Event: ("constituency__slug", "kind", "description", "person__slug"),
    models.Article: ("sha256",),
}
# Names the loader matches whatever their case, and seats however they are written.
NORMALISE = {
    models.Person: lambda name: name.lower(),
    models.Organisation: lambda name: name.lower(),
    models.Constituency: models.seat_slug,
}


def natural_keys(model, rows=None):
    """{pk: natural key} of `rows` (all of `model`'s by default), in one query."""
    rows = model.objects.all() if rows is None else rows
    normalise = NORMALISE.get(model)
    keys = {}
    for pk, *key in rows.order_by().values_list("pk", *NATURAL_KEYS[model]):
        keys[pk] = normalise(*key) if normalise else tuple(key)
        if model is models.Statement:
            # Its article's report of who spoke; one an editor added, or whose article
            # went, has no natural key, and is told apart by its words.
            source, source_key, text = key
            keys[pk] = (source, source_key) if source else ("no source", text)
    return keys


def natural_key(obj):
    return natural_keys(type(obj), type(obj).objects.filter(pk=obj.pk))[obj.pk]


def stored_value(obj, field):
    return str(getattr(obj, obj._meta.get_field(field).attname))


def gazetteer_seats():
    return {models.seat_slug(name) for name in gazetteer.constituencies()}


def rejected_in(data):
    """Every record in an export (nested dicts and lists) marked rejected."""
    if isinstance(data, dict):
        if data.get("review") == models.Review.REJECTED:
            yield data
        for value in data.values():
            yield from rejected_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from rejected_in(value)


def export(*options):
    out = StringIO()
    call_command("export_tracker", *options, stdout=out)
    return out.getvalue()


def empty_the_tracker():
    """Delete every row of the tracker's tables, histories included, as in a new
    database; accounts stay. `flush` would do it too, but takes a second or more on
    PostgreSQL, which truncates every table, where this takes milliseconds. The data
    version stays, so that it only ever counts up."""
    config = apps.get_app_config("constituencies")
    tables = [
        model._meta.db_table
        for model in config.get_models(include_auto_created=True)
        if model is not models.DataVersion
    ]
    # Foreign keys are checked at commit, so the order of the tables does not matter.
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


class AdminForm(HTMLParser):
    """The fields a browser would submit from an admin page's change form: every input,
    checked box, selected option and text area in the form whose id ends in `_form`."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.data = {}
        self._in_form = False
        self._select = None
        self._select_values = []
        self._first_option = None
        self._textarea = None
        self._text = []
        self.feed(html)

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = (attrs.get("id") or "").endswith("_form")
        if not self._in_form or ("disabled" in attrs and tag != "option"):
            return
        if tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.add(attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select":
            self._select = (attrs.get("name"), "multiple" in attrs)
            self._select_values, self._first_option = [], None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self._select_values.append(value)
        elif tag == "textarea":
            self._textarea, self._text = attrs.get("name"), []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select" and self._select:
            name, multiple = self._select
            values = self._select_values
            if not values and not multiple and self._first_option is not None:
                values = [self._first_option]
            for value in values:
                self.add(name, value)
            self._select = None
        elif tag == "textarea" and self._textarea:
            # As browsers do, the newline that follows the opening tag is not content.
            self.add(self._textarea, "".join(self._text).removeprefix("\n"))
            self._textarea = None


def form_data(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}"
    return AdminForm(response.content.decode()).data


def form_errors(response):
    """The errors an admin page re-rendered with: the form's and its inlines'."""
    errors = response.context.get("errors") if response.context else None
    return [str(error) for error in errors or ()]


def saved(response, what):
    """Whether an admin POST saved (a redirect) rather than being refused with errors (the
    form again); anything else fails the test."""
    if response.status_code == 302:
        return True
    assert response.status_code == 200, f"{what}: HTTP {response.status_code}"
    assert form_errors(response), f"{what}: the form came back without saving or an error"
    return False


class TrackerMachine(RuleBasedStateMachine):
    """One sequence of loads and editors' work on an empty database."""

    def __init__(self):
        super().__init__()
        empty_the_tracker()
        self.folder = Path(tempfile.mkdtemp(prefix="tracker-stateful-"))
        self.log_in()
        # (model, pk) -> {field: value an editor set}; "review" for confirm and reject.
        self.expected = {}
        # (model, pk, key it had before an editor changed it, its articles then)
        self.corrections = []
        # article pk -> (text, title) of an article an editor pasted
        self.pasted = {}
        # file name -> text last written and loaded
        self.files = {}

    def teardown(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def log_in(self):
        """Two editors and an administrator, logged in."""
        group = ensure_editors_group()
        users = get_user_model().objects
        self.editors = []
        for name in ("editor-a", "editor-b"):
            user, _ = users.get_or_create(username=name, defaults={"is_staff": True})
            user.groups.add(group)
            client = Client()
            client.force_login(user)
            self.editors.append(client)
        admin, _ = users.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True}
        )
        self.admin = Client()
        self.admin.force_login(admin)

    # -- what the machine expects ------------------------------------------------

    def expect(self, model, pk, field, value):
        self.expected.setdefault((model, pk), {})[field] = value

    def note_key_change(self, obj, before):
        """Remember an editor's change of `obj`'s natural key from `before`, with the
        articles that supported it then."""
        if natural_key(obj) != before:
            articles = set(obj.evidence.values_list("article_id", flat=True))
            self.corrections.append((type(obj), obj.pk, before, frozenset(articles)))

    @staticmethod
    def pick(model, index, queryset=None):
        rows = list((queryset if queryset is not None else model.objects.all()).order_by("pk"))
        return rows[index % len(rows)] if rows else None

    # -- the loader ------------------------------------------------------------

    @rule(names=st.lists(st.sampled_from(sorted(ARTICLES)), min_size=1, max_size=3, unique=True))
    def load_articles(self, names):
        paths = []
        for name in names:
            text = self.files.setdefault(name, ARTICLES[name])
            path = self.folder / name
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        call_command("load_articles", *paths, stdout=StringIO())

    @precondition(lambda self: self.files)
    @rule(
        index=st.integers(0, 99),
        change=st.sampled_from(["appended", "trimmed", "requoted", "original"]),
    )
    def load_changed_version(self, index, change):
        name = sorted(self.files)[index % len(self.files)]
        self.files[name] = changed_version(ARTICLES[name], change)
        path = self.folder / name
        path.write_text(self.files[name], encoding="utf-8")
        call_command("load_articles", str(path), stdout=StringIO())

    # -- editors ---------------------------------------------------------------

    @rule(index=st.integers(0, len(PASTED) - 1), title=st.sampled_from(["", "Pasted report"]))
    def paste_article(self, index, title):
        text = PASTED[index]
        form = {"title": title, "publisher": "", "published": "", "url": "", "text": text}
        before = set(models.Article.objects.values_list("pk", flat=True))
        response = self.editors[0].post(reverse("admin:constituencies_article_add"), form)
        if saved(response, "pasting an article"):
            new = set(models.Article.objects.values_list("pk", flat=True)) - before
            replaced = models.Article.objects.filter(text=text).values_list("pk", flat=True)
            assert new, f"the paste was saved over article {list(replaced)}, not as a new one"
            (pk,) = new
            self.pasted[pk] = (text, title)
        else:
            already = models.Article.objects.filter(text=text).exists()
            assert already, f"pasting a new article was refused: {form_errors(response)}"

    @rule(model=st.sampled_from(EDITED_MODELS), index=st.integers(0, 999), data=st.data())
    def edit_field(self, model, index, data):
        obj = self.pick(model, index)
        if obj is None:
            return
        field = data.draw(st.sampled_from(sorted(EDITS[model])), label="field")
        value = data.draw(st.sampled_from(EDITS[model][field]), label="value")
        if stored_value(obj, field) == value:
            return
        url = reverse(f"admin:constituencies_{model._meta.model_name}_change", args=[obj.pk])
        form = form_data(self.editors[0], url)
        form[field] = [value]
        before = natural_key(obj)
        if saved(self.editors[0].post(url, form), f"editing {model.__name__}.{field}"):
            self.expect(model, obj.pk, field, value)
            obj.refresh_from_db()
            self.note_key_change(obj, before)

    @rule(model=st.sampled_from(EDITED_MODELS), index=st.integers(0, 999), data=st.data())
    def two_editors_save_the_same_record(self, model, index, data):
        """Both open the form; A saves a change to one field, then B saves a change to
        another from the form A's change made stale."""
        obj = self.pick(model, index)
        fields = sorted(EDITS[model])
        if obj is None or len(fields) < 2:
            return
        first, second = data.draw(st.permutations(fields), label="fields")[:2]
        values = {
            name: data.draw(
                st.sampled_from([v for v in EDITS[model][name] if v != stored_value(obj, name)]),
                label=name,
            )
            for name in (first, second)
        }
        url = reverse(f"admin:constituencies_{model._meta.model_name}_change", args=[obj.pk])
        editor_a, editor_b = self.editors
        form_a, form_b = form_data(editor_a, url), form_data(editor_b, url)
        form_a[first] = [values[first]]
        before = natural_key(obj)
        if not saved(editor_a.post(url, form_a), f"editor A editing {model.__name__}.{first}"):
            return
        self.expect(model, obj.pk, first, values[first])
        obj.refresh_from_db()
        self.note_key_change(obj, before)
        before_b = natural_key(obj)
        unchanged = stored_value(obj, second)
        form_b[second] = [values[second]]
        if saved(editor_b.post(url, form_b), f"editor B editing {model.__name__}.{second}"):
            self.expect(model, obj.pk, second, values[second])
            obj.refresh_from_db()
            self.note_key_change(obj, before_b)
        else:
            obj.refresh_from_db()
            assert stored_value(obj, second) == unchanged, "a refused save changed the record"

    @rule(
        model=st.sampled_from(REVIEWED_MODELS),
        index=st.integers(0, 999),
        verdict=st.sampled_from(["confirm", "reject"]),
    )
    def review_fact(self, model, index, verdict):
        obj = self.pick(model, index)
        if obj is None:
            return
        changelist = reverse(f"admin:constituencies_{model._meta.model_name}_changelist")
        action = {"action": f"{verdict}_facts", "_selected_action": [obj.pk]}
        response = self.editors[0].post(changelist, action)
        assert response.status_code == 302, f"{verdict} answered {response.status_code}"
        self.expect(model, obj.pk, "review", "confirmed" if verdict == "confirm" else "rejected")

    @rule(model=st.sampled_from(EDITED_MODELS), index=st.integers(0, 999))
    def revert_fact(self, model, index):
        """Restore a version from a record's history, as its History page does."""
        versions = model.history.filter(id__in=model.objects.values("pk"))
        version = self.pick(model.history.model, index, versions.order_by())
        if version is None:
            return
        obj = model.objects.get(pk=version.id)
        before = natural_key(obj)
        url = reverse(
            f"admin:constituencies_{model._meta.model_name}_simple_history",
            args=[obj.pk, version.history_id],
        )
        form = form_data(self.editors[0], url)
        if not saved(self.editors[0].post(url, form), f"reverting {model.__name__}"):
            return
        # The record is now as that version was, down to which fields editors had set.
        fields = {
            field: stored_value(version, field)
            for field in EDITS[model]
            if field in version.edited_fields
        }
        if version.review != models.Review.UNREVIEWED:
            fields["review"] = version.review
        # A version no editor had touched leaves the record the machine's again.
        if fields:
            self.expected[(model, obj.pk)] = fields
        else:
            self.expected.pop((model, obj.pk), None)
        obj.refresh_from_db()
        self.note_key_change(obj, before)

    @rule(index=st.integers(0, 99))
    def delete_article(self, index):
        article = self.pick(models.Article, index)
        if article is None:
            return
        url = reverse("admin:constituencies_article_delete", args=[article.pk])
        response = self.admin.post(url, {"post": "yes"})
        assert response.status_code == 302, f"deleting an article: HTTP {response.status_code}"
        assert not models.Article.objects.filter(pk=article.pk).exists()
        self.pasted.pop(article.pk, None)

    @rule()
    def back_up_and_restore(self):
        before = export("--everything")
        recorded = {*self.expected, *((model, pk) for model, pk, *_ in self.corrections)}
        keys = {}
        for model in {model for model, _ in recorded}:
            for pk, key in natural_keys(model).items():
                keys[(model, pk)] = key
        article_slugs = dict(models.Article.objects.values_list("pk", "slug"))
        backup = self.folder / "backup.json"
        backup.write_text(before, encoding="utf-8")
        empty_the_tracker()
        call_command("import_tracker", str(backup), stdout=StringIO())
        assert export("--everything") == before, "a restored backup exports different bytes"
        # Restored rows have new keys: find each record again by its natural key.
        found = {}
        for model in {model for model, _ in keys}:
            for pk, key in natural_keys(model).items():
                found[(model, key)] = pk
        new_pk = {(model, pk): found.get((model, key)) for (model, pk), key in keys.items()}
        articles = dict(models.Article.objects.values_list("slug", "pk"))
        new_article = {pk: articles.get(slug) for pk, slug in article_slugs.items()}
        self.expected = {
            (model, new_pk.get((model, pk), pk)): fields
            for (model, pk), fields in self.expected.items()
        }
        self.corrections = [
            (
                model,
                new_pk.get((model, pk)),
                key,
                frozenset(new_article.get(a) for a in articles_then),
            )
            for model, pk, key, articles_then in self.corrections
        ]
        self.pasted = {new_article.get(pk): value for pk, value in self.pasted.items()}

    # -- invariants ------------------------------------------------------------

    @invariant()
    def no_value_an_editor_set_is_lost(self):
        for (model, pk), fields in self.expected.items():
            obj = model.objects.filter(pk=pk).first()
            assert obj is not None, f"{model.__name__} {pk}, which an editor changed, is gone"
            for field, value in fields.items():
                assert stored_value(obj, field) == value, (
                    f"{model.__name__} {pk}: an editor set {field} to {value!r}, "
                    f"it is now {stored_value(obj, field)!r}"
                )
        for pk, (text, title) in self.pasted.items():
            article = models.Article.objects.filter(pk=pk).first()
            assert article is not None, f"pasted article {pk} is gone"
            assert article.text == text, f"pasted article {pk} now holds another text"
            # A blank title is the extractor's to guess.
            if title:
                assert article.title == title, f"pasted article {pk} is now {article.title!r}"

    @invariant()
    def a_rejected_fact_stays_rejected_and_hidden(self):
        rejected = [
            (model, pk)
            for (model, pk), fields in self.expected.items()
            if fields.get("review") == models.Review.REJECTED
        ]
        for model, pk in rejected:
            obj = model.objects.get(pk=pk)
            assert obj.review == models.Review.REJECTED, f"{model.__name__} {pk} is {obj.review}"
            assert not model.objects.public().filter(pk=pk).exists()
        if rejected:
            shown = list(rejected_in(json.loads(export())))
            assert not shown, f"the public export shows rejected facts: {shown}"

    @invariant()
    def evidence_is_exact_and_untouched_facts_have_some(self):
        texts = dict(models.Article.objects.values_list("pk", "text"))
        rows = models.Evidence.objects.values_list("pk", "article", "start", "end", "quote")
        for pk, article, start, end, quote in rows:
            assert texts[article][start:end] == quote, (
                f"evidence {pk} quotes {quote[:40]!r}, not its article"
            )
        for model in EVIDENCED_MODELS:
            untouched = model.objects.filter(
                origin=models.Origin.EXTRACTED,
                edited_fields=[],
                review=models.Review.UNREVIEWED,
                evidence__isnull=True,
            )
            assert not untouched.exists(), (
                f"{model.__name__} {list(untouched.values_list('pk', flat=True))} "
                "extracted, untouched by editors, with no evidence"
            )

    @invariant()
    def no_two_facts_share_a_natural_key(self):
        for model in NATURAL_KEYS:
            counts = Counter(natural_keys(model).values())
            shared = [key for key, count in counts.items() if count > 1]
            assert not shared, f"{model.__name__} records share a natural key: {shared}"
        for model, pk, old_key, articles in self.corrections:
            corrected = model.objects.filter(pk=pk).first()
            if corrected is None or natural_key(corrected) == old_key or not articles:
                continue
            # A record whose key an editor set is the editor's doing, not the loader's.
            keyed_by_editors = {other for m, other, *_ in self.corrections if m is model}
            sources = model.objects.exclude(pk=pk).filter(evidence__article__in=articles)
            again = [
                other
                for other, key in natural_keys(model, sources.distinct()).items()
                if key == old_key and other not in keyed_by_editors
            ]
            assert not again, (
                f"{model.__name__} {pk} was corrected from {old_key!r}, and re-loading its "
                f"article made that fact again as {model.__name__} {again}"
            )

    @invariant()
    def every_seat_is_a_constituency(self):
        known = gazetteer_seats()
        seats = models.Constituency.objects.filter(origin=models.Origin.EXTRACTED)
        names = seats.values_list("name", flat=True)
        others = [name for name in names if models.seat_slug(name) not in known]
        assert not others, f"seats that are not constituencies: {others}"


@pytest.mark.django_db(transaction=True)
def test_random_sequences_keep_the_trackers_promises():
    run_state_machine_as_test(TrackerMachine, settings=SETTINGS)
