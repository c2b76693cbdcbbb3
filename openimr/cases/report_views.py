"""Staff reports over the cases: the timeliness of each deadline, month by month."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openimr.audit.services import LIST_VIEWED, audit_list_viewed, staff_page_audited
from openimr.cases.timeliness import (
    LATE_LISTED,
    MAX_MONTHS,
    months_asked,
    timeliness_report,
    write_months_csv,
)
from openimr.core.clock import local_date, now
from openimr.core.errors import InvalidInput


@staff_page_audited(LIST_VIEWED)
def timeliness(request: HttpRequest) -> HttpResponse:
    """The deadlines that fell due in a span of months (``from``, ``to``: YYYY-MM, at most
    MAX_MONTHS; the last three months by default), as a page or ``format=csv``. The page
    names the cases whose deadlines were missed, so each showing is a ``list.viewed`` event
    naming them, as every staff list of cases is (HIPAA 45 CFR 164.312(b)); the CSV counts
    months and names no case."""
    asked = request.GET.get("from"), request.GET.get("to")
    first, last = months_asked(*asked, local_date(now()))
    try:
        report = timeliness_report(first=first, last=last, at=now(), late_listed=LATE_LISTED)
    except InvalidInput as exc:
        context = {"refused": [f"{p.path}: {p.message}" for p in exc.problems], "max": MAX_MONTHS}
        context |= {"first": first, "last": last}
        return render(request, "cases/timeliness.html", context, status=400)
    if request.GET.get("format") == "csv":
        return _csv(report.months, f"timeliness-{first}-to-{last}.csv")
    shown = [missed.case_number for missed in report.late]
    span = {"from": first, "to": last}
    audit_list_viewed(actor=request.user, page="cases:timeliness", cases=shown, detail=span)
    context = {"report": report, "first": first, "last": last, "max": MAX_MONTHS}
    return render(request, "cases/timeliness.html", context)


def _csv(months: list, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    write_months_csv(response, months)
    return response
