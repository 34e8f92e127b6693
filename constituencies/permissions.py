"""The Editors group: what a volunteer editor may do in the admin, and no more."""

from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "Editors"

# Editors correct and extend records and review machine output; they reject a wrong
# fact rather than delete it, so that the rejection survives re-loading.
EDITABLE_MODELS = (
    "article",
    "person",
    "personalias",
    "organisation",
    "constituency",
    "role",
    "partymove",
    "majority",
    "shortlistdecision",
    "candidacy",
    "statement",
    "event",
)
EDITOR_ACTIONS = ("view", "add", "change")


def ensure_editors_group():
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    codenames = [f"{action}_{model}" for model in EDITABLE_MODELS for action in EDITOR_ACTIONS]
    codenames += ["view_evidence", "delete_personalias"]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="constituencies", codename__in=codenames)
    )
    return group
