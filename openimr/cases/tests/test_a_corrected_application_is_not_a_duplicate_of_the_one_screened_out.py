"""An application screened out (ineligible) is closed: the corrected copy the worker sends
next, as the ineligibility notice tells them to, is reviewed, not refused as its duplicate
(8 CCR 9792.10.3(a)(2): a duplicate repeats the application that is reviewed)."""

import copy
from datetime import UTC, datetime, timedelta

import pytest

from openimr.cases import services
from openimr.cases.intake_schema import parse_application

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


def _filing(doc, minutes=0):
    return services.Filing(parse_application(doc), RECEIVED + timedelta(minutes=minutes))


def _receive(*filings):
    return services.applications_receive(
        filings=list(filings), via="api", actor="clerk", client="test"
    )


def _without_ur_decision(doc):
    bare = copy.deepcopy(doc)
    del bare["ur_decision_document"]
    return bare


def test_the_copy_sent_with_the_ur_decision_after_a_refusal_is_eligible(application_doc):
    (first,) = _receive(_filing(_without_ur_decision(application_doc)))
    assert [r["code"] for r in first.reasons] == ["no_ur_decision"]
    (again,) = _receive(_filing(application_doc, minutes=60))
    assert (again.outcome, again.reasons) == ("eligible", [])


def test_in_one_batch_the_corrected_copy_after_a_refused_one_is_eligible(application_doc):
    first, again = _receive(
        _filing(_without_ur_decision(application_doc)), _filing(application_doc, minutes=1)
    )
    assert first.outcome == "ineligible"
    assert (again.outcome, again.reasons) == ("eligible", [])


def test_a_duplicate_names_only_the_application_that_is_reviewed(application_doc):
    reviewed, _ = _receive(_filing(application_doc), _filing(application_doc, minutes=1))
    (third,) = _receive(_filing(application_doc, minutes=2))
    assert [r["code"] for r in third.reasons] == ["duplicate"]
    assert reviewed.case.case_number in third.reasons[0]["text"]
