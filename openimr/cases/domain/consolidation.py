"""Applications decided together: one employee, one requesting physician, one date of injury
(8 CCR 9792.10.4(a))."""

from collections.abc import Sequence
from datetime import date

from openimr.cases.domain.application import Application
from openimr.cases.domain.claims import normalise_claim, normalise_name


def _consolidation_key(application: Application) -> tuple[str, str, str, date] | None:
    # Names compare as people read them: "Ana María" typed again as "ana maria" is her.
    physician = normalise_name(application.requesting_physician_name or "")
    if not physician:
        return None
    return (
        normalise_name(application.employee_name),
        normalise_claim(application.claim_number),
        physician,
        application.date_of_injury,
    )


def consolidation_groups(
    applications: Sequence[tuple[str, Application]],
) -> list[tuple[str, ...]]:
    """References of eligible applications that may be decided together: one employee (name
    and claim number), the same requesting physician and the same date of injury
    (8 CCR 9792.10.4(a)). The caller passes eligible applications only. An application with
    no requesting physician named cannot be shown to share one and is never grouped.
    Groups of one are left out; references are sorted within a group and groups by their
    first reference, so the answer does not depend on the input order."""
    groups: dict[tuple[str, str, str, date], set[str]] = {}
    for reference, application in applications:
        key = _consolidation_key(application)
        if key is not None:
            groups.setdefault(key, set()).add(reference)
    return sorted(tuple(sorted(refs)) for refs in groups.values() if len(refs) > 1)
