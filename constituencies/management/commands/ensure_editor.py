import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from constituencies.permissions import ensure_editors_group


class Command(BaseCommand):
    help = (
        "Make sure the Editors group and an editor login exist. A new account gets a random "
        "password, printed once; --reset-password prints a new one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--reset-password", action="store_true")

    def handle(self, *args, username, reset_password, **options):
        group = ensure_editors_group()
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True}
        )
        user.groups.add(group)
        if created or reset_password:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            login = f"user {username!r}, password {password!r}"
            self.stdout.write(self.style.SUCCESS(f"Editor login at /admin/: {login}"))
        else:
            self.stdout.write(
                f"Editor {username!r} exists. Forgotten the password? Run: make editor-password"
            )
