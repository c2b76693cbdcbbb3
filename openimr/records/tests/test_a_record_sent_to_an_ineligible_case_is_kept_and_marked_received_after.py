"""A case found ineligible may be screened again (8 CCR 9792.10.3: staff may ask a party for
what eligibility needs, and override the outcome with a written reason), and a deferred one
re-enters screening once liability is settled (8 CCR 9792.10.3(b)); a record sent to such a
case may be what a new screening needs. It is kept, with a warning that it came after the
determination and is read only if the case is found eligible, and the case file marks it
"received after the ineligibility determination"; records that came before are not marked."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openimr.cases.selectors import case_row
from openimr.cases.tests.conftest import SCREENED_AT, filed
from openimr.records.domain.receipt import CaseFileStage, receipt_refusal, receipt_warning
from openimr.records.models import Record
from openimr.records.tests.receiving import PROGRESS_NOTE, pdf_of

AFTER = "received after the ineligibility determination"


WARNINGS = {
    "ineligible": (
        "case CM24-0000001 was found ineligible on 03/20/2024: the record is kept in the case "
        "file, received after the ineligibility determination, and is read only if the case "
        "is screened again and found eligible"
    ),
    "deferred": (
        "case CM24-0000001 was deferred on 03/20/2024 until liability is settled: the record "
        "is kept in the case file, and is read only if the case is screened again and found "
        "eligible"
    ),
}


@pytest.mark.parametrize("outcome", WARNINGS)
def test_the_rule_keeps_a_record_of_a_case_screened_out_and_warns(outcome):
    stage = CaseFileStage(
        "CM24-0000001", issued=False, in_qa=False, decided_on=None,
        screened_out=outcome, screened_out_at=SCREENED_AT,
    )  # fmt: skip
    assert receipt_refusal(stage) is None
    assert receipt_warning(stage) == WARNINGS[outcome]


@pytest.mark.django_db
def test_a_record_sent_to_an_ineligible_case_is_kept_with_the_warning(
    receive, application_doc, settings
):
    row = filed(application_doc, signature=None)
    assert row.state == "ineligible"
    record = receive(*PROGRESS_NOTE, case=case_row(row.case_number))
    assert Record.objects.filter(pk=record.pk, case=row).exists()
    assert record.warning.startswith(f"case {row.case_number} was found ineligible on ")


@pytest.mark.django_db
def test_the_case_file_marks_the_records_received_after_the_determination(
    client, staff_client, application_doc
):
    row = filed(application_doc, signature=None)
    upload = SimpleUploadedFile("late.pdf", pdf_of(*PROGRESS_NOTE), "application/pdf")
    response = client.post(
        f"/records/{row.case_number}/upload/",
        {"file": upload, "submitted_by": "employee"},
        follow=True,
    )
    assert response.status_code == 200
    assert "The record was added, but case" in response.content.decode()
    late = Record.objects.get(case=row)
    earlier = Record.objects.create(
        case=row, filename="early.pdf", file_path=late.file_path, sha256="0" * 64, size=1,
        received_at=SCREENED_AT - timedelta(hours=1), submitted_by="employee", via="upload",
        received_by="clerk",
    )  # fmt: skip

    page = client.get(f"/records/{row.case_number}/").content.decode()

    rows = [part.split("</tr>")[0] for part in page.split('<tr data-record="')[1:]]
    marked = [row.split('"')[0] for row in rows if AFTER in row]
    assert marked == [str(late.pk)]
    assert f'data-record="{earlier.pk}"' in page  # listed, not marked
