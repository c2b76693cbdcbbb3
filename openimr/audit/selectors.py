from django.db.models import Q, QuerySet

from openimr.audit import verify
from openimr.audit.models import AuditEvent, AuditEventCase
from openimr.audit.verify import Report

__all__ = ["Report", "case_timeline", "case_trail", "trail_verify"]


def case_timeline(case_number: str) -> QuerySet[AuditEvent]:
    """What happened to a case, oldest first: its changes, not the looks at it."""
    return (
        AuditEvent.objects.filter(
            object_type="case", object_id=case_number, action__startswith="case."
        )
        .exclude(
            action__in=["case.viewed", "case.timeline_viewed", "case.action", "case.trail_exported"]
        )
        .exclude(action__endswith=".refused")
        .order_by("at", "id")
    )


def case_trail(case_number: str) -> QuerySet[AuditEvent]:
    """Everything the trail holds about a case, in the order written: its changes, every
    look at it and every refusal, the same for the records of its case file, and each
    reading of its mail in the outbox, and each staff list it was shown in (found through
    ``AuditEventCase``, as SQLite cannot search ``detail.cases``): the accounting of its
    disclosures, HIPAA 45 CFR 164.528."""
    about_case = Q(object_type="case", object_id=case_number)
    about_records = Q(object_type="record", detail__case_number=case_number)
    about_mail = Q(object_type="mail", detail__case_number=case_number)
    listed = Q(id__in=AuditEventCase.objects.filter(case_number=case_number).values("event_id"))
    return AuditEvent.objects.filter(about_case | about_records | about_mail | listed).order_by(
        "id"
    )


def trail_verify() -> Report:
    """The whole trail checked against its hash chain (openimr.audit.verify)."""
    return verify.trail_verify()
