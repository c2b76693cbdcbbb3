"""The postal addresses the application gives for the parties serve the mailed notices and
letter only: a case filed with all four, taken to an issued letter and published through
the real path, shows none of them in the public decision, its page, the public API, the
export or the published PDF (Civil Code 56.10; 45 CFR 164.514(b)(2)(i)(B))."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import time_machine
from django.conf import settings
from django.db import connection

from openimr.cases import services as cases
from openimr.cases.intake_schema import parse_application
from openimr.core.case import Decision as Outcome
from openimr.decisions.models import Decision, DecisionItem, DecisionSpecialty
from openimr.letters.services import letter_issue
from openimr.reviewers import services as reviewers
from openimr.reviewers.panel_format import panel_from_json

pytestmark = pytest.mark.django_db
DEMO_PANEL = Path(__file__).resolve().parents[2] / "demo" / "panel.json"
ADDRESSES = {
    "employee": "1200 K Street\nSacramento, CA 95814",
    "claims_administrator": "P.O. Box 8192\nPleasanton, CA 94588",
    "requesting_physician": "2801 Oleander Avenue, Suite 300\nFresno, CA 93721",
    "attorney": "455 Capitol Mall, Suite 801\nSacramento, CA 95814",
}
# What must not be found: each address's lines (a ZIP alone may be a clinic's too).
NEEDLES = [line for address in ADDRESSES.values() for line in address.split("\n")]


def _issued_and_published(doc, capture) -> str:
    for reviewer in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        reviewers.reviewer_store(reviewer=reviewer, actor="test")
    doc["attorney"]["name"] = "Mara Quintero, Esq."
    for party, address in ADDRESSES.items():
        doc[party]["address"] = address
    with time_machine.travel("2026-11-26 17:00Z", tick=False):
        doc["ur_decision"]["date"], doc["signature"]["date"] = "2026-11-10", "2026-11-20"
        row = cases.application_submit(
            form=parse_application(doc), via="api", actor="portal", client="portal"
        ).application.case
        cases.case_assign(row=row, actor="clerk")
        cases.case_records_complete(row=row, actor="clerk")
        [assignment] = reviewers.reviewer_assign(case_number=row.case_number, actor="clerk")
        reviewers.assignment_attest(
            assignment_id=assignment.pk, actor="reviewer", no_conflict=True, statement=""
        )
        row.refresh_from_db()
        cases.case_begin_review(row=row, actor="reviewer")
        decided = [(Outcome.OVERTURNED, "Findings support it."), (Outcome.UPHELD, "Too many.")]
        cases.case_submit_decision(row=row, actor="reviewer", decisions=decided)
        with capture(execute=True):  # the decision is published once the issue commits
            letter_issue(case_number=row.case_number, actor="qa")
    return row.case_number


def _stored_text() -> str:
    parts = []
    with connection.cursor() as cursor:
        for model in (Decision, DecisionItem, DecisionSpecialty):
            columns = [
                f.column
                for f in model._meta.concrete_fields
                if f.get_internal_type() in {"CharField", "TextField", "JSONField"}
            ]
            cursor.execute(f"SELECT {', '.join(columns)} FROM {model._meta.db_table}")
            parts += [str(v) for row in cursor.fetchall() for v in row]
    return "\n".join(parts)


def _pdf_text(path: str) -> str:
    document = pdfium.PdfDocument((Path(settings.MEDIA_ROOT) / path).read_bytes())
    return " ".join(page.get_textpage().get_text_range() for page in document)


def test_no_address_is_in_any_public_output_of_the_decision(
    client, application_doc, django_capture_on_commit_callbacks
):
    number = _issued_and_published(application_doc, django_capture_on_commit_callbacks)
    published = Decision.objects.get(case_number=number)
    outputs = {
        "corpus rows": _stored_text(),
        "public page": client.get(f"/decisions/{number}/").content.decode(),
        "public api": client.get(f"/api/v1/decisions/{number}").content.decode(),
        "export": b"".join(client.get("/decisions/export.jsonl").streaming_content).decode(),
        "public pdf": _pdf_text(published.letter_path),
    }
    assert number in outputs["public page"] and "Findings support it." in outputs["public api"]
    leaked = [(where, n) for where, text in outputs.items() for n in NEEDLES if n in text]
    assert leaked == []
