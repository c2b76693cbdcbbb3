"""POST /api/v1/cases/{n}/documents for a case withdrawn or terminated (8 CCR 9792.10.6(a)):
409 in the one error shape naming the case's state, and no row or file stored. No review
will read the record: it would be medical information kept for nobody."""

import base64
import json

import pytest

from openimr.cases import models
from openimr.cases.domain.lifecycle import State
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cases.services.flow import case_close
from openimr.records.models import Record
from openimr.records.tests.receiving import IMMEDIATE, PROGRESS_NOTE, pdf_of, stored_files

pytestmark = pytest.mark.django_db
NUMBER = "CM16-0400101"


@pytest.fixture(autouse=True)
def _setup(settings, three_item_doc):
    settings.TASKS = IMMEDIATE
    case_import(case=case_from_document(three_item_doc), actor="test")


@pytest.mark.parametrize("target", [State.WITHDRAWN, State.TERMINATED])
def test_a_document_for_a_closed_case_is_refused_409_naming_its_state(
    client, administrator_token, target, settings
):
    row = models.Case.objects.get(case_number=NUMBER)
    case_close(row=row, target=target, actor="clerk", note="The applicant wrote to withdraw.")
    body = {
        "filename": "pr2.pdf",
        "content_base64": base64.b64encode(pdf_of(*PROGRESS_NOTE)).decode(),
        "submitted_by": "claims_administrator",
    }
    response = client.post(
        f"/api/v1/cases/{NUMBER}/documents",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {administrator_token}"},
    )
    assert response.status_code == 409, response.content
    error = response.json()["error"]
    assert error["code"] == "conflict"
    assert f"case {NUMBER} was {target.value} and will not be reviewed" in error["message"]
    assert Record.objects.count() == 0
    assert stored_files(settings.MEDIA_ROOT) == []
