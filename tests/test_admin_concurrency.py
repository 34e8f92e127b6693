"""History writes only with the permission to write: change to revert, add to restore."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from constituencies.models import Candidacy
from constituencies.permissions import ensure_editors_group

from . import factories as f

pytestmark = pytest.mark.django_db


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


def test_an_editor_with_the_add_permission_may_restore_a_deleted_record(editor_client, deleted):
    pk, last = deleted

    response = editor_client.post(
        revert_url(last), browser_data(editor_client.get(revert_url(last)))
    )

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
