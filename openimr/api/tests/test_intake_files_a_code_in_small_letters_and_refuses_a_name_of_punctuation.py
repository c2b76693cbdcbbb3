"""Applications over the API. An ICD-10-CM code's letters are not case-sensitive (CMS's
ICD-10-CM basics): "m23.91", typed without the shift key or by a portal that lower-cases its
fields, is M23.91. Intake refused it as "not an ICD-10-CM code", and the application was not
filed. It is now filed with the code in capitals, as the code set prints it; what is not a
code is still refused, and so is a letter that only capitalises to one ("ı", a dotless i,
becomes "I"). And a name or a diagnosis of punctuation or accents alone, which had been
filed, is refused 422 at its field (openimr/cases/tests/test_a_name_or_diagnosis_...)."""

import pytest

from openimr.api.tests.test_an_application_for_covid_19_or_its_after_effects_is_received_with_its_code import (
    _post,
)
from openimr.cases import models

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine("2024-03-20 17:00Z", tick=False)]
NOT_A_CODE = "is not an ICD-10-CM code (for example M54.5 or S46.011A)"


@pytest.mark.parametrize(
    ("typed", "stored"), [("m23.91", "M23.91"), ("s46.011a", "S46.011A"), (" u09.9 ", "U09.9")]
)
def test_a_code_in_small_letters_is_filed_in_capitals(
    client, token, application_doc, typed, stored
):
    application_doc["treatments"][0]["icd10"] = typed
    response = _post(client, token, application_doc)
    assert response.status_code == 201, response.content
    assert response.json()["outcome"] == "eligible"  # received 2024-03-20, in time
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


def test_a_name_and_a_diagnosis_naming_nothing_are_refused_422_and_nothing_is_filed(
    client, token, application_doc
):
    application_doc["employee"]["name"] = "\u0301"
    application_doc["treatments"][0]["diagnosis"] = "..."
    response = _post(client, token, application_doc)
    assert response.status_code == 422
    said = "must hold a letter or digit: punctuation or accents alone name"
    assert response.json()["error"]["fields"] == [
        {"path": "$.employee.name", "message": f"{said} no one"},
        {"path": "$.treatments[0].diagnosis", "message": f"{said} no diagnosis"},
    ]
    assert models.Case.objects.count() == 0
