"""A day deadline now runs out at the last instant of its California day, 23:59:59.999999,
not 23:59:59 (`openimr.cases.domain.deadline_status.due_instant`): each open case's stored
next due instant written the old way moves to it, so that the work queue's overdue filter and
the case page's status, which reads the rule, agree in that last second too. An hour clock's
instant (24 hours after a notice) is not at a whole 23:59:59 and is left as it is."""

from datetime import time
from zoneinfo import ZoneInfo

from django.db import migrations

CALIFORNIA = ZoneInfo("America/Los_Angeles")
OLD_END = time(23, 59, 59)


def to_last_instant(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    moved = []
    for row in Case.objects.exclude(next_due_at=None).only("id", "next_due_at").iterator():
        local = row.next_due_at.astimezone(CALIFORNIA)
        if local.time() == OLD_END:
            row.next_due_at = local.replace(microsecond=999_999)
            moved.append(row)
    Case.objects.bulk_update(moved, ["next_due_at"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0018_authorized_items"),
    ]

    operations = [
        migrations.RunPython(to_last_instant, migrations.RunPython.noop, elidable=True),
    ]
