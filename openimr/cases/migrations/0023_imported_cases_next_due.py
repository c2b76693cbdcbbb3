"""A case imported whole runs its determination clock from its document's records-complete
day (`openimr.cases.clocks.records_complete`), and the import now stores the next due
instant the work queue sorts by. Open cases imported before this had none stored: they sat
at the end of the queue with no due date. Filled here by the clocks' own rule."""

from django.db import migrations

from openimr.cases.domain.lifecycle import OPEN
from openimr.cases.services.lifecycle import clock_refresh


def fill_next_due(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    imported = Case.objects.filter(
        application__isnull=True,
        records_complete_at__isnull=True,
        date_records_complete__isnull=False,
        next_due_at__isnull=True,
        state__in=[state.value for state in OPEN],
    )
    moved = []
    for row in imported.iterator(2000):
        clock_refresh(row)
        if row.next_due_at is not None:
            moved.append(row)
    Case.objects.bulk_update(moved, ["next_due_at", "next_due_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0022_case_closed_at"),
    ]

    operations = [
        migrations.RunPython(fill_next_due, migrations.RunPython.noop, elidable=True),
    ]
