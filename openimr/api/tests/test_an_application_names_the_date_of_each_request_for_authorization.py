"""POST /api/v1/applications takes an optional `rfa_date` per treatment: kept when good,
refused at its item in the one error shape when impossible, with nothing stored."""

import json
from datetime import date

import pytest
import time_machine

from openimr.cases import models

pytestmark = pytest.mark.django_db
URL = "/api/v1/applications"


@pytest.fixture(autouse=True)
def _received_on_march_20_2024():
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        yield


def _post(client, token, doc):
    return client.post(
        URL,
        data=json.dumps(doc),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_a_date_given_for_one_item_is_kept_for_that_item(client, token, application_doc):
    application_doc["treatments"][1]["rfa_date"] = "2024-02-27"
    response = _post(client, token, application_doc)
    assert response.status_code == 201, response.content
    row = models.Case.objects.get(case_number=response.json()["case_number"])
    assert [i.rfa_date for i in row.items.all()] == [None, date(2024, 2, 27)]


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2023-05-01", "cannot precede the date of injury"),
        ("2024-03-04", "cannot follow the UR decision"),
        ("2024-13-01", "valid date"),
    ],
)
def test_an_impossible_date_is_refused_at_its_item(client, token, application_doc, day, words):
    application_doc["treatments"][1]["rfa_date"] = day
    response = _post(client, token, application_doc)
    assert response.status_code == 422, response.content
    fields = {f["path"]: f["message"] for f in response.json()["error"]["fields"]}
    assert words in fields["$.treatments[1].rfa_date"]
    assert models.Case.objects.count() == 0


def test_the_openapi_document_describes_the_field(client):
    schema = client.get("/api/v1/openapi.json").json()
    treatment = schema["components"]["schemas"]["TreatmentIn"]["properties"]
    assert "rfa_date" in treatment
