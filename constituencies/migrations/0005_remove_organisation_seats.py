"""Remove the seats that earlier loaders made from organisation names.

Before this migration the loader's preload turned every organisation an article named
("Labour", "Momentum", "Redbridge Council") into a constituency as well. Such a row
shares its name with an organisation and has no ONS code. It goes, with the
machine-read facts filed under it and their evidence, unless an editor touched it or
one of those facts: then it is kept and reported, for an editor to sort out.
"""

from django.db import migrations
from django.db.models import Q
from django.db.models.functions import Lower


def touched(rows):
    return rows.filter(~Q(origin="extracted") | ~Q(edited_fields=[]) | ~Q(review="unreviewed"))


def remove_organisation_seats(apps, schema_editor):
    Constituency = apps.get_model("constituencies", "Constituency")
    Organisation = apps.get_model("constituencies", "Organisation")
    Evidence = apps.get_model("constituencies", "Evidence")
    ContentType = apps.get_model("contenttypes", "ContentType")
    names = Organisation.objects.annotate(lowered=Lower("name")).values("lowered")
    seats = Constituency.objects.annotate(lowered=Lower("name")).filter(
        lowered__in=names, ons_code=""
    )
    removed, kept = [], []
    for seat in seats.order_by("name"):
        facts = [
            relation.related_model.objects.filter(**{relation.field.name: seat})
            for relation in Constituency._meta.related_objects
            if any(field.name == "review" for field in relation.related_model._meta.fields)
        ]
        if touched(Constituency.objects.filter(pk=seat.pk)).exists() or any(
            touched(rows).exists() for rows in facts
        ):
            kept.append(seat.name)
            continue
        for rows in [*facts, Constituency.objects.filter(pk=seat.pk)]:
            content_type = ContentType.objects.filter(
                app_label="constituencies", model=rows.model._meta.model_name
            ).first()
            if content_type is not None:
                Evidence.objects.filter(
                    content_type=content_type, object_id__in=rows.values("pk")
                ).delete()
            rows.delete()
        removed.append(seat.name)
    if removed:
        print(f"\n  Removed {len(removed)} organisations stored as seats: {', '.join(removed)}")
    if kept:
        print(
            f"\n  Kept {len(kept)} organisations stored as seats that an editor touched, "
            f"for an editor to remove: {', '.join(kept)}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("constituencies", "0004_lower_name_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(remove_organisation_seats, migrations.RunPython.noop),
    ]
