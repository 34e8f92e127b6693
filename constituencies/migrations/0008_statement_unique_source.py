from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("constituencies", "0007_identify_statements"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='statement',
            constraint=models.UniqueConstraint(condition=models.Q(('source__isnull', False)), fields=('source', 'source_key'), name='statement_unique_source'),
        ),
    ]
