"""The local outbox, a staff page: with no mail server (development, the demo, or production
with OPENIMR_EMAIL_OUTBOX on), every e-mail (notices, letters) is delivered to a file under
OPENIMR_DATA_DIR/mail/ instead of being sent (``openimr.core.mail``); staff read each here,
as its party would have. Password reset is refused meanwhile, and a reset link delivered
here before is withheld. The messages name the parties (PHI): staff only, each message
opened audited."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from openimr.audit.services import audit_record
from openimr.core.access import staff_page
from openimr.core.errors import NotFound
from openimr.core.mail import outbox_message, outbox_messages


@staff_page
def outbox(request: HttpRequest) -> HttpResponse:
    context = {"outbox": outbox_messages(), "on": settings.EMAIL_BACKEND.endswith("OutboxBackend")}
    return render(request, "review/outbox.html", context)


@staff_page
def outbox_read(request: HttpRequest, name: str) -> HttpResponse:
    try:
        found = outbox_message(name)
    except NotFound as exc:
        raise Http404("No such message") from exc
    audit_record(actor=request.user, action="mail.outbox_read", object_type="mail", object_id=name)
    return render(request, "review/outbox_message.html", {"message": found})
