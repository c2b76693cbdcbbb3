"""The web form, the work queue and the timeline, through Django's test client."""

import io

import pytest
import time_machine
from django.contrib.auth import get_user_model

from conftest import make_pdf
from openimr.cases import models

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


def form_data(**changes):
    data = {
        "review_type": "regular",
        "claim_number": "SCIF-2024-118220",
        "employee_name": "Rosa Delgado",
        "employee_email": "rosa@example.org",
        "date_of_injury": "2023-06-14",
        "employer_name": "Capitol Grocers",
        "ur_decision_date": "2024-03-01",
        "ur_service_method": "mail",
        "physician_name": "Dr. Alan Whitcomb",
        "physician_specialty": "Orthopedic Surgery",
        "claims_administrator_name": "SCIF",
        "treatment_0": "MRI of the right knee",
        "diagnosis_0": "Knee derangement",
        "icd10_0": "M23.91",
        "category_0": "diagnostics",
        "ur_outcome_0": "denied",
        "signed_by": "Rosa Delgado",
        "signer_role": "employee",
        "signature_date": "2024-03-18",
    }
    data.update(changes)
    return data


def upload():
    pdf = io.BytesIO(make_pdf())
    pdf.name = "ur.pdf"
    return pdf


def test_a_good_form_creates_a_screened_case_and_shows_its_deadlines(client, staff_client):
    response = client.post(
        "/cases/new/", {**form_data(), "ur_decision_document": upload()}, follow=True
    )
    case = models.Case.objects.get()
    assert response.redirect_chain[-1][0] == f"/cases/{case.case_number}/timeline/"
    body = response.content.decode()
    assert 'id="outcome">Eligible<' in body
    assert "noarfi_due" in body and "8 CCR 9792.10.4(b)" in body
    assert case.application.via == "web" and case.application.ur_decision_pages == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("employee_name", "", "must not be empty"),
        ("date_of_injury", "2023-02-30", "date"),
        ("employee_email", "not-an-address", "is not an email address"),
        ("icd10_0", "knee", "ICD-10-CM"),
        ("treatment_0", "", "must not be empty"),
        ("ur_decision_date", "2020-01-01", "cannot precede the date of injury"),
    ],
)
def test_a_bad_field_is_shown_beside_it_and_nothing_is_saved(
    client, staff_client, field, value, message
):
    response = client.post("/cases/new/", form_data(**{field: value}))
    assert response.status_code == 422
    body = response.content.decode()
    assert f'data-field="{field}"' in body
    assert message in body
    assert models.Case.objects.count() == 0


def test_an_upload_that_is_not_a_pdf_is_refused_at_the_upload_field(client, staff_client):
    fake = io.BytesIO(b"MZ\x90\x00 this is an executable")
    fake.name = "ur.pdf"
    response = client.post("/cases/new/", {**form_data(), "ur_decision_document": fake})
    assert response.status_code == 422
    assert 'data-field="ur_decision_document"' in response.content.decode()
    assert models.Case.objects.count() == 0


def test_the_queue_lists_open_cases_with_their_next_deadline(client, staff_client):
    client.post("/cases/new/", {**form_data(), "ur_decision_document": upload()})
    body = client.get("/cases/queue/").content.decode()
    case = models.Case.objects.get()
    assert case.case_number in body and "noarfi_due" in body and "03/21/2024" in body


def test_the_queue_filters_by_deadline_status(client, staff_client):
    client.post("/cases/new/", {**form_data(), "ur_decision_document": upload()})
    number = models.Case.objects.get().case_number
    assert number in client.get("/cases/queue/", {"status": "at_risk"}).content.decode()
    assert number not in client.get("/cases/queue/", {"status": "overdue"}).content.decode()
    with time_machine.travel("2024-03-25 17:00Z", tick=False):
        client.force_login(staff_client)  # five days on, the first session has expired
        assert number in client.get("/cases/queue/", {"status": "overdue"}).content.decode()


def test_staff_actions_move_the_case_and_show_on_the_timeline(client, staff_client):
    client.post("/cases/new/", {**form_data(), "ur_decision_document": upload()})
    number = models.Case.objects.get().case_number
    client.post(f"/cases/{number}/action/", {"action": "assign"})
    body = client.get(f"/cases/{number}/timeline/").content.decode()
    assert "Moved from Eligible to Assigned" in body
    assert "Notice of Assignment and Request for Information (PDF)" in body  # not "noarfi"
    notice = models.Notice.objects.get()
    pdf = client.get(f"/cases/{number}/notice.pdf", {"id": notice.id})
    assert pdf.content.startswith(b"%PDF")
    html = client.get(
        f"/cases/{number}/notice.pdf", {"id": notice.id, "format": "html"}
    ).content.decode()
    assert "<h2>RECORDS REQUESTED</h2>" in html and number in html


def test_an_action_the_state_does_not_allow_is_explained_and_changes_nothing(client, staff_client):
    client.post("/cases/new/", {**form_data(), "ur_decision_document": upload()})
    number = models.Case.objects.get().case_number
    response = client.post(f"/cases/{number}/action/", {"action": "records_complete"}, follow=True)
    assert "cannot become records complete; it can become assigned" in response.content.decode()
    assert models.Case.objects.get().state == "eligible"


def test_intake_pages_are_not_for_non_staff(client):
    user = get_user_model().objects.create_user("worker", password="a-long-test-password")
    client.force_login(user)
    assert client.get("/cases/new/").status_code == 404
    assert client.get("/cases/queue/").status_code == 404


def test_applications_of_one_employee_physician_and_injury_are_offered_for_consolidation(
    client, staff_client
):
    client.post("/cases/new/", {**form_data(), "ur_decision_document": upload()})
    later = form_data(ur_decision_date="2024-03-08", treatment_0="Physical therapy, 12 sessions")
    client.post("/cases/new/", {**later, "ur_decision_document": upload()})
    other = form_data(claim_number="OTHER-CLAIM", ur_decision_date="2024-03-08")
    client.post("/cases/new/", {**other, "ur_decision_document": upload()})
    numbers = sorted(models.Case.objects.values_list("case_number", flat=True))
    assert models.Case.objects.filter(state="eligible").count() == 3
    body = client.get("/cases/queue/").content.decode()
    panel = body.split('id="consolidation"')[1].split("</div>")[0]
    assert numbers[0] in panel and numbers[1] in panel
    assert numbers[2] not in panel
