"""The timeliness report read from the stored cases: each deadline that fell due in a span
of months, met on time, late, overdue or pending (`domain/timeliness.py`), the cases behind
the late ones, and the claims administrators whose records came late."""

import re
from collections import Counter, namedtuple
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q

from openimr.cases import models
from openimr.cases.clocks import clock_facts, decided_in_document
from openimr.cases.domain.deadline_status import DEADLINE_LABELS
from openimr.cases.domain.deadlines import ClockFacts
from openimr.cases.domain.lifecycle import CLOSED
from openimr.cases.domain.timeliness import ClockOutcome, MonthRow, by_month, clock_outcomes
from openimr.core.clock import CALIFORNIA
from openimr.core.errors import InvalidInput, Problem
from openimr.decisions.domain.spreadsheet import SpreadsheetCsv, Writable
from openimr.programs.loader import load_program

MAX_MONTHS = 12  # a year at most: every case of the span is read and counted in Python
FIRST_YEAR, LAST_YEAR = 1900, 2999
LATE_LISTED = 200
# How long before its deadline the fact that starts each clock can come: the notice is due
# days after eligibility, the records at most 15 days (and a rolled weekend) after the
# notice, the determination 30 days (and a rolled weekend or holiday) after the records;
# after a conversion to expedited, records still awaited 24 hours and the determination
# 3 days from it (8 CCR 9792.10.4(c)), however long after the notice or records it came.
_LEAD = {
    "eligible_on": 10,
    "noarfi_sent_at": 25,
    "records_complete_at": 40,
    "date_records_complete": 40,  # a case imported whole gives only the day
    "converted_to_expedited_at": 5,
}
# What the report reads of a case: the facts its clocks count from (`clocks.clock_facts`),
# when its letter issued (which meets the determination), when it was withdrawn or
# terminated (a deadline that ran out before then was missed),
# and what names it. Read as tuples, not models: a year's cases are read for one page, and
# building each model with its fifty columns took half the time.
COLUMNS = (
    "case_number", "program", "state", "priority", "claims_administrator_name", "eligible_on",
    "noarfi_sent_at", "noarfi_method", "records_complete_at", "date_records_complete",
    "converted_to_expedited_at", "decided_at", "date_decision", "letter__issued_at", "closed_at",
)  # fmt: skip
# Not read, None to `clock_facts`: they change no reported clock (domain REPORTED). The
# eligibility information clock is not reported, and a termination is set aside to report
# how the clocks ended (`ClockFacts.as_open`); each datetime read was a tenth of the time.
UNREAD = ("terminated_at", "information_requested_at", "information_method")
CaseClocks = namedtuple("CaseClocks", (*COLUMNS, *UNREAD), defaults=(None,) * len(UNREAD))  # type: ignore[misc]


@dataclass(frozen=True)
class LateDeadline:
    case_number: str
    outcome: ClockOutcome
    claims_administrator: str


@dataclass
class TimelinessReport:
    first: str  # YYYY-MM
    last: str
    months: list[MonthRow]
    late: list[LateDeadline] = field(default_factory=list)
    late_total: int = 0
    # (claims administrator, records due in the span, of them late or overdue), most late first
    administrators: list[tuple[str, int, int]] = field(default_factory=list)


def _month_start(text: str, key: str) -> date:
    # ASCII digits only: int() also takes spaces, a sign and other scripts' digits, and the
    # month is echoed in the CSV's file name, where a line break is a server error.
    written = re.fullmatch(r"([0-9]{4})-([0-9]{2})", text)
    try:
        if written is None:
            raise ValueError(text)
        start = date(int(written[1]), int(written[2]), 1)
    except ValueError:
        raise InvalidInput([Problem(key, f"{text!r} is not a month written YYYY-MM")]) from None
    if not FIRST_YEAR <= start.year <= LAST_YEAR:
        # The cases read start up to 40 days before the span: a month at either end of the
        # calendar overflows the date arithmetic.
        span = f"{FIRST_YEAR}-01 to {LAST_YEAR}-12"
        raise InvalidInput([Problem(key, f"{text} is not a month from {span}")])
    return start


def month_span(first: str, last: str) -> tuple[date, date]:
    """The first day of ``first`` and the day after ``last`` (YYYY-MM each); refused, at the
    parameter, when not months, out of order, or more than MAX_MONTHS apart."""
    start, end_month = _month_start(first, "from"), _month_start(last, "to")
    months = (end_month.year - start.year) * 12 + end_month.month - start.month + 1
    if months < 1:
        raise InvalidInput([Problem("to", f"{last} is before {first}")])
    if months > MAX_MONTHS:
        message = f"{first} to {last} is {months} months; at most {MAX_MONTHS}"
        raise InvalidInput([Problem("to", message)])
    end = (end_month + timedelta(days=32)).replace(day=1)
    return start, end


def recent_months(today: date, count: int = 3) -> tuple[str, str]:
    """The ``count`` months ending with this one, as the page shows by default."""
    first = today.replace(day=1)
    for _ in range(count - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    return f"{first:%Y-%m}", f"{today:%Y-%m}"


def months_asked(first: str | None, last: str | None, today: date) -> tuple[str, str]:
    """The span asked, an end not given taken as the page's default: the last three months,
    ending with this one; with only ``to`` given, the three ending then. A ``to`` before
    this month's default ``from`` had been refused as before a month nobody gave. An
    unreadable ``to`` is left for `month_span` to refuse at its parameter."""
    if last and not first:
        try:
            return recent_months(_month_start(last, "to"))[0], last
        except InvalidInput:
            pass
    default_first, default_last = recent_months(today)
    return first or default_first, last or default_last


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=CALIFORNIA)


_DAYS = frozenset({"eligible_on", "date_records_complete"})


def _candidates(start: date, end: date) -> Iterator[Any]:
    """Every case one of whose deadlines can fall due in [start, end), by the facts that
    start the clocks; most of the table is not read."""
    near = Q()
    for column, days in _LEAD.items():
        low, high = start - timedelta(days=days), end
        if column not in _DAYS:  # an instant: from the start of that California day
            low, high = _midnight(low), _midnight(high)
        near |= Q(**{f"{column}__gte": low, f"{column}__lt": high})
    rows = models.Case.objects.filter(near).order_by("id").values_list(*COLUMNS)
    return (CaseClocks(*values) for values in rows.iterator(2000))


def _facts(row: Any) -> ClockFacts:
    """The case's clock facts, its determination met when its letter issued: it is due in
    writing (LC 4610.6(d)), and the clock runs on while the case waits in QA. A case
    imported whole, decided in its document, met it on its document's decision day, as QA
    judges it (`clocks.decided_in_document`): it was counted overdue until its letter
    issued here, and then not at all."""
    facts = clock_facts(row, letter_issued_at=row.letter__issued_at)
    document = decided_in_document(row)
    return replace(facts, determined_at=document) if document is not None else facts


def timeliness_report(
    *, first: str, last: str, at: datetime, late_listed: int | None = LATE_LISTED
) -> TimelinessReport:
    """The deadlines that fell due from the month ``first`` to the month ``last``, as they
    stand at ``at``. ``late_listed``: how many of the missed ones to name (the page shows
    LATE_LISTED; None: all of them, as the command line gives them)."""
    start, end = month_span(first, last)
    tally = _Tally()
    months = by_month(tally.counted(_outcomes(start, end, at)), load_program())
    report = TimelinessReport(first, last, months)
    missed = sorted(tally.missed, key=lambda pair: (pair[1].due_at, pair[0].case_number))
    report.late_total = len(missed)
    report.late = [
        LateDeadline(row.case_number, o, row.claims_administrator_name or "")
        for row, o in missed[:late_listed]
    ]
    report.administrators = tally.administrators()
    return report


_CLOSED = frozenset(state.value for state in CLOSED)


def _outcomes(start: date, end: date, at: datetime) -> Iterator[tuple[Any, ClockOutcome]]:
    """Each case's deadlines that fell due in [start, end), with the case."""
    for row in _candidates(start, end):
        program = load_program(row.program)
        closed = row.state in _CLOSED
        facts = _facts(row)
        for o in clock_outcomes(facts, program, now=at, closed=closed, closed_at=row.closed_at):
            # A day deadline's own date is its local day (it runs out at 23:59:59 there).
            day = o.due if type(o.due) is date else o.due_at.astimezone(program.zone).date()
            if start <= day < end:
                yield row, o


class _Tally:
    """What the report keeps of the outcomes as they stream by: the missed ones, and each
    claims administrator's records deadlines. Nothing else is held: a year's outcomes,
    kept until the end, made the garbage collector walk them again and again (a third of
    the report's time)."""

    def __init__(self) -> None:
        self.missed: list[tuple[Any, ClockOutcome]] = []
        self.records_due: Counter[str] = Counter()
        self.records_missed: Counter[str] = Counter()

    def counted(self, outcomes: Iterable[tuple[Any, ClockOutcome]]) -> Iterator[ClockOutcome]:
        for row, o in outcomes:
            late = o.status in ("late", "overdue")
            if late:
                self.missed.append((row, o))
            if o.name == "records_due":
                name = row.claims_administrator_name or "not named"
                self.records_due[name] += 1
                self.records_missed[name] += late
            yield o

    def administrators(self) -> list[tuple[str, int, int]]:
        """Each claims administrator's records deadlines in the span and how many it missed
        (8 CCR 9792.10.5(a)(1)), the one that missed most first; at most 20."""
        due, missed = self.records_due, self.records_missed
        ranked = sorted(due, key=lambda name: (-missed[name], -due[name], name))
        return [(name, due[name], missed[name]) for name in ranked if missed[name]][:20]


CSV_HEADER = ("month", "deadline", "clock", "due", "on_time", "late", "overdue", "pending",
              "on_time_share")  # fmt: skip


def write_months_csv(target: Writable, months: Iterable[MonthRow]) -> None:
    """The monthly table as CSV, one row per clock and month, the page's download and the
    command line's alike, as every CSV of openimr (`SpreadsheetCsv`): a byte-order mark
    first, and every cell through `spreadsheet_safe` (a clock is named by its program, and
    no text of ours should run as a formula in the reader's spreadsheet)."""
    out = SpreadsheetCsv(target, CSV_HEADER)
    for r in months:
        share = r.on_time_rounded(4)
        label = DEADLINE_LABELS.get(r.name, r.name)
        row = [r.month, label, r.name, r.due, r.on_time, r.late, r.overdue, r.pending, share]
        out.row(row)
