from django.core.management.base import BaseCommand, CommandError

from constituencies.demo import make_demo_data
from constituencies.models import Article


class Command(BaseCommand):
    help = (
        "Fill an empty tracker with a full-scale synthetic dataset for benchmarks: 650 seats "
        "(the official ones when imported first), about 20 candidacies and 50 statements "
        "each with evidence, and 5,000 articles. Never run it on a database you publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seats", type=int, default=650)
        parser.add_argument("--candidates", type=int, default=20)
        parser.add_argument("--statements", type=int, default=50)
        parser.add_argument("--articles", type=int, default=5000)

    def handle(self, *args, seats, candidates, statements, articles, **options):
        if Article.objects.exists():
            raise CommandError("The tracker already holds articles; use an empty database.")
        if min(seats, articles) < 1 or min(candidates, statements) < 0:
            raise CommandError("Counts must be positive.")
        made = make_demo_data(
            seats=seats, candidates=candidates, statements=statements, articles=articles
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Made " + ", ".join(f"{count:,} {name}" for name, count in made.items()) + "."
            )
        )
