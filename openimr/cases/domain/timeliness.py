"""Whether each deadline of a review was met on time: the IMR organization's own record of
the Notice of Assignment (8 CCR 9792.10.4(b)), the claims administrator's of the records
(8 CCR 9792.10.5(a)(1)) and the determination's (LC 4610.6(d)), counted month by month.

The deadlines are the case's own (`deadlines.case_deadlines`), counted from the same facts
as the work queue. A deadline is met by the fact that closes it: the notice sent, the
records complete, the letter issued. One still unmet is overdue once its last instant has
passed, and pending before; on a case closed without it (withdrawn, terminated, found
ineligible) it is not counted, as nothing was left to do.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from openimr.cases.domain.deadline_status import due_instant
from openimr.cases.domain.deadlines import ClockFacts, Program, case_deadlines
from openimr.core.rounding import half_up

Status = Literal["on_time", "late", "overdue", "pending"]
STATUSES: tuple[Status, ...] = ("on_time", "late", "overdue", "pending")
# The deadlines reported, in the order of the process, with the fact that meets each.
REPORTED = {
    "noarfi_due": "noarfi_sent_at",
    "records_due": "records_complete_at",
    "determination_due": "determined_at",
}


@dataclass(frozen=True)
class ClockOutcome:
    """One deadline of one case: when it fell due, when it was met (None: not yet)."""

    name: str
    due: date | datetime
    due_at: datetime
    met_at: datetime | None
    status: Status


def clock_outcomes(
    facts: ClockFacts, program: Program, *, now: datetime, closed: bool
) -> tuple[ClockOutcome, ...]:
    """The reported deadlines of a case with their outcome at ``now``. ``closed``: the case
    is closed (issued, withdrawn, terminated, ineligible), so an unmet deadline is not
    counted. The deadlines are those of the case as if still open: `case_deadlines` lists
    none for a decided or terminated case, whose met deadlines are what is reported here."""
    found = []
    for deadline in case_deadlines(facts.as_open(), program):
        if deadline.name not in REPORTED:
            continue
        met = getattr(facts, REPORTED[deadline.name])
        end = due_instant(deadline, program.timezone)
        status: Status
        if met is not None:
            status = "on_time" if met <= end else "late"
        elif closed:
            continue
        else:
            status = "overdue" if end < now else "pending"
        found.append(ClockOutcome(deadline.name, deadline.due, end, met, status))
    return tuple(found)


@dataclass(frozen=True)
class MonthRow:
    """One clock in one month of due dates: how many fell due and how each ended.
    ``on_time_share`` is of those decided either way (met, or overdue): pending ones have
    time left and are not counted against it; None when there are none."""

    month: str  # YYYY-MM, the California month the deadline fell due in
    name: str
    on_time: int
    late: int
    overdue: int
    pending: int

    @property
    def due(self) -> int:
        return self.on_time + self.late + self.overdue + self.pending

    @property
    def on_time_share(self) -> float | None:
        settled = self.on_time + self.late + self.overdue
        return self.on_time / settled if settled else None

    def on_time_rounded(self, places: int, *, percent: bool = False) -> str:
        """The share on time to ``places`` decimals (of a percent with ``percent``), a half
        rounded up as the analytics round it (`core.rounding.half_up`); "" when None."""
        settled = self.on_time + self.late + self.overdue
        if not settled:
            return ""
        return half_up(self.on_time * (100 if percent else 1), settled, places)

    @property
    def on_time_percent(self) -> str:
        """In whole percent, as the page shows it."""
        return self.on_time_rounded(0, percent=True)


def by_month(outcomes: Iterable[ClockOutcome], program: Program) -> list[MonthRow]:
    """Counts per month of due date and clock, oldest month first, clocks in process order."""
    counts: Counter[tuple[str, str, Status]] = Counter()
    for o in outcomes:
        counts[(_month(o, program), o.name, o.status)] += 1
    keys = sorted({(m, n) for m, n, _ in counts}, key=lambda k: (k[0], list(REPORTED).index(k[1])))
    return [MonthRow(m, n, *(counts[(m, n, s)] for s in STATUSES)) for m, n in keys]


def _month(outcome: ClockOutcome, program: Program) -> str:
    due = outcome.due
    day = due.astimezone(program.zone).date() if isinstance(due, datetime) else due
    return f"{day:%Y-%m}"
