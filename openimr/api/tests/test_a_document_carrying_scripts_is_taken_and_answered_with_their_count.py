"""A record carrying JavaScript or attached files is taken over the API like any other (it is
evidence) and the answer counts what it carries, as the case file's listing does."""

import base64
import json

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.records.tests import active_pdfs
from openimr.records.tests.receiving import IMMEDIATE

pytestmark = pytest.mark.django_db
URL = "/api/v1/cases/CM16-0400101/documents"


def test_the_answer_and_the_listing_count_the_active_content(
    client, settings, three_item_doc, administrator_token
):
    settings.TASKS = IMMEDIATE
    case_import(case=case_from_document(three_item_doc), actor="test")
    headers = {"Authorization": f"Bearer {administrator_token}"}
    body = {
        "filename": "rfa.pdf",
        "content_base64": base64.b64encode(active_pdfs.attachments()).decode(),
        "submitted_by": "claims_administrator",
    }
    sent = client.post(URL, json.dumps(body), content_type="application/json", headers=headers)
    assert sent.status_code == 201, sent.content
    counted = {"javascript": 0, "launch": 0, "attachments": 2, "form": "", "submit": 0}
    assert sent.json()["active_content"] == counted
    assert client.get(URL, headers=headers).json()[0]["active_content"] == counted
