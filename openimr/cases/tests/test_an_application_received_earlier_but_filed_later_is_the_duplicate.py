"""Intake staff import a backlog of applications received earlier (`received_on`), or a
batch file lists them out of date order. When the same dispute is already on file, the copy
screened second is the duplicate whatever its day of receipt: the one on file is already
being reviewed, and two cases would have the dispute reviewed, and decided, twice
(8 CCR 9792.10.3(a)(2))."""

import copy
from datetime import UTC, datetime

import pytest

from openimr.cases import services
from openimr.cases.intake_schema import parse_application

pytestmark = pytest.mark.django_db
NOW = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


def _received_on(doc, day):
    earlier = copy.deepcopy(doc)
    earlier["received_on"] = day
    return services.Filing(parse_application(earlier), NOW)


def _receive(*filings):
    return services.applications_receive(
        filings=list(filings), via="batch", actor="clerk", client="test"
    )


def test_a_backlog_copy_received_before_the_one_on_file_is_its_duplicate(application_doc):
    (on_file,) = _receive(services.Filing(parse_application(application_doc), NOW))
    (backlog,) = _receive(_received_on(application_doc, "2024-03-18"))

    assert on_file.outcome == "eligible"
    assert backlog.outcome == "ineligible"
    assert [r["code"] for r in backlog.reasons] == ["duplicate"]
    assert on_file.case.case_number in backlog.reasons[0]["text"]


def test_in_a_batch_out_of_date_order_the_second_line_is_the_duplicate(application_doc):
    first, second = _receive(
        _received_on(application_doc, "2024-03-19"), _received_on(application_doc, "2024-03-18")
    )

    assert (first.outcome, second.outcome) == ("eligible", "ineligible")
    assert [r["code"] for r in second.reasons] == ["duplicate"]
