"""A review converted to expedited (8 CCR 9792.10.4(c)) holds ``priority=expedited`` from then
on, as the conversion writes it. Records that had already arrived were due on the regular
clock of the Notice of Assignment (15 days when mailed, 12 otherwise; 8 CCR
9792.10.5(a)(1)), not 24 hours after it: the conversion came later, so they were not late."""

from datetime import UTC, date, datetime

import pytest

from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadlines import ClockFacts, case_deadlines
from openimr.core.case import Priority
from openimr.programs.loader import load_program

PROGRAM = load_program()


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("method", "due"),
    [(ServiceMethod.MAIL, date(2024, 3, 19)), (ServiceMethod.ELECTRONIC, date(2024, 3, 18))],
)
def test_records_complete_before_the_conversion_were_due_on_the_notices_clock(method, due):
    facts = ClockFacts(
        Priority.EXPEDITED,  # as the case row holds it once converted
        eligible_on=date(2024, 3, 1),
        noarfi_sent_at=_at("2024-03-04T17:00"),
        noarfi_method=method,
        records_complete_at=_at("2024-03-08T18:00"),
        converted_to_expedited_at=_at("2024-03-11T20:00"),
    )
    found = {d.name: d for d in case_deadlines(facts, PROGRAM)}
    assert found["records_due"].due == due
    assert not found["records_due"].converted
    assert found["determination_due"].due == date(2024, 3, 14)  # 3 days from the conversion


def test_an_expedited_review_from_the_start_still_wants_its_records_in_24_hours():
    facts = ClockFacts(
        Priority.EXPEDITED,
        noarfi_sent_at=_at("2024-03-04T17:00"),
        records_complete_at=_at("2024-03-05T09:00"),
    )
    found = {d.name: d for d in case_deadlines(facts, PROGRAM)}
    assert found["records_due"].due == _at("2024-03-05T17:00")
