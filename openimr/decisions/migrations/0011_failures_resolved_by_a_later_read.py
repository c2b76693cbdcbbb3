"""A failed source file whose path was read again and parsed is resolved: kept, off the
staff list of failures. Failures already resolved so by an earlier ingest are marked too,
with the time of the first read of their path that parsed after them."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def failures_resolve(apps, schema_editor):
    source_file = apps.get_model("decisions", "SourceFile")
    later = source_file.objects.filter(
        status="parsed", name=OuterRef("name"), seen_at__gt=OuterRef("seen_at")
    ).order_by("seen_at")
    source_file.objects.filter(status="failed").update(
        resolved_at=Subquery(later.values("seen_at")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0010_search_specialty_as_typed"),
    ]

    operations = [
        migrations.AddField(
            model_name="sourcefile",
            name="resolved_at",
            field=models.DateTimeField(
                blank=True, help_text="when a later read of the same path parsed", null=True
            ),
        ),
        migrations.RunPython(failures_resolve, migrations.RunPython.noop, elidable=True),
    ]
