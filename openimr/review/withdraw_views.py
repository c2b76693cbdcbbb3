"""Staff withdraw a case's reviewer (suspended, a license lapsed, ill, a conflict found
late) from the case's timeline, with a written reason; the items go to another reviewer
at once. Rules: ``reviewers.domain.reassignment``; the service: ``review.reassign``."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from openimr.core.access import staff_page
from openimr.core.errors import InvalidInput, NotFound, OpenIMRError
from openimr.review.reassign import reviewer_withdraw
from openimr.reviewers import selectors as reviewer_selectors


@require_POST
@staff_page
def withdraw(request: HttpRequest, assignment_id: int) -> HttpResponseRedirect:
    try:
        number = reviewer_selectors.assignment_row(assignment_id).case.case_number
    except NotFound as exc:
        raise Http404("No such assignment") from exc
    try:
        replacing = reviewer_withdraw(
            assignment_id=assignment_id,
            actor=request.user,
            reason=request.POST.get("reason", ""),
        )
    except InvalidInput as exc:
        messages.error(request, "; ".join(p.message for p in exc.problems))
    except OpenIMRError as exc:
        messages.error(request, str(exc))
    else:
        went = (
            "their items have gone to another reviewer, who attests before the file opens."
            if replacing
            else "no other reviewer is free to take the items now: assign one when the "
            "panel allows."
        )
        messages.success(
            request, f"The reviewer is withdrawn and no longer opens the case file; {went}"
        )
    return redirect("cases:timeline", number)
