"""A case imported whole keeps its claim number as screening compares it, so a new
application on that claim, however written, is screened against it as against a filed one
(8 CCR 9792.10.3(a)(2)); cases imported with a claim number before this are filled here."""

from django.db import migrations, models

from openimr.cases.domain.claims import normalise_claim

BATCH = 2000


def fill_claim_keys(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    rows = Case.objects.exclude(claim_number="").only("id", "claim_number").order_by("id")
    pending = []
    for row in rows.iterator(chunk_size=BATCH):
        row.claim_key = normalise_claim(row.claim_number)
        pending.append(row)
        if len(pending) == BATCH:
            Case.objects.bulk_update(pending, ["claim_key"])
            pending = []
    Case.objects.bulk_update(pending, ["claim_key"])


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
