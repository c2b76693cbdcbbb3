"""The cases each event lists (``detail.cases``) as rows of their own, so that a case's trail
finds the staff lists it was shown in on SQLite too (HIPAA 45 CFR 164.528); the events
already stored are indexed here. No event is changed, so the hash chain is untouched."""

import django.db.models.deletion
from django.db import migrations, models

from openimr.audit.case_index import listed


def index_existing(apps, schema_editor):
    event_model = apps.get_model("audit", "AuditEvent")
    index_model = apps.get_model("audit", "AuditEventCase")
    alias = schema_editor.connection.alias
    events = event_model.objects.using(alias).filter(detail__has_key="cases")
    rows = [
        index_model(event_id=key, case_number=number[:60])
        for key, detail in events.values_list("id", "detail").iterator(5000)
        for number in listed(detail)
    ]
    index_model.objects.using(alias).bulk_create(rows, batch_size=5000)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_chain_role_request_id")]

    operations = [
        migrations.CreateModel(
            name="AuditEventCase",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("case_number", models.CharField(max_length=60)),
                (
                    "event",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="listed_cases",
                        to="audit.auditevent",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("case_number", "event"), name="audit_case_event"
                    )
                ],
            },
        ),
        migrations.RunPython(index_existing, migrations.RunPython.noop),
    ]
