"""A case's audit trail as a download for the staff (intake role): CSV or JSON, every
event with its chain columns, so the copy can be checked against the trail later. The
export is itself audited; a refusal answers 404 and is audited too. A staff list's event
names only this case there (`one_case_detail`): the copy is the case's accounting of
disclosures, which must not disclose the other cases the list showed."""

import io
import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse

from openimr.audit import selectors
from openimr.audit.domain.one_case_trail import one_case_detail
from openimr.audit.models import AuditEvent
from openimr.audit.services import audit_record
from openimr.cases import selectors as cases
from openimr.core.access import staff_required
from openimr.core.errors import NotFound
from openimr.decisions.domain.spreadsheet import SpreadsheetCsv

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
COLUMNS = (
    "id",
    "at",
    "actor",
    "role",
    "action",
    "object_type",
    "object_id",
    "request_id",
    "detail",
    "prev_hash",
    "hash",
)
ACTION = "case.trail_exported"


def _row(event: AuditEvent, case_number: str) -> dict[str, Any]:
    return {
        "id": event.pk,
        "at": event.at.isoformat(),
        "actor": event.actor_label,
        "role": event.role,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "request_id": event.request_id,
        "detail": one_case_detail(event.detail, case_number, event.object_id),
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def _csv(rows: list[dict[str, Any]]) -> str:
    """Written as every CSV of openimr (`SpreadsheetCsv`): a byte-order mark first, so that
    Excel reads an accented name as UTF-8, and every text cell through the one spreadsheet
    rule (`spreadsheet_safe`): a username or
    an object id starting with ``=`` ran as a formula in the clerk's spreadsheet. The
    copy is still checked against the chain: its ``hash`` and ``prev_hash`` cells are hex,
    never quoted, and `openimr audit verify` reads the database, not the copy (the CSV
    lacks the lane and actor id a hash covers; the JSON download holds every value as
    stored)."""
    out = io.StringIO()
    writer = SpreadsheetCsv(out, COLUMNS)
    for row in rows:
        cells = {**row, "detail": json.dumps(row["detail"], sort_keys=True)}
        writer.row(cells[column] for column in COLUMNS)
    return out.getvalue()


def _body(case_number: str, fmt: str, rows: list[dict[str, Any]]) -> str:
    if fmt == "csv":
        return _csv(rows)
    return json.dumps({"case_number": case_number, "events": rows}, indent=2)


@login_required
def case_trail(request: HttpRequest, case_number: str, fmt: str) -> HttpResponse:
    try:
        with transaction.atomic():
            if fmt not in FORMATS:
                raise NotFound(f"no format {fmt}")
            staff_required(request.user)
            cases.case_get_for_user(request.user, case_number)
            audit_record(
                actor=request.user,
                action=ACTION,
                object_type="case",
                object_id=case_number,
                detail={"format": fmt},
            )
            rows = [_row(e, case_number) for e in selectors.case_trail(case_number)]
    except NotFound as exc:
        # Recorded outside the failed block so the refusal itself is kept.
        audit_record(
            actor=request.user,
            action=f"{ACTION}.refused",
            object_type="case",
            object_id=case_number,
            detail={"format": fmt[:10]},
        )
        raise Http404("No such case") from exc
    response = HttpResponse(_body(case_number, fmt, rows), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{case_number}-audit-trail.{fmt}"'
    return response
