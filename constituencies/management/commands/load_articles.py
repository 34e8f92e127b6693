from django.core.management.base import BaseCommand, CommandError

from constituencies.ingest.pipeline import article_paths, run


class Command(BaseCommand):
    help = (
        "Read plain-text news articles (files, or the .txt files in folders; default seeds/) and "
        "write the facts they state, with their evidence. An article that fails leaves nothing "
        "behind and the others still load; re-running changes nothing and never overwrites "
        "an editor's change."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", default=["seeds"], help="Files or folders.")

    def handle(self, *args, paths, **options):
        total = sum(1 for _ in article_paths(paths))
        done = 0

        def report(outcome):
            nonlocal done
            done += not outcome.again
            counter = f"[{done}/{total}] " if total > 20 else ""
            style = self.style.ERROR if outcome.failed else self.style.SUCCESS
            self.stdout.write(f"{counter}{outcome.name}: " + style(outcome.summary()))

        result = run(paths, on_outcome=report)
        totals = result.totals()
        self.stdout.write(
            f"{result.articles} article(s): {totals['created']} created, "
            f"{totals['updated']} updated, {totals['unchanged']} unchanged, "
            f"{totals['removed']} removed, {len(result.failures)} failed"
        )
        if result.failures:
            names = ", ".join(outcome.name for outcome in result.failures)
            raise CommandError(f"{len(result.failures)} article(s) failed: {names}")
