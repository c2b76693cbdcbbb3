"""LC 4610.6(f): the reviewer's name and id stay on staff pages. This walks one case from
application to issued letter and sweeps every output a party or the public could receive."""

import json
import logging
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import time_machine
from django.conf import settings

from openimr.cases import services as cases
from openimr.cases.intake_schema import parse_application
from openimr.cases.interchange import case_to_json
from openimr.cases.selectors import case_by_number
from openimr.core.case import Decision
from openimr.letters.rendering import render_letter
from openimr.letters.services import letter_issue
from openimr.reviewers import services as reviewers
from openimr.reviewers.panel_format import panel_from_json

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parent / "data"
DEMO_PANEL = Path(__file__).resolve().parents[1] / "openimr" / "demo" / "panel.json"


def _pdf_text(data: bytes) -> str:
    return " ".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(data))


@pytest.fixture
def issued_case(application_doc, caplog):
    caplog.set_level(logging.DEBUG)
    for reviewer in panel_from_json((DEMO_PANEL).read_text(encoding="utf-8")).values():
        reviewers.reviewer_store(reviewer=reviewer, actor="test")
    with time_machine.travel("2026-11-26 17:00Z", tick=False):
        application_doc["ur_decision"]["date"] = "2026-11-10"
        application_doc["signature"]["date"] = "2026-11-20"
        row = cases.application_submit(
            form=parse_application(application_doc), via="api", actor="portal", client="portal"
        ).application.case
        cases.case_assign(row=row, actor="clerk")
        cases.case_records_complete(row=row, actor="clerk")
        [assignment] = reviewers.reviewer_assign(case_number=row.case_number, actor="clerk")
        reviewers.assignment_attest(
            assignment_id=assignment.pk, actor="reviewer", no_conflict=True, statement=""
        )
        row.refresh_from_db()
        cases.case_begin_review(row=row, actor="reviewer")
        cases.case_submit_decision(
            row=row,
            actor="reviewer",
            decisions=[
                (Decision.OVERTURNED, "Objective findings support the MRI."),
                (Decision.UPHELD, "Twelve sessions exceed the guideline."),
            ],
        )
        letter_issue(case_number=row.case_number, actor="qa")
    return row.case_number, assignment.reviewer


def test_no_output_a_party_receives_names_or_identifies_the_reviewer(client, issued_case, caplog):
    from openimr.api.services import token_create
    from openimr.cases.models import Notice
    from openimr.cases.services import notice_stored_letter
    from openimr.letters.selectors import letter_for_case_number

    number, reviewer = issued_case
    issued = letter_for_case_number(number)
    outputs = {
        "letter text": issued.text,
        "letter html": issued.html,
        "letter pdf": _pdf_text((Path(settings.MEDIA_ROOT) / issued.pdf_path).read_bytes()),
        "case export": case_to_json(case_by_number(number)),
        "logs": caplog.text,
    }
    for notice in Notice.objects.filter(case__case_number=number):
        outputs[f"{notice.kind} text"] = notice.text
        outputs[f"{notice.kind} pdf"] = _pdf_text(
            render_letter(notice_stored_letter(notice), "pdf")
        )
        for reader in ("employee", "attorney", "claims_administrator", "requesting_physician"):
            copy = render_letter(notice_stored_letter(notice, reader), "text").decode()
            outputs[f"{notice.kind} copy to the {reader}"] = copy
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("portal-user", is_staff=True)
    token = token_create(name="portal", username="portal-user")
    outputs["api"] = client.get(
        f"/api/v1/applications/{number}", headers={"Authorization": f"Bearer {token}"}
    ).content.decode()
    outputs["status api"] = client.get(
        f"/api/v1/cases/{number}/status", headers={"Authorization": f"Bearer {token}"}
    ).content.decode()
    asked = {"case_number": number, "claim_number": "SCIF-2024-118220"}
    outputs["status page"] = client.post(
        "/status/", {**asked, "date_of_injury": "2023-06-14"}
    ).content.decode()
    assert "Final Determination Letter has been issued" in outputs["status page"]
    assert '"state":"issued"' in outputs["status api"].replace(" ", "")
    assert "Orthopedic Surgery" in issued.text  # the qualifications are there...
    for label, text in outputs.items():  # ...the person is not
        for secret in (reviewer.name, reviewer.reviewer_id, reviewer.name.replace("Dr. ", "")):
            assert secret not in text, f"{secret!r} leaked into {label}"
    assert json.loads(outputs["case export"])["reviewer"]["specialties"]
