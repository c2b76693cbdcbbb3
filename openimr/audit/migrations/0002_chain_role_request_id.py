"""Role, request id and the hash chain; the chain computed for the events already stored
(in id order, all in lane 1), then the triggers that make the table append-only. The triggers come last:
adding columns rebuilds the table on SQLite, which would drop them."""

from django.db import migrations, models

from openimr.audit import chain, triggers

COLUMNS = ("id", *chain.CONTENT)


def chain_existing(apps, schema_editor):
    event_model = apps.get_model("audit", "AuditEvent")
    head_model = apps.get_model("audit", "AuditChainHead")
    alias = schema_editor.connection.alias
    prev, length, updates = chain.GENESIS, 0, []
    for row in event_model.objects.using(alias).order_by("id").values(*COLUMNS).iterator(5000):
        digest = chain.event_hash(prev, row)
        updates.append((prev, digest, row["id"]))
        prev, length = digest, length + 1
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE id = %s", updates
        )
    head_model.objects.using(alias).update_or_create(
        id=1, defaults={"last_hash": prev, "length": length}
    )


def install_triggers(apps, schema_editor):
    # The events' table only: the case index (0004) does not exist yet.
    triggers.install(schema_editor.connection, [triggers.EVENTS])


def remove_triggers(apps, schema_editor):
    triggers.remove(schema_editor.connection, [triggers.EVENTS])


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="role",
            field=models.CharField(blank=True, default="", max_length=40),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="request_id",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="lane",
            field=models.PositiveSmallIntegerField(default=1),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.CreateModel(
            name="AuditChainHead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("last_hash", models.CharField(blank=True, default="", max_length=64)),
                ("length", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.RunPython(install_triggers, remove_triggers),
    ]
