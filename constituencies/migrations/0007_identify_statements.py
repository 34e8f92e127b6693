"""Each extracted statement gets the article it was first read from as its source."""

from django.db import migrations


def statement_key(speaker, organisation, role, seat):
    """Who spoke about which seat: the loader's `source_key` for a statement."""
    return "|".join((speaker, organisation, role, seat))


def identify_statements(apps, schema_editor):
    """Give each extracted statement the article it was first read from as its source."""
    Statement = apps.get_model("constituencies", "Statement")
    Evidence = apps.get_model("constituencies", "Evidence")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(
        app_label="constituencies", model="statement"
    ).first()
    if content_type is None:
        return
    first_article = {}
    for object_id, article_id in (
        Evidence.objects.filter(content_type=content_type)
        .order_by("-article_id")
        .values_list("object_id", "article_id")
    ):
        first_article[object_id] = article_id
    taken = set()
    rows = Statement.objects.select_related("speaker", "organisation", "constituency")
    for statement in rows.filter(pk__in=first_article).order_by("pk"):
        key = statement_key(
            statement.speaker.name if statement.speaker else "",
            statement.organisation.name if statement.organisation else "",
            "",
            statement.constituency.name if statement.constituency else "",
        )
        if (first_article[statement.pk], key) in taken:
            continue
        taken.add((first_article[statement.pk], key))
        statement.source_id = first_article[statement.pk]
        statement.source_key = key
        statement.save(update_fields=["source", "source_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("constituencies", "0006_statement_identity"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(identify_statements, migrations.RunPython.noop),
    ]
