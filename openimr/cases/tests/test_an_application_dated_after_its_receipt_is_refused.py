"""An application cannot speak of a day after it reached the IMR organization: an injury, a
UR decision or a signature dated later, or a batch line claiming to have been received in
the future, is a typing error. It is refused at its field, and nothing is stored, instead of
being screened (and clocked) on an impossible date."""

import copy
from datetime import UTC, datetime

import pytest

from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)  # March 20 in California


def _problems(doc):
    with pytest.raises(InvalidInput) as caught:
        services.application_submit(
            form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
        )
    assert models.Case.objects.count() == 0
    return {p.path: p.message for p in caught.value.problems}


def _changed(doc, path, value):
    changed = copy.deepcopy(doc)
    *parents, last = path
    target = changed
    for key in parents:
        target = target[key]
    target[last] = value
    return changed


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (("ur_decision", "date"), "$.ur_decision.date"),
        (("signature", "date"), "$.signature.date"),
        (("received_on",), "$.received_on"),
    ],
)
def test_a_date_after_the_day_of_receipt_is_refused_at_its_field(application_doc, path, where):
    problems = _problems(_changed(application_doc, path, "2024-03-21"))
    assert where in problems
    assert "2024-03-20" in problems[where]


def test_an_injury_after_the_day_of_receipt_is_refused_at_the_date_of_injury(application_doc):
    doc = _changed(application_doc, ("date_of_injury",), "2024-03-25")
    doc["ur_decision"]["date"] = "2024-03-26"  # in order, both after receipt
    problems = _problems(doc)
    assert "$.date_of_injury" in problems and "$.ur_decision.date" in problems


def test_a_batch_line_received_before_its_ur_decision_is_refused(application_doc):
    problems = _problems(_changed(application_doc, ("received_on",), "2024-02-28"))
    assert "UR decision" in problems["$.received_on"]


def test_dates_on_the_day_of_receipt_are_accepted(application_doc):
    doc = _changed(application_doc, ("signature", "date"), "2024-03-20")
    doc["ur_decision"]["date"] = "2024-03-20"
    submitted = services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
    )
    assert submitted.application.outcome == "eligible"
