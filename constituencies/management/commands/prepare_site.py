from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make a database ready to serve: migrate, import official results (--results), load "
        "articles (files or folders; default seeds/) and make sure the editor login exists. "
        "What `make run` does before serving, in one process rather than four."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", default=["seeds"], help="Files or folders.")
        parser.add_argument(
            "--results", nargs="*", default=[], metavar="CSV", help="Official results files."
        )

    def handle(self, *args, paths, results, **options):
        # Each command writes to the standard streams, as it does when run on its own.
        call_command("migrate", interactive=False, verbosity=options["verbosity"])
        if results:
            call_command("import_results", *results)
        else:
            self.stdout.write("No official results given (see README: Official results)")
        call_command("load_articles", *paths)
        call_command("ensure_editor")
