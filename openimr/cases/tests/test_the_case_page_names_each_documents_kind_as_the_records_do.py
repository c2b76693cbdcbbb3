"""The case page's "Documents in the case file" named an indexed document's kind by its code
put into words ("Rfa", "Ur determination") while the records beside it said "Request for
authorization", "UR determination". One table of these words now serves both."""

import pytest

from openimr.cases.models import CaseDocument
from openimr.core.case import DocumentKind
from openimr.records.models import Record

pytestmark = pytest.mark.django_db


def test_the_indexed_documents_read_as_the_records_beside_them(client, staff_client, case):
    body = client.get(f"/cases/{case.case_number}/").content.decode()
    assert "<td>Request for authorization</td>" in body
    assert "<td>UR determination</td>" in body
    assert "<td>Application for IMR</td>" in body
    assert "<td>Rfa</td>" not in body
    assert "Ur determination" not in body


def test_an_indexed_document_and_a_record_offer_the_same_words_for_each_kind():
    indexed = CaseDocument._meta.get_field("kind").choices
    received = Record._meta.get_field("kind").choices
    assert indexed == received
    assert (DocumentKind.RFA.value, "Request for authorization") in indexed
