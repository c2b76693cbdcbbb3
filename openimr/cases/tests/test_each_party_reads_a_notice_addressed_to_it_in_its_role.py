"""Every party is served each notice, but only the employee filed the application and only
the claims administrator owes the records: each party's copy addresses it in its role
(`openimr.letters.domain.notices.addressed`; 8 CCR 9792.10.4(b), 9792.10.3)."""

import copy
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.urls import reverse

from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.cases.tests.conftest import filed
from openimr.cases.tests.notice_facts import notice_facts
from openimr.core.addressing import READERS, addressed
from openimr.letters.domain.notices import build_information_request
from openimr.letters.domain.template import NOTICES_PATH, load_template
from openimr.letters.render.text import render_text

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
ASSIGNED = datetime(2024, 3, 21, 16, 0, tzinfo=UTC)
EMAILS = {
    "employee": "rosa.delgado@example.org",
    "attorney": "counsel@example.org",
    "claims_administrator": "claims@example.org",
    "requesting_physician": "whitcomb@example.org",
}


def _every_party(doc):
    doc = copy.deepcopy(doc)
    doc["attorney"] = {"name": "Lena Ortiz", "email": EMAILS["attorney"]}
    doc["claims_administrator"]["email"] = EMAILS["claims_administrator"]
    doc["requesting_physician"]["email"] = EMAILS["requesting_physician"]
    return doc


def _served(capture, doc):
    row = services.application_submit(
        form=parse_application(_every_party(doc)), via="api", actor="clerk", client="t", at=RECEIVED
    ).application.case
    with capture(execute=True):
        services.case_assign(row=row, actor="clerk", at=ASSIGNED)
    return row, {role: _body(email) for role, email in EMAILS.items()}


def _body(address):
    (sent,) = [m for m in mail.outbox if m.to == [address]]
    return " ".join(sent.body.split())


def test_the_notice_of_assignment_says_your_application_only_to_the_employee(
    application_doc, django_capture_on_commit_callbacks
):
    _, bodies = _served(django_capture_on_commit_callbacks, application_doc)
    assert "has found your application for Independent" in bodies["employee"]
    assert "has found your client's application" in bodies["attorney"]
    assert (
        "the application filed by the employee, Rosa Delgado, for"
        in (bodies["claims_administrator"])
    )
    assert "the application filed by your patient, Rosa Delgado," in bodies["requesting_physician"]
    for role in ("claims_administrator", "requesting_physician"):
        assert "your application" not in bodies[role].lower()


def test_the_claims_administrator_is_told_it_must_send_the_records(
    application_doc, django_capture_on_commit_callbacks
):
    _, bodies = _served(django_capture_on_commit_callbacks, application_doc)
    assert (
        "You must send openimr Independent Review the following" in (bodies["claims_administrator"])
    )
    assert "The claims administrator must send" in bodies["employee"]
    assert "You and the requesting physician may also send records" in bodies["employee"]
    assert "The employee and you may also send records" in bodies["requesting_physician"]
    assert "The employee and the requesting physician may" in bodies["claims_administrator"]


def test_the_file_copy_and_each_partys_download_read_in_their_own_words(
    application_doc, django_capture_on_commit_callbacks, client, staff_client
):
    row, _ = _served(django_capture_on_commit_callbacks, application_doc)
    notice = row.notices.get(kind="noarfi")
    assert "the application filed by the employee, Rosa Delgado," in " ".join(notice.text.split())
    url = reverse("cases:notice_pdf", args=[row.case_number])
    for role, words in [
        ("claims_administrator", "the application filed by the employee"),
        ("employee", "your"),
    ]:
        answer = client.get(url, {"id": notice.pk, "format": "text", "party": role})
        assert answer.status_code == 200
        assert f"has found {words}" in " ".join(answer.content.decode().split())
    assert client.get(url, {"id": notice.pk, "party": "reviewer"}).status_code == 404


def test_a_notice_of_ineligibility_invites_a_new_application_from_the_employee_side_only(
    application_doc, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        row = filed(_every_party(application_doc), signature=None)
    bodies = {role: _body(email) for role, email in EMAILS.items()}
    assert row.state == "ineligible"
    assert "Your application for Independent Medical Review" in bodies["employee"]
    assert "you may also file a new application" in bodies["attorney"]
    assert "The application filed by the employee, Rosa Delgado," in bodies["claims_administrator"]
    assert "the employee may also file a new application" in bodies["claims_administrator"]


@pytest.mark.parametrize("reader", ["", "employer", "reviewer"])
def test_anyone_but_a_party_served_reads_the_third_person(reader):
    assert addressed(reader, "Rosa Delgado")["application"] == (
        "the application filed by the employee, Rosa Delgado,"
    )
    assert addressed(reader, "")["application"] == "the application filed by the employee"


def test_every_reader_is_addressed_with_every_placeholder():
    keys = {"application", "Application", "administrator", "Administrator", "filer"}
    keys |= {"employee", "Employee", "physician"}
    assert all(set(addressed(reader, "R")) == keys for reader in READERS)
    assert addressed("claims_administrator", "R")["Administrator"] == "You"


def test_a_request_for_information_says_you_to_the_party_asked_and_to_the_employee_copied():
    facts = notice_facts(
        party_role="claims_administrator",
        party_asked="the claims administrator (Acme)",
        information="The UR decision.",
        information_due="March 27, 2024",
    )
    template = load_template(None, NOTICES_PATH)

    def read(reader):
        return " ".join(render_text(build_information_request(facts, template, reader)).split())

    assert "it asks you for the following" in read("claims_administrator")
    assert "A copy of this request is sent to the employee." in read("claims_administrator")
    assert "it asks the claims administrator (Acme) for the following" in read("employee")
    assert "A copy of this request is sent to you." in read("employee")
