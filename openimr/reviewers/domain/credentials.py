"""Is a reviewer qualified and free to take a case today? (LC 139.5(c); domain.md §4)

Each rule is a pure function ``(reviewer, today) -> Iterator[Reason]`` naming its source;
``credential_problems`` runs them all, so staff see every reason at once. Codes are stable
(stored with an assignment, shown on the panel page):

- ``no_unrestricted_license``: no license in any state that is unrestricted and in force.
- ``no_current_board_certification``: no board certification in force.
- ``open_discipline``: a disciplinary action or sanction is open.
- ``disciplinary_history``: one was taken and has closed (a history of discipline).
- ``verification_overdue``: credentials not re-verified within three years.
- ``too_few_years_in_practice``: five years of clinical practice or fewer.
- ``too_few_weekly_hours``: under 24 hours a week of current practice.
- ``on_leave``, ``at_capacity``: not available, see ``availability_problems``.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from openimr.core.dates import in_sentence
from openimr.reviewers.domain.panel import License, Reviewer

QUALIFICATIONS = "LC 139.5(c)"
CREDENTIALING = "the IMRO's credentialing policy under LC 139.5 and 8 CCR 9792.10.6"
DEADLINES = "LC 4610.6(d)"
REVERIFY_YEARS = 3
MIN_YEARS_IN_PRACTICE = 5  # "more than five years", so five is not enough
MIN_WEEKLY_HOURS = 24


@dataclass(frozen=True)
class Reason:
    """Why a reviewer may not take a case; ``matched`` holds the names compared, when a name
    comparison decided it (party, affiliation)."""

    code: str
    text: str
    source: str
    matched: tuple[str, ...] = ()


def _in_force(expires: date | None, today: date, issued: date | None = None) -> bool:
    # A credential that expires today is still good today; from tomorrow it is not.
    return (expires is None or expires >= today) and (issued is None or issued <= today)


def _on(day: date | None) -> str:
    return in_sentence(day) if day else "an unknown date"


def _license_flaw(lic: License, today: date) -> str | None:
    if lic.restricted:
        return f"{lic.state} license {lic.number} is restricted"
    if lic.issued is not None and lic.issued > today:
        return f"{lic.state} license {lic.number} is not in force until {in_sentence(lic.issued)}"
    if lic.expires is not None and lic.expires < today:
        return f"{lic.state} license {lic.number} expired on {in_sentence(lic.expires)}"
    return None


def no_unrestricted_license(reviewer: Reviewer, today: date) -> Iterator[Reason]:
    """The reviewer holds a non-restricted license in at least one state, in force today
    (LC 139.5(c); domain.md §4: any state will do, as the seed's Nevada reviewer shows)."""
    flaws = [_license_flaw(lic, today) for lic in reviewer.licenses]
    if any(flaw is None for flaw in flaws):
        return
    detail = "; ".join(f for f in flaws if f) or "no license is on file"
    yield Reason(
        "no_unrestricted_license",
        f"No unrestricted license in force in any state ({detail}).",
        QUALIFICATIONS,
    )


def no_current_board_certification(reviewer: Reviewer, today: date) -> Iterator[Reason]:
    """A physician reviewer holds a current board certification in a specialty
    (LC 139.5(c); domain.md §4)."""
    if any(_in_force(c.expires, today) for c in reviewer.certifications):
        return
    lapsed = "; ".join(
        f"{c.board} {c.specialty} expired on {_on(c.expires)}" for c in reviewer.certifications
    )
    yield Reason(
        "no_current_board_certification",
        f"No board certification in force ({lapsed or 'none is on file'}).",
        QUALIFICATIONS,
    )


def open_discipline(reviewer: Reviewer, today: date) -> Iterator[Reason]:
    """No history of disciplinary action or sanctions, taken or pending (LC 139.5(c)): one
    still open (pending, or in force) disqualifies, and so does one that was taken and has
    since closed, which is history all the same (``disciplinary_history``). A complaint
    dismissed without any action is not a sanction and is not recorded as one."""
    if reviewer.open_sanctions > 0:
        yield Reason(
            "open_discipline",
            f"{reviewer.open_sanctions} disciplinary action(s) or sanction(s) open.",
            QUALIFICATIONS,
        )
    if reviewer.closed_sanctions > 0:
        yield Reason(
            "disciplinary_history",
            f"{reviewer.closed_sanctions} disciplinary action(s) or sanction(s) on record, "
            "closed: a reviewer has no history of discipline.",
            QUALIFICATIONS,
        )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def verification_overdue(reviewer: Reviewer, today: date) -> Iterator[Reason]:
    """Credentials are checked at the primary source again at least every three years:
    the IMRO's credentialing policy, which LC 139.5 and 8 CCR 9792.10.6 require it to keep
    so that it can show its reviewers qualify."""
    last = reviewer.last_verified
    if last is not None and last >= _years_before(today, REVERIFY_YEARS):
        return
    when = f"last on {last}" if last else "never"
    yield Reason(
        "verification_overdue",
        f"Credentials not verified within {REVERIFY_YEARS} years ({when}).",
        CREDENTIALING,
    )


def too_few_years_in_practice(reviewer: Reviewer, today: date) -> Iterator[Reason]:
    """More than five years in active clinical practice (LC 139.5(c); the qualifications
    every published Final Determination Letter states, domain.md §4)."""
    if reviewer.years_in_practice > MIN_YEARS_IN_PRACTICE:
        return
    yield Reason(
        "too_few_years_in_practice",
        f"{reviewer.years_in_practice} year(s) in clinical practice; more than "
        f"{MIN_YEARS_IN_PRACTICE} are required.",
        QUALIFICATIONS,
    )


def too_few_weekly_hours(reviewer: Reviewer, today: date) -> Iterator[Reason]:
    """At least 24 hours a week of current clinical practice (LC 139.5(c); the published
    letters, domain.md §4)."""
    if reviewer.weekly_hours >= MIN_WEEKLY_HOURS:
        return
    yield Reason(
        "too_few_weekly_hours",
        f"{reviewer.weekly_hours:g} hours a week of current practice; at least "
        f"{MIN_WEEKLY_HOURS} are required.",
        QUALIFICATIONS,
    )


Rule = Callable[[Reviewer, date], Iterator[Reason]]
RULES: tuple[Rule, ...] = (
    no_unrestricted_license,
    no_current_board_certification,
    open_discipline,
    verification_overdue,
    too_few_years_in_practice,
    too_few_weekly_hours,
)


def credential_problems(reviewer: Reviewer, today: date) -> list[Reason]:
    """Every reason the reviewer does not qualify today (LC 139.5(c)); empty if they do."""
    return [reason for rule in RULES for reason in rule(reviewer, today)]


def is_verified(reviewer: Reviewer, today: date) -> bool:
    """Qualified today: no credential problem at all (LC 139.5(c))."""
    return not credential_problems(reviewer, today)


def expiring_credentials(
    reviewer: Reviewer, today: date, within_days: int = 60
) -> list[tuple[str, date]]:
    """Licenses (``license CA A12345``) and certifications (``ABOS orthopedic surgery``)
    still in force that lapse within ``within_days``, soonest first, so that staff renew them
    before the reviewer drops out of matching (LC 139.5(c))."""
    last = today + timedelta(days=within_days)
    found = [(f"license {x.state} {x.number}", x.expires) for x in reviewer.licenses]
    found += [(f"{c.board} {c.specialty}", c.expires) for c in reviewer.certifications]
    return sorted((name, d) for name, d in found if d is not None and today <= d <= last)


def availability_problems(reviewer: Reviewer, on: date, until: date | None = None) -> list[Reason]:
    """Why the reviewer cannot decide a case between ``on`` and ``until`` (default: ``on``):
    on leave in that span, or every weekly slot taken. A case needs a reviewer who can meet
    the determination deadline (LC 4610.6(d))."""
    end = until or on
    problems = [
        Reason("on_leave", f"On leave from {in_sentence(start)} to {in_sentence(stop)}.", DEADLINES)
        for start, stop in reviewer.leave
        if start <= end and stop >= on
    ]
    if reviewer.open_cases >= reviewer.capacity_per_week:
        problems.append(
            Reason(
                "at_capacity",
                f"{reviewer.open_cases} open case(s) for a capacity of "
                f"{reviewer.capacity_per_week} a week.",
                DEADLINES,
            )
        )
    return problems


def available(reviewer: Reviewer, on: date) -> bool:
    """Not on leave on that day and below weekly capacity (LC 4610.6(d))."""
    return not availability_problems(reviewer, on)


def credentials_in_force(reviewer: Reviewer, on: date) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The specialties of the board certifications in force on ``on`` (in the panel's order)
    and the states (sorted USPS codes) of the unrestricted licenses in force that day: what
    the Final Determination Letter may say of the reviewer (LC 139.5(c); the seed letter,
    "Board Certified in ... and is licensed to practice in Nevada"). A lapsed certification
    or a license expired or not yet issued is a false statement in a binding letter."""
    specialties = dict.fromkeys(
        c.specialty for c in reviewer.certifications if _in_force(c.expires, on)
    )
    states = {x.state for x in reviewer.licenses if _license_flaw(x, on) is None}
    return tuple(specialties), tuple(sorted(states))
