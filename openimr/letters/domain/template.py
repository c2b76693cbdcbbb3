"""The organization's letter wording, loaded from TOML and checked key by key.

A replacement template must define every key the shipped default defines (and nothing the
letter would silently ignore), so a typo is an error at load time, not a missing paragraph.
The few keys added after organizations wrote their own templates (``OPTIONAL``) may be left
out: the replacement then takes the shipped wording for them, so an upgrade does not refuse
a template that worked the day before.
"""

import string
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from openimr.core.errors import InvalidInput, Problem
from openimr.core.words import kind_words

PROGRAM_DIR = Path(__file__).resolve().parents[2] / "programs" / "ca_dwc_imr"
DEFAULT_PATH = PROGRAM_DIR / "letter.toml"
NOTICES_PATH = PROGRAM_DIR / "notices.toml"
# Dotted keys a replacement may omit. The shipped wording, not another key of the
# replacement, stands in: ``issues.beyond_mtus_label`` exists because the older
# ``why_not_mtus_label`` says the MTUS was not used, which a basis citing the MTUS contradicts;
# the ``_several`` keys because the singular wording misstates a case split between reviewers.
SEVERAL = (
    "how_made.independence_several",
    "how_made.credentials_several",
    "how_made.credentials_unknown_several",
    "how_made.practice_several",
    "how_made.selection_several",
    "summary.intro_several",
    "documents.intro_several",
)
# Notice wording added later (notices.toml): the formulary track, the ineligibility notice's
# wording once the last day to apply has passed, and the whole notices of a
# conversion to expedited review (8 CCR 9792.10.4(c)) and of a request for eligibility
# information (8 CCR 9792.10.3(c)).
NOTICE_OPTIONAL = (
    "noarfi.track_formulary",
    "ineligible.after_closed",
    "converted",
    "converted.title",
    "converted.intro",
    "converted.records",
    "converted.records_in",
    "information_request",
    "information_request.title",
    "information_request.intro",
    "information_request.send",
    "information_request.otherwise",
    "information_request.on_hold",
    "information_request.copy",
)
OPTIONAL = frozenset({"issues.beyond_mtus_label", *SEVERAL, *NOTICE_OPTIONAL})
# Printed as written, never filled in: a brace in the organization's name is just a brace.
_VERBATIM = frozenset({"organization.name", "organization.short_name"})
_BRACES = "write {{ or }} for a brace; a placeholder is a name in braces, such as {organization}"


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
            if where.partition(".")[2] not in OPTIONAL:
                problems.append(Problem(where, "is missing"))
        elif _shape(got[key]) != _shape(value):
            problems.append(Problem(where, f"must be {kind_words(type(value))}"))
        elif isinstance(value, dict):
            problems.extend(_compare(value, got[key], where))
        elif isinstance(value, list) and not all(isinstance(v, str) for v in got[key]):
            problems.append(Problem(where, "must be a list of strings"))
        elif isinstance(value, str) and value.strip() and not got[key].strip():
            # An empty title or paragraph would print a letter with a hole in it.
            problems.append(Problem(where, "is empty: write the text to print here"))
        elif isinstance(value, str) and where.partition(".")[2] not in _VERBATIM:
            problems.extend(Problem(where, m) for m in _placeholder_problems(got[key]))
    problems.extend(Problem(f"{path}.{key}", "unknown key") for key in got if key not in expected)
    return problems


def _placeholder_problems(text: str) -> list[str]:
    """Why ``text`` cannot be filled by ``LetterTemplate.text``: str.format would raise on
    an unpaired brace, a positional or dotted field, a conversion or a format spec."""
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in string.Formatter().parse(text)]
    except ValueError as exc:
        return [f"has a brace that is not a placeholder ({exc}): {_BRACES}"]
    return [
        f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}} is not a "
        f"placeholder: {_BRACES}"
        for name, spec, conv in fields
        if name is not None and (not name.isidentifier() or spec or conv)
    ]


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
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        # TOML is UTF-8: a file saved in another encoding fails to decode before parsing.
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
    return LetterTemplate(_with_optional(data, default), str(path))


def _with_optional(data: dict[str, Any], default: dict[str, Any]) -> dict[str, Any]:
    """``data`` with each optional key it leaves out taken from the shipped ``default``."""
    for dotted in OPTIONAL:
        table, _, key = dotted.rpartition(".")
        shipped = default.get(table, {})
        if key in shipped and key not in data.get(table, {}):
            data[table] = {**data.get(table, {}), key: shipped[key]}
    return data
