"""Writing one reviewer, with everything it owns, from the panel file or the panel CSV,
audited (`reviewer_store`, which `services` offers to other apps). Names stay staff-only
(LC 4610.6(f))."""

from datetime import date

from django.db import transaction

from openimr.audit.services import Actor, audit_record
from openimr.core.clock import local_date, now
from openimr.reviewers import models
from openimr.reviewers.domain.panel import Reviewer


@transaction.atomic
def reviewer_store(*, reviewer: Reviewer, actor: Actor) -> None:
    """Add or replace one reviewer with everything it owns, audited."""
    store_reviewer(reviewer, local_date(now()))
    audit_record(
        actor=actor,
        action="reviewer.stored",
        object_type="reviewer",
        object_id=reviewer.reviewer_id,
    )


def store_reviewer(reviewer: Reviewer, today: date) -> None:
    """Replace the reviewer's credentials, ties and leave with the file's. Sanctions are
    the exception: see ``_keep_sanctions_open``."""
    row, _ = models.Reviewer.objects.update_or_create(
        reviewer_id=reviewer.reviewer_id,
        defaults={
            "name": reviewer.name,
            "years_in_practice": reviewer.years_in_practice,
            "weekly_hours": reviewer.weekly_hours,
            "last_verified": reviewer.last_verified,
            "languages": list(reviewer.languages),
            "capacity_per_week": reviewer.capacity_per_week,
            "prior_case_numbers": list(reviewer.prior_case_numbers),
        },
    )
    for related in (row.certifications, row.licenses, row.affiliations, row.leave):
        related.all().delete()
    models.Certification.objects.bulk_create(
        models.Certification(reviewer=row, board=c.board, specialty=c.specialty, expires=c.expires)
        for c in reviewer.certifications
    )
    models.License.objects.bulk_create(
        models.License(
            reviewer=row,
            state=x.state,
            number=x.number,
            restricted=x.restricted,
            issued=x.issued,
            expires=x.expires,
        )
        for x in reviewer.licenses
    )
    models.Affiliation.objects.bulk_create(
        models.Affiliation(reviewer=row, name=a.name, kind=a.kind.value, until=a.until)
        for a in reviewer.affiliations
    )
    models.Leave.objects.bulk_create(
        models.Leave(reviewer=row, start=s, end=e) for s, e in reviewer.leave
    )
    _keep_sanctions_open(row, reviewer.open_sanctions, today)


def _keep_sanctions_open(row: models.Reviewer, declared: int, today: date) -> None:
    """The file gives only a count of open disciplinary actions; each one keeps the reviewer
    off cases (LC 139.5(c)), so the panel holds at least that many open. Sanctions staff
    recorded with their details are never closed or removed by a file: a spreadsheet saying
    0 does not prove a board action has ended, staff close it in the admin."""
    missing = declared - row.sanctions.filter(closed__isnull=True).count()
    models.Sanction.objects.bulk_create(
        models.Sanction(
            reviewer=row,
            description="Open disciplinary action or sanction declared in the panel file "
            "(open_sanctions); record its details here.",
            opened=today,
        )
        for _ in range(max(missing, 0))
    )
