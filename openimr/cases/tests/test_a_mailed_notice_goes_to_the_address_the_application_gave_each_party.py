"""A notice mailed to a party goes to the postal address the application gave for that
party (8 CCR 9792.10.3, 9792.10.4(b)): the claims administrator, the requesting physician
and the attorney as well as the employee. Only a party with no address on file is flagged
for staff to find one before it is marked printed; an e-mailed copy keeps the postal address
too, so that a failed e-mail is mailed there."""

import copy
from datetime import UTC, datetime

import pytest

from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.core.errors import InvalidInput
from openimr.letters.services import letter_service_mark_printed

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
ADDRESSES = {
    "claims_administrator": "PO Box 8192\nPleasanton, CA 94588",
    "requesting_physician": "2801 K Street, Suite 300\nSacramento, CA 95816",
    "attorney": "455 Capitol Mall, Suite 801\nSacramento, CA 95814",
}


def _served(doc, capture, **addresses):
    """The ineligibility notice's service rows by party (no signature: ineligible)."""
    doc = copy.deepcopy(doc)
    del doc["signature"]
    doc["attorney"]["name"] = "Mara Quintero, Esq."
    for party, address in addresses.items():
        doc[party]["address"] = address
    with capture(execute=True):
        row = services.application_submit(
            form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
        ).application.case
    notice = row.notices.get(kind="ineligible")
    return {s.party_role: s for s in notice.services.all()}


def test_each_mailed_copy_carries_the_address_given_for_its_party(
    application_doc, django_capture_on_commit_callbacks
):
    served = _served(application_doc, django_capture_on_commit_callbacks, **ADDRESSES)
    mailed = {r: (s.method, s.postal_address) for r, s in served.items() if r in ADDRESSES}
    assert mailed == {party: ("mail", address) for party, address in ADDRESSES.items()}
    assert not any(s.needs_address for s in served.values())


def test_only_the_party_with_no_address_on_file_is_flagged(
    application_doc, django_capture_on_commit_callbacks
):
    given = {k: v for k, v in ADDRESSES.items() if k != "requesting_physician"}
    served = _served(application_doc, django_capture_on_commit_callbacks, **given)
    flagged = sorted(r for r, s in served.items() if s.needs_address)
    assert flagged == ["requesting_physician"]
    assert "no postal address on file" in served["requesting_physician"].status


def test_a_copy_with_an_address_on_file_is_marked_printed_without_asking_for_one(
    application_doc, django_capture_on_commit_callbacks
):
    served = _served(application_doc, django_capture_on_commit_callbacks, attorney="1 Main St")
    printed = letter_service_mark_printed(service_id=served["attorney"].pk, actor="clerk")
    assert printed.printed_at is not None and printed.postal_address == "1 Main St"
    with pytest.raises(InvalidInput) as refused:
        letter_service_mark_printed(service_id=served["claims_administrator"].pk, actor="clerk")
    assert refused.value.problems[0].path == "$.postal_address"


def test_an_emailed_copy_keeps_the_postal_address_for_a_failed_email(
    application_doc, django_capture_on_commit_callbacks
):
    doc = copy.deepcopy(application_doc)
    doc["requesting_physician"]["email"] = "office@clinic.example"
    served = _served(doc, django_capture_on_commit_callbacks, **ADDRESSES)
    doctor = served["requesting_physician"]
    assert (doctor.method, doctor.address) == ("email", "office@clinic.example")
    assert doctor.postal_address == ADDRESSES["requesting_physician"]
