"""A case brought in whole (`openimr case import`) has no application to take its parties'
addresses from: the document's staff-only "contacts" part gives them, checked by the
application's own address and e-mail rules, stored with the case, and written back by the
staff export so that a round trip keeps them."""

import json

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases import models
from openimr.cases.selectors import case_parties
from openimr.cli import main

pytestmark = pytest.mark.django_db
CONTACTS = {
    "employee": {"address": "2417 Pacific Coast Highway\nLong Beach, CA 90806"},
    "attorney": {"address": "611 West Sixth Street\nLos Angeles, CA 90017", "email": "a@law.test"},
    "claims_administrator": {"email": "imr@claims.test"},
    "employer": {"address": "19800 Main Street\nCarson, CA 90745"},
}


def _file(tmp_path, doc, contacts=None, name="case.json"):
    if contacts is not None:
        doc = {**doc, "contacts": contacts}
    else:
        doc = {k: v for k, v in doc.items() if k != "contacts"}
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def _imported(tmp_path, doc, contacts):
    assert main(["case", "import", _file(tmp_path, doc, contacts)]) == 0
    return {p["role"]: p for p in case_parties(doc["case_number"])}


def test_each_party_is_reached_at_the_contacts_it_came_with(tmp_path, three_item_doc):
    parties = _imported(tmp_path, three_item_doc, CONTACTS)
    assert parties["employee"]["postal"] == "2417 Pacific Coast Highway\nLong Beach, CA 90806"
    assert parties["employee"]["email"] == ""
    assert (parties["attorney"]["email"], parties["claims_administrator"]["email"]) == (
        "a@law.test",
        "imr@claims.test",
    )
    assert parties["employer"]["postal"] == "19800 Main Street\nCarson, CA 90745"
    assert parties["requesting_physician"] == {
        "role": "requesting_physician",
        "name": three_item_doc["requesting_physician"]["name"],
        "email": "",
        "postal": "",
    }


def test_a_case_without_contacts_is_imported_as_before(tmp_path, three_item_doc):
    parties = _imported(tmp_path, three_item_doc, None)
    assert {p["postal"] for p in parties.values()} == {""}
    assert models.Case.objects.get().contacts == {}


def test_the_staff_export_writes_them_back_and_imports_again_the_same(
    tmp_path, three_item_doc, capsys
):
    _imported(tmp_path, three_item_doc, CONTACTS)
    out = tmp_path / "out.json"
    assert main(["case", "export", three_item_doc["case_number"], "-o", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["contacts"] == CONTACTS
    assert main(["case", "import", "--replace", str(out)]) == 0
    assert models.Case.objects.get().contacts == CONTACTS


def test_a_replacing_document_without_contacts_drops_the_old_ones(tmp_path, three_item_doc):
    _imported(tmp_path, three_item_doc, CONTACTS)
    assert main(["case", "import", "--replace", _file(tmp_path, three_item_doc, None)]) == 0
    assert models.Case.objects.get().contacts == {}


def test_the_audit_names_the_parties_with_contacts_never_their_addresses(tmp_path, three_item_doc):
    _imported(tmp_path, three_item_doc, CONTACTS)
    detail = AuditEvent.objects.get(action="case.imported").detail
    assert detail["contacts"] == ["attorney", "claims_administrator", "employee", "employer"]
    assert "Carson" not in json.dumps(detail) and "law.test" not in json.dumps(detail)
