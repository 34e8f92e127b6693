import pytest
from django.contrib.auth import get_user_model

from constituencies.permissions import ensure_editors_group


@pytest.fixture
def editor(db):
    """A staff user with only the Editors group's permissions, as `ensure_editor` makes."""
    user = get_user_model().objects.create_user(
        "editor", password="a-test-password-9", is_staff=True
    )
    user.groups.add(ensure_editors_group())
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
