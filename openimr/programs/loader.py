"""Load a review program's rules from its data files, checked key by key.

A program lives in ``openimr/programs/<code with underscores>/``: ``clocks.toml`` (one table
per clock, docs/clocks.md) and ``holidays.json`` (``[{"date", "name"}, ...]``). A bad file is
an error at load time naming the file and key, never a silently wrong deadline later.
"""

import json
import re
import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from openimr.cases.domain.deadlines import CLOCKS, ClockRule, Program, Unit
from openimr.core.errors import InvalidInput, Problem
from openimr.core.words import kind_words

PROGRAMS_DIR = Path(__file__).resolve().parent
DEFAULT_CODE = "ca-dwc-imr"
_CODE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_KEYS = {"count": int, "unit": str, "roll_forward": bool, "text": str, "source": str}
_UNITS = ", ".join(u.value for u in Unit)


def _field_problems(name: str, table: Any) -> list[Problem]:
    if not isinstance(table, dict):
        return [Problem(f"clocks.{name}", "must be a table")]
    problems = [Problem(f"clocks.{name}.{key}", "unknown key") for key in table if key not in _KEYS]
    for key, kind in _KEYS.items():
        value, where = table.get(key), f"clocks.{name}.{key}"
        # bool is an int in Python: a count of `true` must not pass as 1.
        if value is None:
            problems.append(Problem(where, "is missing"))
        elif not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            problems.append(Problem(where, f"must be {kind_words(kind)}"))
    return problems


def _value_problems(name: str, table: dict[str, Any]) -> list[Problem]:
    problems = []
    if table["count"] < 0:
        problems.append(Problem(f"clocks.{name}.count", "must not be negative"))
    if table["unit"] not in {u.value for u in Unit}:
        problems.append(Problem(f"clocks.{name}.unit", f"must be one of {_UNITS}"))
    problems += [
        Problem(f"clocks.{name}.{key}", "must not be blank")
        for key in ("text", "source")
        if not table[key].strip()
    ]
    return problems


def parse_clocks(data: dict[str, Any]) -> dict[str, ClockRule]:
    """Clock rules from the parsed ``clocks.toml``; every clock of ``CLOCKS`` is required."""
    problems = [Problem(f"clocks.{name}", "is missing") for name in CLOCKS if name not in data]
    rules = {}
    for name, table in data.items():
        found = _field_problems(name, table)
        found = found or _value_problems(name, table)
        if not found:
            rules[name] = ClockRule(name=name, **{**table, "unit": Unit(table["unit"])})
        problems += found
    if problems:
        raise InvalidInput(problems, f"clocks: {len(problems)} problem(s), first {problems[0]}")
    return rules


def _holiday(index: int, entry: Any) -> date | Problem:
    where = f"holidays[{index}]"
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        return Problem(where, 'must be {"date": "YYYY-MM-DD", "name": "..."}')
    try:
        return date.fromisoformat(str(entry.get("date")))
    except ValueError:
        return Problem(f"{where}.date", f"{entry.get('date')!r} is not a YYYY-MM-DD date")


def parse_holidays(data: Any) -> frozenset[date]:
    """Holiday dates from the parsed ``holidays.json``."""
    if not isinstance(data, list):
        raise InvalidInput([Problem("holidays", "must be a list")])
    parsed = [_holiday(index, entry) for index, entry in enumerate(data)]
    problems = [p for p in parsed if isinstance(p, Problem)]
    if problems:
        raise InvalidInput(problems, f"holidays: {len(problems)} problem(s), first {problems[0]}")
    return frozenset(d for d in parsed if isinstance(d, date))


def _read(path: Path, key: str) -> Any:
    try:
        if path.suffix == ".toml":
            with path.open("rb") as handle:
                return tomllib.load(handle)
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput([Problem(key, f"cannot read {path}: {exc}")]) from exc
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput([Problem(key, f"{path} is not valid: {exc}")]) from exc


def read_program(code: str, folder: Path, timezone: str = "America/Los_Angeles") -> Program:
    """The program whose data files are in ``folder``."""
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidInput([Problem("timezone", f"unknown time zone {timezone!r}")]) from exc
    rules = parse_clocks(_read(folder / "clocks.toml", "clocks"))
    holidays = parse_holidays(_read(folder / "holidays.json", "holidays"))
    return Program(code, MappingProxyType(rules), holidays, timezone)


def load_program(code: str = DEFAULT_CODE) -> Program:
    """The shipped program ``code`` (``ca-dwc-imr`` reads ``programs/ca_dwc_imr/``), read
    once per process."""
    return _load(code)


@cache
def _load(code: str) -> Program:
    folder = PROGRAMS_DIR / code.replace("-", "_")
    if not _CODE.fullmatch(code) or not (folder / "clocks.toml").is_file():
        raise InvalidInput([Problem("program", f"unknown program {code!r}")])
    return read_program(code, folder)
