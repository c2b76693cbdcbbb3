"""POST /api/v1/applications takes a postal address for the claims administrator, the
requesting physician and the attorney (DWC Form IMR's address blocks) and the employer (served
the letter by mail, LC 4610.6(f)): kept as sent, refused
at its path in the one error shape when bad, with nothing stored; the OpenAPI document
describes each. (Every bad value per field: test_applications_api.BAD_FIELDS.)"""

import json

import pytest
import time_machine

from openimr.cases import models

pytestmark = pytest.mark.django_db
URL = "/api/v1/applications"
ADDRESSES = {
    "claims_administrator": "PO Box 8192\nPleasanton, CA 94588",
    "requesting_physician": "2801 K Street, Suite 300\nSacramento, CA 95816",
    "attorney": "455 Capitol Mall, Suite 801\nSacramento, CA 95814",
    "employer": "8900 Elk Grove Boulevard\nElk Grove, CA 95624",
}


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


def _addressed(doc):
    doc["attorney"]["name"] = "Mara Quintero, Esq."
    for party, address in ADDRESSES.items():
        doc[party]["address"] = address
    return doc


def test_each_address_sent_is_kept_with_the_application(client, token, application_doc):
    response = _post(client, token, _addressed(application_doc))
    assert response.status_code == 201, response.content
    stored = models.Application.objects.get(case__case_number=response.json()["case_number"])
    assert {party: getattr(stored, f"{party}_address") for party in ADDRESSES} == ADDRESSES


@pytest.mark.parametrize("party", ["attorney", "employer"])
def test_an_address_without_its_partys_name_is_refused_at_the_name(
    client, token, application_doc, party
):
    application_doc[party] = {"name": None, "address": ADDRESSES[party]}
    response = _post(client, token, application_doc)
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == [
        {"path": f"$.{party}.name", "message": f"is required when the {party}'s address is given"}
    ]
    assert not models.Case.objects.exists()


def test_the_openapi_document_describes_each_partys_address(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for model in ("EmployeeIn", "ClaimsAdministratorIn", "PhysicianIn", "AttorneyIn", "EmployerIn"):
        address = schemas[model]["properties"]["address"]
        assert address["anyOf"][0]["maxLength"] == 500, model
        assert "mailed" in address["description"], model
