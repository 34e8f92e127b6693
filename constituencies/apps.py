from django.apps import AppConfig


class ConstituenciesConfig(AppConfig):
    name = "constituencies"
    verbose_name = "Constituency tracker"

    def ready(self):
        from . import history, pagecache

        pagecache.connect_signals()
        history.connect_signals()
