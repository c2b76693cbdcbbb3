"""Staff pages for cases. Views hold no rules: they ask selectors (which refuse by raising)
and record each look at a case in the audit trail."""

from collections.abc import Callable
from functools import wraps
from typing import Any, Protocol

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from openimr.audit.services import (
    LIST_VIEWED,
    audit_list_viewed,
    audit_record,
    staff_page_audited,
)
from openimr.cases import models, selectors
from openimr.cases.mapping import case_from_row
from openimr.core.access import staff_required
from openimr.core.errors import InvalidInput, NotFound
from openimr.core.paging import page_asked, page_links, page_of
from openimr.letters import selectors as letters
from openimr.letters.render.html import STYLE
from openimr.letters.rendering import state_name
from openimr.records import selectors as records
from openimr.review import selectors as review
from openimr.reviewers import selectors as reviewer_selectors


class CaseView(Protocol):
    def __call__(self, request: HttpRequest, row: models.Case) -> HttpResponse | FileResponse: ...


# What the audit row says beyond the case: which notice, which action (read from the request).
Detail = Callable[[HttpRequest, models.Case], dict[str, Any]]


class Refused(Http404):
    """Raised by a Detail when what the request asks of the case is not there (a notice of
    another case): the look is audited as refused with ``detail``, what was asked, never
    as the access it did not get."""

    def __init__(self, message: str, detail: dict[str, Any]) -> None:
        super().__init__(message)
        self.detail = detail


def case_view(action: str, detail: Detail | None = None) -> Any:
    """Log in, check the staff role and fetch the case through the access helpers (404 when
    not allowed, the same as when absent), then audit the access before anything of the
    case is shown: a failed audit write fails the page.

    The reads come before the audit's transaction, not inside it. Every transaction here
    takes SQLite's one write lock at BEGIN (IMMEDIATE), so reading the case inside it held
    every other writer (each page view's audit row, each API submission) waiting for the
    ORM's work as well; under load the waiters' back-off sleeps were the slowest requests
    (docs/benchmarks.md, "Load")."""

    def decorate(view: CaseView) -> Any:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, case_number: str) -> HttpResponse | FileResponse:
            try:
                staff_required(request.user)
                row = selectors.case_get_for_user(request.user, case_number)
            except NotFound as exc:
                _audit(request, f"{action}.refused", case_number, None)
                raise Http404("No such case") from exc
            try:
                said = detail(request, row) if detail else None
            except Refused as exc:
                _audit(request, f"{action}.refused", case_number, exc.detail)
                raise
            _audit(request, action, case_number, said)
            return view(request, row)

        return wrapper

    return decorate


def _audit(request: HttpRequest, action: str, case_number: str, detail: Any) -> None:
    audit_record(
        actor=request.user,
        action=action,
        object_type="case",
        object_id=case_number,
        detail=detail,
    )


@staff_page_audited(LIST_VIEWED)
def case_list(request: HttpRequest) -> HttpResponse:
    """The cases, newest first, 100 a page (``?page=``): the first 200 alone were listed,
    the rest of a year's cases reachable only by searching for them. A page that is no
    whole number from 1 answers 400 naming it."""
    query = request.GET.get("q", "")
    try:
        asked = page_asked(request.GET.get("page"))
    except InvalidInput as exc:
        refused = [str(p) for p in exc.problems]
        return render(request, "cases/list.html", {"refused": refused, "query": query}, status=400)
    found = selectors.case_list_for_user(request.user, query=query)
    page = page_of(asked, found.count())
    cases = list(found[page.offset : page.offset + page.size])
    # The search asked is kept with what it found: a name typed here is a look at PHI.
    audit_list_viewed(
        actor=request.user,
        page="cases:list",
        cases=(c.case_number for c in cases),
        detail={"query": query[:200]},
    )
    context = {"cases": cases, "query": query, "page": page}
    return render(request, "cases/list.html", context | {"pager": page_links(request.GET, page)})


@case_view("case.viewed")
def case_detail(request: HttpRequest, row: models.Case) -> HttpResponse:
    case = case_from_row(row)
    issued = letters.letter_of(row)
    context = {
        "row": row,
        "case": case,
        "issued": issued,
        # How each party was served each letter (asked only once there is one).
        "services": letters.services_by_letter(row.case_number) if issued else [],
        "amended": letters.amended_letters_for(row.case_number) if issued else [],
        "states": [state_name(code) for code in case.reviewer.licensed_in],
        "organization": letters.default_organization(),
        # A case filed on the web form has no documents of its own: its records arrive here.
        "records": records.case_file(row),
        # Who reviews the case, and who was withdrawn from it and why (staff only).
        "assignments": reviewer_selectors.assignments_for_case(row.id),
        "imported": selectors.case_imported_whole(row),
        "claim_number": selectors.claim_number_of(row),
    }
    return render(request, "cases/detail.html", context)


@case_view("letter.viewed")
def case_letter(request: HttpRequest, row: models.Case) -> HttpResponse:
    # The draft with its references, as QA reads it and as it will issue.
    issued, fragment = letters.letter_html_for(row.case_number, review.provenance(row))
    context = {
        "case_number": row.case_number,
        "issued": issued,
        "amended": letters.amended_letters_for(row.case_number) if issued else [],
        "letter_html": fragment,
        "letter_style": STYLE,
    }
    return render(request, "cases/letter.html", context)


@case_view("letter.downloaded")
def case_letter_pdf(request: HttpRequest, row: models.Case) -> FileResponse:
    issued, data = letters.letter_pdf_for(row.case_number, review.provenance(row))
    suffix = "" if issued else "-DRAFT"
    return FileResponse(
        data,
        as_attachment=True,
        filename=f"{row.case_number}-FDL{suffix}.pdf",
        content_type="application/pdf",
    )


@login_required
def case_amended_pdf(request: HttpRequest, case_number: str, number: int) -> FileResponse:
    """An amended letter's PDF as issued, for staff. Audited with the letter it gives; a
    case the user may not open, or a number with no letter, is a 404 audited as refused,
    never as a download."""
    found, row = None, None
    try:
        staff_required(request.user)
        row = selectors.case_get_for_user(request.user, case_number)
        found = letters.amended_letter(row.case_number, number)
    except NotFound:
        pass
    review.amended_download_audit(request.user, case_number, number, found)
    if found is None or row is None:
        raise Http404("No such amended letter")
    return FileResponse(
        letters.stored_pdf(found.pdf_path),
        as_attachment=True,
        filename=f"{row.case_number}-FDL-amended-{number}.pdf",
        content_type="application/pdf",
    )
