"""`openimr simulate`: a California year of applications driven through the real services.

Arrivals fall on business days during office hours; about 10% are ineligible (late,
unsigned, without the UR decision, conditional non-certifications), 1 in 50 is expedited,
some records arrive late, and reviewers decide 1–10 days after complete records (hours for
expedited cases). Every deadline the services computed is checked against an independent,
day-by-day count, so the report says how many were computed wrong as well as how many
cases were decided on time.
"""

import gc
import heapq
import multiprocessing
import queue
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import groupby
from typing import Any

from django.db import connections, transaction

from openimr.cases import models
from openimr.cases.clocks import deadlines_for, due_instant
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadlines import Program
from openimr.cases.services import (
    Filing,
    applications_receive,
    cases_assign,
    cases_begin_review,
    cases_records_complete,
    cases_submit_decision,
)
from openimr.cases.simulation_check import check_deadlines
from openimr.cases.simulation_data import application_for, decisions_for
from openimr.core.clock import CALIFORNIA
from openimr.core.errors import InvalidInput, Problem
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


Due = list[tuple[models.Case, datetime]]


def _decide(world: _World, due: Due) -> None:
    # The treatments were loaded with the case's notice of assignment.
    batch = [
        (row, at, decisions_for(world.rng, len(row.application.treatments.all())))
        for row, at in due
    ]
    cases_submit_decision(batch=batch, actor="simulation")


def _assign(world: _World, due: Due) -> None:
    methods = [
        ServiceMethod.ELECTRONIC if world.rng.random() < 0.7 else ServiceMethod.MAIL for _ in due
    ]
    batch = [(row, at, method) for (row, at), method in zip(due, methods, strict=True)]
    cases_assign(batch=batch, actor="simulation")


# In the order a case goes through them. Each runs as one batch of every case due.
STEPS: dict[str, Callable[[_World, Due], object]] = {
    "assign": _assign,
    "records_complete": lambda w, due: cases_records_complete(batch=due, actor="simulation"),
    "begin_review": lambda w, due: cases_begin_review(batch=due, actor="simulation"),
    "decide": _decide,
}


def _run_until(world: _World, until: datetime) -> None:
    """Every step due by ``until``, each kind as one batch, as an IMRO's staff work through
    a queue; a step that another schedules inside the window runs in the next round."""
    while world.queue and world.queue[0].at <= until:
        due: dict[str, Due] = defaultdict(list)
        while world.queue and world.queue[0].at <= until:
            event = heapq.heappop(world.queue)
            due[event.step].append((world.open_rows.pop(event.case_id), event.at))
        for step, run in STEPS.items():
            if due[step]:
                run(world, due[step])
                world.counts[step] += len(due[step])
                for row, at in due[step]:
                    _next_step(world, row, at)


def _arrive(world: _World, day: date, arrivals: list[datetime]) -> None:
    """One hour's applications, received as one batch."""
    filings = [Filing(application_for(world.rng, day, at), at) for at in arrivals]
    stored = applications_receive(
        filings=filings, via="batch", actor="simulation", client="simulation"
    )
    for application, at in zip(stored, arrivals, strict=True):
        world.counts[f"screened_{application.outcome}"] += 1
        _next_step(world, application.case, at)


def _arrivals_per_day(total: int, days: list[date]) -> list[int]:
    base, extra = divmod(total, len(days))
    return [base + (1 if n < extra else 0) for n in range(len(days))]


def shares_of(per_day: list[int], workers: int) -> list[list[int]]:
    """Each worker's arrivals per day: the day's count split as evenly as it goes."""
    return [[n // workers + (k < n % workers) for n in per_day] for k in range(workers)]


def simulate(
    *,
    applications: int,
    seed: int,
    days: int | None = None,
    workers: int = 1,
    progress: bool = True,
) -> dict[str, Any]:
    """``days`` stops arrivals after that many business days, at the year's daily rate: the
    first weeks of the year, for a measurement that takes a minute. ``workers`` processes
    share the arrivals, as several application servers would share one PostgreSQL (SQLite
    takes one writer at a time, so more than one only waits there)."""
    _refuse_a_database_with_cases()
    program = load_program()
    per_day = _arrivals_per_day(applications, list(business_days(program, YEAR)))[:days]
    with _collector_tuned_for_batches():
        counts, elapsed = _run(per_day, seed, workers, progress)
    return _report(
        program,
        counts=counts,
        applications=sum(per_day),
        seed=seed,
        workers=workers,
        elapsed=elapsed,
    )


def _refuse_a_database_with_cases() -> None:
    """A synthetic year goes into an empty database only: in one that holds cases (the
    application's own, given by mistake) it would mix made-up cases with real ones, and
    its report would count both."""
    held = models.Case.objects.count()
    if held:
        message = f"the database already holds {held} case(s); the simulation needs an empty one"
        raise InvalidInput([Problem("--database-url", message)])


@contextmanager
def _collector_tuned_for_batches() -> Iterator[None]:
    """Python's cycle collector, at its default of a pass per 700 new objects, walked the
    ~15,000 open cases' rows again and again: a quarter of a simulated year's time
    (282 → 423 applications/s measured). Objects made before the run are frozen out of
    its reach and it runs less often; cycles are still collected."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _run(per_day: list[int], seed: int, workers: int, progress: bool) -> tuple[Counter[str], float]:
    started = time.perf_counter()
    if workers == 1:
        counts = _run_share(per_day, random.Random(seed), progress)
    else:
        counts = _run_in_processes(per_day, seed, workers, progress)
    return counts, time.perf_counter() - started


def _run_in_processes(per_day: list[int], seed: int, workers: int, progress: bool) -> Counter[str]:
    """Each share in a forked process of its own. Ordinary processes, not a Pool's daemonic
    workers: a worker reads each application's PDF through the sandbox, whose readers are
    its children, and a daemonic process may not have children."""
    connections.close_all()  # each process opens its own
    context = multiprocessing.get_context("fork")
    results: Any = context.Queue()
    processes = [
        context.Process(
            target=_share_worker,
            args=(results, share, random.Random(f"{seed}/{k}"), progress and k == 0),
            name=f"openimr-simulate-{k}",
        )
        for k, share in enumerate(shares_of(per_day, workers))
    ]
    for process in processes:
        process.start()
    outcomes = _collected(results, processes)
    for process in processes:
        process.join()
    failed = [o for o in outcomes if isinstance(o, str)]
    if failed:
        raise RuntimeError(f"a simulation worker failed: {failed[0]}")
    return sum(outcomes, Counter())


def _collected(results: Any, processes: list[Any]) -> list[Any]:
    outcomes: list[Any] = []
    while len(outcomes) < len(processes):
        try:
            outcomes.append(results.get(timeout=1))
        except queue.Empty:
            if not any(p.is_alive() for p in processes) and results.empty():
                codes = [p.exitcode for p in processes]
                raise RuntimeError(f"a simulation worker died (exit codes {codes})") from None
    return outcomes


def _share_worker(results: Any, per_day: list[int], rng: random.Random, progress: bool) -> None:
    try:
        results.put(_run_share(per_day, rng, progress, True))
    except BaseException as exc:  # the parent must hear of it, not wait forever
        results.put(f"{type(exc).__name__}: {exc}")
        raise
    finally:
        connections.close_all()


def _run_share(
    per_day: list[int], rng: random.Random, progress: bool, shared: bool = False
) -> Counter[str]:
    """Arrivals per business day from January 1, and every step of every case to the end.
    One transaction a day alone; with other workers (``shared``), one per hour of arrivals,
    so that they wait for each other's case numbers for an hour's batch at most."""
    world = _World(rng, load_program())
    started = time.perf_counter()
    days = zip(business_days(world.program, YEAR), per_day, strict=False)
    for number, (day, count) in enumerate(days):
        arrivals = sorted(_at(day, world.rng) for _ in range(count))
        with nullcontext() if shared else transaction.atomic():
            for _, hour in groupby(arrivals, key=lambda at: at.astimezone(CALIFORNIA).hour):
                batch = list(hour)
                with transaction.atomic(savepoint=False):
                    _run_until(world, batch[0])
                    _arrive(world, day, batch)
            with transaction.atomic(savepoint=False):
                _run_until(world, _at(day, world.rng, 17, 1))
        if progress and number % 10 == 9:
            _progress(day, world, started)
    with transaction.atomic():
        _run_until(world, datetime(YEAR + 1, 12, 31, tzinfo=UTC))
    return world.counts


def _progress(day: date, world: _World, started: float) -> None:
    done = sum(v for k, v in world.counts.items() if k.startswith("screened_"))
    rate = done / max(time.perf_counter() - started, 1e-9)
    print(f"{day}: {done:,} applications, {rate:,.0f}/s", flush=True, file=sys.stderr)


def _report(
    program: Program,
    *,
    counts: Counter[str],
    applications: int,
    seed: int,
    workers: int,
    elapsed: float,
) -> dict[str, Any]:
    checked = check_deadlines(program)
    return {
        "applications": applications,
        "seed": seed,
        "workers": workers,
        "seconds": round(elapsed, 1),
        "applications_per_second": round(applications / elapsed, 1),
        "events": dict(sorted(counts.items())),
        **checked,
    }
