"""Staff pages for intake: the application form, the work queue, a case's timeline and the
actions that move a case on. Views hold no rules; services refuse what is not allowed."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from openimr.audit import selectors as audit_selectors
from openimr.audit.services import LIST_VIEWED, audit_list_viewed, staff_page_audited
from openimr.cases import models, selectors, services
from openimr.cases.domain.eligibility import Outcome
from openimr.cases.domain.lifecycle import ASSIGNABLE, State, actions_offered
from openimr.cases.forms import ApplicationForm
from openimr.cases.views import Refused, case_view
from openimr.core.access import session_client, staff_page
from openimr.core.case import Priority
from openimr.core.clock import now
from openimr.core.errors import InvalidInput, OpenIMRError, Problem
from openimr.core.paging import page_asked, page_links, page_of
from openimr.core.uploads import oversized_fields
from openimr.letters.rendering import render_letter
from openimr.reviewers import selectors as reviewer_selectors
from openimr.reviewers.domain.reassignment import WITHDRAWABLE


@staff_page
def application_new(request: HttpRequest) -> HttpResponse:
    form = ApplicationForm(
        request.POST or None, request.FILES or None, oversized=oversized_fields(request)
    )
    if request.method == "POST" and form.is_valid() and form.parsed is not None:
        try:
            submitted = services.application_submit(
                form=form.parsed,
                via="web",
                actor=request.user,
                client=session_client(request.user.get_username()),
                idempotency_key=form.cleaned_data["submission"] or None,
            )
        except InvalidInput as exc:
            form.add_problems(exc)
        else:
            case_number = submitted.application.case.case_number
            if submitted.replayed:
                said = (
                    f"This form was already received as case {case_number}; it was not saved "
                    "again. Open a new form for another application."
                )
                messages.info(request, said)
            else:
                messages.success(request, f"Application received as case {case_number}.")
            return redirect("cases:timeline", case_number)
    if form.errors:
        form.ask_for_the_upload_again()
    return render(
        request, "cases/application_form.html", {"form": form}, status=422 if form.errors else 200
    )


@staff_page_audited(LIST_VIEWED)
def work_queue(request: HttpRequest) -> HttpResponse:
    filters = {k: request.GET.get(k, "") for k in ("state", "priority", "status")}
    page = None
    try:
        # 100 a page: the first 500 alone were listed, and a year's queue holds thousands.
        asked = page_asked(request.GET.get("page"))
        page = page_of(asked, selectors.work_queue_count(**filters))
        queue = selectors.work_queue(**filters, limit=page.size, offset=page.offset)
        refused: list[str] = []
    except InvalidInput as exc:
        queue, refused = [], [f"{p.path}: {p.message}" for p in exc.problems]
    groups = selectors.consolidation_candidates()
    context = {
        "refused": refused,
        "queue": queue,
        "page": page,
        "pager": page_links(request.GET, page) if page else {},
        "filters": filters,
        "states": sorted(State),
        "counts": selectors.queue_counts(),
        "consolidation": groups,
        "now": now(),
    }
    # Each row names its employee: the cases shown, the consolidation groups' too.
    shown = [c.case_number for c in queue] + [n for group in groups for n in group]
    audit_list_viewed(actor=request.user, page="cases:queue", cases=shown, detail=filters)
    return render(request, "cases/queue.html", context, status=400 if refused else 200)


@case_view("case.timeline_viewed")
def case_timeline(request: HttpRequest, row: models.Case) -> HttpResponse:
    context = {
        "row": row,
        "application": getattr(row, "application", None),
        "deadlines": selectors.deadline_rows(row),
        "events": audit_selectors.case_timeline(row.case_number),
        "notices": row.notices.prefetch_related("services"),
        "state": State(row.state),
        "outcomes": [o.value for o in Outcome],
        "reviewing": reviewer_selectors.assignment_view(row.id),
        "info": selectors.information_view(row),
        "actions": actions_offered(
            State(row.state), expedited=row.priority == Priority.EXPEDITED.value
        ),
        "assignable": State(row.state) in ASSIGNABLE,
        # A reviewer is withdrawn only before the determination leaves review.
        "withdrawable": State(row.state) in WITHDRAWABLE,
    }
    return render(request, "cases/timeline.html", context)


def _outcome(post: Any) -> Outcome:
    """The override's outcome as posted; an unknown one is named, not a server error."""
    value = post.get("outcome") or "eligible"
    try:
        return Outcome(value)
    except ValueError:
        choices = ", ".join(o.value for o in Outcome)
        raise InvalidInput(
            [Problem("$.outcome", f"{value!r} is not an outcome (choose {choices})")]
        ) from None


ACTIONS: dict[str, Any] = {
    "assign": lambda row, user, post: services.case_assign(row=row, actor=user),
    "records_complete": lambda row, user, post: services.case_records_complete(row=row, actor=user),
    "begin_review": lambda row, user, post: services.case_begin_review(row=row, actor=user),
    "convert": lambda row, user, post: services.case_convert_expedited(
        row=row, actor=user, note=post.get("note", "")
    ),
    "withdraw": lambda row, user, post: services.case_close(
        row=row, target=State.WITHDRAWN, actor=user, note=post.get("note", "")
    ),
    "terminate": lambda row, user, post: services.case_close(
        row=row, target=State.TERMINATED, actor=user, note=post.get("note", "")
    ),
    "override": lambda row, user, post: services.application_override(
        row=row,
        outcome=_outcome(post),
        reason=post.get("reason", ""),
        actor=user,
    ),
}


def _action_detail(request: HttpRequest, row: models.Case) -> dict[str, Any]:
    # As posted, cut to what a name can be; an unknown one is refused (404), audited so,
    # without a NUL (the trail's JSON on PostgreSQL cannot hold one).
    asked = {"action": request.POST.get("action", "")[:40].replace("\x00", "\ufffd")}
    if asked["action"] not in ACTIONS:
        raise Refused("No such action", asked)
    return asked


def _notice_detail(request: HttpRequest, row: models.Case) -> dict[str, Any]:
    notice_id, fmt = request.GET.get("id", "")[:20], request.GET.get("format", "pdf")[:10]
    notice = row.notices.filter(pk=int(notice_id)).first() if notice_id.isdecimal() else None
    # The party's copy asked for, named only when one was (the file copy names none).
    reader = {"party": request.GET["party"][:40]} if "party" in request.GET else {}
    if notice is None or fmt not in NOTICE_TYPES or reader.get("party", "") not in NOTICE_READERS:
        raise Refused("No such notice", {"notice": notice_id, "format": fmt, **reader})
    return {"notice": notice.pk, "kind": notice.kind, "format": fmt, **reader}


@require_POST
@case_view("case.action", _action_detail)
def case_action(request: HttpRequest, row: models.Case) -> HttpResponseRedirect:
    action = ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        raise Http404("No such action")
    try:
        action(row, request.user, request.POST)
    except InvalidInput as exc:
        messages.error(request, "; ".join(p.message for p in exc.problems))
    except OpenIMRError as exc:
        messages.error(request, str(exc))
    return redirect("cases:timeline", row.case_number)


@case_view("notice.downloaded", _notice_detail)
def notice_pdf(request: HttpRequest, row: models.Case) -> HttpResponse:
    """A notice as issued, rebuilt from its frozen facts: PDF (default), ?format=html or text;
    the copy addressed to one party with ?party=ROLE (what the print queue mails it), the
    file copy without."""
    notice_id = request.GET.get("id", "")
    notice = row.notices.filter(pk=int(notice_id)).first() if notice_id.isdecimal() else None
    if notice is None:
        raise Http404("No such notice")
    fmt, reader = request.GET.get("format", "pdf"), request.GET.get("party", "")
    if fmt not in NOTICE_TYPES or reader not in NOTICE_READERS:
        raise Http404("No such format or party")
    letter = services.notice_stored_letter(notice, reader)
    response = HttpResponse(render_letter(letter, fmt), content_type=NOTICE_TYPES[fmt])
    if fmt == "pdf":
        copy = f"-{reader}" if reader else ""
        response["Content-Disposition"] = (
            f'attachment; filename="{row.case_number}-{notice.kind}{copy}.pdf"'
        )
    return response


# The parties a notice is addressed to, and "" for the file copy.
NOTICE_READERS = frozenset(
    {"", "employee", "attorney", "claims_administrator", "requesting_physician"}
)
NOTICE_TYPES = {
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}
