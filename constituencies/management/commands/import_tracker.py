import json

from django.core.management.base import BaseCommand, CommandError

from constituencies.backup import RestoreError, import_tracker


class Command(BaseCommand):
    help = (
        "Restore a file written by `export_tracker --everything` into an empty database: the "
        "backup and restore path. One transaction; a file that does not fit changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON file from export_tracker.")

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                data = json.load(handle)
        except OSError as error:
            raise CommandError(f"{file}: cannot be read ({error.strerror})") from error
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: not JSON ({error})") from error
        try:
            counts = import_tracker(data)
        except RestoreError as error:
            raise CommandError(f"{file}: {error}") from error
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Restored {summary}."))
