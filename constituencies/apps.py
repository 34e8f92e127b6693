from django.apps import AppConfig


class ConstituenciesConfig(AppConfig):
    name = "constituencies"
    verbose_name = "Constituency tracker"

    def ready(self):
        from django.conf import settings

        from . import history, pagecache
        from .ingest import parse

        parse.use_model(settings.SPACY_MODEL)  # names it only: nothing loads until a parse
        pagecache.connect_signals()
        history.connect_signals()
