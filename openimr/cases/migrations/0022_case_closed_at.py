"""When a case was withdrawn or terminated, so that the timeliness report counts a deadline
that ran out unmet before the case closed as missed, instead of dropping it with the case.
Cases closed before this are filled from their timeline (the audit trail's transition into
withdrawn or terminated), the one record of that instant."""

from django.db import migrations, models

CLOSED = ("withdrawn", "terminated")


def fill_closed_at(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    closed = Case.objects.filter(state__in=CLOSED, closed_at__isnull=True)
    states = dict(closed.values_list("case_number", "state"))
    numbers = sorted(states)
    for start in range(0, len(numbers), 500):  # under SQLite's limit of bound parameters
        chunk = numbers[start : start + 500]
        moves = AuditEvent.objects.filter(
            action="case.transition", object_type="case", object_id__in=chunk
        ).order_by("at", "id")
        when = {}
        for number, at, detail in moves.values_list("object_id", "at", "detail"):
            if isinstance(detail, dict) and detail.get("to") == states[number]:
                when[number] = at  # the latest move into the state it is in
        for number, at in when.items():
            Case.objects.filter(case_number=number).update(closed_at=at)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0021_imported_case_claim_key"),
        ("audit", "0002_chain_role_request_id"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="closed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(fill_closed_at, migrations.RunPython.noop),
    ]
