"""`openimr simulate`: a California year of applications driven through the real services.

Arrivals fall on business days during office hours; about 10% are ineligible (late,
unsigned, without the UR decision, conditional non-certifications), 1 in 50 is expedited,
some records arrive late, and reviewers decide 1–10 days after complete records (hours for
expedited cases). Every deadline the services computed is checked against an independent,
day-by-day count, so the report says how many were computed wrong as well as how many
cases were decided on time.
"""

import heapq
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db import transaction

from openimr.cases import models
from openimr.cases.clocks import deadlines_for, due_instant
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadlines import Program
from openimr.cases.intake_schema import ApplicationIn
from openimr.cases.services import (
    application_submit,
    case_assign,
    case_begin_review,
    case_records_complete,
    case_submit_decision,
)
from openimr.cases.simulation_check import check_deadlines
from openimr.cases.simulation_data import application_for, decisions_for
from openimr.core.clock import CALIFORNIA
from openimr.programs.loader import load_program

YEAR = 2025


@dataclass(order=True)
class _Event:
    at: datetime
    seq: int
    case_id: int = field(compare=False)
    step: str = field(compare=False)


@dataclass
class _World:
    rng: random.Random
    program: Program
    queue: list[_Event] = field(default_factory=list)
    seq: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    # Open cases stay in memory between their steps (about 20 business days of arrivals):
    # the simulation is their only writer, so re-reading each from the database would only
    # measure the ORM twice.
    open_rows: dict[int, models.Case] = field(default_factory=dict)

    def schedule(self, at: datetime, case_id: int, step: str) -> None:
        self.seq += 1
        heapq.heappush(self.queue, _Event(at, self.seq, case_id, step))


def business_days(program: Program, year: int) -> Iterator[date]:
    day = date(year, 1, 1)
    while day.year == year:
        if day.weekday() < 5 and day not in program.holidays:
            yield day
        day += timedelta(days=1)


def _at(day: date, rng: random.Random, start_hour: int = 8, hours: int = 9) -> datetime:
    local = datetime(day.year, day.month, day.day, start_hour, tzinfo=CALIFORNIA)
    return (local + timedelta(seconds=rng.randrange(hours * 3600))).astimezone(UTC)


def _next_step(world: _World, row: models.Case, at: datetime) -> None:
    """Schedule what happens to a case after its current state, with realistic delays."""
    rng, expedited = world.rng, row.priority == "expedited"
    if row.state in {"eligible", "assigned", "records_complete", "in_review"}:
        world.open_rows[row.id] = row
    if row.state == "eligible":
        world.schedule(at + timedelta(hours=rng.uniform(2, 26)), row.id, "assign")
    elif row.state == "assigned":
        due = next(d for d in deadlines_for(row) if d.name == "records_due")
        late = rng.random() < 0.08
        delay = (
            timedelta(hours=rng.uniform(2, 20)) if expedited else timedelta(days=rng.uniform(2, 11))
        )
        arrival = due_instant(due) + timedelta(days=rng.uniform(1, 4)) if late else at + delay
        world.counts["records_late"] += late
        world.schedule(arrival, row.id, "records_complete")
    elif row.state == "records_complete":
        world.schedule(at + timedelta(hours=rng.uniform(0.5, 8)), row.id, "begin_review")
    elif row.state == "in_review":
        delay = (
            timedelta(hours=rng.uniform(4, 60)) if expedited else timedelta(days=rng.uniform(1, 10))
        )
        world.schedule(at + delay, row.id, "decide")


STEPS: dict[str, Callable[[_World, models.Case, datetime], object]] = {
    "assign": lambda w, row, at: case_assign(
        row=row,
        actor="simulation",
        at=at,
        method=ServiceMethod.ELECTRONIC if w.rng.random() < 0.7 else ServiceMethod.MAIL,
    ),
    "records_complete": lambda w, row, at: case_records_complete(
        row=row, actor="simulation", at=at
    ),
    "begin_review": lambda w, row, at: case_begin_review(row=row, actor="simulation", at=at),
    "decide": lambda w, row, at: case_submit_decision(
        row=row,
        decisions=decisions_for(w.rng, len(row.application.treatments.all())),
        actor="simulation",
        at=at,
    ),
}


def _run_until(world: _World, until: datetime) -> None:
    while world.queue and world.queue[0].at <= until:
        event = heapq.heappop(world.queue)
        row = world.open_rows.pop(event.case_id)
        STEPS[event.step](world, row, event.at)
        world.counts[event.step] += 1
        _next_step(world, row, event.at)


def _arrive(world: _World, form: ApplicationIn, at: datetime) -> None:
    submitted = application_submit(
        form=form, via="batch", actor="simulation", client="simulation", at=at
    )
    row = submitted.application.case
    world.counts[f"screened_{submitted.application.outcome}"] += 1
    _next_step(world, row, at)


def _arrivals_per_day(total: int, days: list[date]) -> list[int]:
    base, extra = divmod(total, len(days))
    return [base + (1 if n < extra else 0) for n in range(len(days))]


def simulate(*, applications: int, seed: int, progress: bool = True) -> dict[str, Any]:
    world = _World(random.Random(seed), load_program())
    days = list(business_days(world.program, YEAR))
    started = time.perf_counter()
    for number, (day, count) in enumerate(
        zip(days, _arrivals_per_day(applications, days), strict=True)
    ):
        with transaction.atomic():
            for at in sorted(_at(day, world.rng) for _ in range(count)):
                _run_until(world, at)
                _arrive(world, application_for(world.rng, day, at), at)
            _run_until(world, _at(day, world.rng, 17, 1))
        if progress and number % 10 == 9:
            _progress(day, world, started)
    with transaction.atomic():
        _run_until(world, datetime(YEAR + 1, 12, 31, tzinfo=UTC))
    elapsed = time.perf_counter() - started
    return _report(world, applications, seed, elapsed)


def _progress(day: date, world: _World, started: float) -> None:
    done = sum(v for k, v in world.counts.items() if k.startswith("screened_"))
    rate = done / max(time.perf_counter() - started, 1e-9)
    print(f"{day}: {done:,} applications, {rate:,.0f}/s", flush=True, file=sys.stderr)


def _report(world: _World, applications: int, seed: int, elapsed: float) -> dict[str, Any]:
    checked = check_deadlines(world.program)
    return {
        "applications": applications,
        "seed": seed,
        "seconds": round(elapsed, 1),
        "applications_per_second": round(applications / elapsed, 1),
        "events": dict(sorted(world.counts.items())),
        **checked,
    }
