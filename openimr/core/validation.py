"""Pydantic's error dicts as Problems at JSON paths, for every door that validates with a
declared schema (API, web form, batch files)."""

from collections.abc import Sequence
from typing import Any

from openimr.core.errors import Problem

_PATTERN_MESSAGES = {
    "phone": "is not a phone number",
    "email": "is not an email address",
    "icd10": "is not an ICD-10-CM code (for example M54.5 or S46.011A)",
    "claim_number": "must not contain control characters: it is one line, with no tab",
    "Idempotency-Key": "must be printable ASCII (letters, digits, punctuation; spaces only "
    "inside), 1 to 200 characters",
}

# Pydantic says "Input should be a valid dictionary or instance of EmployeeIn": a class name
# no client or clerk with a batch file knows.
_NOT_AN_OBJECT = {"model_type", "model_attributes_type", "dict_type"}


def json_path(loc: Sequence[int | str]) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def problem_from_error(error: dict[str, Any], drop: int = 0) -> Problem:
    """``drop`` leading location parts are not part of the document (ninja's "body", name)."""
    message = str(error.get("msg", "is invalid")).removeprefix("Value error, ")
    loc = tuple(error.get("loc", ()))[drop:]
    if not loc and ": " in message:  # a model-level rule names its own field first
        field, message = message.split(": ", 1)
        loc = tuple(field.split("."))
    kind = error.get("type")
    if kind == "missing":
        message = "is missing"
    elif kind == "extra_forbidden":
        message = "unknown field"
    elif kind == "string_pattern_mismatch":
        message = _PATTERN_MESSAGES.get(str(loc[-1]) if loc else "", "has the wrong form")
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind in _NOT_AN_OBJECT:
        message = "must be a JSON object"
    return Problem(json_path(loc), message)
