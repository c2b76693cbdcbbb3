"""Mail service, a staff page: the letters and notices to print and mail to the parties that
gave no e-mail address (LC 4610.6(f); 8 CCR 9792.10.3, 9792.10.4(b)), each with its PDF, and
the "mark printed" action that takes one off the queue. A second mark is refused, so nothing
is mailed twice. A party with no postal address on file is flagged as needing one; staff
may type it on its row before printing, so the copy carries it in the envelope's window."""

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from openimr.audit.services import (
    LIST_VIEWED,
    audit_list_viewed,
    audit_record,
    staff_page_audited,
)
from openimr.core.access import staff_page
from openimr.core.errors import InvalidInput, NotFound, OpenIMRError
from openimr.core.paging import page_asked, page_links
from openimr.letters import selectors as letters
from openimr.letters.services import (
    letter_service_address_enter,
    letter_service_mark_printed,
    letter_service_send_again,
)
from openimr.review import selectors


@staff_page_audited(LIST_VIEWED)
def print_queue(request: HttpRequest) -> HttpResponse:
    """A page of the queue (``?page=``, 100 rows, oldest first); a page that is no whole
    number from 1 answers 400 naming it, and shows no row."""
    try:
        queue, page = selectors.print_queue(page_asked(request.GET.get("page")))
    except InvalidInput as exc:
        refused = [str(p) for p in exc.problems]
        return render(request, "review/print_queue.html", {"refused": refused}, status=400)
    # Each row names a party and its postal address: the page's cases are audited.
    shown = (q["service"].case.case_number for q in queue)
    audit_list_viewed(actor=request.user, page="review:print_queue", cases=shown)
    context = {"queue": queue, "page": page, "pager": page_links(request.GET, page)}
    return render(request, "review/print_queue.html", context)


@staff_page_audited("letter.downloaded", "service")
def queued_letter(request: HttpRequest, service_id: int) -> HttpResponse:
    """The copy of a letter to mail to a row's party: its address on the first page, where a
    #10 window envelope shows it (``letters.mailed_letter_pdf``)."""
    return _to_mail(request, service_id, "letter", selectors.queued_letter_mailed)


@staff_page_audited("notice.downloaded", "service")
def queued_notice(request: HttpRequest, service_id: int) -> HttpResponse:
    """The copy of a notice to mail to a row's party, addressed as a letter's
    (``letters.mailed_notice_pdf``)."""
    return _to_mail(request, service_id, "notice", letters.mailed_notice_pdf)


def _to_mail(
    request: HttpRequest,
    service_id: int,
    document: str,
    copy_of: Callable[[int], tuple[str, str, bytes]],
) -> HttpResponse:
    """The PDF of a queued row's copy to mail, audited ``<document>.downloaded`` with its case
    (a row not in the queue: 404, audited refused). An address too long for the envelope's
    window sends staff back to the queue, saying so."""
    try:
        case_number, name, pdf = copy_of(service_id)
    except NotFound as exc:
        audit_record(
            actor=request.user,
            action=f"{document}.downloaded.refused",
            object_type="service",
            object_id=str(service_id),
            detail={"for": "print"},
        )
        raise Http404(f"No {document} to print") from exc
    except InvalidInput as exc:
        messages.error(request, f"Not printed: {'; '.join(p.message for p in exc.problems)}.")
        return HttpResponseRedirect(reverse("review:print_queue"))
    audit_record(
        actor=request.user,
        action=f"{document}.downloaded",
        object_type="case",
        object_id=case_number,
        detail={"service": service_id, "for": "print"},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@staff_page
def mark_printed(request: HttpRequest, service_id: int) -> HttpResponseRedirect:
    try:
        row = letter_service_mark_printed(
            service_id=service_id,
            actor=request.user,
            postal_address=request.POST.get("postal_address", ""),
        )
    except NotFound as exc:
        raise Http404("No such letter service") from exc
    except OpenIMRError as exc:
        messages.error(request, str(exc))
    else:
        what = row.notice.title if row.notice else "the letter"
        messages.success(
            request,
            f"Marked printed: {what} of case {row.case.case_number} "
            f"for the {row.party_role.replace('_', ' ')} ({row.party_name}).",
        )
        if row.deadlines:  # the letter's own dates were counted from another service
            messages.warning(request, f"Counted from this mailing, not as the letter says: "
                             f"{row.deadlines} Send this notice with the letter.")  # fmt: skip
    return HttpResponseRedirect(reverse("review:print_queue") + _page_back(request))


@require_POST
@staff_page
def enter_address(request: HttpRequest, service_id: int) -> HttpResponseRedirect:
    """The postal address of a queued party with none on file, typed before printing: the
    copy then printed carries it in the envelope's window, and "Mark printed" offers it.
    Refused input is said on the queue, naming the field, and nothing is kept."""
    address = request.POST.get("postal_address", "")
    try:
        row = letter_service_address_enter(
            service_id=service_id, actor=request.user, postal_address=address
        )
    except NotFound as exc:
        raise Http404("No such letter service") from exc
    except InvalidInput as exc:  # the form's one field, named as its label names it
        said = "; ".join(p.message for p in exc.problems)
        messages.error(request, f"Not saved: the postal address: {said}.")
    except OpenIMRError as exc:
        messages.error(request, f"Not saved: {exc}.")
    else:
        messages.success(
            request,
            f"Address saved for the {row.party} ({row.party_name}) of case "
            f"{row.case.case_number}: print the {row.document}, then mark it printed.",
        )
    return HttpResponseRedirect(reverse("review:print_queue") + _page_back(request))


def _page_back(request: HttpRequest) -> str:
    """The page of the queue the row was marked on (its form says which), so that staff
    working down page 3 are not sent back to page 1 after each mark; none for a bad one."""
    try:
        page = page_asked(request.POST.get("page"))
    except InvalidInput:
        return ""
    return f"?page={page}" if page > 1 else ""


@require_POST
@staff_page
def send_again(request: HttpRequest, service_id: int) -> HttpResponseRedirect:
    """Send again an e-mail that never went out (the server stopped between the issue and
    its sending step): back to the page that shows its service, which says how it went."""
    try:
        row = letter_service_send_again(service_id=service_id, actor=request.user)
    except NotFound as exc:
        raise Http404("No such letter service") from exc
    except OpenIMRError as exc:
        row = letters.service_of(service_id)
        messages.error(request, str(exc))
    else:
        row.refresh_from_db()
        if row.sent_at:
            messages.success(request, f"Sent again to the {row.party} ({row.address}).")
        else:
            messages.error(request, f"Not sent again: {row.error}. It is in the print queue.")
    # A notice's service is shown on the case's timeline, a letter's on the case page.
    return redirect("cases:timeline" if row.notice_id else "cases:detail", row.case.case_number)
