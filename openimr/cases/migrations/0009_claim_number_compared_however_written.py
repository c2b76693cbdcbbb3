"""Each application keeps its claim number as screening compares it, so a duplicate written
"qadup 001" is found for "QADUP-001" on file (8 CCR 9792.10.3(a)(2)); existing rows are
filled here."""

from django.db import migrations, models

from openimr.cases.domain.claims import normalise_claim

BATCH = 2000


def fill_claim_keys(apps, schema_editor):
    Application = apps.get_model("cases", "Application")
    rows = Application.objects.only("id", "claim_number").order_by("id")
    pending = []
    for row in rows.iterator(chunk_size=BATCH):
        row.claim_key = normalise_claim(row.claim_number)
        pending.append(row)
        if len(pending) == BATCH:
            Application.objects.bulk_update(pending, ["claim_key"])
            pending = []
    Application.objects.bulk_update(pending, ["claim_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0008_notice_service_moves_to_letters"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="claim_key",
            field=models.TextField(blank=True, db_index=True, default=""),
        ),
        migrations.RunPython(fill_claim_keys, migrations.RunPython.noop),
    ]
