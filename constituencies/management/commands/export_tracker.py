from django.core.management.base import BaseCommand

from constituencies.export import dumps, export_tracker


class Command(BaseCommand):
    help = (
        "Print the whole public tracker as JSON (articles, people, constituencies with their "
        "facts and sources): the open-data format. Output is deterministic."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")

    def handle(self, *args, output, **options):
        text = dumps(export_tracker())
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))
        else:
            self.stdout.write(text, ending="")
