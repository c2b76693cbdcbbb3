"""The clocks a Final Determination Letter starts: implementing an overturned item
(8 CCR 9792.10.7(a)) and appealing to the WCAB (LC 4610.6(h)). The letter prints them, so the
parties read one date each instead of counting days.

Counting (CCP 12, 12a; domain.md §2): the day of the triggering event is not counted; working
days skip Saturdays, Sundays and holidays; a period in calendar days whose last day is a
Saturday, Sunday or holiday runs to the next business day. The periods are program data
(``clocks.toml``: ``implement_authorize``, ``implement_reimburse``, ``appeal``,
``mail_extension``) and the holidays are a set of dates, both passed in by the caller."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol

from openimr.core.case import Decision
from openimr.core.errors import InvalidInput, Problem

BUSINESS_DAYS = "business_days"


class Service(StrEnum):
    """How the letter was served; the values are those of the cases app's service methods."""

    MAIL = "mail"
    ELECTRONIC = "electronic"
    FAX = "fax"
    PERSONAL = "personal"


class Period(Protocol):
    """A clock as the program defines it; the programs loader's ``ClockRule`` is one."""

    @property
    def count(self) -> int: ...
    @property
    def unit(self) -> str: ...
    @property
    def roll_forward(self) -> bool: ...
    @property
    def text(self) -> str: ...
    @property
    def source(self) -> str: ...


@dataclass(frozen=True)
class Served:
    """The day the letter was served and how."""

    on: date
    method: Service


@dataclass(frozen=True)
class Clocks:
    authorize: Period
    reimburse: Period
    appeal: Period
    mail_extension: Period


def clocks_from(rules: Mapping[str, Period]) -> Clocks:
    """The four clocks of this module from a program's rules, by their names in clocks.toml."""
    return Clocks(
        authorize=rules["implement_authorize"],
        reimburse=rules["implement_reimburse"],
        appeal=rules["appeal"],
        mail_extension=rules["mail_extension"],
    )


@dataclass(frozen=True)
class Deadline:
    """A date the letter starts, the rule and the law behind it. ``period`` is the short form
    the letter prints ("5 working days"); ``counted_from`` is the day after which it runs."""

    name: str
    due: date
    rule: str
    source: str
    period: str
    counted_from: date


def _check_covered(day: date, holidays: frozenset[date]) -> None:
    # Beyond the holiday data every weekday would look like a business day: refuse instead
    # of printing a deadline that may fall on a holiday.
    if holidays and not min(holidays).year <= day.year <= max(holidays).year:
        message = f"{day.isoformat()} is outside the holiday calendar"
        raise InvalidInput([Problem("$.served.on", message)])


def _business_day(day: date, holidays: frozenset[date]) -> bool:
    _check_covered(day, holidays)
    return day.weekday() < 5 and day not in holidays


def _next_business_day(day: date, holidays: frozenset[date]) -> date:
    while not _business_day(day, holidays):
        day += timedelta(days=1)
    return day


def count_period(start: date, count: int, unit: str, roll: bool, holidays: frozenset[date]) -> date:
    """The last day of a period of ``count`` ``unit`` after ``start`` (CCP 12: ``start`` is
    not counted; CCP 12a: working days skip weekends and holidays, and a last calendar day on
    one rolls to the next business day when ``roll``)."""
    _check_covered(start, holidays)
    if unit == BUSINESS_DAYS:
        day = start
        for _ in range(count):
            day = _next_business_day(day + timedelta(days=1), holidays)
        return day
    due = start + timedelta(days=count)
    return _next_business_day(due, holidays) if roll else due


def _period(count: int, unit: str) -> str:
    return f"{count} working days" if unit == BUSINESS_DAYS else f"{count} days"


def received_on(served: Served, clocks: Clocks) -> date:
    """The day the claims administrator is taken to receive the letter. 8 CCR 9792.10.7(a)
    counts from "receipt of the final determination", and the IMRO cannot know the day a
    letter arrives: our reading is that a mailed letter is received when CCP 1013(a) says a
    mailed document takes effect, ``mail_extension`` (5) calendar days after mailing within
    California; a letter served electronically, by fax or in person is received the day it
    is served. The presumed day of receipt is not itself rolled: it starts a count, it does
    not end one."""
    if served.method is Service.MAIL:
        return served.on + timedelta(days=clocks.mail_extension.count)
    return served.on


def _implementation(
    name: str, rule: Period, served: Served, *, holidays: frozenset[date], clocks: Clocks
) -> Deadline:
    start = received_on(served, clocks)
    due = count_period(start, rule.count, rule.unit, rule.roll_forward, holidays)
    text, source = rule.text, rule.source
    if served.method is Service.MAIL:
        ext = clocks.mail_extension
        text = f"{text}; a mailed letter is received {ext.count} days after mailing"
        source = f"{source}; {ext.source}"
    return Deadline(name, due, text, source, _period(rule.count, rule.unit), start)


def implementation_deadlines(
    decisions: Iterable[Decision | None],
    served: Served,
    *,
    holidays: frozenset[date],
    clocks: Clocks,
) -> tuple[Deadline, ...]:
    """When at least one item is overturned: authorize it within 5 working days of receipt of
    the final determination (8 CCR 9792.10.7(a)(2)), or, for services already rendered, pay
    within 20 days of receipt (8 CCR 9792.10.7(a)(1)); see ``received_on`` for receipt.
    The letter cannot know which applies, so both are returned. An upheld-only letter
    imposes nothing on the claims administrator: no deadline."""
    if Decision.OVERTURNED not in set(decisions):
        return ()
    return (
        _implementation("authorize_by", clocks.authorize, served, holidays=holidays, clocks=clocks),
        _implementation("reimburse_by", clocks.reimburse, served, holidays=holidays, clocks=clocks),
    )


def appeal_deadline(served: Served, *, holidays: frozenset[date], clocks: Clocks) -> Deadline:
    """The last day to file a verified appeal with the WCAB: 30 days from service of the
    letter (LC 4610.6(h)), 5 more when it was served by mail (CCP 1013(a); Matute v. LAUSD,
    WCAB en banc 2015), the extended period rolling forward as a whole (CCP 12a). Either
    party may appeal, so every letter has this deadline."""
    rule, count = clocks.appeal, clocks.appeal.count
    text, source, period = rule.text, rule.source, _period(rule.count, rule.unit)
    if served.method is Service.MAIL:
        ext = clocks.mail_extension
        count += ext.count
        text, source = f"{text}; {ext.text}", f"{source}; {ext.source}"
        period = f"{period} and {ext.count} more for service by mail"
    due = count_period(served.on, count, rule.unit, rule.roll_forward, holidays)
    return Deadline("appeal_by", due, text, source, period, served.on)


def letter_deadlines(
    decisions: Iterable[Decision | None],
    served: Served,
    *,
    holidays: frozenset[date],
    clocks: Clocks,
) -> tuple[Deadline, ...]:
    """Every deadline the letter prints: implementation (if any item is overturned), then
    the appeal."""
    return (
        *implementation_deadlines(decisions, served, holidays=holidays, clocks=clocks),
        appeal_deadline(served, holidays=holidays, clocks=clocks),
    )


_LEADS = {
    "authorize_by": "Overturned items must be authorized by",
    "reimburse_by": "Overturned items already provided must be paid for by",
    "appeal_by": "An appeal to the Workers' Compensation Appeals Board must be filed by",
}


def deadline_sentence(deadline: Deadline) -> str:
    """The deadline as the letter says it: "Overturned items must be authorized by March 7,
    2014 (5 working days, 8 CCR 9792.10.7(a))"."""
    due = f"{deadline.due:%B} {deadline.due.day}, {deadline.due.year}"
    return f"{_LEADS[deadline.name]} {due} ({deadline.period}, {deadline.source})."
