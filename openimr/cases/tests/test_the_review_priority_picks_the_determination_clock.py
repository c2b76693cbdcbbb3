"""Which determination clock an application's review runs on (LC 4610.6(d), (d)(1)(A)):
the rule, without a database."""

from dataclasses import replace
from datetime import date

import pytest

from openimr.cases.domain.application import (
    Application,
    ReviewType,
    ServiceMethod,
    review_priority,
)
from openimr.core.case import Priority

APPLICATION = Application(
    claim_number="ADJ-1",
    employee_name="Rosa Delgado",
    date_of_injury=date(2024, 1, 2),
    ur_decision_date=date(2024, 3, 1),
    ur_service_method=ServiceMethod.MAIL,
    received_on=date(2024, 3, 20),
    treatments=(),
)


@pytest.mark.parametrize(
    ("review_type", "formulary", "priority"),
    [
        (ReviewType.REGULAR, False, Priority.STANDARD),
        (ReviewType.REGULAR, True, Priority.FORMULARY),
        (ReviewType.EXPEDITED, False, Priority.EXPEDITED),
        # 3 calendar days, unrolled, never run longer than 5 working days.
        (ReviewType.EXPEDITED, True, Priority.EXPEDITED),
    ],
)
def test_the_shortest_clock_that_applies_is_the_reviews(review_type, formulary, priority):
    application = replace(APPLICATION, review_type=review_type, formulary_dispute=formulary)
    assert review_priority(application) is priority
