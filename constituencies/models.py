"""The tracker's records: what the news says happened in the seats after the 2019 split.

Every fact (a majority, a shortlist decision, a candidacy, a statement...) is read out
of a source `Article` by the ingest pipeline and keeps its `Evidence`: the article and
the exact character span that states it. Editors correct and extend records in the
admin; a record remembers which fields an editor changed so that re-loading the
articles never overwrites them, and django-simple-history keeps every version.
"""

import json
from collections import defaultdict

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from django.db.models.query import ModelIterable
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords


def seat_slug(name):
    """The slug of a seat's name, whichever way it is written: "Penistone & Stocksbridge",
    "Penistone and Stocksbridge" and "PENISTONE AND STOCKSBRIDGE" are one seat, and so are
    "Liverpool, Wavertree" and "Liverpool Wavertree"."""
    return slugify(name.replace("&", " and "))


def partial_instance(model, db, values):
    """An instance of `model` with only `values` (by attribute name) loaded, as `only()`
    would give: any other field is read from the database when first used."""
    fields = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(db, fields, [values[name] for name in fields])


def install_prefetched(instance, name, rows, model, filters):
    """Make `rows` the prefetched `name` relation of `instance`, as `prefetch_related`
    would: `.all()` returns them with no query, and a query chained on it (a filter, a
    count) is filtered by `filters`. Building the relation's manager for every row, as
    Django does, costs more than the query; this is for relations of thousands of rows."""
    queryset = model._default_manager.all()
    queryset._deferred_filter = (False, (), filters)
    queryset._result_cache = rows
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def related_rows(queryset, group, *fields):
    """A subquery annotation carrying, for each outer row, `fields` of the rows of
    `queryset` whose `group` is that row, as comma-joined JSON arrays (read back with
    `read_related_rows`): a page then gets a small relation in its parent's own rows
    instead of paying a query for it."""
    rows = models.functions.Cast(models.functions.JSONArray(*fields), models.TextField())
    return models.Subquery(
        queryset.filter(**{group: models.OuterRef("pk")})
        .order_by()
        .values(group)
        .annotate(rows=models.StringAgg(rows, models.Value(",")))
        .values("rows")
    )


def read_related_rows(text):
    return json.loads(f"[{text or ''}]")


class Origin(models.TextChoices):
    EXTRACTED = "extracted", "Extracted from an article"
    EDITOR = "editor", "Added by an editor"


class Review(models.TextChoices):
    UNREVIEWED = "unreviewed", "Not yet reviewed"
    CONFIRMED = "confirmed", "Confirmed by an editor"
    REJECTED = "rejected", "Rejected as wrong"


# A fact is *checked* when an editor confirmed it or added it themselves; any other shown
# fact was read from an article by the extractor and no editor has looked at it yet
# (*machine-read*). Rejected facts are never shown, whoever added them.
CHECKED = Q(review=Review.CONFIRMED) | (Q(origin=Origin.EDITOR) & ~Q(review=Review.REJECTED))


def checked_flag():
    """`CHECKED` as a boolean column, for annotations."""
    return models.ExpressionWrapper(CHECKED, output_field=models.BooleanField())


class Article(models.Model):
    """A news article the facts were read from, stored exactly as loaded.

    Evidence offsets index into `text`, so the text is never rewritten in place: a
    changed file is a new version whose facts replace the old version's. Title and
    publisher are guessed from the text when nobody gave them; what an editor sets is
    kept (`edited_fields`).
    """

    slug = models.SlugField(max_length=120, unique=True)
    filename = models.CharField(
        max_length=255, blank=True, help_text="File the loader read, if any."
    )
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    published = models.DateField(
        null=True, blank=True, help_text="Publication date, not import date."
    )
    url = models.URLField(max_length=1000, blank=True)
    text = models.TextField()
    sha256 = models.CharField(
        max_length=64, help_text="Hash of the text: identical copies are one article."
    )
    edited_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Details an editor set; the loader never overwrites them.",
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        ordering = ["filename", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["sha256"], name="article_unique_sha256"),
            models.UniqueConstraint(
                fields=["filename"], condition=~Q(filename=""), name="article_unique_filename"
            ),
        ]

    def __str__(self):
        return self.title or self.filename or self.slug

    def get_absolute_url(self):
        return reverse("constituencies:article-detail", kwargs={"slug": self.slug})


class EvidenceQuerySet(models.QuerySet):
    def for_pages(self):
        """With what pages and exports show of each span's article (its name, link and
        date), not its text, which would ride along with every span."""
        return self.select_related("article").defer(
            "article__text",
            "article__sha256",
            "article__url",
            "article__imported_at",
            "article__updated_at",
        )

    def for_facts(self, facts):
        """The evidence of `facts`, records of any kinds, in one query."""
        ids = defaultdict(set)
        for fact in facts:
            ids[type(fact)].add(fact.pk)
        if not ids:
            return self.none()
        content_types = ContentType.objects.get_for_models(*ids)
        condition = Q()
        for model, pks in ids.items():
            condition |= Q(content_type=content_types[model], object_id__in=sorted(pks))
        return self.filter(condition)

    def attach_to(self, facts):
        """Fetch the evidence of `facts` and install it as each one's prefetched `evidence`,
        as `prefetch_related` would, but in one query for every kind of fact instead of one
        per kind. SQLite builds that allow fewer parameters than there are facts get one
        query per batch."""
        facts = list(facts)
        if not facts:
            return
        limit = connections[self.db].features.max_query_params or len(facts)
        found = defaultdict(list)
        for start in range(0, len(facts), limit):
            for evidence in self.for_facts(facts[start : start + limit]):
                found[evidence.content_type_id, evidence.object_id].append(evidence)
        content_types = ContentType.objects.get_for_models(*{type(fact) for fact in facts})
        for fact in facts:
            key = content_types[type(fact)].pk, fact.pk
            filters = {"content_type__pk": key[0], "object_id": key[1]}
            install_prefetched(fact, "evidence", found[key], Evidence, filters)


class Evidence(models.Model):
    """The span of an article that supports one fact; `quote` is exactly `text[start:end]`."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    fact = GenericForeignKey("content_type", "object_id")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    rule = models.CharField(max_length=100, blank=True, help_text="Extraction rule that found it.")

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["article", "start", "end"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="evidence_fact_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "article", "start", "end"],
                name="evidence_unique_span",
            ),
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="evidence_end_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.article} [{self.start}:{self.end}]"

    def save(self, *args, **kwargs):
        # The invariant every page and export relies on; checked here so that no code
        # path, admin or loader, can store a quote the article does not contain.
        self.clean()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#span-{self.start}-{self.end}"

    def clean(self):
        self.check_quote(self.article.text, self.start, self.end, self.quote)

    @staticmethod
    def check_quote(text, start, end, quote):
        """Raise `ValidationError` unless `quote` is exactly `text[start:end]`."""
        if text[start:end] != quote:
            message = f"Quote does not match characters {start}-{end} of the article."
            raise ValidationError({"quote": message})


class WaitingFact(models.Model):
    """A fact an article states about an MP's seat without naming the seat ("the seats held
    by X and Y"), kept until the loader learns X's seat from any article. It is then
    written as a fact of its article, with its evidence, and this row goes. Not shown
    anywhere: it is not yet a fact about any seat."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="waiting_facts")
    seat_holder = models.CharField(max_length=200, db_index=True)
    # The extracted fact: its kind (the dataclass's name) and fields, evidence included.
    kind = models.CharField(max_length=50)
    fields = models.JSONField()

    class Meta:
        ordering = ["article", "pk"]

    def __str__(self):
        return f"{self.kind} about {self.seat_holder}'s seat, from {self.article}"


class FactQuerySet(models.QuerySet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._evidence_paths = None
        self._checked_only = False

    def public(self):
        """What the public site shows: everything an editor has not rejected."""
        return self.exclude(review=Review.REJECTED)

    def unreviewed(self):
        return self.filter(review=Review.UNREVIEWED)

    def checked(self):
        """Facts an editor has checked: confirmed, or added by an editor (`CHECKED`)."""
        return self.filter(CHECKED)

    def checked_only(self, checked=True):
        """The same records, but the facts about them that annotations and prefetches bring
        are the checked ones only (with `checked`), not every public one. Call it before
        those methods."""
        clone = self._chain()
        clone._checked_only = checked
        return clone

    def facts_shown(self, model):
        """The rows of `model` that the facts about these records are read from."""
        return model.objects.checked() if self._checked_only else model.objects.public()

    def with_evidence(self, *paths):
        """Prefetch the evidence (and its articles' metadata) of the rows and of the facts
        reached along `paths` ("candidacies", "mp__party_moves": relations this queryset
        prefetches or selects), all in one query once the rows and their prefetches are
        fetched (`EvidenceQuerySet.attach_to`)."""
        clone = self._chain()
        clone._evidence_paths = (*(self._evidence_paths or ()), *paths)
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._evidence_paths = self._evidence_paths
        clone._checked_only = self._checked_only
        return clone

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._iterable_class is ModelIterable:
            self._after_fetch(self._result_cache)

    def _after_fetch(self, rows):
        """Runs once on the rows fetched, after `prefetch_related`."""
        if self._evidence_paths is not None and rows:
            Evidence.objects.for_pages().attach_to(facts_along(rows, self._evidence_paths))


def facts_along(rows, paths):
    """`rows` and every record reached from them along `paths`, through relations already
    prefetched or selected; a record reached twice is listed twice, as each copy needs its
    own prefetched evidence."""
    found = list(rows)
    for path in paths:
        level = rows
        for name in path.split("__"):
            reached = []
            for obj in level:
                value = getattr(obj, name)
                if isinstance(value, models.Manager):
                    reached.extend(value.all())
                elif value is not None:
                    reached.append(value)
            level = reached
        found += level
    return found


def fact_rows(model, everything=False, checked=False):
    """The public rows of `model`; every row, rejected ones too, with `everything`; the
    checked ones only with `checked`."""
    if everything:
        return model.objects.all()
    return model.objects.checked() if checked else model.objects.public()


def public_with_evidence(model, *select, everything=False, checked=False):
    """`fact_rows` of `model` with their evidence and the evidence's articles prefetched."""
    rows = fact_rows(model, everything, checked)
    return rows.select_related(*select).with_evidence() if select else rows.with_evidence()


def public_facts(model, *select, everything=False, checked=False):
    """`fact_rows` of `model` for a prefetch whose evidence the outer queryset fetches with
    everyone else's (`with_evidence`)."""
    rows = fact_rows(model, everything, checked)
    return rows.select_related(*select) if select else rows


class Fact(models.Model):
    """Shared provenance for every record the loader or an editor can write."""

    origin = models.CharField(max_length=10, choices=Origin, default=Origin.EXTRACTED)
    edited_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields an editor changed; the loader never overwrites them.",
    )
    review = models.CharField(max_length=10, choices=Review, default=Review.UNREVIEWED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    evidence = GenericRelation(Evidence)

    objects = FactQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_edited(self):
        return self.origin == Origin.EDITOR or bool(self.edited_fields)

    @property
    def is_checked(self):
        """Whether an editor confirmed this fact or added it (`CHECKED`)."""
        if self.review == Review.REJECTED:
            return False
        return self.review == Review.CONFIRMED or self.origin == Origin.EDITOR

    @property
    def evidence_rows(self):
        """`evidence.all()`, read straight from the prefetch cache when the evidence was
        prefetched: building the relation's manager costs more than reading the rows, and
        the full seat download reads the evidence of 48,000 facts."""
        prefetched = getattr(self, "_prefetched_objects_cache", {})
        return prefetched["evidence"] if "evidence" in prefetched else self.evidence.all()


class Organisation(Fact):
    """A party, group, union, committee, council or constituency Labour party (CLP)."""

    class Kind(models.TextChoices):
        PARTY = "party", "Political party"
        GROUP = "group", "Parliamentary group"
        CAMPAIGN = "campaign", "Campaign group"
        UNION = "union", "Trade union"
        COMMITTEE = "committee", "Party committee"
        CLP = "clp", "Constituency Labour party"
        COUNCIL = "council", "Council"
        MEDIA = "media", "News outlet"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="branches",
        help_text="The national body a local group or CLP belongs to.",
    )
    constituency = models.ForeignKey(
        "Constituency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
        help_text="The seat a CLP or local group covers.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        # The loader looks names up whatever their case.
        indexes = [models.Index(Lower("name"), name="organisation_lower_name")]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="organisation_unique_name"),
            models.UniqueConstraint(fields=["slug"], name="organisation_unique_slug"),
        ]

    def __str__(self):
        return self.name


class PersonQuerySet(FactQuerySet):
    def with_facts(self, everything=False):
        """People with their party, moves, aliases and evidence, for pages and exports;
        `everything` keeps rejected records too (for backups)."""
        people = self if everything else self.public()

        def facts(model, *select):
            return public_facts(model, *select, everything=everything, checked=self._checked_only)

        return (
            people.select_related("party")
            .prefetch_related(
                Prefetch("party_moves", facts(PartyMove, "from_party", "to_group", "constituency")),
                Prefetch("roles", facts(Role, "organisation")),
                "aliases",
            )
            .with_evidence("party_moves", "roles")
        )

    # --- Public site (person page) ---

    def for_detail(self):
        """`with_facts()` (which brings roles and party moves) plus everything else a person
        page lists: the seats they hold, candidacies and statements, each with evidence."""
        checked = self._checked_only
        return (
            self.with_facts()
            .prefetch_related(
                Prefetch("seats", public_facts(Constituency, "mp", checked=checked)),
                Prefetch(
                    "candidacies",
                    public_facts(Candidacy, "constituency", checked=checked).with_backers(),
                ),
                Prefetch(
                    "statements",
                    public_facts(Statement, "constituency", "organisation", checked=checked),
                ),
            )
            .with_evidence("seats", "candidacies", "statements")
        )


class Person(Fact):
    """Someone the articles name: an MP, a prospective candidate, an officer, a spokesperson."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    description = models.CharField(max_length=300, blank=True)
    party = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text="Current party or group, where the articles say.",
    )

    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "people"
        ordering = ["name"]
        indexes = [models.Index(Lower("name"), name="person_lower_name")]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="person_unique_name"),
            models.UniqueConstraint(fields=["slug"], name="person_unique_slug"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("constituencies:person-detail", kwargs={"slug": self.slug})

    @property
    def latest_move(self):
        """The party move most recently recorded, from prefetched `party_moves` if present."""
        moves = list(self.party_moves.all())
        return moves[-1] if moves else None


class PersonAlias(models.Model):
    """Another spelling an article uses for a person: a surname alone, "Nav" for "Navendu"."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200, db_index=True)

    class Meta:
        verbose_name_plural = "person aliases"
        ordering = ["alias"]
        constraints = [
            models.UniqueConstraint(fields=["person", "alias"], name="person_alias_unique"),
        ]

    def __str__(self):
        return f"{self.alias} → {self.person}"


class ConstituencyQuerySet(FactQuerySet):
    def with_facts(self, everything=False):
        """Seats with every public fact and its evidence prefetched, in a fixed number of
        queries whatever the number of seats; `everything` keeps rejected facts too."""
        seats = self if everything else self.public()

        def facts(model, *select):
            return public_facts(model, *select, everything=everything, checked=self._checked_only)

        return (
            seats.select_related("mp", "mp__party")
            .prefetch_related(
                Prefetch("mp__party_moves", facts(PartyMove, "from_party", "to_group")),
                Prefetch("majorities", facts(Majority)),
                Prefetch("shortlists", facts(ShortlistDecision, "decided_by")),
                Prefetch("candidacies", facts(Candidacy, "person").with_backers()),
                Prefetch("statements", facts(Statement, "speaker", "organisation")),
                Prefetch("events", facts(Event, "person")),
            )
            .with_evidence(
                "mp__party_moves", "majorities", "shortlists", "candidacies", "statements", "events"
            )
            .with_official_results()
        )

    OFFICIAL_RESULT_FIELDS = [
        "id",
        "year",
        "electorate",
        "valid_votes",
        "winner",
        "runner_up",
        "majority",
        "votes",
        "source",
    ]

    def with_official_results(self):
        """Bring each seat's official results in its own row (`related_rows`) and install
        them as its prefetched `official_results`, oldest election first."""
        results = related_rows(
            OfficialResult.objects.all(), "constituency", *self.OFFICIAL_RESULT_FIELDS
        )
        return self.annotate(official_result_rows=results)

    def _after_fetch(self, rows):
        if "official_result_rows" in self.query.annotations:
            for seat in rows:
                results = []
                for values in read_related_rows(seat.official_result_rows):
                    result = dict(zip(self.OFFICIAL_RESULT_FIELDS, values, strict=True))
                    if isinstance(result["votes"], str):
                        # SQLite's JSON_ARRAY keeps a JSON column's text as a string.
                        result["votes"] = json.loads(result["votes"])
                    results.append(
                        partial_instance(
                            OfficialResult, self.db, {**result, "constituency_id": seat.pk}
                        )
                    )
                results.sort(key=lambda result: result.year)
                filters = {"constituency__pk": seat.pk}
                install_prefetched(seat, "official_results", results, OfficialResult, filters)
        super()._after_fetch(rows)

    # --- Public site (lists, filters, exports) ---

    NO_SHORTLIST = "unknown"
    # The general election that returned the MPs who left Labour in 2019: the one whose
    # winners the seat list filters by.
    WINNER_YEAR = 2017

    def for_list(self):
        """Seats for tables and CSV: the majority the list uses (`with_majority()`), shown
        shortlist kind, whether the seat is tracked and fact counts annotated in SQL, the
        MP's party moves and the newest statement prefetched; all of them read from the
        facts shown (every public one, or the checked ones after `checked_only()`)."""
        newest_statement = (
            self.facts_shown(Statement)
            .filter(constituency=models.OuterRef("constituency"))
            .order_by("-created_at", "-pk")
            .values("pk")[:1]
        )
        return (
            self.public()
            .with_majority()
            .with_shortlist_kind()
            .with_tracked()
            .annotate(
                candidate_count=self._fact_count(Candidacy),
                statement_count=self._fact_count(Statement),
            )
            .select_related("mp", "mp__party")
            .prefetch_related(
                Prefetch(
                    "mp__party_moves",
                    self.facts_shown(PartyMove).select_related("from_party", "to_group"),
                ),
                Prefetch(
                    "statements",
                    self.facts_shown(Statement)
                    .filter(pk=models.Subquery(newest_statement))
                    .select_related("speaker", "organisation"),
                    to_attr="newest_statements",
                ),
            )
        )

    def with_latest_majority(self):
        """Annotate `latest_majority_votes`, `latest_majority_year` and whether an editor
        checked it (`latest_majority_checked`) from the most recent majority shown (the
        first recorded when sources disagree), so that filtering and ordering by majority
        happen in SQL."""
        latest = (
            self.facts_shown(Majority)
            .filter(constituency=models.OuterRef("pk"))
            .order_by("-year", "pk")
        )
        return self.annotate(
            latest_majority_votes=models.Subquery(latest.values("majority")[:1]),
            latest_majority_year=models.Subquery(latest.values("year")[:1]),
            latest_majority_checked=models.Subquery(
                latest.annotate(checked=checked_flag()).values("checked")[:1]
            ),
        )

    def with_majority(self):
        """Annotate the majority the public site filters, orders and charts seats by: the
        official majority at the latest election the official results cover, and where they
        give none, the latest majority the articles report (`with_latest_majority()`).

        `majority_votes` and `majority_year` hold the figure used; `official_majority_votes`
        is set when it is the official one, with `majority_percent` (of the valid votes),
        `official_winner` and `official_runner_up` from the same result.
        """
        latest = OfficialResult.objects.filter(constituency=models.OuterRef("pk")).order_by("-year")
        share = latest.annotate(
            share=models.functions.Cast("majority", models.FloatField())
            * 100
            / models.functions.NullIf("valid_votes", 0)
        )
        official = models.Q(official_majority_votes__isnull=False)
        return (
            self.with_latest_majority()
            .annotate(
                official_majority_votes=models.Subquery(latest.values("majority")[:1]),
                official_year=models.Subquery(latest.values("year")[:1]),
                official_winner=models.Subquery(latest.values("winner")[:1]),
                official_runner_up=models.Subquery(latest.values("runner_up")[:1]),
                majority_percent=models.Subquery(share.values("share")[:1]),
            )
            .annotate(
                majority_votes=models.Case(
                    models.When(official, then="official_majority_votes"),
                    default="latest_majority_votes",
                ),
                majority_year=models.Case(
                    models.When(official, then="official_year"), default="latest_majority_year"
                ),
            )
        )

    def with_majority_between(self, low=None, high=None):
        """Seats whose majority (`with_majority()`) is within the bounds given; seats with
        no known majority never."""
        seats = self.with_majority()
        if low is not None:
            seats = seats.filter(majority_votes__gte=low)
        if high is not None:
            seats = seats.filter(majority_votes__lte=high)
        return seats

    def with_majority_share_between(self, low=None, high=None):
        """Seats whose official majority is within the bounds given, in percent of the valid
        votes; only official results count, as the articles give no vote totals."""
        seats = self.with_majority()
        if low is not None:
            seats = seats.filter(majority_percent__gte=low)
        if high is not None:
            seats = seats.filter(majority_percent__lte=high)
        return seats

    def with_tracked(self):
        """Annotate `is_tracked`: the seat's MP left their party, or there is news of
        Labour's selection there (a candidacy, a shortlist decision or a statement)."""
        seat = models.OuterRef("pk")
        news = (
            models.Exists(self.facts_shown(PartyMove).filter(constituency=seat))
            | models.Exists(self.facts_shown(PartyMove).filter(person=models.OuterRef("mp")))
            | models.Exists(self.facts_shown(Candidacy).filter(constituency=seat))
            | models.Exists(self.facts_shown(ShortlistDecision).filter(constituency=seat))
            | models.Exists(self.facts_shown(Statement).filter(constituency=seat))
        )
        return self.annotate(
            is_tracked=models.ExpressionWrapper(news, output_field=models.BooleanField())
        )

    def tracked(self, tracked=True):
        """The seats the tracker follows (see `with_tracked()`), or with `tracked=False`
        all the others."""
        return self.with_tracked().filter(is_tracked=tracked)

    def won_by(self, party, year=WINNER_YEAR):
        """Seats the party (a Commons Library code: "Lab", "Con"...) won at `year`'s
        general election, by the official results."""
        return self.filter(official_results__year=year, official_results__winner=party)

    def places(self):
        """The distinct (country, region) pairs of public seats, for filter choices."""
        return (
            self.public()
            .exclude(country="")
            .order_by("country", "region")
            .values_list("country", "region")
            .distinct()
        )

    def places_and_winners(self, year=WINNER_YEAR):
        """`places()` and the codes of the parties that won a seat at `year`'s election
        (`OfficialResult.objects.winning_parties()`), each sorted, in one query."""
        places = (
            self.public()
            .exclude(country="")
            .order_by()
            .values_list(models.Value("place"), "country", "region")
        )
        winners = (
            OfficialResult.objects.filter(year=year)
            .exclude(winner="")
            .order_by()
            .values_list(models.Value("winner"), "winner", models.Value(""))
        )
        rows = set(places.union(winners).order_by())
        return (
            sorted((first, second) for kind, first, second in rows if kind == "place"),
            sorted(first for kind, first, _ in rows if kind == "winner"),
        )

    def with_shortlist_kind(self):
        """Annotate `shortlist_kind`: the kind of the decision `Constituency.shortlist`
        shows, chosen in SQL by the same weighting, None when no decision is shown; and
        whether an editor checked that decision (`shortlist_checked`)."""
        firmness_rank = models.Case(
            *(
                models.When(firmness=firmness, then=rank)
                for rank, firmness in enumerate(ShortlistDecision.FIRMNESS_ORDER)
            ),
            default=0,
        )
        decided = models.Case(models.When(kind=ShortlistDecision.Kind.UNDECIDED, then=0), default=1)
        shown = (
            self.facts_shown(ShortlistDecision)
            .filter(constituency=models.OuterRef("pk"))
            .order_by(decided.desc(), firmness_rank.desc(), "kind")
        )
        return self.annotate(
            shortlist_kind=models.Subquery(shown.values("kind")[:1]),
            shortlist_checked=models.Subquery(
                shown.annotate(checked=checked_flag()).values("checked")[:1]
            ),
        )

    def with_shortlist(self, kinds):
        """Seats whose shown shortlist kind is one of `kinds`; `NO_SHORTLIST` matches none."""
        kinds = set(kinds)
        condition = Q(shortlist_kind__in=kinds - {self.NO_SHORTLIST})
        if self.NO_SHORTLIST in kinds:
            condition |= Q(shortlist_kind__isnull=True)
        return self.with_shortlist_kind().filter(condition)

    def search(self, text):
        return self.filter(Q(name__icontains=text) | Q(mp__name__icontains=text))

    def _fact_count(self, model):
        counts = (
            self.facts_shown(model)
            .filter(constituency=models.OuterRef("pk"))
            .order_by()
            .values("constituency")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return models.functions.Coalesce(models.Subquery(counts), 0)


class Constituency(Fact):
    """A Westminster seat, named as the articles write it."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    mp = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="seats",
        verbose_name="MP",
        help_text="The sitting MP, whatever party they now sit for.",
    )
    ons_code = models.CharField(
        max_length=9, blank=True, verbose_name="ONS code", help_text="From the official results."
    )
    official_name = models.CharField(
        max_length=200, blank=True, help_text="The name in the House of Commons Library's results."
    )
    region = models.CharField(max_length=100, blank=True)
    country = models.CharField(max_length=50, blank=True)

    history = HistoricalRecords()

    objects = ConstituencyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "constituencies"
        ordering = ["name"]
        indexes = [models.Index(Lower("name"), name="constituency_lower_name")]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="constituency_unique_name"),
            models.UniqueConstraint(fields=["slug"], name="constituency_unique_slug"),
            models.UniqueConstraint(
                fields=["ons_code"], condition=~Q(ons_code=""), name="constituency_unique_ons_code"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("constituencies:constituency-detail", kwargs={"slug": self.slug})

    @property
    def shortlist(self):
        """The shortlist decision to show when sources differ: a firm decision over a
        recommendation, and any decision over "not yet decided"."""
        decisions = list(self.shortlists.all())
        return max(decisions, key=ShortlistDecision.weight, default=None)

    def official_result(self, year):
        """The official result for `year`, from prefetched `official_results`."""
        return next((r for r in self.official_results.all() if r.year == year), None)

    @property
    def latest_majority(self):
        majorities = list(self.majorities.all())
        return max(majorities, key=lambda m: m.year, default=None)

    @property
    def official_results_newest_first(self):
        """Prefetched `official_results`, the latest election first."""
        return sorted(self.official_results.all(), key=lambda r: r.year, reverse=True)


class Role(Fact):
    """A position someone holds: chair of a CLP, Labour's party chair, Momentum's co-ordinator."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="roles"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "title", "organisation"],
                name="role_unique_person_title_organisation",
            ),
            models.UniqueConstraint(
                fields=["person", "title"],
                condition=Q(organisation=None),
                name="role_unique_person_title",
            ),
        ]

    def __str__(self):
        return f"{self.person}, {self.title}" + (
            f", {self.organisation}" if self.organisation else ""
        )


class PartyMove(Fact):
    """An MP leaving a party, to join a group or to sit as an independent."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="party_moves")
    from_party = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="departures"
    )
    to_group = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="arrivals",
        help_text="Empty when they left to sit as an independent.",
    )
    constituency = models.ForeignKey(
        Constituency,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="party_moves",
        help_text="The seat they held when they left.",
    )
    date = models.DateField(null=True, blank=True)
    date_text = models.CharField(
        max_length=100, blank=True, help_text="The date as the article gives it."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["person"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "from_party"], name="party_move_unique_person_party"
            ),
        ]

    def __str__(self):
        destination = self.to_group.name if self.to_group else "sit as an independent"
        return f"{self.person} left {self.from_party} for {destination}"


class MajorityQuerySet(FactQuerySet):
    def with_official(self):
        """Annotate `official_majority` for the same seat and year, from the official results."""
        official = OfficialResult.objects.filter(
            constituency=models.OuterRef("constituency"), year=models.OuterRef("year")
        )
        return self.annotate(official_majority=models.Subquery(official.values("majority")[:1]))

    def disagreeing_with_official(self):
        return (
            self.with_official()
            .filter(official_majority__isnull=False)
            .exclude(majority=models.F("official_majority"))
        )


class Majority(Fact):
    """The winning margin in a seat at one general election, as an article states it.

    Two articles that disagree give two rows, each with its own evidence.
    """

    constituency = models.ForeignKey(
        Constituency, on_delete=models.CASCADE, related_name="majorities"
    )
    year = models.PositiveSmallIntegerField(help_text="Year of the general election.")
    majority = models.PositiveIntegerField(
        help_text="Votes between the winner and the runner-up, not the winner's vote count."
    )

    history = HistoricalRecords()

    objects = MajorityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "majorities"
        ordering = ["constituency", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["constituency", "year", "majority"], name="majority_unique_seat_year_value"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1832, year__lte=2100), name="majority_year_plausible"
            ),
        ]

    def __str__(self):
        return f"{self.constituency} {self.year}: {self.majority:,}"


class ShortlistDecision(Fact):
    """Whether Labour's shortlist for a seat is all-women, open to all, or not yet decided."""

    class Kind(models.TextChoices):
        ALL_WOMEN = "all_women", "All-women shortlist"
        OPEN = "open", "Open to men and women"
        UNDECIDED = "undecided", "Not yet decided"

    class Firmness(models.TextChoices):
        AGREED = "agreed", "Agreed"
        RECOMMENDED = "recommended", "Recommended"
        PROPOSED = "proposed", "Proposed"
        UNKNOWN = "", "Not stated"

    constituency = models.ForeignKey(
        Constituency, on_delete=models.CASCADE, related_name="shortlists"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    decided_by = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shortlist_decisions",
    )
    firmness = models.CharField(
        max_length=12, choices=Firmness, blank=True, default=Firmness.UNKNOWN
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["constituency", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["constituency", "kind"], name="shortlist_unique_seat_kind"
            ),
        ]

    def __str__(self):
        return f"{self.constituency}: {self.get_kind_display()}"

    FIRMNESS_ORDER = ["", "proposed", "recommended", "agreed"]

    def weight(self):
        return (self.kind != self.Kind.UNDECIDED, self.FIRMNESS_ORDER.index(self.firmness))


class CandidacyQuerySet(FactQuerySet):
    def with_backers(self):
        """Bring each candidacy's backers in its own row, as a JSON list in `backer_rows`,
        and install them as its prefetched `backers` (with their name and slug; other
        fields load on demand): pages listing candidacies pay no query for them."""
        backers = related_rows(
            Candidacy.backers.through.objects.all(),
            "candidacy",
            "organisation_id",
            "organisation__name",
            "organisation__slug",
        )
        return self.annotate(backer_rows=backers)

    def _after_fetch(self, rows):
        if "backer_rows" in self.query.annotations:
            for candidacy in rows:
                backers = sorted(
                    (
                        partial_instance(
                            Organisation, self.db, {"id": pk, "name": name, "slug": slug}
                        )
                        for pk, name, slug in read_related_rows(candidacy.backer_rows)
                    ),
                    key=lambda organisation: organisation.name,
                )
                filters = {"backed_candidacies__pk": candidacy.pk}
                install_prefetched(candidacy, "backers", backers, Organisation, filters)
        super()._after_fetch(rows)


class Candidacy(Fact):
    """Someone in the running to be Labour's candidate for a seat, at some stage of selection.

    The stages come in order (`STAGES`): a later report moves a candidacy forward, never
    back, and withdrawing or not being selected ends it.
    """

    class Status(models.TextChoices):
        TIPPED = "tipped", "Rumoured or tipped"
        APPLIED = "applied", "Applied"
        LONGLISTED = "longlisted", "Longlisted"
        SHORTLISTED = "shortlisted", "Shortlisted"
        SELECTED = "selected", "Selected"
        WITHDRAWN = "withdrawn", "Withdrawn"
        NOT_SELECTED = "not_selected", "Not selected"

    STAGES = [Status.TIPPED, Status.APPLIED, Status.LONGLISTED, Status.SHORTLISTED, Status.SELECTED]
    ENDINGS = [Status.WITHDRAWN, Status.NOT_SELECTED]

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="candidacies")
    constituency = models.ForeignKey(
        Constituency, on_delete=models.CASCADE, related_name="candidacies"
    )
    status = models.CharField(max_length=12, choices=Status, default=Status.TIPPED)
    description = models.CharField(
        max_length=300, blank=True, help_text="How the article describes them, e.g. “NEC member”."
    )
    backers = models.ManyToManyField(Organisation, blank=True, related_name="backed_candidacies")

    history = HistoricalRecords(m2m_fields=[backers])

    objects = CandidacyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "candidacies"
        ordering = ["constituency", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "constituency"], name="candidacy_unique_person_seat"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_status_display()}) in {self.constituency}"

    @classmethod
    def advance(cls, status, reported):
        """The status after a report of `reported`: a later stage moves it forward, an
        earlier one leaves it, and once it has ended nothing moves it."""
        if status in cls.ENDINGS:
            return status
        if reported in cls.ENDINGS or cls.STAGES.index(reported) > cls.STAGES.index(status):
            return reported
        return status


class Statement(Fact):
    """Words said or written about a seat: by its CLP or officers, a local group, the party.

    A statement read from an article is that article's report of one speaker's words about
    one seat: `source` and `source_key` (who spoke about which seat, as the article put
    it) identify it, so an editor may correct its words, speaker or seat and a re-load of
    the article still finds it. Statements an editor adds have no source.
    """

    class Medium(models.TextChoices):
        TWEET = "tweet", "Tweet"
        EMAIL = "email", "Email"
        LETTER = "letter", "Letter"
        STATEMENT = "statement", "Statement"
        INTERVIEW = "interview", "Interview"
        UNKNOWN = "", "Not stated"

    class Stance(models.TextChoices):
        CALLS_FOR_BY_ELECTION = "calls_for_by_election", "Calls for a by-election"
        CRITICAL = "critical", "Critical of the MP"
        SUPPORTIVE = "supportive", "Supportive of the MP"
        UNKNOWN = "", "Not stated"

    constituency = models.ForeignKey(
        Constituency,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="statements",
        help_text="Empty when it is about all the splitters' seats.",
    )
    speaker = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text="The body the speaker speaks for.",
    )
    speaker_role = models.CharField(
        max_length=100,
        blank=True,
        help_text="Who spoke when the article gives only a role, e.g. “campaign coordinator”.",
    )
    by_clp = models.BooleanField(default=False, verbose_name="CLP's own statement")
    medium = models.CharField(max_length=10, choices=Medium, blank=True, default=Medium.UNKNOWN)
    text = models.TextField(
        help_text=(
            "The words exactly as the article gives them: quoted words in quotation marks, "
            "reported speech without them, separate passages joined by “ … ”."
        )
    )
    stance = models.CharField(max_length=25, choices=Stance, blank=True, default=Stance.UNKNOWN)
    source = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The article the statement was read from.",
    )
    source_key = models.CharField(
        max_length=500,
        blank=True,
        editable=False,
        help_text="Who spoke about which seat, as the source article put it.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["constituency", "created_at", "pk"]
        # The seat lists show each seat's newest statement: one index step per seat.
        indexes = [
            models.Index(fields=["constituency", "created_at", "id"], name="statement_newest_idx")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_key"],
                condition=Q(source__isnull=False),
                name="statement_unique_source",
            ),
        ]

    def __str__(self):
        return f"{self.attribution}: {self.text[:60]}"

    @property
    def attribution(self):
        """Who spoke, as the article has it: a name, else a role of a body, else the body."""
        if self.speaker:
            return self.speaker.name
        if self.speaker_role and self.organisation:
            return f"The {self.speaker_role} of {self.organisation.name}"
        if self.speaker_role:
            return f"The {self.speaker_role}"
        return self.organisation.name if self.organisation else "Unattributed"


class Event(Fact):
    """Something worth a seat's timeline: a no-confidence vote, a campaign day, a letter."""

    class Kind(models.TextChoices):
        NO_CONFIDENCE_VOTE = "no_confidence_vote", "No-confidence vote"
        CAMPAIGN_DAY = "campaign_day", "Campaign day"
        LETTER = "letter", "Letter"
        SELECTION_PROCESS = "selection_process", "Selection process"
        OTHER = "other", "Other"

    constituency = models.ForeignKey(
        Constituency,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
        help_text="Empty when it concerns all the splitters' seats.",
    )
    kind = models.CharField(max_length=20, choices=Kind)
    description = models.CharField(max_length=500)
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="The MP it concerns, if any.",
    )
    date = models.DateField(null=True, blank=True)
    date_text = models.CharField(
        max_length=100, blank=True, help_text="When, as the article says it."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["constituency", "date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["constituency", "kind", "description", "person"],
                name="event_unique_seat_kind_description_person",
            ),
            models.UniqueConstraint(
                fields=["constituency", "kind", "description"],
                condition=Q(person=None),
                name="event_unique_seat_kind_description",
            ),
            models.UniqueConstraint(
                fields=["kind", "description", "person"],
                condition=Q(constituency=None),
                name="event_unique_general_kind_description_person",
            ),
            models.UniqueConstraint(
                fields=["kind", "description"],
                condition=Q(constituency=None, person=None),
                name="event_unique_general_kind_description",
            ),
        ]

    def __str__(self):
        return f"{self.constituency or 'All seats'}: {self.get_kind_display()}"


class OfficialResultQuerySet(models.QuerySet):
    def winning_parties(self, year):
        """The distinct codes of the parties that won a seat at `year`'s election."""
        return (
            self.filter(year=year)
            .exclude(winner="")
            .order_by("winner")
            .values_list("winner", flat=True)
            .distinct()
        )


class OfficialResult(models.Model):
    """A seat's result at one general election, from the House of Commons Library.

    Official figures, re-imported rather than edited; articles' majority claims are
    checked against `majority`.
    """

    class Source(models.TextChoices):
        CONSTITUENCY_RESULTS = "constituency", "Results by constituency (one election)"
        HISTORICAL = "historical", "1918-2017 results"

    constituency = models.ForeignKey(
        Constituency, on_delete=models.CASCADE, related_name="official_results"
    )
    year = models.PositiveSmallIntegerField(help_text="Year of the general election.")
    electorate = models.PositiveIntegerField(null=True, blank=True)
    valid_votes = models.PositiveIntegerField(null=True, blank=True)
    winner = models.CharField(max_length=40, blank=True, help_text="Winning party, as coded.")
    runner_up = models.CharField(max_length=40, blank=True)
    majority = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Votes between winner and runner-up; empty where the file lumps the "
        "runner-up in with other candidates.",
    )
    votes = models.JSONField(default=dict, help_text="Votes per party.")
    source = models.CharField(max_length=12, choices=Source)

    objects = OfficialResultQuerySet.as_manager()

    class Meta:
        ordering = ["constituency", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["constituency", "year"], name="official_result_unique_seat_year"
            ),
        ]

    def __str__(self):
        return f"{self.constituency} {self.year}: {self.winner}"

    @property
    def turnout(self):
        """Valid votes as a share of the electorate."""
        if not self.electorate or self.valid_votes is None:
            return None
        return self.valid_votes / self.electorate

    @property
    def majority_share(self):
        if not self.valid_votes or self.majority is None:
            return None
        return self.majority / self.valid_votes

    def ranked_votes(self):
        """(party, votes, share of the valid votes or None) triples, most votes first."""
        return [
            (party, votes, votes / self.valid_votes if self.valid_votes else None)
            for party, votes in sorted(self.votes.items(), key=lambda item: (-item[1], item[0]))
        ]


class DataVersion(models.Model):
    """How many times the tracker's data has changed: one row, counted up after every
    commit that changes what a public page shows. Each server process keeps the pages it
    rendered under the version it read, so a new version retires them all at once (see
    `constituencies.pagecache`)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "data version"
        verbose_name_plural = "data version"
        ordering = ["id"]
        constraints = [models.CheckConstraint(condition=Q(id=1), name="data_version_one_row")]

    def __str__(self):
        return f"Data version {self.version}"
