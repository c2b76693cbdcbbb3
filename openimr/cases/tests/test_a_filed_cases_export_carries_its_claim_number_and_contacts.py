"""A filed case's export (`openimr case export`) wrote no claim number and no contacts: the
application holds them, and the export read only what a case imported whole keeps. Imported
elsewhere, the case was found by none of its parties on /status/ and every notice waited in
the print queue. Now it carries what the application gave, and imports again whole."""

import json

import pytest

from openimr.cases import models
from openimr.cases.selectors import case_parties, claim_number_of
from openimr.cases.tests.conftest import filed
from openimr.cli import main

pytestmark = pytest.mark.django_db


def _filed_with_parties(application_doc):
    application_doc["employee"]["address"] = "1200 K Street\nSacramento, CA 95814"
    application_doc["employer"]["address"] = "3500 Folsom Boulevard\nSacramento, CA 95816"
    application_doc["claims_administrator"]["email"] = "imr@scif.test"
    return filed(application_doc)


def test_the_export_holds_the_applications_claim_number_and_contacts(tmp_path, application_doc):
    row = _filed_with_parties(application_doc)
    out = tmp_path / "out.json"
    assert main(["case", "export", row.case_number, "-o", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["claim_number"] == "SCIF-2024-118220"
    assert exported["contacts"] == {
        "employee": {
            "address": "1200 K Street\nSacramento, CA 95814",
            "email": "rosa.delgado@example.org",
        },
        "employer": {"address": "3500 Folsom Boulevard\nSacramento, CA 95816"},
        "claims_administrator": {"email": "imr@scif.test"},
    }


def test_imported_elsewhere_its_parties_are_reached_and_find_it_as_before(
    tmp_path, application_doc
):
    row = _filed_with_parties(application_doc)
    number, out = row.case_number, tmp_path / "out.json"
    before = {p["role"]: p for p in case_parties(number)}
    assert main(["case", "export", number, "-o", str(out)]) == 0
    models.Case.objects.all().delete()  # the other system's empty database
    assert main(["case", "import", str(out)]) == 0
    imported = models.Case.objects.get(case_number=number)
    assert not hasattr(imported, "application")
    assert claim_number_of(imported) == "SCIF-2024-118220"
    assert {p["role"]: p for p in case_parties(number)} == before
