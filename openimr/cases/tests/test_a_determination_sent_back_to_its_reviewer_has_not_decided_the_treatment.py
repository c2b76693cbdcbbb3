"""A treatment IMR already decided on the claim is not reviewed again (8 CCR 9792.10.3(a)(2)).
A determination that QA sent back to its reviewer was not made after all (its date is
cleared): a new application for the same treatment must not be refused as "already
decided", nor be told of a decision on a day no decision was made."""

import copy
from datetime import UTC, datetime, timedelta

import pytest

from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.cases.services.review import case_return_to_review
from openimr.cases.tests.conftest import decided_through_intake

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


def _submit(doc, at):
    return services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=at
    ).application


def _decided(doc):
    return decided_through_intake(doc, RECEIVED)


def _the_same_treatment_denied_again(doc):
    again = copy.deepcopy(doc)
    again["ur_decision"]["date"] = "2024-03-15"  # a new UR decision: not a duplicate
    return _submit(again, RECEIVED + timedelta(days=5))


def test_a_new_application_for_a_treatment_in_qa_is_refused_as_already_decided(
    application_doc,
):
    _decided(application_doc)
    refused = _the_same_treatment_denied_again(application_doc)
    assert {r["code"] for r in refused.reasons} == {"already_decided"}
    assert "March 24, 2024" in refused.reasons[0]["text"]


def test_after_qa_sends_it_back_the_treatment_is_no_longer_already_decided(application_doc):
    row = _decided(application_doc)
    case_return_to_review(case_number=row.case_number, actor="qa", note="Cite the guideline.")
    again = _the_same_treatment_denied_again(application_doc)
    assert "already_decided" not in {r["code"] for r in again.reasons}
