"""The local outbox, a staff page: with no mail server (development, the demo, or production
with OPENIMR_EMAIL_OUTBOX on), every e-mail (notices, letters) is delivered to a file under
OPENIMR_DATA_DIR/mail/ instead of being sent (``openimr.core.mail``); staff read each here,
as its party would have. Password reset is refused meanwhile, and a reset link delivered
here before is withheld. The messages name the parties (PHI): staff only, each message
opened audited."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from openimr.audit.services import (
    LIST_VIEWED,
    audit_list_viewed,
    audit_record,
    staff_page_audited,
)
from openimr.core.errors import NotFound
from openimr.core.mail import outbox_message, outbox_messages

READ = "mail.outbox_read"


@staff_page_audited(LIST_VIEWED)
def outbox(request: HttpRequest) -> HttpResponse:
    """The list names each message's recipient (a party's e-mail address) and subject (its
    case and document): a look at PHI, audited with the cases and the number of messages
    shown (HIPAA 45 CFR 164.312(b))."""
    found = outbox_messages()
    shown = [m.case_number for m in found if m.case_number]
    audit_list_viewed(
        actor=request.user, page="review:outbox", cases=shown, detail={"messages": len(found)}
    )
    context = {"outbox": found, "on": settings.EMAIL_BACKEND.endswith("OutboxBackend")}
    return render(request, "review/outbox.html", context)


@staff_page_audited(READ, "mail")
def outbox_read(request: HttpRequest, name: str) -> HttpResponse:
    """One message, audited with its case; a name the outbox does not hold is refused and
    audited too, as every refused look is (HIPAA 45 CFR 164.312(b))."""
    try:
        found = outbox_message(name)
    except NotFound as exc:
        audit_record(
            actor=request.user, action=f"{READ}.refused", object_type="mail", object_id=name
        )
        raise Http404("No such message") from exc
    detail = {"case_number": found.case_number} if found.case_number else None
    audit_record(actor=request.user, action=READ, object_type="mail", object_id=name, detail=detail)
    return render(request, "review/outbox_message.html", {"message": found})
