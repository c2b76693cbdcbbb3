"""Read and write `openimr.case/1` files: JSON Schema first, then the case rules.

The one entry point for every door (CLI, import service, later the API), so that a file,
a form and the database refuse the same things with the same JSON paths.
"""

import ast
import json
from functools import cache
from pathlib import Path
from typing import NamedTuple

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from openimr.cases.contacts import Contacts, contacts_document, contacts_parse, contacts_problems
from openimr.cases.domain.rules import case_problems
from openimr.cases.import_claim import claim_number_parse
from openimr.core.case import Case
from openimr.core.case_format import case_from_dict, case_to_dict
from openimr.core.errors import InvalidInput, Problem

SCHEMA_PATH = Path(__file__).parent / "schema" / "openimr.case-1.schema.json"


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _json_path(error: ValidationError) -> str:
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _located(error: ValidationError) -> tuple[str, str]:
    """(path, message); a missing field is reported at its own path, not its parent's."""
    path = _json_path(error)
    if error.validator == "required":
        # jsonschema reports one error per missing field, naming it in the message only.
        missing = ast.literal_eval(error.message.split(" is a required property")[0])
        return f"{path}.{missing}", "is missing"
    return path, _message(error)


# jsonschema quotes the whole offending value: a 50 MB treatment would print 50 MB of error.
SHOWN_CHARS = 80


def _shown(value: object) -> str:
    """The value as a message quotes it, cut to its first SHOWN_CHARS characters."""
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        return f"{value[:SHOWN_CHARS]!r}… ({len(value)} characters)"
    written = repr(value)
    if len(written) > SHOWN_CHARS:
        return f"{written[:SHOWN_CHARS]}… ({len(written)} characters)"
    return written


def _message(error: ValidationError) -> str:
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field")
    if error.validator == "enum":
        allowed = ", ".join("null" if v is None else str(v) for v in error.validator_value)
        return f"{_shown(error.instance)} is not one of: {allowed}"
    if error.validator == "format":
        return f"{_shown(error.instance)} is not a valid {error.validator_value}"
    quoted = repr(error.instance)
    if len(quoted) > SHOWN_CHARS and quoted in error.message:
        return error.message.replace(quoted, _shown(error.instance), 1)
    return error.message


def schema_problems(doc: object) -> list[Problem]:
    """Every schema violation, sorted by path so the report reads top to bottom."""
    errors = _validator().iter_errors(doc)
    problems = {_located(e) for e in errors}
    return [Problem(path, message) for path, message in sorted(problems)]


class Imported(NamedTuple):
    """What an import stores: the case, and its staff-only parts, which the case (also the
    public corpus format) never carries."""

    case: Case
    contacts: Contacts  # how to reach each party (`cases.contacts`)
    claim_number: str  # "" when the document gives none (`cases.import_claim`)


def case_from_document(doc: object) -> Case:
    """Validate a parsed document and build the case; raises InvalidInput listing every
    problem (schema problems first; rules run only on a schema-valid document). The
    staff-only parts ("contacts", "claim_number") are checked too, but the case never
    carries them."""
    return imported_from_document(doc).case


def _staff_parts(doc: dict[str, object], case: Case) -> tuple[Contacts, str, list[Problem]]:
    problems: list[Problem] = []
    try:
        contacts = contacts_parse(doc.get("contacts") or {})
    except InvalidInput as exc:
        problems, contacts = list(exc.problems), {}
    try:
        claim_number = claim_number_parse(doc.get("claim_number"))
    except InvalidInput as exc:
        problems, claim_number = [*problems, *exc.problems], ""
    return contacts, claim_number, problems + contacts_problems(contacts, case)


def imported_from_document(doc: object) -> Imported:
    """The case with its staff-only parts, all validated before any is returned: a bad
    address or claim number refuses the whole file."""
    problems = schema_problems(doc)
    if problems:
        raise InvalidInput(problems)
    assert isinstance(doc, dict)
    case = case_from_dict(doc)
    contacts, claim_number, staff_problems = _staff_parts(doc, case)
    problems = case_problems(case) + staff_problems
    if problems:
        raise InvalidInput(problems)
    return Imported(case, contacts, claim_number)


def _parsed(text: str, source: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            [Problem("$", f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")],
            f"{source} is not an openimr.case/1 document",
        ) from exc


def _read(path: Path) -> str:
    """The file's text, or an InvalidInput in the words the other commands use (Python's
    own named the file twice: "[Errno 2] No such file or directory: '...'")."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InvalidInput([Problem("$", f"cannot read {path}: {reason}")]) from exc
    try:
        # utf-8-sig: a byte-order mark, which Windows editors write, is read past, as
        # `applications import` reads one; json.loads refused it as "not JSON".
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        said = f"{path} is not UTF-8 text (byte {exc.start}: {exc.reason})"
        raise InvalidInput([Problem("$", said)]) from exc


def case_from_json(text: str, source: str = "input") -> Case:
    return case_from_document(_parsed(text, source))


def case_from_file(path: Path) -> Case:
    return case_from_json(_read(path), source=str(path))


def imported_from_file(path: Path) -> Imported:
    """What `openimr case import` stores: the case with its staff-only parts."""
    return imported_from_document(_parsed(_read(path), str(path)))


def case_to_json(case: Case, contacts: Contacts | None = None, claim_number: str = "") -> str:
    """The document; with ``contacts`` and ``claim_number`` (staff's `openimr case export`
    only) their parts too, so that an export imports again with them. Every public path
    passes neither."""
    doc = case_to_dict(case)
    if claim_number:
        doc["claim_number"] = claim_number
    if contacts:
        doc["contacts"] = contacts_document(contacts)
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
