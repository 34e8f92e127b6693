"""The editors' back office.

Every change made here is kept by django-simple-history (who, when, what) and can be
reverted from the record's History page, by those allowed to change the record (to
restore a deleted one, to add it). Saving a machine-extracted record records which
fields the editor changed, so the loader leaves those fields alone. A form built from a
version of a record that has changed since is refused, not saved over it
(`constituencies.conflicts`).
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, router, transaction
from django.db.models import F, Q
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from .conflicts import VERSION_FIELD, VersionedForm
from .forms import ArticleAdminForm
from .ingest.load import delete_articles
from .ingest.pipeline import load_raw
from .models import (
    Article,
    Candidacy,
    Constituency,
    Event,
    Evidence,
    Majority,
    OfficialResult,
    Organisation,
    Origin,
    PartyMove,
    Person,
    PersonAlias,
    Review,
    Role,
    ShortlistDecision,
    Statement,
)

PROVENANCE_FIELDS = ("origin", "edited_fields", "review", "created_at", "updated_at")
ARTICLE_DETAILS = ("title", "publisher", "published", "url")
ARTICLE_PROVENANCE = ("slug", "filename", "sha256", "edited_fields", "imported_at", "updated_at")


def mark_edited(obj, changed_fields, is_new):
    if is_new:
        obj.origin = Origin.EDITOR
        return
    changed = set(changed_fields) - set(PROVENANCE_FIELDS)
    if changed:
        obj.edited_fields = sorted(set(obj.edited_fields) | changed)


class ProvenanceFilter(admin.SimpleListFilter):
    title = "origin"
    parameter_name = "provenance"

    def lookups(self, request, model_admin):
        return [
            ("extracted", "Extracted, unedited"),
            ("edited", "Extracted, then edited"),
            ("editor", "Added by an editor"),
        ]

    def queryset(self, request, queryset):
        extracted = Q(origin=Origin.EXTRACTED)
        match self.value():
            case "extracted":
                return queryset.filter(extracted, edited_fields=[])
            case "edited":
                return queryset.filter(extracted).exclude(edited_fields=[])
            case "editor":
                return queryset.filter(origin=Origin.EDITOR)
        return queryset


class EvidenceInline(GenericTabularInline):
    model = Evidence
    extra = 0
    can_delete = False
    fields = ("article", "quote", "start", "end", "rule")
    readonly_fields = fields
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


def locked_for_save(request, queryset):
    """`queryset` with its rows locked until the save ends, when the request is a save:
    nothing then changes a record between its version check and its writing."""
    if request.method == "POST" and transaction.get_connection(queryset.db).in_atomic_block:
        return queryset.select_for_update(of=("self",))
    return queryset


class VersionedAdmin:
    """Admin forms (and inline rows) that carry the version they were built from."""

    form = VersionedForm

    def get_queryset(self, request):
        return locked_for_save(request, super().get_queryset(request))

    def get_fields(self, request, obj=None):
        fields = [name for name in super().get_fields(request, obj) if name != VERSION_FIELD]
        # Not on a read-only page, where it would be shown as an empty field.
        if obj is None or self.has_change_permission(request, obj):
            fields.append(VERSION_FIELD)
        return fields


class EditTrackingInline(VersionedAdmin, admin.TabularInline):
    extra = 0
    show_change_link = True
    readonly_fields = ("origin", "review")


@admin.action(description="Confirm selected facts as correct")
def confirm_facts(modeladmin, request, queryset):
    updated = 0
    for fact in queryset:
        fact.review = Review.CONFIRMED
        fact.save(update_fields=["review", "updated_at"])
        updated += 1
    modeladmin.message_user(request, f"Confirmed {updated} fact(s).", messages.SUCCESS)


@admin.action(description="Reject selected facts as wrong (hidden from the public site)")
def reject_facts(modeladmin, request, queryset):
    updated = 0
    for fact in queryset:
        fact.review = Review.REJECTED
        fact.save(update_fields=["review", "updated_at"])
        updated += 1
    modeladmin.message_user(request, f"Rejected {updated} fact(s).", messages.SUCCESS)


class HistoryAdmin(SimpleHistoryAdmin):
    """History that obeys permissions: any version may be viewed with the view permission,
    but writing one back needs the change permission on the record, or the add and delete
    permissions when the record has since been deleted (a restore). simple_history asks
    only for the view permission, even to write."""

    def may_write_version(self, request, stored):
        if getattr(settings, "SIMPLE_HISTORY_REVERT_DISABLED", False):
            return False
        if stored is None:
            # Undoing a deletion is for whoever may delete: an editor, who may not, cannot
            # bring back what a superuser removed.
            return self.has_add_permission(request) and self.has_delete_permission(request)
        return self.has_change_permission(request, stored)

    def revert_disabled(self, request, obj=None):
        if super().revert_disabled(request, obj):
            return True
        stored = None if obj is None else self.model._default_manager.filter(pk=obj.pk).first()
        return not self.may_write_version(request, stored)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            self.model._meta.pk.to_python(unquote(object_id))
            int(version_id)
        except (ValidationError, ValueError) as error:
            raise Http404("No such version.") from error
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        with transaction.atomic(using=router.db_for_write(self.model)):
            stored = self.get_object(request, unquote(object_id))
            if not self.may_write_version(request, stored):
                raise PermissionDenied
            return super().history_form_view(request, object_id, version_id, extra_context)


class FactAdmin(VersionedAdmin, HistoryAdmin):
    """Shared behaviour: provenance read-only, evidence inline, review actions, edit tracking."""

    inlines = [EvidenceInline]
    actions = [confirm_facts, reject_facts]
    readonly_fields = PROVENANCE_FIELDS
    list_filter = ("review", ProvenanceFilter)

    def save_model(self, request, obj, form, change):
        mark_edited(obj, form.changed_data, is_new=not change)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if inline_form.instance.pk is None or inline_form.has_changed():
                mark_edited(
                    inline_form.instance,
                    inline_form.changed_data,
                    is_new=inline_form.instance.pk is None,
                )
        super().save_formset(request, form, formset, change)


class MajorityInline(EditTrackingInline):
    model = Majority
    fields = ("year", "majority", "origin", "review")


class ShortlistInline(EditTrackingInline):
    model = ShortlistDecision
    fields = ("kind", "decided_by", "firmness", "origin", "review")
    autocomplete_fields = ("decided_by",)


class CandidacyInline(EditTrackingInline):
    model = Candidacy
    fields = ("person", "status", "description", "origin", "review")
    autocomplete_fields = ("person",)


class StatementInline(EditTrackingInline):
    model = Statement
    fields = ("speaker", "organisation", "by_clp", "medium", "text", "origin", "review")
    autocomplete_fields = ("speaker", "organisation")


class OfficialResultInline(admin.TabularInline):
    model = OfficialResult
    extra = 0
    can_delete = False
    fields = ("year", "winner", "runner_up", "majority", "electorate", "valid_votes", "source")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Constituency)
class ConstituencyAdmin(FactAdmin):
    list_display = ("name", "mp", "review", "origin")
    search_fields = ("name", "slug", "official_name", "ons_code", "mp__name")
    list_filter = ("region", "country", "review", ProvenanceFilter)
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("mp",)
    inlines = [
        MajorityInline,
        ShortlistInline,
        CandidacyInline,
        StatementInline,
        OfficialResultInline,
        EvidenceInline,
    ]
    list_select_related = ("mp",)


class PersonAliasInline(VersionedAdmin, admin.TabularInline):
    model = PersonAlias
    extra = 0


@admin.register(Person)
class PersonAdmin(FactAdmin):
    list_display = ("name", "description", "party", "review", "origin")
    list_filter = ("review", ProvenanceFilter, "party")
    search_fields = ("name", "slug", "aliases__alias", "description")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("party",)
    inlines = [PersonAliasInline, EvidenceInline]
    list_select_related = ("party",)


@admin.register(Organisation)
class OrganisationAdmin(FactAdmin):
    list_display = ("name", "kind", "parent", "constituency", "review", "origin")
    list_filter = ("kind", "review", ProvenanceFilter)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent", "constituency")
    list_select_related = ("parent", "constituency")


@admin.register(Role)
class RoleAdmin(FactAdmin):
    list_display = ("person", "title", "organisation", "review", "origin")
    search_fields = ("person__name", "title", "organisation__name")
    autocomplete_fields = ("person", "organisation")
    list_select_related = ("person", "organisation")


@admin.register(PartyMove)
class PartyMoveAdmin(FactAdmin):
    list_display = (
        "person",
        "from_party",
        "to_group",
        "constituency",
        "date_text",
        "review",
        "origin",
    )
    list_filter = ("from_party", "to_group", "review", ProvenanceFilter)
    search_fields = ("person__name", "constituency__name")
    autocomplete_fields = ("person", "from_party", "to_group", "constituency")
    list_select_related = ("person", "from_party", "to_group", "constituency")


class OfficialRecordFilter(admin.SimpleListFilter):
    title = "official record"
    parameter_name = "official"

    def lookups(self, request, model_admin):
        return [
            ("agrees", "Agrees with the official figure"),
            ("disagrees", "Disagrees with the official figure"),
            ("none", "No official figure"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "agrees":
                return queryset.filter(majority=F("official_majority"))
            case "disagrees":
                return queryset.filter(official_majority__isnull=False).exclude(
                    majority=F("official_majority")
                )
            case "none":
                return queryset.filter(official_majority__isnull=True)
        return queryset


@admin.register(Majority)
class MajorityAdmin(FactAdmin):
    list_display = ("constituency", "year", "majority", "official_majority", "review", "origin")
    list_filter = ("year", OfficialRecordFilter, "review", ProvenanceFilter)

    def get_queryset(self, request):
        return super().get_queryset(request).with_official()

    @admin.display(description="official majority", ordering="official_majority")
    def official_majority(self, majority):
        return majority.official_majority

    search_fields = ("constituency__name",)
    autocomplete_fields = ("constituency",)
    list_select_related = ("constituency",)


@admin.register(ShortlistDecision)
class ShortlistDecisionAdmin(FactAdmin):
    list_display = ("constituency", "kind", "decided_by", "firmness", "review", "origin")
    list_filter = ("kind", "firmness", "review", ProvenanceFilter)
    search_fields = ("constituency__name",)
    autocomplete_fields = ("constituency", "decided_by")
    list_select_related = ("constituency", "decided_by")


@admin.register(Candidacy)
class CandidacyAdmin(FactAdmin):
    list_display = ("person", "constituency", "status", "description", "review", "origin")
    list_filter = ("status", "review", ProvenanceFilter)
    search_fields = ("person__name", "constituency__name", "description")
    autocomplete_fields = ("person", "constituency", "backers")
    list_select_related = ("person", "constituency")


@admin.register(Statement)
class StatementAdmin(FactAdmin):
    list_display = (
        "constituency",
        "speaker",
        "organisation",
        "by_clp",
        "medium",
        "review",
        "origin",
    )
    list_filter = ("medium", "by_clp", "stance", "review", ProvenanceFilter)
    search_fields = ("text", "speaker__name", "organisation__name", "constituency__name")
    autocomplete_fields = ("constituency", "speaker", "organisation")
    list_select_related = ("constituency", "speaker", "organisation")


@admin.register(Event)
class EventAdmin(FactAdmin):
    list_display = ("constituency", "kind", "description", "date_text", "review", "origin")
    list_filter = ("kind", "review", ProvenanceFilter)
    search_fields = ("constituency__name", "description", "person__name")
    autocomplete_fields = ("constituency", "person")
    list_select_related = ("constituency", "person")


@admin.register(OfficialResult)
class OfficialResultAdmin(admin.ModelAdmin):
    list_display = ("constituency", "year", "winner", "majority", "electorate", "source")
    list_filter = ("year", "winner", "source")
    search_fields = ("constituency__name", "constituency__official_name", "constituency__ons_code")
    list_select_related = ("constituency",)
    readonly_fields = (
        "constituency",
        "year",
        "electorate",
        "valid_votes",
        "winner",
        "runner_up",
        "majority",
        "votes",
        "source",
    )

    def has_add_permission(self, request):
        return False


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ("article", "start", "end", "quote", "rule", "content_type")
    list_filter = ("rule", "content_type")
    search_fields = ("quote", "article__title", "article__filename")
    list_select_related = ("article", "content_type")
    readonly_fields = ("article", "content_type", "object_id", "start", "end", "quote", "rule")

    def has_add_permission(self, request):
        return False


@admin.register(Article)
class ArticleAdmin(VersionedAdmin, HistoryAdmin):
    form = ArticleAdminForm
    list_display = ("__str__", "filename", "publisher", "published", "imported_at")
    search_fields = ("title", "filename", "publisher", "text")
    list_filter = ("publisher",)
    readonly_fields = (*ARTICLE_PROVENANCE, "extracted_facts")
    fieldsets = [
        (None, {"fields": list(ARTICLE_DETAILS)}),
        ("Text", {"fields": ["text", "upload"]}),
        ("Extracted", {"fields": ["extracted_facts"]}),
        ("Provenance", {"fields": list(ARTICLE_PROVENANCE)}),
    ]

    def get_fieldsets(self, request, obj=None):
        """The details, with the version the form was built from (see `VersionedAdmin`)."""
        (name, options), *rest = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            options = {**options, "fields": [*options["fields"], VERSION_FIELD]}
        return [(name, options), *rest]

    def save_model(self, request, obj, form, change):
        """Run the same pipeline as `load_articles`: store the text, extract, load. The
        details the editor changed are kept and marked edited; a text that did not change
        is not extracted again."""
        # Compared with the stored row, not the form's initial values: reverting to an
        # earlier version starts from that version's.
        stored = Article.objects.get(pk=obj.pk) if change else Article()
        details = {
            name: form.cleaned_data[name]
            for name in ARTICLE_DETAILS
            if form.cleaned_data[name] != getattr(stored, name)
        }
        raw = form.raw_article
        if change and raw.sha256 == stored.sha256:
            if details:
                obj.edited_fields = sorted(set(stored.edited_fields) | set(details))
                obj.save(update_fields=[*details, "edited_fields", "updated_at"])
            self.message_user(
                request,
                "The text is unchanged, so its facts were not extracted again.",
                messages.INFO,
            )
            return
        # The stored row: the loader writes what differs from the row it is given, and the
        # form's copy already holds the editor's changes.
        outcome = load_raw(raw, article=stored if change else None, **details)
        if outcome.failed:
            raise DatabaseError(outcome.error)
        if outcome.duplicate_of:
            # Another editor saved the same text since the form checked it.
            raise DatabaseError(f"This text is already in the tracker as {outcome.duplicate_of}.")
        obj.pk = outcome.article_id
        obj.refresh_from_db()
        self.message_user(request, f"Extracted facts: {outcome.summary()}.", messages.INFO)
        if obj.filename != raw.filename:
            self.message_user(
                request,
                f"Another article came from a file named {raw.filename}, so this one is "
                "kept without a file name.",
                messages.WARNING,
            )

    def delete_model(self, request, obj):
        self.delete_queryset(request, Article.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        """Facts only these articles supported go with them, unless an editor touched them."""
        with transaction.atomic():
            removed = delete_articles(queryset)
        if removed:
            self.message_user(
                request, f"Removed {removed} facts that only the deleted articles supported."
            )

    @admin.display(description="Facts from this article")
    def extracted_facts(self, article):
        if article.pk is None:
            return "Facts are extracted when you save."
        first_span = {}
        for row in article.evidence.select_related("content_type").order_by("start"):
            first_span.setdefault(row.content_type, {}).setdefault(row.object_id, row)
        rows = []
        for content_type, spans in first_span.items():
            found = content_type.model_class().objects.in_bulk(list(spans))
            for object_id, fact in found.items():
                url = reverse(f"admin:constituencies_{content_type.model}_change", args=[object_id])
                review = fact.get_review_display() if hasattr(fact, "review") else ""
                rows.append((content_type.name, url, fact, review, spans[object_id].quote[:160]))
        if not rows:
            return "No facts were found in this article."
        body = format_html_join(
            "", '<tr><td>{}</td><td><a href="{}">{}</a></td><td>{}</td><td>{}</td></tr>', rows
        )
        return format_html(
            '<table><tr><th scope="col">Kind</th><th scope="col">Fact</th>'
            '<th scope="col">Review</th><th scope="col">Evidence</th></tr>{}</table>',
            body,
        )
