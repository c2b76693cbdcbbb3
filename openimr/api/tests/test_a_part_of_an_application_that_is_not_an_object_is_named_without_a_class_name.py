"""A part of the application body given as something other than an object (the employee as
a bare name, the UR decision as null, a treatment as a string) is refused 422 at its path
saying it must be a JSON object: pydantic's own words named a class of ours
("instance of EmployeeIn") that the client cannot know. Nothing is stored."""

import json

import pytest
import time_machine

from openimr.cases import models

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _received_on_march_20_2024():
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        yield


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda doc: doc.update(employee="Rosa Delgado"), "$.employee"),
        (lambda doc: doc.update(ur_decision=None), "$.ur_decision"),
        (lambda doc: doc["treatments"].__setitem__(1, "Physical therapy"), "$.treatments[1]"),
        (lambda doc: doc.update(signature=["Rosa Delgado"]), "$.signature"),
    ],
    ids=["employee", "ur_decision", "treatment", "signature"],
)
def test_a_part_that_is_not_an_object_is_named_in_plain_words(
    client, token, application_doc, change, path
):
    change(application_doc)
    response = client.post(
        "/api/v1/applications",
        data=json.dumps(application_doc),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == [
        {"path": path, "message": "must be a JSON object"}
    ]
    assert models.Case.objects.count() == 0


def test_a_body_that_is_not_an_object_says_so_at_its_root(client, token):
    response = client.post(
        "/api/v1/applications",
        data="[]",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == [{"path": "$", "message": "must be a JSON object"}]
