"""Production settings, security headers, admin permissions and login throttling."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from constituencies.models import Candidacy

from . import factories as f

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7" * 30 + "-production-strength-key-Q9",
    "DJANGO_ALLOWED_HOSTS": "tracker.example.org",
}


def test_deploy_check_is_clean_behind_tls():
    result = manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_HTTPS="1", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_development_secret_key():
    result = manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_without_https_the_site_still_serves_plain_http(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize("url", ["/", "/admin/login/"])
def test_security_headers(client, url):
    response = client.get(url)
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def _change(client, candidacy):
    return client.post(
        reverse("admin:constituencies_candidacy_change", args=[candidacy.pk]),
        {
            "person": candidacy.person.pk,
            "constituency": candidacy.constituency.pk,
            "status": "selected",
            "description": "changed",
            "constituencies-evidence-content_type-object_id-TOTAL_FORMS": "0",
            "constituencies-evidence-content_type-object_id-INITIAL_FORMS": "0",
        },
    )


def test_logged_out_and_unprivileged_users_cannot_change_anything(client):
    candidacy = f.CandidacyFactory()
    assert _change(client, candidacy).status_code == 302
    nobody = get_user_model().objects.create_user("nobody", password="pw-nobody-123", is_staff=True)
    client.force_login(nobody)
    assert _change(client, candidacy).status_code == 403
    assert (
        client.post(
            reverse("admin:constituencies_candidacy_changelist"),
            {"action": "reject_facts", "_selected_action": [candidacy.pk]},
        ).status_code
        == 403
    )
    candidacy.refresh_from_db()
    assert (candidacy.status, candidacy.description, candidacy.review) == (
        "tipped",
        "local councillor",
        "unreviewed",
    )


def test_editors_cannot_delete_facts_or_manage_users(editor_client):
    candidacy = f.CandidacyFactory()
    delete = reverse("admin:constituencies_candidacy_delete", args=[candidacy.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert Candidacy.objects.filter(pk=candidacy.pk).exists()


def test_admin_forms_need_a_csrf_token(editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert _change(strict, f.CandidacyFactory()).status_code == 403


def test_repeated_wrong_passwords_lock_the_login(client, editor):
    for _ in range(5):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "editor", "password": "a-test-password-9"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
