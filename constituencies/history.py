"""Versions of records written in bulk, kept for the first change made to them.

The loader, the backup restore and the demo data write new records in bulk without a
history row each: at 50 records an article, history would double the writes. So that
any later change can still be traced and undone, the first time such a record is saved
otherwise (an editor's change in the admin, any ORM save), its stored version goes into
its history first, dated when it was last written, with no user and the reason "as
written in bulk"; the change then follows as usual. Changes the loader makes to records
that already exist are written with their history rows (`bulk_update_with_history`).
"""

from django.apps import apps
from django.db.models.signals import pre_save
from simple_history.models import HistoricalRecords
from simple_history.utils import get_m2m_field_name

REASON = "as written in bulk"


def keep_stored_version(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None or instance.history.exists():
        return
    stored = sender._default_manager.filter(pk=instance.pk).first()
    if stored is None:
        return
    stored._history_user = None
    [record] = sender.history.bulk_history_create(
        [stored], default_change_reason=REASON, default_date=getattr(stored, "updated_at", None)
    )
    for field in record._history_m2m_fields:
        # As simple_history keeps a version's many-to-many rows (a candidacy's backers).
        history_model = HistoricalRecords.m2m_models[field]
        through = field.remote_field.through
        rows = through.objects.filter(**{get_m2m_field_name(field): stored})
        names = [f.name for f in through._meta.fields]
        history_model.objects.bulk_create(
            history_model(history=record, **{name: getattr(row, name) for name in names})
            for row in rows
        )


def connect_signals():
    for model in apps.get_app_config("constituencies").get_models():
        if hasattr(model, "history") and not model.__name__.startswith("Historical"):
            pre_save.connect(
                keep_stored_version, sender=model, dispatch_uid=f"history-{model._meta.label}"
            )
