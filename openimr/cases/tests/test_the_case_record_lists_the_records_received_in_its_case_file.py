"""A case filed on the web form has no documents of its own: its records arrive in the case
file. The staff case record listed only the imported documents, so it said "No documents."
beside a case file holding records (and an issued letter listing them)."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.review.tests.conftest import store_record

pytestmark = pytest.mark.django_db

CASE = "CM16-0400101"


@pytest.fixture
def case_without_documents(three_item_doc):
    three_item_doc["documents"] = []
    case_import(case=case_from_document(three_item_doc), actor="test")
    return CASE


def test_a_record_of_the_case_file_is_listed_on_the_case_record(
    client, staff_client, case_without_documents
):
    record = store_record(CASE, ("PROGRESS NOTE", "Plan: MRI."))
    body = client.get(f"/cases/{CASE}/").content.decode()
    assert "No documents." not in body
    assert "Ramón Ortega-Vásquez, MD" in body and "08/30/2016" in body
    assert f'href="/records/{CASE}/{record.pk}/"' in body


def test_a_case_with_neither_documents_nor_records_says_so(
    client, staff_client, case_without_documents
):
    assert "No documents." in client.get(f"/cases/{CASE}/").content.decode()
