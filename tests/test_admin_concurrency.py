"""Two people, or an editor and a load, changing one record: no change is lost unseen.
And history writes only with the permission to write: change to revert, add and delete to
restore."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from constituencies.models import Candidacy, Constituency
from constituencies.permissions import ensure_editors_group

from . import factories as f

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parent.parent / "seeds" / "001_cf25aac5a314e378.txt"


def browser_data(response, **changes):
    """What a browser sends back from the admin form in `response` (its main form, inline
    rows and their management forms, as rendered), with `changes` by field name."""
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if isinstance(value, bool):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, (list, tuple)):
                data[field.html_name] = [str(item) for item in value]
            else:
                data[field.html_name] = "" if value is None else str(value)
    data.update(changes)
    return data


def staff_client(username, *codenames, editor=False):
    user = get_user_model().objects.create_user(username, is_staff=True)
    if editor:
        user.groups.add(ensure_editors_group())
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.force_login(user)
    return client, user


def change_url(obj):
    return reverse(f"admin:constituencies_{obj._meta.model_name}_change", args=[obj.pk])


def revert_url(version):
    return reverse(
        "admin:constituencies_candidacy_simple_history", args=[version.id, version.history_id]
    )


@pytest.fixture
def candidacy():
    candidacy = f.CandidacyFactory(description="local councillor")
    candidacy.backers.add(f.OrganisationFactory(name="Unite", kind="union"))
    return candidacy


def test_two_editors_the_second_save_is_refused_showing_both_then_merged(editor_client, candidacy):
    other_client, _ = staff_client("other-editor", editor=True)
    url = change_url(candidacy)
    form_a, form_b = other_client.get(url), editor_client.get(url)

    saved = other_client.post(url, browser_data(form_a, description="former council leader"))
    assert saved.status_code == 302
    refused = editor_client.post(url, browser_data(form_b, status="selected"))

    assert refused.status_code == 200
    form = refused.context["adminform"].form
    assert "nothing was saved" in str(form.non_field_errors())
    [conflict] = form.errors["description"]
    assert "Theirs: “former council leader”" in conflict
    assert "Yours (as you found it): “local councillor”" in conflict
    assert set(form.errors) == {"__all__", "description"}
    page = refused.content.decode()
    assert "former council leader" in page and "local councillor" in page
    candidacy.refresh_from_db()
    assert (candidacy.status, candidacy.description) == ("tipped", "former council leader")
    assert candidacy.edited_fields == ["description"]
    # The form now holds their description beside this editor's status.
    assert (form["description"].value(), form["status"].value()) == (
        "former council leader",
        "selected",
    )

    merged = editor_client.post(url, browser_data(refused))
    assert merged.status_code == 302
    candidacy.refresh_from_db()
    assert (candidacy.status, candidacy.description) == ("selected", "former council leader")
    assert candidacy.edited_fields == ["description", "status"]


def test_when_both_change_one_field_the_form_keeps_yours_and_shows_theirs(editor_client, candidacy):
    other_client, _ = staff_client("other-editor", editor=True)
    url = change_url(candidacy)
    form_a, form_b = other_client.get(url), editor_client.get(url)
    other_client.post(url, browser_data(form_a, description="former council leader"))

    refused = editor_client.post(url, browser_data(form_b, description="union organiser"))

    form = refused.context["adminform"].form
    [conflict] = form.errors["description"]
    assert "Theirs: “former council leader”. Yours: “union organiser”" in conflict
    assert form["description"].value() == "union organiser"
    candidacy.refresh_from_db()
    assert candidacy.description == "former council leader"
    merged = editor_client.post(
        url, browser_data(refused, description="former council leader, union organiser")
    )
    assert merged.status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.description == "former council leader, union organiser"


def test_a_backer_added_meanwhile_is_not_dropped(editor_client, candidacy):
    other_client, _ = staff_client("other-editor", editor=True)
    gmb = f.OrganisationFactory(name="GMB", kind="union")
    unite = candidacy.backers.get()
    url = change_url(candidacy)
    form_a, form_b = other_client.get(url), editor_client.get(url)
    other_client.post(url, browser_data(form_a, backers=[str(unite.pk), str(gmb.pk)]))

    refused = editor_client.post(url, browser_data(form_b, description="teacher"))

    assert "Theirs: “GMB, Unite”" in refused.context["adminform"].form.errors["backers"][0]
    assert set(candidacy.backers.all()) == {unite, gmb}
    assert editor_client.post(url, browser_data(refused)).status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.description == "teacher"
    assert set(candidacy.backers.all()) == {unite, gmb}


def test_a_save_after_a_load_changed_the_record_is_refused_and_the_load_kept(
    editor_client, tmp_path
):
    story = tmp_path / "story.txt"
    story.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    call_command("load_articles", str(story), stdout=StringIO())
    candidacy = Candidacy.objects.get(person__name="Paula Barker")
    assert candidacy.status == "tipped"
    url = change_url(candidacy)
    opened = editor_client.get(url)

    # The article is corrected and loaded again while the form is open.
    story.write_text(
        story.read_text(encoding="utf-8").replace(
            "among those speculated about locally is Unison north west regional convenor Paula "
            "Barker",
            "Unison north west regional convenor Paula Barker has been selected",
        ),
        encoding="utf-8",
    )
    call_command("load_articles", str(story), stdout=StringIO())
    candidacy.refresh_from_db()
    assert candidacy.status == "selected"

    refused = editor_client.post(url, browser_data(opened, description="Liverpool councillor"))
    assert refused.status_code == 200
    [conflict] = refused.context["adminform"].form.errors["status"]
    assert "Theirs: “Selected”. Yours (as you found it): “Rumoured or tipped”" in conflict
    candidacy.refresh_from_db()
    assert (candidacy.status, candidacy.description) == (
        "selected",
        "Unison north west regional convenor",
    )
    assert candidacy.edited_fields == []

    assert editor_client.post(url, browser_data(refused)).status_code == 302
    candidacy.refresh_from_db()
    assert (candidacy.status, candidacy.description) == ("selected", "Liverpool councillor")
    # The load's status is not the editor's: later loads may still correct it.
    assert candidacy.edited_fields == ["description"]


def test_an_inline_row_changed_meanwhile_is_not_saved_over_from_the_seat_page(
    editor_client, candidacy
):
    other_client, _ = staff_client("other-editor", editor=True)
    seat = candidacy.constituency
    seat_page = editor_client.get(change_url(seat))
    candidacy_page = other_client.get(change_url(candidacy))
    other_client.post(
        change_url(candidacy), browser_data(candidacy_page, description="former council leader")
    )

    # The editor changes only the seat's region; the candidacy row goes back as it was shown.
    refused = editor_client.post(change_url(seat), browser_data(seat_page, region="Yorkshire"))

    assert refused.status_code == 200
    [row] = [
        form
        for inline in refused.context["inline_admin_formsets"]
        for form in inline.formset.forms
        if form.instance.pk == candidacy.pk and isinstance(form.instance, Candidacy)
    ]
    assert "Theirs: “former council leader”" in row.errors["description"][0]
    candidacy.refresh_from_db()
    assert candidacy.description == "former council leader"
    assert Constituency.objects.get(pk=seat.pk).region == ""

    assert editor_client.post(change_url(seat), browser_data(refused)).status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.description == "former council leader"
    assert candidacy.edited_fields == ["description"]
    assert Constituency.objects.get(pk=seat.pk).region == "Yorkshire"


@pytest.mark.parametrize("version", ["", "not-a-version"], ids=["missing", "forged"])
def test_a_form_without_a_readable_version_is_refused(editor_client, candidacy, version):
    url = change_url(candidacy)
    data = browser_data(editor_client.get(url), status="selected", version=version)

    refused = editor_client.post(url, data)

    assert refused.status_code == 200
    form = refused.context["adminform"].form
    assert "did not say which version" in str(form.non_field_errors())
    assert "Saved now: “Rumoured or tipped”. Yours: “Selected”" in form.errors["status"][0]
    candidacy.refresh_from_db()
    assert candidacy.status == "tipped"
    assert editor_client.post(url, browser_data(refused)).status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.status == "selected"


def test_a_revert_is_refused_when_the_record_changed_after_the_page_was_opened(
    editor_client, candidacy
):
    other_client, _ = staff_client("other-editor", editor=True)
    url = change_url(candidacy)
    editor_client.post(url, browser_data(editor_client.get(url), status="selected"))
    first = candidacy.history.earliest()
    revert_page = editor_client.get(revert_url(first))
    other_client.post(url, browser_data(other_client.get(url), description="teacher"))

    refused = editor_client.post(revert_url(first), browser_data(revert_page))

    assert refused.status_code == 200
    assert "Theirs: “teacher”" in refused.context["adminform"].form.errors["description"][0]
    candidacy.refresh_from_db()
    assert (candidacy.status, candidacy.description) == ("selected", "teacher")
    assert editor_client.post(revert_url(first), browser_data(refused)).status_code == 302
    candidacy.refresh_from_db()
    # Reverted what the editor meant to revert; the description written meanwhile stays.
    assert (candidacy.status, candidacy.description) == ("tipped", "teacher")


# -- history obeys permissions -----------------------------------------------


def test_view_only_staff_may_look_at_a_version_but_not_write_it(editor_client, candidacy):
    url = change_url(candidacy)
    editor_client.post(url, browser_data(editor_client.get(url), status="selected"))
    first = candidacy.history.earliest()
    viewer, _ = staff_client("viewer", "view_candidacy")

    page = viewer.get(revert_url(first))
    assert page.status_code == 200
    assert page.context["revert_disabled"]
    response = viewer.post(revert_url(first), browser_data(page))

    assert response.status_code == 403
    candidacy.refresh_from_db()
    assert candidacy.status == "selected"
    assert candidacy.history.count() == 3
    # Their change page is read-only, with no empty "version" shown among the fields.
    read_only = viewer.get(url).context["adminform"].readonly_fields
    assert "status" in read_only and "version" not in read_only


def test_reverting_needs_the_change_permission(candidacy):
    adder, _ = staff_client("adder", "view_candidacy", "add_candidacy")
    first = candidacy.history.earliest()
    Candidacy.objects.filter(pk=candidacy.pk).update(status="selected")

    response = adder.post(revert_url(first), browser_data(adder.get(revert_url(first))))

    assert response.status_code == 403
    candidacy.refresh_from_db()
    assert candidacy.status == "selected"


def test_an_editor_may_revert(editor_client, editor, candidacy):
    first = candidacy.history.earliest()
    Candidacy.objects.filter(pk=candidacy.pk).update(status="selected")

    page = editor_client.get(revert_url(first))
    assert not page.context["revert_disabled"]
    response = editor_client.post(revert_url(first), browser_data(page))

    assert response.status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.status == "tipped"
    assert candidacy.history.latest().history_user == editor


@pytest.fixture
def deleted(candidacy):
    """A candidacy a superuser deleted, and its last version."""
    pk = candidacy.pk
    candidacy.delete()
    return pk, Candidacy.history.filter(id=pk).latest()


def test_restoring_a_deleted_record_needs_the_add_permission(deleted):
    pk, last = deleted
    changer, _ = staff_client("changer", "view_candidacy", "change_candidacy")

    page = changer.get(revert_url(last))
    assert page.status_code == 200
    assert page.context["revert_disabled"]
    response = changer.post(revert_url(last), browser_data(page))

    assert response.status_code == 403
    assert not Candidacy.objects.filter(pk=pk).exists()


def test_view_only_staff_may_not_restore_a_deleted_record(deleted):
    pk, last = deleted
    viewer, _ = staff_client("viewer", "view_candidacy")

    response = viewer.post(revert_url(last), browser_data(viewer.get(revert_url(last))))

    assert response.status_code == 403
    assert not Candidacy.objects.filter(pk=pk).exists()


def test_an_editor_who_may_not_delete_may_not_restore_a_deleted_record(editor_client, deleted):
    pk, last = deleted

    page = editor_client.get(revert_url(last))
    assert page.context["revert_disabled"]
    response = editor_client.post(revert_url(last), browser_data(page))

    assert response.status_code == 403
    assert not Candidacy.objects.filter(pk=pk).exists()


def test_whoever_may_add_and_delete_may_restore_a_deleted_record(deleted):
    pk, last = deleted
    keeper, _ = staff_client(
        "keeper", "view_candidacy", "add_candidacy", "change_candidacy", "delete_candidacy"
    )

    response = keeper.post(revert_url(last), browser_data(keeper.get(revert_url(last))))

    assert response.status_code == 302
    assert Candidacy.objects.get(pk=pk).description == "local councillor"


def test_no_version_is_written_when_reverting_is_switched_off(admin_client, candidacy, settings):
    settings.SIMPLE_HISTORY_REVERT_DISABLED = True
    first = candidacy.history.earliest()
    Candidacy.objects.filter(pk=candidacy.pk).update(status="selected")

    response = admin_client.post(
        revert_url(first), browser_data(admin_client.get(revert_url(first)))
    )

    assert response.status_code == 403
    candidacy.refresh_from_db()
    assert candidacy.status == "selected"


@pytest.mark.parametrize("ids", [("abc", "1"), ("1", "abc")])
def test_a_malformed_history_address_is_not_found(admin_client, ids):
    url = reverse("admin:constituencies_candidacy_simple_history", args=ids)
    assert admin_client.get(url).status_code == 404
    assert admin_client.post(url, {}).status_code == 404
