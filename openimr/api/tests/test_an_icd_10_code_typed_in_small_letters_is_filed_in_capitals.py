"""An ICD-10-CM code's letters are not case-sensitive (CMS's ICD-10-CM basics): "m23.91",
typed without the shift key or by a portal that lower-cases its fields, is M23.91. Intake
refused it as "not an ICD-10-CM code", and the application was not filed. It is now filed
with the code in capitals, as the code set prints it; what is not a code is still refused,
and so is a letter that only capitalises to one ("ı", a dotless i, becomes "I")."""

import json

import pytest
import time_machine

from openimr.cases import models

pytestmark = pytest.mark.django_db
NOT_A_CODE = "is not an ICD-10-CM code (for example M54.5 or S46.011A)"


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
    ("typed", "stored"), [("m23.91", "M23.91"), ("s46.011a", "S46.011A"), (" u09.9 ", "U09.9")]
)
def test_a_code_in_small_letters_is_filed_in_capitals(
    client, token, application_doc, typed, stored
):
    application_doc["treatments"][0]["icd10"] = typed
    response = _post(client, token, application_doc)
    assert response.status_code == 201, response.content
    first = models.ApplicationTreatment.objects.get(treatment__startswith="MRI")
    assert first.icd10 == stored


@pytest.mark.parametrize("typed", ["m23.9\u0131", "\uff4d23.91", "mri", "m2.91", "m23.91."])
def test_what_is_not_a_code_in_any_case_is_still_refused(client, token, application_doc, typed):
    application_doc["treatments"][0]["icd10"] = typed
    response = _post(client, token, application_doc)
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == [
        {"path": "$.treatments[0].icd10", "message": NOT_A_CODE}
    ]
    assert models.Case.objects.count() == 0
