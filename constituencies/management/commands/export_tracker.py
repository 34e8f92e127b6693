from django.core.management.base import BaseCommand

from constituencies.export import dumps, export_tracker


class Command(BaseCommand):
    help = (
        "Print the whole public tracker as JSON (articles, organisations, people, constituencies "
        "with their facts and sources): the open-data format. Output is deterministic. With "
        "--everything, facts editors rejected are kept too: the backup that import_tracker "
        "restores."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")
        parser.add_argument(
            "--everything", action="store_true", help="Include rejected facts (for backups)."
        )

    def handle(self, *args, output, everything, **options):
        text = dumps(export_tracker(everything=everything))
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))
        else:
            self.stdout.write(text, ending="")
