"""ICD-10-CM codes COVID-19 U07.1 and a post-COVID-19 condition ("long COVID") U09.9, in its
chapter of codes for special purposes (U00-U85), in use since 2020. California law has
presumed COVID-19 a work injury for many workers (LC 3212.86-3212.88), so the treatment of
its after-effects is disputed in IMR like any other. The schema took every leading letter
but U: such an application was refused at intake, its code called "not an ICD-10-CM code",
and nothing was filed."""

import json

import pytest
import time_machine

from openimr.cases import models

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _received_on_march_20_2024():
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        yield


def _post(client, token, body):
    return client.post(
        "/api/v1/applications",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


@pytest.mark.parametrize(
    ("code", "diagnosis"),
    [("U09.9", "Post COVID-19 condition, unspecified"), ("U07.1", "COVID-19")],
)
def test_an_application_coded_in_the_special_purposes_chapter_is_filed_and_keeps_its_code(
    client, token, application_doc, code, diagnosis
):
    application_doc["treatments"][0].update(
        treatment="Pulmonary rehabilitation, 12 sessions", diagnosis=diagnosis, icd10=code
    )
    response = _post(client, token, application_doc)
    assert response.status_code == 201, response.content
    assert response.json()["outcome"] == "eligible"
    stored = models.ApplicationTreatment.objects.get(treatment__startswith="Pulmonary")
    assert stored.icd10 == code


@pytest.mark.parametrize("code", ["9U.1", "U9.9", "UU9.9", "U09.99999"])
def test_a_code_of_another_shape_is_still_refused_at_its_item(client, token, application_doc, code):
    application_doc["treatments"][0]["icd10"] = code
    response = _post(client, token, application_doc)
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == [
        {
            "path": "$.treatments[0].icd10",
            "message": "is not an ICD-10-CM code (for example M54.5 or S46.011A)",
        }
    ]
    assert models.Case.objects.count() == 0
