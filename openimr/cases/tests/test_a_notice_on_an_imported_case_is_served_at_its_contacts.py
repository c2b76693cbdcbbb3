"""A case imported whole and still in review can be converted to expedited, which serves
every party a notice (8 CCR 9792.10.4(c)). It has no application: the notice used to fail
looking for one; it now states what the case records and is served at the contacts the case
came with, by e-mail where they give an address, by mail to the postal address otherwise."""

from datetime import UTC, datetime

import pytest
from django.core import mail

from openimr.cases import models, services
from openimr.cases.interchange import imported_from_document
from openimr.letters.models import LetterService

pytestmark = pytest.mark.django_db
CONTACTS = {
    "employee": {"address": "3301 Folsom Boulevard\nSacramento, CA 95816"},
    "claims_administrator": {"email": "imr@claims.test", "address": "P.O. Box 8192"},
}


@pytest.fixture
def in_review(three_item_doc):
    doc = {**three_item_doc, "case_number": "CM17-0600009", "contacts": CONTACTS}
    doc["dates"] = {**doc["dates"], "decision": None, "records_complete": None}
    doc["items"] = [
        {**item, "decision": None, "rationale": None, "reviewer_basis": []} for item in doc["items"]
    ]
    case, contacts, _ = imported_from_document(doc)
    return services.case_import(case=case, actor="test", contacts=contacts)


def test_the_conversion_notice_reaches_each_party_at_its_contacts(
    in_review, django_capture_on_commit_callbacks
):
    row = models.Case.objects.get(pk=in_review.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_convert_expedited(
            row=row, actor="clerk", note="certified", at=datetime(2026, 11, 20, 17, tzinfo=UTC)
        )
    served = {s.party_role: s for s in LetterService.objects.filter(notice__case=row)}
    assert served["claims_administrator"].method == "email"
    assert [m.to for m in mail.outbox] == [["imr@claims.test"]]
    assert served["employee"].postal_address == "3301 Folsom Boulevard\nSacramento, CA 95816"
    assert served["requesting_physician"].needs_address
    assert "employer" not in served  # notices go to the parties an application would name
    text = " ".join(row.notices.get(kind="converted").text.split())
    assert row.employee_name in text and row.items.first().treatment in text
