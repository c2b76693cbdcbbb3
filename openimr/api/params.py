"""Path parameters the API's operations share."""

from typing import Annotated

from pydantic import AfterValidator, Field

from openimr.cases.selectors import case_number_stored
from openimr.core.text import has_control_character


def _without_control_characters(value: str) -> str:
    # No case number holds one, and PostgreSQL cannot compare text holding a NUL byte: the
    # lookup (and the audit row of its refusal) would fail on the database, a server error.
    if has_control_character(value):
        raise ValueError("must not contain control characters")
    return value


# The schema says what the validator refuses, so a client (or a fuzzer reading the OpenAPI
# document) knows which values are answered 422 rather than 404.
CaseNumber = Annotated[
    str,
    AfterValidator(_without_control_characters),
    Field(json_schema_extra={"pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"}),
]

# A staff operation's case number, read as the staff pages and the public side read one (any
# letter case): /applications/cm16-0400101 answers for CM16-0400101.
StaffCaseNumber = Annotated[CaseNumber, AfterValidator(case_number_stored)]
