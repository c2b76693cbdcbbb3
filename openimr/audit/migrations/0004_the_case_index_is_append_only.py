"""The case index (``audit_auditeventcase``) refuses UPDATE and DELETE as the events' table
does (openimr.audit.triggers): a row removed hid a list from a case's accounting of
disclosures (HIPAA 45 CFR 164.528) while every hash stayed intact, and only
`openimr audit verify` noticed. No row is changed."""

from django.db import migrations

from openimr.audit import triggers


def install_triggers(apps, schema_editor):
    triggers.install(schema_editor.connection, [triggers.INDEX])


def remove_triggers(apps, schema_editor):
    triggers.remove(schema_editor.connection, [triggers.INDEX])


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_events_index_the_cases_they_list")]

    operations = [migrations.RunPython(install_triggers, remove_triggers)]
