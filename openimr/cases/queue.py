"""The work queue: open cases by when they are next due, a page at a time, with the
filters and counts the staff page and the QA queue read (through `cases.selectors`)."""

from datetime import datetime

from django.db.models import F, Q, QuerySet

from openimr.cases import models
from openimr.cases.domain.deadline_status import at_risk_until
from openimr.cases.domain.lifecycle import OPEN, State
from openimr.core.case import Priority
from openimr.core.clock import CALIFORNIA, now
from openimr.core.errors import InvalidInput, Problem


def work_queue(
    *, state: str = "", priority: str = "", status: str = "", limit: int = 500, offset: int = 0
) -> list[models.Case]:
    """Open cases by due date, soonest first, ``limit`` from the ``offset``-th (a page of
    them); filter by state, priority and deadline status (overdue: past due; at_risk: due
    by the end of the day after tomorrow, as the clocks' status says). An unknown value is
    refused, naming the values it may take: a filter that is ignored shows every case as if
    it matched."""
    cases = _queue(state=state, priority=priority, status=status).select_related("application")
    ordered = cases.order_by(F("next_due_at").asc(nulls_last=True), "case_number")
    return list(ordered[offset : offset + limit])


def work_queue_count(*, state: str = "", priority: str = "", status: str = "") -> int:
    """How many open cases the same filters hold: the pages' total."""
    return _queue(state=state, priority=priority, status=status).count()


def _queue(*, state: str, priority: str, status: str) -> QuerySet[models.Case]:
    _check_queue_filters(state=state, priority=priority, status=status)
    cases = models.Case.objects.filter(state__in=[s.value for s in OPEN])
    if state:
        cases = cases.filter(state=state)
    if priority:
        cases = cases.filter(priority=priority)
    if status:
        cases = cases.filter(_due_status(status, now()))
    return cases


QUEUE_STATUSES = ("overdue", "at_risk")


def _due_status(status: str, moment: datetime) -> Q:
    """The cases whose next due instant has ``status`` at ``moment``: `deadline_status`'s
    rule (`at_risk_until`) asked of the stored instant, so the queue's filter and counts
    agree with the clocks' status and stay one indexed query."""
    if status == "overdue":
        return Q(next_due_at__lt=moment)
    return Q(next_due_at__gte=moment, next_due_at__lte=at_risk_until(moment, CALIFORNIA.key))


def _check_queue_filters(*, state: str, priority: str, status: str) -> None:
    allowed = {
        "state": [s.value for s in State],
        "priority": [p.value for p in Priority],
        "status": list(QUEUE_STATUSES),
    }
    given = {"state": state, "priority": priority, "status": status}
    problems = [
        Problem(f"?{name}", f"{value!r} is not one of {', '.join(allowed[name])}")
        for name, value in given.items()
        if value and value not in allowed[name]
    ]
    if problems:
        raise InvalidInput(problems)


def queue_counts() -> dict[str, int]:
    moment = now()
    open_cases = models.Case.objects.filter(state__in=[s.value for s in OPEN])
    return {
        "open": open_cases.count(),
        "overdue": open_cases.filter(_due_status("overdue", moment)).count(),
        "at_risk": open_cases.filter(_due_status("at_risk", moment)).count(),
    }
