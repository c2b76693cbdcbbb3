"""Staff pages for the panel and for assigning a case's reviewer. Names appear here only."""

from collections.abc import Sequence

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from openimr.core.access import staff_page, user_works_intake
from openimr.core.clock import local_date, now
from openimr.core.errors import InvalidInput, NotFound, OpenIMRError
from openimr.core.uploads import oversized_fields, oversized_message
from openimr.reviewers import selectors, services

# What the attestation form may answer (LC 139.5): attest no conflict, or declare one.
ATTEST_ANSWERS = ("no_conflict", "conflict")


@staff_page
def panel(request: HttpRequest) -> HttpResponse:
    rows = selectors.reviewer_status(local_date(now()))
    expiring = [(row, what, when) for row, _, soon in rows for what, when in soon]
    return render(
        request,
        "reviewers/panel.html",
        {"rows": rows, "expiring": sorted(expiring, key=lambda e: e[2])},
    )


@staff_page
def panel_import(request: HttpRequest) -> HttpResponse:
    report, refused = None, None
    upload = request.FILES.get("panel")
    if request.method == "POST" and isinstance(upload, UploadedFile):
        text = upload.read().decode("utf-8-sig", errors="replace")
        try:
            report = services.reviewers_import_csv(text=text, actor=request.user)
        except InvalidInput as exc:
            refused = [f"{p.path}: {p.message}" for p in exc.problems]
    elif request.method == "POST" and "panel" in oversized_fields(request):
        refused = [f"panel: {oversized_message()}"]
    elif request.method == "POST":
        refused = ["panel: no file was chosen; choose the panel CSV to import"]
    context = {"report": report, "refused": refused}
    return render(request, "reviewers/import.html", context, status=422 if refused else 200)


@require_POST
@staff_page
def case_assign(request: HttpRequest, case_number: str) -> HttpResponseRedirect:
    try:
        services.reviewer_assign(case_number=case_number, actor=request.user)
    except InvalidInput as exc:
        messages.error(request, "; ".join(p.message for p in exc.problems))
    except OpenIMRError as exc:
        messages.error(request, str(exc))
    return redirect("cases:timeline", case_number)


@require_POST
@login_required
def attest(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """The reviewer (or staff recording the reviewer's written attestation) answers one of
    ATTEST_ANSWERS; any other answer is refused (400) and changes nothing."""
    try:
        assignment = selectors.assignment_for_user(request.user, assignment_id)
    except NotFound as exc:
        raise Http404("No such assignment") from exc
    answer = request.POST.get("answer", "")
    if answer not in ATTEST_ANSWERS:
        # Anything else once counted as a declared conflict and replaced the reviewer.
        allowed = " or ".join(ATTEST_ANSWERS)
        message = f"answer: {answer!r} is not an answer; it is {allowed}. Nothing was changed."
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    no_conflict = answer == "no_conflict"
    try:
        replacing = services.assignment_attest(
            assignment_id=assignment.pk,
            actor=request.user,
            no_conflict=no_conflict,
            statement=request.POST.get("statement", ""),
        )
    except InvalidInput as exc:
        messages.error(request, "; ".join(p.message for p in exc.problems))
    except OpenIMRError as exc:
        messages.error(request, str(exc))
    else:
        assignment.refresh_from_db()
        if assignment.status == assignment.WITHDRAWN:
            messages.error(request, _withdrawn_message(assignment.statement, replacing))
        elif not no_conflict:
            messages.success(request, _declined_message(replacing))
    if not user_works_intake(request.user):
        return redirect("review:home")  # the reviewer's own answer: their cases, not staff's
    return redirect("cases:timeline", assignment.case.case_number)


def _declined_message(replacing: Sequence[object]) -> str:
    if replacing:
        return "The conflict is recorded and the case's items have gone to another reviewer."
    return (
        "The conflict is recorded: you will not decide this case. No other reviewer is free "
        "to take it now; staff are told to assign one."
    )


def _withdrawn_message(why: str, replacing: Sequence[object]) -> str:
    went = (
        "the case's items have gone to another reviewer."
        if replacing
        else "no other reviewer is free to take it now; staff are told to assign one."
    )
    return f"This reviewer can no longer take the case: {why} The attestation is refused and {went}"
