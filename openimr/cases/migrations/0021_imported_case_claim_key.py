"""A case imported whole keeps its claim number as screening compares it, so a new
application on that claim, however written, is screened against it as against a filed one
(8 CCR 9792.10.3(a)(2)); cases imported with a claim number before this are filled here."""

from django.db import migrations, models

from openimr.cases.domain.claims import normalise_claim


def fill_claim_keys(apps, schema_editor):
    # One update per distinct claim number: a claim's cases share it, and cases have
    # carried one only since 0020.
    Case = apps.get_model("cases", "Case")
    numbers = Case.objects.exclude(claim_number="").values_list("claim_number", flat=True)
    for number in numbers.distinct().order_by("claim_number"):
        Case.objects.filter(claim_number=number).update(claim_key=normalise_claim(number))


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0020_imported_case_claim_number"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="claim_key",
            field=models.TextField(blank=True, db_index=True, default=""),
        ),
        migrations.RunPython(fill_claim_keys, migrations.RunPython.noop),
    ]
