from django.apps import AppConfig


class ConstituenciesConfig(AppConfig):
    name = "constituencies"
    verbose_name = "Constituency tracker"

    def ready(self):
        from . import pagecache

        pagecache.connect_signals()
