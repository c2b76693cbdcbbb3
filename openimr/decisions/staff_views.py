"""Staff pages of the corpus: the source files ingest could not read, with the reason.

A reason can quote the letter: a parser bug's own message (``ValueError: invalid literal
... 'Mary Major'``) is kept as the reason, and a letter is read before it is
de-identified, so the page can show a patient's name or a line of their history. It is
therefore a page showing PHI, and each look at it is audited (``corpus.failures_viewed``,
the files shown by their SHA-256; a refusal ``corpus.failures_viewed.refused``), HIPAA 45
CFR 164.312(b). The reason is kept whole: it is what the staff need to fix the file."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from openimr.audit.services import audit_record, staff_page_audited
from openimr.core.text import shown_literally
from openimr.decisions.ingest_selectors import failed_count, failed_sources, resolved_count
from openimr.decisions.models import SourceFile

LIMIT = 500


VIEWED = "corpus.failures_viewed"


@staff_page_audited(VIEWED)
def failures(request: HttpRequest) -> HttpResponse:
    """Failed source files, newest first: what to fix or fetch again, never dropped."""
    shown = failed_sources(LIMIT)
    audit_record(
        actor=request.user,
        action=VIEWED,
        object_type="page",
        object_id="decisions:failures",
        detail={"files": [f.sha256 for f in shown]},
    )
    return render(
        request,
        "decisions/failures.html",
        {
            "rows": [_row(f) for f in shown],
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
