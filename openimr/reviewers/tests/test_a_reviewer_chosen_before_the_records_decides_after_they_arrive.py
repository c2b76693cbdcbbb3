"""A reviewer assigned as soon as the case is eligible (8 CCR 9792.10.4(a)) decides on the
records, which the claims administrator may send until 15 days after a mailed Notice of
Assignment (8 CCR 9792.10.5(a)(1)): the expected decision the staff page shows, and the
leave it is checked against, count from then, not from today."""

from datetime import date, timedelta

import pytest

from openimr.cases import selectors as case_selectors
from openimr.cases import services as case_services
from openimr.cases.intake_schema import parse_application
from openimr.core.clock import local_date, now
from openimr.reviewers import models, services
from openimr.reviewers.tests.test_a_reviewer_is_assigned_only_to_a_case_found_eligible_and_still_open import (
    panel,  # noqa: F401  (a fixture)
)

pytestmark = pytest.mark.django_db


def _eligible_today(doc):
    today = local_date(now()).isoformat()  # decided, and the application signed, today
    doc = dict(
        doc,
        ur_decision=dict(doc["ur_decision"], date=today),
        signature=dict(doc["signature"], date=today),
    )
    (stored,) = case_services.applications_receive(
        filings=[case_services.Filing(parse_application(doc), now())],
        via="api",
        actor="clerk",
        client="test",
    )
    assert stored.case.state == "eligible"
    return stored.case.case_number


def test_the_records_of_an_eligible_case_are_expected_at_least_15_days_out(application_doc):
    number = _eligible_today(application_doc)
    expected = case_selectors.records_expected_on(number)
    assert expected is not None
    assert expected >= local_date(now()) + timedelta(days=15)


def test_the_expected_decision_of_the_chosen_reviewer_follows_the_records(
    panel,  # noqa: F811
    application_doc,
):
    number = _eligible_today(application_doc)
    services.reviewer_assign(case_number=number, actor="clerk")
    (assignment,) = models.Assignment.objects.filter(case__case_number=number)
    top = assignment.explanation["ranked"][0]
    expected = case_selectors.records_expected_on(number)
    assert expected is not None
    assert date.fromisoformat(top["expected_decision"]) > expected
