"""The clocks of a review: the calendar they count on and the deadlines of a case.

Counting follows CCP 12 and 12a: the day of the triggering event is not counted and the last
day is; when the last day is a Saturday, Sunday or holiday and the rule rolls forward, the
period runs to the next business day. Days are counted on the program's local dates
(California dates), so an aware instant is first turned into its local date. Hour clocks are
absolute durations, counted in UTC.

The rules themselves (count, unit, words, source) are program data, `clocks.toml` and
`holidays.json`, read by `openimr.programs.loader.load_program`.
"""

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo

from openimr.cases.domain.application import ServiceMethod
from openimr.core.case import Priority
from openimr.core.errors import InvalidInput, Problem


class Unit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    BUSINESS_DAYS = "business_days"
    HOURS = "hours"


# Every program defines these clocks; the loader refuses a program that lacks one.
CLOCKS = (
    "application_filing",
    "mail_extension",
    "eligibility_information",
    "noarfi",
    "records_mailed",
    "records_electronic",
    "records_expedited",
    "determination_regular",
    "determination_formulary",
    "determination_expedited",
    "implement_authorize",
    "implement_reimburse",
    "appeal",
)

CONVERSION_SOURCE = "8 CCR 9792.10.4(c)"


@dataclass(frozen=True)
class ClockRule:
    """One clock of a program, as written in its `clocks.toml`."""

    name: str
    count: int
    unit: Unit
    roll_forward: bool
    text: str
    source: str

    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        # Kept: `add_days` and `_deadline` are cached per rule, and hashing its six fields
        # on each call was a third of the call (a report counts a year of cases).
        return hash((self.name, self.count, self.unit, self.roll_forward, self.text, self.source))


@dataclass(frozen=True)
class Program:
    """A review program's clocks, its holidays and the time zone its days are counted in."""

    code: str
    rules: Mapping[str, ClockRule] = field(hash=False)
    holidays: frozenset[date]
    timezone: str = "America/Los_Angeles"

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        # Kept, as ClockRule's: the holidays and names were hashed on every `add_days` call.
        return hash((self.code, self.holidays, self.timezone))

    @cached_property
    def covered_years(self) -> range | None:
        """The years the holiday data covers; None when the program has no holidays."""
        if not self.holidays:
            return None
        return range(min(self.holidays).year, max(self.holidays).year + 1)


@dataclass(frozen=True)
class Deadline:
    """When something is due, and the rule and law that say so. ``due`` is a local date for
    day clocks and an aware UTC datetime for hour clocks; ``converted`` says the clock was
    recomputed when a regular review became expedited (8 CCR 9792.10.4(c))."""

    name: str
    due: date | datetime
    rule: str
    source: str
    converted: bool = False


@dataclass(frozen=True)
class ClockFacts:
    """What has happened to a case so far, as far as its clocks care. Datetimes are aware."""

    priority: Priority
    eligible_on: date | None = None
    noarfi_sent_at: datetime | None = None
    noarfi_method: ServiceMethod | None = None
    records_complete_at: datetime | None = None
    converted_to_expedited_at: datetime | None = None
    terminated_at: datetime | None = None
    # When the written determination issued (the Final Determination Letter, LC 4610.6(d)):
    # the reviewer's submit to QA is not it, and the clock runs on while QA checks.
    determined_at: datetime | None = None
    # The latest request for eligibility information (8 CCR 9792.10.3(c)) and how it was
    # served on the party asked; a later request restarts the clock from itself.
    information_requested_at: datetime | None = None
    information_method: ServiceMethod | None = None

    def __post_init__(self) -> None:
        problems = [
            Problem(f"$.{name}", "must be timezone-aware")
            for name in _FACT_NAMES
            if (value := getattr(self, name)) is not None
            and isinstance(value, datetime)
            and value.utcoffset() is None
        ]
        if problems:
            raise InvalidInput(problems)

    def as_open(self) -> "ClockFacts":
        """These facts as if the case were still open: no determination, not terminated, as
        the clocks of a decided or terminated case are read to report how they ended. Copied
        without checking again: taking two facts away leaves the rest as they were checked
        (a report reads a year of cases, and the check and ``dataclasses.replace`` were a
        fifth of its time)."""
        if self.determined_at is None and self.terminated_at is None:
            return self
        copy = object.__new__(ClockFacts)
        copy.__dict__.update(self.__dict__, determined_at=None, terminated_at=None)
        return copy


# Read once: a report checks the facts of every case of a year (dataclasses.fields was a
# sixth of the timeliness report's time). Only the instants: a date cannot be naive.
_FACT_NAMES = tuple(
    f.name for f in dataclasses.fields(ClockFacts) if datetime in getattr(f.type, "__args__", ())
)


def require_aware(moment: datetime, path: str) -> None:
    """Refuse a naive instant: the law counts days on California dates, which a naive
    instant cannot give."""
    if moment.utcoffset() is None:
        raise InvalidInput([Problem(path, "must be timezone-aware")])


def local_date(moment: datetime, program: Program) -> date:
    """The program's local date of an instant: the law counts days on California dates, so a
    notice sent at 5 p.m. Pacific on the 4th (the 5th in UTC) starts its clock on the 4th."""
    require_aware(moment, "moment")
    return moment.astimezone(program.zone).date()


def _check_covered(day: date, program: Program) -> None:
    # Beyond the holiday data every weekday would look like a business day: refuse instead
    # of returning a deadline that may be a holiday.
    years = program.covered_years
    if years is not None and day.year not in years:
        where = f"{years.start}-{years.stop - 1}"
        message = f"{day.isoformat()} is outside the holiday calendar of {program.code} ({where})"
        raise InvalidInput([Problem("date", message)])


def is_business_day(day: date, program: Program) -> bool:
    """A weekday that is not one of the program's holidays (CCP 12a; for California, the
    days state offices close, Gov. Code 19853)."""
    _check_covered(day, program)
    return day.weekday() < 5 and day not in program.holidays


def next_business_day(day: date, program: Program) -> date:
    """``day`` itself when it is a business day, else the first one after it (CCP 12a)."""
    while not is_business_day(day, program):
        day += timedelta(days=1)
    return day


def add_business_days(start: date, n: int, program: Program) -> date:
    """The ``n``-th business day after ``start``; ``start`` itself is not counted (CCP 12)."""
    day = start
    for _ in range(n):
        day = next_business_day(day + timedelta(days=1), program)
    return day


@lru_cache(maxsize=8192)
def add_days(start: date, rule: ClockRule, program: Program) -> date:
    """The last day of a day clock that starts on ``start`` (CCP 12: the first day is
    excluded, the last included; CCP 12a: a last day on a weekend or holiday moves to the
    next business day when the rule rolls forward). Kept per (day, rule, program): a year's
    cases start their clocks on a few hundred days, and a report counts them all."""
    if rule.unit == Unit.HOURS:
        raise ValueError(f"clock {rule.name} counts hours, not days")
    if rule.unit == Unit.BUSINESS_DAYS:
        return add_business_days(start, rule.count, program)
    due = start + timedelta(days=rule.count)
    return next_business_day(due, program) if rule.roll_forward else due


def add_hours(start: datetime, rule: ClockRule) -> datetime:
    """The instant an hour clock runs out, in UTC (8 CCR 9792.10.5(a)(1): "within 24 hours").

    Hours are absolute: the sum is taken in UTC, because Python adds a timedelta to a zoned
    datetime on the wall clock. Across a daylight-saving change 24 hours therefore end at a
    local time one hour later (spring) or earlier (autumn) than they started: a duration
    in the law is a duration, not "the same time tomorrow"."""
    if rule.unit != Unit.HOURS:
        raise ValueError(f"clock {rule.name} counts {rule.unit}, not hours")
    require_aware(start, "start")
    return start.astimezone(UTC) + timedelta(hours=rule.count)


@lru_cache(maxsize=8192)
def _deadline(name: str, due: date | datetime, rule: ClockRule) -> Deadline:
    # One (immutable) deadline per clock and day: a year's cases fall due on a few hundred.
    return Deadline(name, due, rule.text, rule.source)


def _served_by(rule: ClockRule, method: ServiceMethod, program: Program) -> ClockRule:
    """CCP 1013(a): a period that starts with service by mail is longer by the mail
    extension; the extended period rolls forward as a whole."""
    if method != ServiceMethod.MAIL:
        return rule
    extra = program.rules["mail_extension"]
    return dataclasses.replace(
        rule,
        count=rule.count + extra.count,
        text=f"{rule.text}; {extra.text}",
        source=f"{rule.source}; {extra.source}",
    )


def filing_deadline(
    ur_decision_date: date, service_method: ServiceMethod, program: Program
) -> Deadline:
    """The last day the IMR organization may receive the application: 30 days after service
    of the UR decision, 5 more when it was served by mail, rolled to the next business day
    (LC 4610.5(h)(1); 8 CCR 9792.10.1(b)(1); CCP 1013(a), 12, 12a). The UR decision's date
    is taken as the date of service: the application does not record another. A period that
    leaves the holiday calendar is refused at the UR decision's date, the field to correct."""
    rule = _served_by(program.rules["application_filing"], service_method, program)
    try:
        due = add_days(ur_decision_date, rule, program)
    except InvalidInput as exc:
        said = "; ".join(p.message for p in exc.problems)
        message = f"a UR decision of {ur_decision_date.isoformat()} cannot be counted: {said}"
        raise InvalidInput([Problem("$.ur_decision.date", message)]) from exc
    return _deadline("filing_due", due, rule)


def _converted(deadline: Deadline, at: datetime, program: Program) -> Deadline:
    when = local_date(at, program).isoformat()
    return dataclasses.replace(
        deadline,
        rule=f"{deadline.rule}; recomputed when the review became expedited on {when}",
        source=f"{deadline.source}; {CONVERSION_SOURCE}",
        converted=True,
    )


def _information_due(facts: ClockFacts, program: Program) -> Deadline | None:
    """8 CCR 9792.10.3(c): a party asked for information about eligibility answers within
    5 business days of receipt of the request, counted from the local date it was served
    (CCP 12, 12a). Served by mail (or by an unrecorded method, the regulation's default),
    the period is 5 calendar days longer (CCP 1013(a)): the extension is calendar days
    whatever the unit of the period it extends, so it is added after the business days are
    counted, and the extended period rolls forward as a whole."""
    if facts.information_requested_at is None:
        return None
    rule = program.rules["eligibility_information"]
    start = local_date(facts.information_requested_at, program)
    due = add_days(start, rule, program)
    if facts.information_method in (None, ServiceMethod.MAIL):
        extension = program.rules["mail_extension"]
        due += timedelta(days=extension.count)
        due = next_business_day(due, program) if rule.roll_forward else due
        rule = _served_by(rule, ServiceMethod.MAIL, program)  # its words and law, not its count
    return _deadline("eligibility_information_due", due, rule)


def _noarfi_due(facts: ClockFacts, program: Program) -> Deadline | None:
    """8 CCR 9792.10.4(b): the Notice of Assignment goes out within one business day after
    the application is found eligible."""
    if facts.eligible_on is None:
        return None
    rule = program.rules["noarfi"]
    return _deadline("noarfi_due", add_days(facts.eligible_on, rule, program), rule)


def _records_rule(facts: ClockFacts, program: Program) -> ClockRule:
    """8 CCR 9792.10.5(a)(1): 24 hours if expedited; 15 days after a mailed notice; 12 days
    otherwise. An unknown method counts as mail, the regulation's default; fax and personal
    delivery have no mailing time, so they take the shorter clock. A converted review holds
    the expedited priority from its conversion on, but records that came before it were due
    on the clock of the review as it was then (8 CCR 9792.10.4(c))."""
    if facts.priority == Priority.EXPEDITED and facts.converted_to_expedited_at is None:
        return program.rules["records_expedited"]
    mailed = facts.noarfi_method in (None, ServiceMethod.MAIL)
    return program.rules["records_mailed" if mailed else "records_electronic"]


def _records_due(facts: ClockFacts, program: Program) -> Deadline | None:
    """The claims administrator's records are due from the Notice of Assignment
    (8 CCR 9792.10.5(a)(1)); a conversion to expedited while they are still awaited makes
    them due 24 hours from the conversion (8 CCR 9792.10.4(c))."""
    sent, converted = facts.noarfi_sent_at, facts.converted_to_expedited_at
    complete = facts.records_complete_at
    if sent is None:
        return None
    if converted is not None and (complete is None or complete > converted):
        rule = program.rules["records_expedited"]
        due = _deadline("records_due", add_hours(max(sent, converted), rule), rule)
        return _converted(due, converted, program)
    rule = _records_rule(facts, program)
    if rule.unit == Unit.HOURS:
        return _deadline("records_due", add_hours(sent, rule), rule)
    return _deadline("records_due", add_days(local_date(sent, program), rule, program), rule)


_DETERMINATION_CLOCK = {
    Priority.STANDARD: "determination_regular",
    Priority.FORMULARY: "determination_formulary",
    Priority.EXPEDITED: "determination_expedited",
}


def _determination_due(facts: ClockFacts, program: Program) -> Deadline | None:
    """LC 4610.6(d): 30 days from the complete records; 5 working days for a drug-formulary
    dispute (LC 4610.6(d)(1)(A)); 3 days when expedited, and those do not roll forward, since
    an imminent and serious threat to health does not wait for Monday. After a conversion
    (8 CCR 9792.10.4(c)) the 3 days run from the later of the conversion and the complete
    records."""
    complete, converted = facts.records_complete_at, facts.converted_to_expedited_at
    if complete is None:
        return None
    if converted is not None:
        rule = program.rules["determination_expedited"]
        start = local_date(max(complete, converted), program)
        return _converted(
            _deadline("determination_due", add_days(start, rule, program), rule),
            converted,
            program,
        )
    rule = program.rules[_DETERMINATION_CLOCK[facts.priority]]
    due = add_days(local_date(complete, program), rule, program)
    return _deadline("determination_due", due, rule)


def case_deadlines(facts: ClockFacts, program: Program) -> tuple[Deadline, ...]:
    """The deadlines of a case whose clocks have started, in the order of the process:
    ``eligibility_information_due`` once a party is asked for information about
    eligibility (8 CCR 9792.10.3(c)), ``noarfi_due`` once eligible, ``records_due`` once
    the Notice of Assignment is sent, ``determination_due`` once the records are complete
    (8 CCR 9792.10.4(b), 9792.10.5(a)(1); LC 4610.6(d)). A deadline already met is still
    returned, so a page can show that it was met; it is met when its closing fact is
    recorded (``noarfi_sent_at``, ``records_complete_at``, ``determined_at``; the
    information's answer or the screening outcome, `openimr.cases.clocks`), and only an
    unmet one can be overdue.

    A terminated review (the treatment was authorized, 8 CCR 9792.10.6(a)) or a decided one
    returns nothing at all: no clock of the review runs after it, and a list that kept the
    met ones would need every caller to know the case is closed. Implementation and appeal
    clocks start from the determination and are not review deadlines."""
    if facts.terminated_at is not None or facts.determined_at is not None:
        return ()
    found = (
        _information_due(facts, program),
        _noarfi_due(facts, program),
        _records_due(facts, program),
        _determination_due(facts, program),
    )
    return tuple(deadline for deadline in found if deadline is not None)
