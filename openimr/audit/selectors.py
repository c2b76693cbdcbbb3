from django.db.models import QuerySet

from openimr.audit.models import AuditEvent


def case_timeline(case_number: str) -> QuerySet[AuditEvent]:
    """What happened to a case, oldest first: its changes, not the looks at it."""
    return (
        AuditEvent.objects.filter(
            object_type="case", object_id=case_number, action__startswith="case."
        )
        .exclude(action__in=["case.viewed", "case.timeline_viewed", "case.action"])
        .exclude(action__endswith=".refused")
        .order_by("at", "id")
    )
