"""Path parameters the API's operations share, and the refusal of query parameters by an
operation that takes none (a list answered whole, or one item)."""

from collections.abc import Callable
from typing import Annotated

from django.http import HttpRequest
from pydantic import AfterValidator, Field

from openimr.cases.selectors import case_number_stored
from openimr.core.errors import InvalidInput, Problem
from openimr.core.text import has_control_character, shown_literally


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


# The paging parameters of the API's paged list (GET /decisions), which a client pages
# every list with; a parameter's name is echoed, cut when longer than this.
PAGING = ("page", "per_page")
_NAME_SHOWN = 40


def refuse_query_parameters(request: HttpRequest, listed: str) -> None:
    """InvalidInput naming each query parameter of ``request``, for an operation that takes
    none and answers ``listed`` whole: ninja drops a parameter no operation declares, so a
    client paging the list (``?page=2``) was answered everything with 200 and read page 2
    as what it asked for."""
    _refuse(request, lambda name: _why(name, listed))


def refuse_item_query_parameters(request: HttpRequest, item: str) -> None:
    """InvalidInput naming each query parameter of ``request``, for an operation answering
    one ``item`` that takes none: ninja dropped them, so ``?fields=items`` or ``?page=2``
    was answered 200 as if obeyed, while the lists refused them 422 at their names."""
    _refuse(request, lambda name: f"not a parameter here: {item} takes no query parameters")


def _refuse(request: HttpRequest, why: Callable[[str], str]) -> None:
    problems = [Problem(f"$.{_shown(name)}", why(name)) for name in request.GET]
    if problems:
        raise InvalidInput(problems)


def _why(name: str, listed: str) -> str:
    if name in PAGING:
        return f"{listed} is listed whole; it has no pages"
    return f"not a parameter here: {listed} is listed whole and takes no parameters"


def _shown(name: str) -> str:
    cut = name if len(name) <= _NAME_SHOWN else name[:_NAME_SHOWN] + "…"
    return shown_literally(cut) or "(empty)"
