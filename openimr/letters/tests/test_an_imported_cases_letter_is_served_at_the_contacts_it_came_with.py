"""The letter of a case imported whole is served like a filed case's: e-mailed, with its
PDF, to each party whose contacts give an e-mail address, mailed to the postal address given
for the others; only a party the file gave no address for waits in the print queue flagged
for one."""

import pytest
from django.core import mail

from openimr.cases.interchange import imported_from_document
from openimr.cases.services import case_import
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
NO_ADDRESS = "No postal address on file: find one before mailing"
CONTACTS = {
    "employee": {"address": "2417 Pacific Coast Highway\nLong Beach, CA 90806"},
    "attorney": {"address": "611 West Sixth Street", "email": "counsel@law.test"},
    "claims_administrator": {"address": "P.O. Box 60214", "email": "imr@claims.test"},
    "employer": {"address": "19800 Main Street\nCarson, CA 90745"},
}


def _issued(doc, contacts, capture):
    case, found, _ = imported_from_document({**doc, "contacts": contacts})
    case_import(case=case, actor="test", contacts=found)
    with capture(execute=True):
        letter_issue(case_number=case.case_number, actor="qa")
    rows = LetterService.objects.filter(case__case_number=case.case_number)
    return {row.party_role: row for row in rows}


def test_each_party_is_served_at_its_contacts(three_item_doc, django_capture_on_commit_callbacks):
    served = _issued(three_item_doc, CONTACTS, django_capture_on_commit_callbacks)
    assert {r: (s.method, s.address) for r, s in served.items() if s.method == "email"} == {
        "attorney": ("email", "counsel@law.test"),
        "claims_administrator": ("email", "imr@claims.test"),
    }
    assert served["employee"].postal_address == "2417 Pacific Coast Highway\nLong Beach, CA 90806"
    assert served["employer"].postal_address == "19800 Main Street\nCarson, CA 90745"
    assert sorted(m.to[0] for m in mail.outbox) == ["counsel@law.test", "imr@claims.test"]
    assert all(m.attachments[0][0].endswith("-FDL.pdf") for m in mail.outbox)


def test_only_the_party_without_an_address_is_flagged_in_the_print_queue(
    client, staff_client, three_item_doc, django_capture_on_commit_callbacks
):
    served = _issued(three_item_doc, CONTACTS, django_capture_on_commit_callbacks)
    flagged = sorted(role for role, s in served.items() if s.needs_address)
    assert flagged == ["requesting_physician"]
    queue = client.get("/review/print-queue/").content.decode()
    assert queue.count(NO_ADDRESS) == 1
    assert "19800 Main Street<br>Carson, CA 90745" in queue
