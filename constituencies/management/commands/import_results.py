from django.core.management.base import BaseCommand, CommandError

from constituencies.official_results import ResultsFileError, import_results


class Command(BaseCommand):
    help = (
        "Import the House of Commons Library's official results: the results by constituency "
        "for one election (HoC-GE2017-constituency-results.csv) or the 1918-2017 results "
        "(HoC-1918-2017-election-results.csv, current boundaries only). Idempotent; each file "
        "in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="CSV files from the Library.")

    def handle(self, *args, files, **options):
        failed = []
        for path in files:
            try:
                report = import_results(path)
            except ResultsFileError as error:
                self.stderr.write(self.style.ERROR(str(error)))
                failed.append(path)
            else:
                self.stdout.write(f"{path}: " + self.style.SUCCESS(report.summary()))
        if failed:
            raise CommandError(f"{len(failed)} file(s) not imported: {', '.join(failed)}")
