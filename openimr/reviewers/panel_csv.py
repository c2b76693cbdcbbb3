"""Reading the panel CSV: one reviewer a row, multi-valued cells separated by ";" (columns
``CSV_COLUMNS``, docs/reviewers.md). Every problem of a row is reported at once, by line and
column (``line 4: license_states``), by the same rules as the JSON panel
(`openimr.reviewers.panel_format`)."""

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from openimr.core.errors import InvalidInput, Problem
from openimr.core.text import NAMES_NO_ONE, letter_or_digit_problem
from openimr.reviewers.domain.panel import (
    Affiliation,
    AffiliationKind,
    Certification,
    License,
    Reviewer,
)
from openimr.reviewers.panel_format import (
    DATE,
    HOURS_IN_A_WEEK,
    KINDS,
    MOST_COUNT,
    MOST_YEARS,
    MULTI_VALUED,
    is_state_code,
    text_problem,
)

T = TypeVar("T")

CSV_COLUMNS = (
    "reviewer_id", "name", "specialties", "boards", "certification_expires", "license_states",
    "license_numbers", "license_expires", "license_restricted", "years_in_practice",
    "weekly_hours", "open_sanctions", "last_verified", "languages", "capacity_per_week",
    "affiliations",
)  # fmt: skip
_YES, _NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}


class _Row:
    """Cells of one CSV row; problems named ``line N: column``."""

    def __init__(self, row: dict[str, str], line: int) -> None:
        self.row, self.line = row, line
        self.problems: list[Problem] = [
            self.at(c, "column is missing") for c in CSV_COLUMNS if c not in row
        ]

    def at(self, column: str, message: str) -> Problem:
        return Problem(f"line {self.line}: {column}", message)

    def fail(self, column: str, message: str) -> None:
        self.problems.append(self.at(column, message))

    def cell(self, column: str, required: bool = False) -> str:
        value = (self.row.get(column) or "").strip()
        named = letter_or_digit_problem(value, NAMES_NO_ONE) if column == "name" else None
        if required and not value and column in self.row:
            self.fail(column, "is required")
        elif (problem := text_problem(column, value) or named) and column not in MULTI_VALUED:
            self.fail(column, problem)
        return value

    def cells(self, column: str) -> list[str]:
        values = [v.strip() for v in self.cell(column).split(";") if v.strip()]
        problems = {text_problem(column, v) for v in values} - {None}
        self.problems += [self.at(column, p) for p in sorted(problems, key=str) if p]
        return values

    def parsed(self, column: str, parse: Callable[[str], T], default: T, what: str) -> T:
        value = self.parsed_value(column, self.cell(column), parse, what)
        return default if value is None else value

    def each(self, column: str, parse: Callable[[str], T], what: str, n: int) -> list[T | None]:
        """``n`` values, one per entry: the cell lists ``n``, or one for all, or none."""
        values = self.cells(column)
        if len(values) not in {0, 1, n}:
            self.fail(column, f"has {len(values)} values for {n} entries")
        values = values * n if len(values) == 1 else values if len(values) == n else [""] * n
        return [self.parsed_value(column, v, parse, what) for v in values]

    def parsed_value(
        self, column: str, value: str, parse: Callable[[str], T], what: str
    ) -> T | None:
        try:
            return parse(value) if value else None
        except ValueError:
            self.fail(column, f"{value!r} is not {what}")
            return None


def _within(convert: Callable[[str], T], low: float, high: float) -> Callable[[str], T]:
    def parse(value: str) -> T:
        number = convert(value)
        if not low <= number <= high:  # type: ignore[operator]
            raise ValueError(value)
        return number

    return parse


_count, _hours = _within(int, 0, MOST_COUNT), _within(float, 0, HOURS_IN_A_WEEK)
_years = _within(int, 0, MOST_YEARS)
_COUNT = f"a whole number from 0 to {MOST_COUNT}"
_YEARS = f"a whole number of years from 0 to {MOST_YEARS} (years, not the year practice began)"


def _yes_no(value: str) -> bool:
    if value.casefold() not in _YES | _NO:
        raise ValueError(value)
    return value.casefold() in _YES


def _csv_certifications(r: _Row) -> tuple[Certification, ...]:
    specialties = r.cells("specialties")
    boards = r.each("boards", str, "a board", len(specialties))
    expires = r.each("certification_expires", date.fromisoformat, DATE, len(specialties))
    if specialties and not all(boards):
        r.fail("boards", "name the board of each specialty")
    return tuple(
        Certification(b or "", s, e) for s, b, e in zip(specialties, boards, expires, strict=True)
    )


def _csv_licenses(r: _Row) -> tuple[License, ...]:
    states = r.cells("license_states")
    r.problems += [
        r.at("license_states", f"{s!r} is not a US state code")
        for s in states
        if not is_state_code(s)
    ]
    numbers = r.cells("license_numbers")
    if len(numbers) != len(states):
        r.fail("license_numbers", f"has {len(numbers)} values for {len(states)} license states")
        numbers = [""] * len(states)
    expires = r.each("license_expires", date.fromisoformat, DATE, len(states))
    restricted = r.each("license_restricted", _yes_no, "yes or no", len(states))
    rows = zip(states, numbers, restricted, expires, strict=True)
    return tuple(License(s, n or "", bool(x), e) for s, n, x, e in rows)


def _csv_affiliations(r: _Row) -> tuple[Affiliation, ...]:
    found = []
    for entry in r.cells("affiliations"):
        kind, _, name = (part.strip() for part in entry.partition(":"))
        if kind not in {k.value for k in AffiliationKind} or not name:
            r.fail("affiliations", f"{entry!r} is not kind:name with kind one of {KINDS}")
        elif problem := letter_or_digit_problem(name, NAMES_NO_ONE):  # as a reviewer's name
            r.fail("affiliations", f"{entry!r}: the name {problem}")
        else:
            found.append(Affiliation(name, AffiliationKind(kind)))
    return tuple(found)


def reviewer_from_csv_row(row: dict[str, str], line: int) -> Reviewer:
    """One reviewer from a row of the panel CSV (columns ``CSV_COLUMNS``, docs/reviewers.md);
    raises ``InvalidInput`` naming the line and column of every problem."""
    r = _Row(row, line)
    reviewer = Reviewer(
        reviewer_id=r.cell("reviewer_id", True),
        name=r.cell("name", True),
        certifications=_csv_certifications(r),
        licenses=_csv_licenses(r),
        years_in_practice=r.parsed("years_in_practice", _years, 0, _YEARS),
        weekly_hours=r.parsed(
            "weekly_hours", _hours, 0.0, f"a number of hours from 0 to {HOURS_IN_A_WEEK}"
        ),
        open_sanctions=r.parsed("open_sanctions", _count, 0, _COUNT),
        last_verified=r.parsed("last_verified", date.fromisoformat, None, DATE),
        languages=tuple(r.cells("languages")) or ("en",),
        capacity_per_week=r.parsed("capacity_per_week", _count, 10, _COUNT),
        affiliations=_csv_affiliations(r),
    )
    if r.problems:
        raise InvalidInput(r.problems)
    return reviewer
