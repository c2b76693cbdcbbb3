"""An Idempotency-Key names one request: a client that sends a different application under a
key it already used (a key generator that repeats, a key reused after an edit) is told so,
409, instead of being answered with the first case as if the second had been filed."""

import copy

import pytest

from openimr.api.tests.test_applications_api import (  # noqa: F401 (the fixture)
    _received_on_march_20_2024,
    post,
)
from openimr.cases import models

pytestmark = pytest.mark.django_db


def test_another_application_under_a_used_key_is_refused_409_and_stores_nothing(
    client, token, application_doc
):
    first = post(client, token, application_doc, **{"Idempotency-Key": "batch-17"})
    other = copy.deepcopy(application_doc)
    other["claim_number"] = "ADJ-OTHER-2"
    again = post(client, token, other, **{"Idempotency-Key": "batch-17"})

    assert first.status_code == 201
    assert again.status_code == 409, again.content
    error = again.json()["error"]
    assert error["code"] == "conflict"
    assert "batch-17" in error["message"]
    assert first.json()["case_number"] in error["message"]
    assert models.Case.objects.count() == 1
    assert not models.Application.objects.filter(claim_number="ADJ-OTHER-2").exists()


def test_the_same_application_under_its_key_is_still_replayed(client, token, application_doc):
    first = post(client, token, application_doc, **{"Idempotency-Key": "batch-18"})
    # The same fields in another order are the same application.
    reordered = dict(reversed(list(copy.deepcopy(application_doc).items())))
    again = post(client, token, reordered, **{"Idempotency-Key": "batch-18"})

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["replayed"] is True
    assert again.json()["case_number"] == first.json()["case_number"]
