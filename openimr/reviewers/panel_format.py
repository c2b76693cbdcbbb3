"""Reading the panel (``openimr.panel/1`` JSON, or the CSV importer's rows) and the parts of an
``openimr.case/1`` document that matching needs. Every problem is reported at once, by JSON
path (``$.reviewers[3].licenses[0].state``) or by line and column (``line 4:
license_states``), and nothing is returned unless all is well. Formats: docs/reviewers.md."""

import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import us

from openimr.core.errors import InvalidInput, Problem
from openimr.core.text import (
    NAMES_NO_ONE,
    has_control_character,
    letter_or_digit_problem,
    unprintable,
)
from openimr.reviewers.domain.panel import (
    Affiliation,
    AffiliationKind,
    Certification,
    License,
    Reviewer,
)

FORMAT = "openimr.panel/1"
# More years is a slip (2008, the year practice began, passes "more than five", LC 139.5(c)).
HOURS_IN_A_WEEK, MOST_YEARS, MOST_COUNT = 168, 80, 1000  # PostgreSQL's column stops at 32767
DATE = "a YYYY-MM-DD date"
KINDS = ", ".join(k.value for k in AffiliationKind)
T = TypeVar("T")


def is_state_code(code: str) -> bool:
    """A USPS code of a state, DC or a territory: where a license can be issued."""
    return len(code) == 2 and code.isupper() and us.states.lookup(code, field="abbr") is not None


# The longest value each text field's column holds (openimr/reviewers/models.py); others 300.
TEXT_LIMITS = {
    "reviewer_id": 40, "board": 200, "boards": 200, "specialty": 200, "specialties": 200,
    "number": 60, "license_numbers": 60,
}  # fmt: skip
# CSV columns whose cell lists several values, each checked alone (`panel_csv._Row.cells`).
MULTI_VALUED = frozenset(
    {"specialties", "boards", "certification_expires", "license_states", "license_numbers",
     "license_expires", "license_restricted", "languages", "affiliations"}
)  # fmt: skip
_SLUG = re.compile(r"[A-Za-z0-9_-]+")


def text_problem(key: str, value: str) -> str | None:
    """What is wrong with a text value of the panel, or None: a control character (which
    PostgreSQL cannot store, or a page cannot print), a text-direction control (core.text's
    ``unprintable``: "Dr. \u202eKrap Ada" prints as another name than the one a conflict of
    interest is checked against, LC 139.5(d); 8 CCR 9792.10.6), more than its column holds, or
    a reviewer id that is not a slug (the panel's key, written on staff pages and exports)."""
    limit = TEXT_LIMITS.get(key, 300)
    if has_control_character(value):
        return "holds a control character"
    if problem := unprintable(value):
        return problem
    if len(value) > limit:
        return f"is {len(value)} characters; at most {limit}"
    if key == "reviewer_id" and value and not _SLUG.fullmatch(value):
        return f"{value!r} may hold only letters, digits, hyphens and underscores"
    return None


class Fields:
    """Typed fields of one JSON object; problems go to a shared list, by path."""

    def __init__(
        self, obj: Any, path: str, problems: list[Problem], keys: set[str] | None = None
    ) -> None:
        self.path, self.problems = path, problems
        self.obj: dict[str, Any] = obj if isinstance(obj, dict) else {}
        if not isinstance(obj, dict):
            problems.append(Problem(path, "must be an object"))
        unknown = [k for k in self.obj if keys is not None and k not in keys]
        problems += [Problem(f"{path}.{k}", "unknown key") for k in unknown]

    def fail(self, key: str, message: str) -> None:
        self.problems.append(Problem(f"{self.path}.{key}", message))

    def _get(self, key: str, check: Callable[[Any], bool], kind: str, default: T) -> T:
        value = self.obj.get(key)
        if value is None:
            return default
        if not check(value):
            self.fail(key, f"must be {kind}, not {json.dumps(value)}")
            return default
        return value

    def text(self, key: str, required: bool = False) -> str:
        value = self._get(key, lambda v: isinstance(v, str), "a string", "").strip()
        if required and not value:
            self.fail(key, "is required")
        elif problem := text_problem(key, value):
            self.fail(key, problem)
        return value

    def name(self) -> str:
        """A reviewer's or an affiliation's name, required, refused as intake refuses one."""
        value = self.text("name", True)
        if problem := letter_or_digit_problem(value, NAMES_NO_ONE):
            self.fail("name", problem)
        return value

    def count(self, key: str, default: int = 0, most: int = MOST_COUNT) -> int:
        value = self._get(key, _is_int, "a whole number", default)
        if not 0 <= value <= most:
            self.fail(key, "must not be negative" if value < 0 else f"must be at most {most}")
        return min(max(value, 0), most)

    def hours(self, key: str) -> float:
        value = float(self._get(key, _is_number, "a number", 0.0))
        if not 0 <= value <= HOURS_IN_A_WEEK:
            self.fail(key, f"must be from 0 to {HOURS_IN_A_WEEK}")
        return value

    def flag(self, key: str) -> bool:
        return self._get(key, lambda v: isinstance(v, bool), "true or false", False)

    def day(self, key: str) -> date | None:
        value = self._get(key, lambda v: isinstance(v, str), "a YYYY-MM-DD date", "")
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            self.fail(key, f"{value!r} is not a YYYY-MM-DD date")
            return None

    def array(self, key: str) -> list[tuple[str, Any]]:
        value: list[Any] = self._get(key, lambda v: isinstance(v, list), "an array", [])
        return [(f"{self.path}.{key}[{i}]", element) for i, element in enumerate(value)]

    def strings(self, key: str) -> tuple[str, ...]:
        found = []
        for where, element in self.array(key):
            if not isinstance(element, str) or not element.strip():
                self.problems.append(Problem(where, "must be a non-empty string"))
            elif problem := text_problem(key, element.strip()):
                self.problems.append(Problem(where, problem))
            else:
                found.append(element.strip())
        return tuple(found)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # true is not 1 here


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _certification(where: str, raw: Any, problems: list[Problem]) -> Certification:
    f = Fields(raw, where, problems, {"board", "specialty", "expires"})
    return Certification(f.text("board", True), f.text("specialty", True), f.day("expires"))


def _license(where: str, raw: Any, problems: list[Problem]) -> License:
    f = Fields(raw, where, problems, {"state", "number", "restricted", "issued", "expires"})
    state = f.text("state", True)
    if state and not is_state_code(state):
        f.fail("state", f"{state!r} is not a US state code")
    issued, expires = f.day("issued"), f.day("expires")
    if issued and expires and expires < issued:
        f.fail("expires", f"{expires} is before the issue date {issued}")
    return License(state, f.text("number", True), f.flag("restricted"), expires, issued)


def _affiliation(where: str, raw: Any, problems: list[Problem]) -> Affiliation | None:
    f = Fields(raw, where, problems, {"name", "kind", "until"})
    name, kind, until = f.name(), f.text("kind", True), f.day("until")
    if kind and kind not in {k.value for k in AffiliationKind}:
        f.fail("kind", f"{kind!r} is not one of {KINDS}")
        return None
    return Affiliation(name, AffiliationKind(kind), until) if kind else None


def _leave(where: str, raw: Any, problems: list[Problem]) -> tuple[date, date] | None:
    f = Fields(raw, where, problems, {"from", "to"})
    start, end = f.day("from"), f.day("to")
    for key in ("from", "to"):
        if f.obj.get(key) is None:
            f.fail(key, "is required")
    if start is None or end is None:
        return None
    if end < start:
        f.fail("to", f"{end} is before {start}")
    return start, end


REVIEWER_KEYS = {
    "reviewer_id", "name", "certifications", "licenses", "years_in_practice", "weekly_hours",
    "open_sanctions", "last_verified", "languages", "capacity_per_week", "open_cases", "leave",
    "affiliations", "prior_case_numbers",
}  # fmt: skip


def _listed(
    f: Fields, key: str, read: Callable[[str, Any, list[Problem]], T | None]
) -> tuple[T, ...]:
    parsed = (read(where, raw, f.problems) for where, raw in f.array(key))
    return tuple(x for x in parsed if x is not None)


def reviewer_from_document(raw: Any, path: str, problems: list[Problem]) -> Reviewer:
    """One reviewer of an ``openimr.panel/1`` document; problems are appended by path."""
    f = Fields(raw, path, problems, REVIEWER_KEYS)
    return Reviewer(
        reviewer_id=f.text("reviewer_id", True),
        name=f.name(),
        certifications=_listed(f, "certifications", _certification),
        licenses=_listed(f, "licenses", _license),
        years_in_practice=f.count("years_in_practice", 0, MOST_YEARS),
        weekly_hours=f.hours("weekly_hours"),
        open_sanctions=f.count("open_sanctions"),
        last_verified=f.day("last_verified"),
        languages=f.strings("languages") if "languages" in f.obj else ("en",),
        capacity_per_week=f.count("capacity_per_week", 10),
        open_cases=f.count("open_cases"),
        leave=_listed(f, "leave", _leave),
        affiliations=_listed(f, "affiliations", _affiliation),
        prior_case_numbers=f.strings("prior_case_numbers"),
    )


def panel_from_document(doc: Any) -> dict[str, Reviewer]:
    """The panel of an ``openimr.panel/1`` document, by reviewer id; raises ``InvalidInput``
    listing every problem."""
    problems: list[Problem] = []
    f = Fields(doc, "$", problems, {"format", "reviewers"})
    if f.obj.get("format") != FORMAT:
        f.fail("format", f"must be {FORMAT!r}")
    panel: dict[str, Reviewer] = {}
    for where, raw in f.array("reviewers"):
        reviewer = reviewer_from_document(raw, where, problems)
        if reviewer.reviewer_id in panel:
            problems.append(
                Problem(f"{where}.reviewer_id", f"{reviewer.reviewer_id!r} is used twice")
            )
        panel[reviewer.reviewer_id] = reviewer
    if problems:
        raise InvalidInput(problems)
    return panel


def panel_from_json(text: str) -> dict[str, Reviewer]:
    """``panel_from_document`` of JSON text."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput([Problem("$", f"not valid JSON: {exc}")]) from exc
    return panel_from_document(doc)
