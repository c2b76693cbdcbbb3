"""Staff pages of the case file: the records of a case with upload and search, and each
record page by page with its inferred facts to correct. Every look is audited; a user who
may not see the case, or a record of another case, gets 404 and the refusal is audited too."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.timezone import localtime
from django.views.decorators.http import require_POST

from openimr.audit.services import audit_record
from openimr.core.access import staff_required
from openimr.core.downloads import pdf_headers
from openimr.core.errors import Conflict, InvalidInput, NotFound, Unavailable
from openimr.core.uploads import oversized_fields, sent_filename
from openimr.records import selectors, services
from openimr.records.forms import EditForm, UploadForm, add_problems
from openimr.records.models import Record
from openimr.records.vocabulary import CaseRow


def case_file_view(action: str) -> Callable[[Callable[..., HttpResponseBase]], Any]:
    """Log in, check the staff role, then fetch the case (and record) through
    `case_file_open`: a GET or HEAD is audited as ``action``, a POST by the service it calls; a
    refusal is audited and answers 404."""

    def decorate(view: Callable[..., HttpResponseBase]) -> Any:
        @login_required
        @wraps(view)
        def wrapper(
            request: HttpRequest, case_number: str, record_id: int | None = None
        ) -> HttpResponseBase:
            query = request.GET.get("q", "").strip()
            try:
                _staff_only(request, action, case_number, record_id)
                row, record = services.case_file_open(
                    user=request.user,
                    case_number=case_number,
                    action=action,
                    record_id=record_id,
                    # HEAD runs the view too (the file's name and size): a look, as GET.
                    audited=request.method != "POST",
                    detail={"q": query} if query else {"method": request.method},
                )
            except NotFound as exc:
                raise Http404("No such case or record") from exc
            return view(request, row) if record is None else view(request, row, record)

        return wrapper

    return decorate


def _staff_only(request: HttpRequest, action: str, case_number: str, record_id: int | None) -> None:
    """The case file's staff pages are intake work; a refusal is audited like any other."""
    try:
        staff_required(request.user)
    except NotFound:
        kind, target = ("case", case_number) if record_id is None else ("record", str(record_id))
        audit_record(
            actor=request.user,
            action=f"{action}.refused",
            object_type=kind,
            object_id=target,
            detail={"case_number": case_number, "role": "not staff"},
        )
        raise


def _case_file_page(
    request: HttpRequest, row: CaseRow, form: UploadForm | None = None, status: int = 200
) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    refusal, warning = services.case_file_receipt(row)
    context = {
        "row": row,
        "refusal": refusal,
        "warning": warning,
        "records": selectors.case_file(row),
        "form": form or UploadForm(),
        "query": query,
        "hits": selectors.case_search(row, query) if query else [],
        "max_pages": f"{services.MAX_PAGES:,}",
        "max_megabytes": settings.OPENIMR_UPLOAD_MAX_BYTES // 1_000_000,
    }
    return render(request, "records/case_file.html", context, status=status)


@case_file_view("case_file.viewed")
def case_file(request: HttpRequest, row: CaseRow) -> HttpResponse:
    return _case_file_page(request, row)


@require_POST
@case_file_view("record.upload")
def record_upload(request: HttpRequest, row: CaseRow) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES, oversized=oversized_fields(request))
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.size_check(upload.size or 0, path="$.content_base64")
            record = services.record_receive(
                case=row,
                data=upload.read(),
                # Django cuts a name to 255 characters; the service judges it whole.
                filename=sent_filename(request, "file") or upload.name or "",
                submitted_by=form.cleaned_data["submitted_by"],
                via=services.Via.UPLOAD,
                actor=request.user,
            )
        except InvalidInput as error:
            add_problems(form, error)
        except Conflict as error:
            form.add_error(None, str(error))
            return _case_file_page(request, row, form, status=409)
        else:
            if record.replayed:
                # Else the page of the earlier record reads as if this upload had made it.
                messages.info(request, _already_received(record, row))
            if record.warning:
                messages.warning(request, f"The record was added, but {record.warning}.")
            return redirect(_record_url(record))
    return _case_file_page(request, row, form, status=422)


def _already_received(record: Record, row: CaseRow) -> str:
    when = localtime(record.received_at).strftime("%m/%d/%Y %H:%M")
    said = (
        f"This file is already in the case file: it was received on {when} as "
        f"{record.filename}. It was not added again."
    )
    # The replay answers before the receipt rule is asked: say so, or staff take the case
    # file for open and send the next record too.
    refusal, _ = services.case_file_receipt(row)
    return f"{said} Note: {refusal}." if refusal else said


def _record_url(record: Record) -> str:
    return reverse("records:record", args=(record.case.case_number, record.pk))


def _record_page(
    request: HttpRequest,
    row: CaseRow,
    record: Record,
    form: EditForm | None = None,
    status: int = 200,
) -> HttpResponse:
    initial = {
        "kind": record.kind,
        "author": record.author or "",
        "date_of_service": record.date_of_service,
        "title": record.title,
    }
    context = {
        "row": row,
        "record": record,
        "pages": selectors.record_pages(record.pk, row),
        "form": form or EditForm(initial=initial),
    }
    return render(request, "records/record.html", context, status=status)


@case_file_view("record.viewed")
def record_detail(request: HttpRequest, row: CaseRow, record: Record) -> HttpResponse:
    return _record_page(request, row, record)


@require_POST
@case_file_view("record.edit")
def record_edit(request: HttpRequest, row: CaseRow, record: Record) -> HttpResponse:
    form = EditForm(request.POST)
    if form.is_valid():
        try:
            services.record_edit(record=record, actor=request.user, **form.cleaned_data)
        except InvalidInput as error:
            add_problems(form, error)
        else:
            return redirect(_record_url(record))
    return _record_page(request, row, record, form, status=422)


@require_POST
@case_file_view("record.extract_again")
def record_extract(request: HttpRequest, row: CaseRow, record: Record) -> HttpResponse:
    services.record_extract_again(record=record, actor=request.user)
    return redirect(_record_url(record))


@case_file_view("record.downloaded")
def record_file(request: HttpRequest, row: CaseRow, record: Record) -> HttpResponseBase:
    """The record's PDF: a copy without active content when it has any, as the reviewer
    gets it (selectors.record_file_served)."""
    return _served(request, record, original=False)


@case_file_view("record.original_downloaded")
def record_original(request: HttpRequest, row: CaseRow, record: Record) -> HttpResponseBase:
    """The file exactly as received, scripts and attachments included: asked for by name,
    and audited under its own action, so the trail tells it from an ordinary download."""
    return _served(request, record, original=True)


def _served(request: HttpRequest, record: Record, *, original: bool) -> HttpResponseBase:
    name = selectors.served_filename(record.filename)
    try:
        if request.method == "HEAD":  # the headers alone: no copy is made for them
            size = selectors.record_file_size(record, original=original)
            return pdf_headers(name, size, as_attachment=True)
        stored = selectors.record_file_served(record, original=original)
    except NotFound as exc:  # said to the staff member, not Django's bare 404 page
        return HttpResponse(str(exc), status=404, content_type="text/plain; charset=utf-8")
    except Unavailable as exc:  # the copy without active content could not be made
        return HttpResponse(str(exc), status=500, content_type="text/plain; charset=utf-8")
    return FileResponse(stored, as_attachment=True, filename=name, content_type="application/pdf")
