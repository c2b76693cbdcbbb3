"""The application collects an e-mail address for the claims administrator, the attorney
and the requesting physician as well as the employee (API and web form alike); the issued
letter is e-mailed to each party that gave one, and only the others go to the print
queue. A malformed address is refused at its field and nothing is filed."""

import copy

import pytest
from django.core import mail

from conftest import intake_clerk
from openimr.cases.models import Application, Case
from openimr.cases.tests.test_intake_pages import form_data
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue
from openimr.review.tests.conftest import CASE, application_of

pytestmark = pytest.mark.django_db
ADDRESSES = {
    "employee": "worker@example.org",
    "attorney": "counsel@example.org",
    "claims_administrator": "claims@example.org",
    "requesting_physician": "doctor@example.org",
}


def _with_addresses(doc):
    doc = copy.deepcopy(doc)
    doc["employee"]["email"] = ADDRESSES["employee"]
    doc["attorney"] = {"name": "Dana Counsel", "email": ADDRESSES["attorney"]}
    doc["claims_administrator"]["email"] = ADDRESSES["claims_administrator"]
    doc["requesting_physician"]["email"] = ADDRESSES["requesting_physician"]
    return doc


def test_the_api_keeps_each_partys_address(client, application_doc):
    client.force_login(intake_clerk())
    response = client.post(
        "/api/v1/applications", _with_addresses(application_doc), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    stored = Application.objects.get(case__case_number=response.json()["case_number"])
    assert stored.attorney_email == ADDRESSES["attorney"]
    assert stored.claims_administrator_email == ADDRESSES["claims_administrator"]
    assert stored.requesting_physician_email == ADDRESSES["requesting_physician"]


def test_a_malformed_address_is_refused_at_its_field_and_nothing_is_filed(client, application_doc):
    client.force_login(intake_clerk())
    doc = _with_addresses(application_doc)
    doc["claims_administrator"]["email"] = "claims at example dot org"
    response = client.post("/api/v1/applications", doc, content_type="application/json")
    assert response.status_code == 422
    paths = [f["path"] for f in response.json()["error"]["fields"]]
    assert paths == ["$.claims_administrator.email"]
    assert not Case.objects.exists()


def test_the_letter_is_emailed_to_every_party_with_an_address(
    in_qa, application_doc, django_capture_on_commit_callbacks
):
    row = Case.objects.get(case_number=CASE)
    Case.objects.filter(pk=row.pk).update(attorney_name="Dana Counsel")
    application_of(
        employee_name=row.employee_name or "",
        employee_email=ADDRESSES["employee"],
        attorney_email=ADDRESSES["attorney"],
        claims_administrator_email=ADDRESSES["claims_administrator"],
        requesting_physician_email=ADDRESSES["requesting_physician"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        letter_issue(case_number=CASE, actor="qa-doc")
    services = {s.party_role: s for s in LetterService.objects.all()}
    for role, address in ADDRESSES.items():
        assert (services[role].method, services[role].address) == ("email", address)
        assert services[role].sent_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted(ADDRESSES.values())
    queued = LetterService.objects.filter(method="mail").values_list("party_role", flat=True)
    assert list(queued) == ["employer"]


def test_the_web_form_collects_the_addresses(client):
    client.force_login(intake_clerk())
    page = client.get("/cases/new/").content.decode()
    for field in ("attorney_email", "claims_administrator_email", "physician_email"):
        assert f'name="{field}"' in page
    addresses = {
        "attorney_name": "Dana Counsel",
        "attorney_email": ADDRESSES["attorney"],
        "claims_administrator_email": ADDRESSES["claims_administrator"],
        "physician_email": ADDRESSES["requesting_physician"],
    }
    response = client.post("/cases/new/", form_data(**addresses))
    assert response.status_code == 302
    stored = Application.objects.get()
    assert (stored.attorney_email, stored.requesting_physician_email) == (
        ADDRESSES["attorney"],
        ADDRESSES["requesting_physician"],
    )
    refused = client.post("/cases/new/", form_data(physician_email="doctor@"))
    assert refused.status_code == 422 or "physician_email" in refused.content.decode()
    assert Application.objects.count() == 1
