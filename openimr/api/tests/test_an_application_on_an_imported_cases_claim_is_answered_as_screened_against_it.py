"""POST /api/v1/applications on the claim of a case imported whole with its claim number
answers as screening found it against that case: a treatment its letter decided is
``already_decided`` (8 CCR 9792.10.3(a)(2); LC 4610.6(g)), the same dispute still under
review there a ``duplicate``. The body names the imported case, never its claim number as
the import wrote it."""

import json

import pytest
import time_machine

from openimr.api.tests.test_applications_api import post
from openimr.cases import models
from openimr.cases.tests import imported_dispute as on_file
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db


def _filed(client, token, body):
    with time_machine.travel(on_file.FILING_DAY, tick=False):
        return post(client, token, body)


def test_a_treatment_decided_by_an_imported_cases_letter_is_answered_already_decided(
    client, token, application_doc, three_item_doc
):
    on_file.imported(on_file.case_doc(three_item_doc, decided=True))
    with time_machine.travel(on_file.ISSUE_DAY, tick=False):
        letter_issue(case_number=on_file.IMPORTED, actor="qa")
    answer = _filed(client, token, application_doc)
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert (body["state"], body["outcome"]) == ("ineligible", "ineligible")
    assert [r["code"] for r in body["reasons"]] == ["already_decided", "already_decided"]
    row = models.Case.objects.get(case_number=body["case_number"])
    assert row.application.outcome == "ineligible"


def test_the_same_dispute_under_review_in_an_imported_case_is_answered_its_duplicate(
    client, token, application_doc, three_item_doc
):
    on_file.imported(on_file.case_doc(three_item_doc, decided=False))
    body = _filed(client, token, application_doc).json()
    assert [r["code"] for r in body["reasons"]] == ["duplicate"]
    assert f"reference {on_file.IMPORTED}." in body["reasons"][0]["text"]
    assert on_file.CLAIM not in json.dumps(body)
