"""Staff pages of the corpus: the source files ingest could not read, with the reason."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openimr.core.access import staff_page
from openimr.decisions.ingest_selectors import failed_count, failed_sources, resolved_count

LIMIT = 500


@staff_page
def failures(request: HttpRequest) -> HttpResponse:
    """Failed source files, newest first: what to fix or fetch again, never dropped."""
    return render(
        request,
        "decisions/failures.html",
        {
            "rows": failed_sources(LIMIT),
            "total": failed_count(),
            "resolved": resolved_count(),
            "limit": LIMIT,
        },
    )
