"""The contacts a case imported whole came with serve its letter only: a case imported with
every party's postal and e-mail address, issued and published through the real path, shows
none of them in the public decision, its page, the public API, the export or the published
PDF, while its own letter was served at them (Civil Code 56.10; 45 CFR 164.514(b)(2)(i)(B))."""

import pytest

from openimr.cases.interchange import imported_from_document
from openimr.cases.services import case_import
from openimr.decisions.models import Decision
from openimr.decisions.tests.test_no_partys_postal_address_reaches_the_published_decision import (
    _pdf_text,
    _stored_text,
)
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
CONTACTS = {
    "employee": {"address": "2417 Pacific Coast Highway\nLong Beach, CA 90806"},
    "attorney": {"address": "611 West Sixth Street\nLos Angeles, CA 90017", "email": "mc@law.test"},
    "claims_administrator": {"address": "P.O. Box 60214\nIrvine, CA 92602", "email": "i@gs.test"},
    "requesting_physician": {"address": "1450 Ocean Boulevard, Suite 210", "email": "dr@ro.test"},
    "employer": {"address": "19800 Main Street\nCarson, CA 90745"},
}
NEEDLES = [
    line
    for contact in CONTACTS.values()
    for value in contact.values()
    for line in value.split("\n")
]


def test_no_contact_is_in_any_public_output_of_the_decision(
    client, three_item_doc, django_capture_on_commit_callbacks
):
    case, contacts, _ = imported_from_document({**three_item_doc, "contacts": CONTACTS})
    case_import(case=case, actor="test", contacts=contacts)
    with django_capture_on_commit_callbacks(execute=True):
        letter_issue(case_number=case.case_number, actor="qa")
    number = case.case_number
    served = LetterService.objects.filter(case__case_number=number)
    assert {s.address for s in served if s.address} == {"mc@law.test", "i@gs.test", "dr@ro.test"}
    published = Decision.objects.get(case_number=number)
    outputs = {
        "corpus rows": _stored_text(),
        "public page": client.get(f"/decisions/{number}/").content.decode(),
        "public api": client.get(f"/api/v1/decisions/{number}").content.decode(),
        "export": b"".join(client.get("/decisions/export.jsonl").streaming_content).decode(),
        "export csv": b"".join(client.get("/decisions/export.csv").streaming_content).decode(),
        "public pdf": _pdf_text(published.letter_path),
    }
    assert number in outputs["public page"] and number in outputs["public api"]
    leaked = [(where, n) for where, text in outputs.items() for n in NEEDLES if n in text]
    assert leaked == []
