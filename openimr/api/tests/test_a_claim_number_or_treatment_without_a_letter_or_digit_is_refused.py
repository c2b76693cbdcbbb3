"""Claim numbers are compared by their letters and digits (8 CCR 9792.10.3(a)(2)): one
with none ("---", "//") compared equal to every other such one, so a second worker's
application was refused as the first one's duplicate, and an IMR decided on one such claim
was "already decided" on all. Refused at `$.claim_number`, nothing stored; so is a
treatment with none, for the same reason (a repeat, a duplicate, a prior review)."""

import copy

import pytest

from openimr.api.tests.test_applications_api import (  # noqa: F401 (the fixture)
    _received_on_march_20_2024,
    post,
)
from openimr.cases import models

pytestmark = pytest.mark.django_db


def _refused_at(response, path):
    assert response.status_code == 422, response.content
    (field,) = response.json()["error"]["fields"]
    assert field["path"] == path
    assert "letter or digit" in field["message"]
    assert not models.Case.objects.exists()


@pytest.mark.parametrize("claim", ["---", "//", "#", "\u2014"])
def test_a_claim_number_of_punctuation_only_is_refused(client, token, application_doc, claim):
    doc = copy.deepcopy(application_doc)
    doc["claim_number"] = claim
    _refused_at(post(client, token, doc), "$.claim_number")


def test_a_treatment_of_punctuation_only_is_refused(client, token, application_doc):
    doc = copy.deepcopy(application_doc)
    doc["treatments"][1]["treatment"] = "..."
    _refused_at(post(client, token, doc), "$.treatments[1].treatment")
