"""Staff pages of the corpus: the source files ingest could not read, with the reason."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openimr.core.access import staff_page
from openimr.core.text import shown_literally
from openimr.decisions.ingest_selectors import failed_count, failed_sources, resolved_count
from openimr.decisions.models import SourceFile

LIMIT = 500


@staff_page
def failures(request: HttpRequest) -> HttpResponse:
    """Failed source files, newest first: what to fix or fetch again, never dropped."""
    return render(
        request,
        "decisions/failures.html",
        {
            "rows": [_row(f) for f in failed_sources(LIMIT)],
            "total": failed_count(),
            "resolved": resolved_count(),
            "limit": LIMIT,
        },
    )


def _row(failed: SourceFile) -> dict[str, Any]:
    # The name and reason as spelled: a text-direction control shown as it is reversed a
    # name on the page ("letter\u202etxt.pdf" read "letterfdp.txt").
    return {
        "name": shown_literally(failed.name),
        "error": shown_literally(failed.error),
        "size": failed.size,
        "seen_at": failed.seen_at,
        "sha256": failed.sha256,
    }
