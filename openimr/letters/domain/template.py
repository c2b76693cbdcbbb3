"""The organization's letter wording, loaded from TOML and checked key by key.

A replacement template must define every key the shipped default defines (and nothing the
letter would silently ignore), so a typo is an error at load time, not a missing paragraph.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from openimr.core.errors import InvalidInput, Problem

PROGRAM_DIR = Path(__file__).resolve().parents[2] / "programs" / "ca_dwc_imr"
DEFAULT_PATH = PROGRAM_DIR / "letter.toml"
NOTICES_PATH = PROGRAM_DIR / "notices.toml"


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        return "table"
    if isinstance(value, list):
        return "list"
    return type(value).__name__


def _compare(expected: dict[str, Any], got: dict[str, Any], path: str) -> list[Problem]:
    problems = []
    for key, value in expected.items():
        where = f"{path}.{key}"
        if key not in got:
            problems.append(Problem(where, "is missing"))
        elif _shape(got[key]) != _shape(value):
            problems.append(Problem(where, f"must be a {_shape(value)}"))
        elif isinstance(value, dict):
            problems.extend(_compare(value, got[key], where))
        elif isinstance(value, list) and not all(isinstance(v, str) for v in got[key]):
            problems.append(Problem(where, "must be a list of strings"))
    problems.extend(Problem(f"{path}.{key}", "unknown key") for key in got if key not in expected)
    return problems


@dataclass(frozen=True)
class LetterTemplate:
    data: dict[str, Any]
    source: str

    def get(self, dotted: str) -> Any:
        node: Any = self.data
        for part in dotted.split("."):
            node = node[part]
        return node

    def text(self, dotted: str, **values: str) -> str:
        """The template string with {placeholders} filled; unknown ones are left visible."""
        return str(self.get(dotted)).format_map(_Blank(values))


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise InvalidInput([Problem("template", f"cannot read {path}: {exc}")]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput([Problem("template", f"{path} is not valid TOML: {exc}")]) from exc


@cache
def load_template(path: Path | None = None, default_path: Path = DEFAULT_PATH) -> LetterTemplate:
    """The template at ``path``, checked against the shipped default; the default if None.
    Read once per process: templates change with a deployment, not while it runs."""
    default = _read(default_path)
    if path is None or path == default_path:
        return LetterTemplate(default, str(default_path))
    data = _read(path)
    problems = _compare(default, data, "template")
    if problems:
        raise InvalidInput(problems, f"letter template {path} does not fit")
    return LetterTemplate(data, str(path))
