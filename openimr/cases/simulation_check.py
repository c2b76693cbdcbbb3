"""The simulation's referee: every case's deadlines recomputed by a plain day-by-day count,
written apart from `domain/deadlines.py` on purpose, and the on-time shares."""

from datetime import date, datetime, timedelta
from typing import Any

from openimr.cases import models
from openimr.cases.clocks import clock_facts, due_instant
from openimr.cases.domain.deadlines import Program, case_deadlines
from openimr.core.clock import local_date
from openimr.core.rounding import half_up


def _business(day: date, program: Program) -> bool:
    return day.weekday() < 5 and day not in program.holidays


def _count_days(start: date, days: int, program: Program, roll: bool) -> date:
    end = start + timedelta(days=days)
    while roll and not _business(end, program):
        end += timedelta(days=1)
    return end


def _count_business(start: date, days: int, program: Program) -> date:
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        counted += _business(day, program)
    return day


def expected(row: models.Case, program: Program) -> dict[str, date | datetime]:
    """What a clerk with a calendar would write down for this case (no conversions occur
    in the simulation, so none are handled here)."""
    out: dict[str, date | datetime] = {}
    if row.eligible_on:
        out["noarfi_due"] = _count_business(row.eligible_on, 1, program)
    if row.noarfi_sent_at:
        if row.priority == "expedited":
            out["records_due"] = row.noarfi_sent_at + timedelta(hours=24)
        else:
            days = 15 if row.noarfi_method == "mail" else 12
            out["records_due"] = _count_days(
                local_date(row.noarfi_sent_at), days, program, roll=True
            )
    if row.records_complete_at:
        start = local_date(row.records_complete_at)
        out["determination_due"] = {
            "expedited": lambda: _count_days(start, 3, program, roll=False),
            "formulary": lambda: _count_business(start, 5, program),
            "standard": lambda: _count_days(start, 30, program, roll=True),
        }[row.priority]()
    return out


def check_deadlines(program: Program) -> dict[str, Any]:
    checked = wrong = decided = on_time = noarfi = noarfi_on_time = 0
    examples: list[str] = []
    for row in models.Case.objects.filter(application__isnull=False).iterator(chunk_size=2000):
        facts = clock_facts(row).as_open()
        computed = {d.name: d for d in case_deadlines(facts, program)}
        for name, due in expected(row, program).items():
            checked += 1
            if computed.get(name) is None or computed[name].due != due:
                wrong += 1
                if len(examples) < 5:
                    examples.append(
                        f"{row.case_number} {name}: expected {due}, got {computed.get(name)}"
                    )
        if row.decided_at and "determination_due" in computed:
            decided += 1
            on_time += row.decided_at <= due_instant(computed["determination_due"])
        if row.noarfi_sent_at and "noarfi_due" in computed:
            noarfi += 1
            noarfi_on_time += local_date(row.noarfi_sent_at) <= computed["noarfi_due"].due
    return {
        "deadlines_checked": checked,
        "deadlines_wrong": wrong,
        "wrong_examples": examples,
        "decided": decided,
        "decided_on_time_share": _share(on_time, decided),
        "noarfi_on_time_share": _share(noarfi_on_time, noarfi),
    }


def _share(part: int, whole: int) -> float | None:
    """A fraction to four places, a half rounded up as the timeliness report prints it."""
    return float(half_up(part, whole, 4)) if whole else None
