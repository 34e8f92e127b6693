from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from constituencies.models import Candidacy, Origin

from . import factories as f

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

pytestmark = pytest.mark.django_db

ADMIN_MODELS = [
    "article",
    "evidence",
    "person",
    "organisation",
    "constituency",
    "role",
    "partymove",
    "majority",
    "shortlistdecision",
    "candidacy",
    "statement",
    "event",
]


@pytest.fixture
def one_of_everything():
    article = f.ArticleFactory(text="Jane Doe has a majority of 1,234 in Testshire.")
    candidacy = f.CandidacyFactory()
    candidacy.backers.add(f.OrganisationFactory(name="Unite", kind="union"))
    f.add_evidence(candidacy, article, 0, 8)
    f.MajorityFactory(constituency=candidacy.constituency)
    f.ShortlistDecisionFactory(constituency=candidacy.constituency)
    f.StatementFactory(constituency=candidacy.constituency)
    f.EventFactory(constituency=candidacy.constituency)
    f.PartyMoveFactory(person=candidacy.constituency.mp, constituency=candidacy.constituency)
    f.RoleFactory(person=candidacy.person)
    return candidacy


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_every_changelist_and_change_form_loads_for_an_editor(
    admin_client, one_of_everything, model
):
    changelist = admin_client.get(reverse(f"admin:constituencies_{model}_changelist"))
    assert changelist.status_code == 200
    obj = changelist.context["cl"].result_list[0]
    change = admin_client.get(reverse(f"admin:constituencies_{model}_change", args=[obj.pk]))
    assert change.status_code == 200


@pytest.mark.parametrize("model", [m for m in ADMIN_MODELS if m != "evidence"])
def test_editor_group_can_open_the_add_forms(editor_client, model):
    response = editor_client.get(reverse(f"admin:constituencies_{model}_add"))
    assert response.status_code == 200


def test_constituency_change_form_shows_its_facts_inline(admin_client, one_of_everything):
    seat = one_of_everything.constituency
    response = admin_client.get(reverse("admin:constituencies_constituency_change", args=[seat.pk]))
    formset_models = {
        formset.formset.model.__name__ for formset in response.context["inline_admin_formsets"]
    }
    assert {"Majority", "ShortlistDecision", "Candidacy", "Statement", "Evidence"} <= formset_models


def test_evidence_is_shown_read_only_with_its_quote(admin_client, one_of_everything):
    response = admin_client.get(
        reverse("admin:constituencies_candidacy_change", args=[one_of_everything.pk])
    )
    assert "Jane Doe" in response.content.decode()
    evidence_formset = next(
        fs
        for fs in response.context["inline_admin_formsets"]
        if fs.formset.model.__name__ == "Evidence"
    )
    assert "quote" in evidence_formset.readonly_fields


def _candidacy_form_data(candidacy, **changes):
    data = {
        "person": candidacy.person.pk,
        "constituency": candidacy.constituency.pk,
        "status": candidacy.status,
        "description": candidacy.description,
        "backers": [b.pk for b in candidacy.backers.all()] if candidacy.pk else [],
        "constituencies-evidence-content_type-object_id-TOTAL_FORMS": "0",
        "constituencies-evidence-content_type-object_id-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def _version(client, url):
    """The version a change or revert form carries, as a browser sends it back."""
    return client.get(url).context["adminform"].form["version"].value()


def test_an_edit_is_recorded_in_history_with_who_and_when_and_can_be_reverted(
    editor_client, editor, one_of_everything
):
    candidacy = one_of_everything
    url = reverse("admin:constituencies_candidacy_change", args=[candidacy.pk])
    response = editor_client.post(
        url,
        _candidacy_form_data(candidacy, status="selected", version=_version(editor_client, url)),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    candidacy.refresh_from_db()
    assert candidacy.status == "selected"
    assert candidacy.edited_fields == ["status"]
    latest = candidacy.history.latest()
    assert latest.history_user == editor
    assert latest.history_date is not None
    history_page = editor_client.get(
        reverse("admin:constituencies_candidacy_history", args=[candidacy.pk])
    )
    assert "selected" in history_page.content.decode().lower()

    original = candidacy.history.earliest()
    revert_url = reverse(
        "admin:constituencies_candidacy_simple_history", args=[candidacy.pk, original.history_id]
    )
    version = _version(editor_client, revert_url)
    response = editor_client.post(
        revert_url, _candidacy_form_data(original.instance, version=version)
    )
    assert response.status_code == 302
    candidacy.refresh_from_db()
    assert candidacy.status == "tipped"
    reverted = candidacy.history.latest()
    assert (reverted.status, reverted.history_user) == ("tipped", editor)


def test_a_loaded_record_keeps_its_loaded_version_when_first_edited(
    editor_client, editor, tmp_path
):
    backed = tmp_path / "backed.txt"
    backed.write_text("Unite and the GMB backed councillor Ann Peel, who was selected for Wigan.")
    call_command("load_articles", str(SEEDS), str(backed), stdout=StringIO())
    candidacy = Candidacy.objects.get(person__name="Ann Peel")
    assert candidacy.backers.exists()
    # Written in bulk by the loader, with no history row of its own yet.
    assert not candidacy.history.exists()
    loaded = (candidacy.status, candidacy.description, set(candidacy.backers.all()))
    url = reverse("admin:constituencies_candidacy_change", args=[candidacy.pk])
    response = editor_client.post(
        url,
        _candidacy_form_data(candidacy, description="edited", version=_version(editor_client, url)),
    )
    assert response.status_code == 302

    baseline, edit = candidacy.history.order_by("history_date")
    assert (baseline.history_user, baseline.history_change_reason) == (None, "as written in bulk")
    assert baseline.history_date == candidacy.updated_at
    assert (baseline.status, baseline.description) == loaded[:2]
    assert {row.organisation for row in baseline.backers.all()} == loaded[2]
    assert (edit.description, edit.history_user) == ("edited", editor)

    revert_url = reverse(
        "admin:constituencies_candidacy_simple_history", args=[candidacy.pk, baseline.history_id]
    )
    response = editor_client.post(
        revert_url,
        _candidacy_form_data(baseline.instance, version=_version(editor_client, revert_url)),
    )
    assert response.status_code == 302
    candidacy.refresh_from_db()
    assert (candidacy.status, candidacy.description, set(candidacy.backers.all())) == loaded


def test_a_record_added_in_the_admin_is_marked_as_the_editors(editor_client, one_of_everything):
    seat = one_of_everything.constituency
    person = f.PersonFactory(name="New Hopeful")
    response = editor_client.post(
        reverse("admin:constituencies_candidacy_add"),
        _candidacy_form_data(
            Candidacy(person=person, constituency=seat, status="applied", description="teacher")
        ),
    )
    assert response.status_code == 302
    assert Candidacy.objects.get(person=person).origin == Origin.EDITOR


def test_reject_action_hides_the_fact_from_public_querysets(editor_client, one_of_everything):
    response = editor_client.post(
        reverse("admin:constituencies_candidacy_changelist"),
        {"action": "reject_facts", "_selected_action": [one_of_everything.pk]},
    )
    assert response.status_code == 302
    assert not Candidacy.objects.public().exists()
    unreviewed = editor_client.get(
        reverse("admin:constituencies_candidacy_changelist"), {"review__exact": "unreviewed"}
    )
    assert unreviewed.context["cl"].result_count == 0


@pytest.mark.parametrize("provenance,expected", [("extracted", 1), ("edited", 0), ("editor", 0)])
def test_provenance_filter(admin_client, one_of_everything, provenance, expected):
    response = admin_client.get(
        reverse("admin:constituencies_candidacy_changelist"), {"provenance": provenance}
    )
    assert response.context["cl"].result_count == expected


def test_logged_out_visitors_are_sent_to_the_login_page(client, one_of_everything):
    url = reverse("admin:constituencies_candidacy_change", args=[one_of_everything.pk])
    response = client.post(url, _candidacy_form_data(one_of_everything, status="selected"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    one_of_everything.refresh_from_db()
    assert one_of_everything.status == "tipped"
