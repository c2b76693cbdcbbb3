"""Staff pages: log in, list, every field of a case, the letter as HTML and PDF."""

import pytest
from django.contrib.auth import get_user_model

from conftest import intake_clerk
from openimr.accounts.tests.helpers import form_login
from openimr.audit.models import AuditEvent
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db


def test_pages_ask_for_a_login_first(client, case):
    for url in ("/cases/", f"/cases/{case.case_number}/", f"/cases/{case.case_number}/letter.pdf"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")


def test_logging_in_with_the_form_reaches_the_case_list(client, case):
    intake_clerk()
    response = form_login(client, "clerk", "a-long-test-password")
    assert response.redirect_chain[-1][0] == "/cases/"
    assert case.case_number in response.content.decode()


def test_the_case_list_shows_each_case_and_its_outcomes(client, staff_client, case):
    body = client.get("/cases/").content.decode()
    assert "CM16-0400101" in body
    assert "Overturned" in body and "Upheld" in body


def test_the_case_list_searches_by_treatment(client, staff_client, case):
    assert "CM16-0400101" in client.get("/cases/", {"q": "cervical pillow"}).content.decode()
    assert "CM16-0400101" not in client.get("/cases/", {"q": "acupuncture"}).content.decode()


def test_the_case_page_shows_every_field_and_item(client, staff_client, case, three_item_doc):
    response = client.get("/cases/CM16-0400101/")
    body = response.content.decode()
    expected = [
        "Zoë Łukasiewicz",
        "Harbor Freight Logistics LLC",
        "Golden State Claims Services, Inc.",
        "Dr. Ramón Ortega-Vásquez",
        "Orthopedic Surgery",
        "Mei-Ling Chen, Esq.",
        "M54.16",
        "California, Oregon",
        "08/03/2015",
        "09/12/2016",
        "10/24/2016",
        "Coastal Physical Therapy",
        "Orthopedic cervical pillow",
        "Official Disability Guidelines, Neck and Upper Back",
        "The MTUS does not address pillows for neck pain",
    ]
    for text in expected:
        assert text in body, text


def test_viewing_a_case_is_audited_with_the_user(client, staff_client, case):
    client.get("/cases/CM16-0400101/")
    event = AuditEvent.objects.get(action="case.viewed")
    assert (event.actor, event.object_id) == (staff_client, "CM16-0400101")


def test_a_user_who_is_not_staff_gets_404_and_the_attempt_is_audited(client, case):
    user = get_user_model().objects.create_user("worker", password="a-long-test-password")
    client.force_login(user)
    assert client.get("/cases/CM16-0400101/").status_code == 404
    assert client.get("/cases/CM16-0400101/letter.pdf").status_code == 404
    assert AuditEvent.objects.filter(action="case.viewed.refused", actor=user).count() == 1


def test_an_unknown_case_is_404(client, staff_client):
    assert client.get("/cases/CM99-0000000/").status_code == 404


def test_an_issued_letter_is_shown_as_issued_and_its_pdf_is_the_stored_one(
    client, staff_client, case
):
    issued = letter_issue(case_number=case.case_number, actor="qa")
    page = client.get("/cases/CM16-0400101/letter/").content.decode()
    assert "MRI of the lumbar spine without contrast: Overturned" in page
    assert "Draft" not in page
    response = client.get("/cases/CM16-0400101/letter.pdf")
    import hashlib

    data = b"".join(response.streaming_content)
    assert hashlib.sha256(data).hexdigest() == issued.pdf_sha256
    assert response["Content-Disposition"] == 'attachment; filename="CM16-0400101-FDL.pdf"'


def test_an_unissued_case_shows_a_draft_letter(client, staff_client, case):
    page = client.get("/cases/CM16-0400101/letter/").content.decode()
    assert "Draft: this letter has not been issued" in page
    response = client.get("/cases/CM16-0400101/letter.pdf")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "DRAFT" in response["Content-Disposition"]


def test_the_case_record_names_each_documents_kind_in_words(client, staff_client, case):
    # It had printed the stored code ("progress_note").
    body = client.get(f"/cases/{case.case_number}/").content.decode()
    assert "<td>Progress note</td>" in body and "progress_note" not in body
