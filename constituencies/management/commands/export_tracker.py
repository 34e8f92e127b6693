from django.core.management.base import BaseCommand

from constituencies.export import dumps, export_tracker


class Command(BaseCommand):
    help = (
        "Print the whole public tracker as JSON (articles, organisations, people, constituencies "
        "with their facts and sources): the open-data format. Every record says whether an "
        "editor checked it. Output is deterministic. With --checked-only, facts no editor has "
        "checked are left out. With --everything, facts editors rejected are kept too: the "
        "backup that import_tracker restores."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--everything", action="store_true", help="Include rejected facts (for backups)."
        )
        which.add_argument(
            "--checked-only",
            action="store_true",
            help="Only the facts an editor confirmed or added; seats, people and "
            "organisations are kept by name.",
        )

    def handle(self, *args, output, everything, checked_only, **options):
        text = dumps(export_tracker(everything=everything, checked_only=checked_only))
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))
        else:
            self.stdout.write(text, ending="")
