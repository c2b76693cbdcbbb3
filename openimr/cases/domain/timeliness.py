"""Whether each deadline of a review was met on time: the IMR organization's own record of
the Notice of Assignment (8 CCR 9792.10.4(b)), the claims administrator's of the records
(8 CCR 9792.10.5(a)(1)) and the determination's (LC 4610.6(d)), counted month by month.

The deadlines are the case's own (`deadlines.case_deadlines`), counted from the same facts
as the work queue. A deadline is met by the fact that closes it: the notice sent, the
records complete, the letter issued. One still unmet is overdue once its last instant has
passed, and pending before; on a case closed without it (withdrawn, terminated, found
ineligible) before it ran out it is not counted, as nothing was left to do; one that ran
out before the case was withdrawn or terminated was missed, and is overdue.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Literal

from openimr.cases.domain.deadline_status import due_instant
from openimr.cases.domain.deadlines import ClockFacts, Deadline, Program, case_deadlines
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
    facts: ClockFacts,
    program: Program,
    *,
    now: datetime,
    closed: bool,
    closed_at: datetime | None = None,
) -> tuple[ClockOutcome, ...]:
    """The reported deadlines of a case with their outcome at ``now``. ``closed``: the case
    is closed (issued, withdrawn, terminated, ineligible), so an unmet deadline that was
    still running when it closed is not counted: nothing was left to do. One that had run
    out before ``closed_at`` (when it was withdrawn or terminated, if known) was missed
    all the same, and is overdue: closing a case does not take back a miss. The deadlines
    are those of the case as if still open: `case_deadlines` lists none for a decided or
    terminated case, whose met deadlines are what is reported here."""
    found = []
    now = now.astimezone(UTC)
    for deadline in case_deadlines(facts.as_open(), program):
        if deadline.name not in REPORTED:
            continue
        met = getattr(facts, REPORTED[deadline.name])
        end, end_utc = _ends(deadline.due, program.timezone)
        status: Status
        if met is not None:
            status = "on_time" if met <= end_utc else "late"
        elif closed and (closed_at is None or closed_at <= end_utc):
            continue
        elif closed:
            status = "overdue"
        else:
            status = "overdue" if end_utc < now else "pending"
        found.append(ClockOutcome(deadline.name, deadline.due, end, met, status))
    return tuple(found)


def _ends(due: date | datetime, timezone: str) -> tuple[datetime, datetime]:
    """When a deadline runs out (`due_instant`), as it is reported and in UTC. Compared in
    UTC: two instants of one zone compare by their fields, while a UTC instant against a
    California one asks each for its offset, which was a fifth of a report's time."""
    if isinstance(due, datetime):
        return due, due.astimezone(UTC)
    return _day_ends(due, timezone)


@lru_cache(maxsize=4096)
def _day_ends(due: date, timezone: str) -> tuple[datetime, datetime]:
    # A report's day deadlines fall on a few hundred days: each day's end is counted once.
    end = due_instant(Deadline("", due, "", ""), timezone)
    return end, end.astimezone(UTC)


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
    return f"{day.year:04d}-{day.month:02d}"  # strftime took a tenth of the report's time
