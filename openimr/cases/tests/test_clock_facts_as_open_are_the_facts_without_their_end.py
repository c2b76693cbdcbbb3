"""A decided or terminated case's clocks are read as if it were still open, to report how
they ended (the timeliness report, the simulation's check): ``ClockFacts.as_open`` gives the
same facts as a copy without the determination and the termination would, and the facts
themselves when there is neither."""

import dataclasses
from datetime import UTC, date, datetime

import pytest

from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadlines import ClockFacts
from openimr.core.case import Priority

AT = datetime(2025, 3, 10, 17, 0, tzinfo=UTC)
BASE = ClockFacts(
    priority=Priority.STANDARD,
    eligible_on=date(2025, 3, 3),
    noarfi_sent_at=AT,
    noarfi_method=ServiceMethod.MAIL,
    records_complete_at=AT,
)


@pytest.mark.parametrize(
    "facts",
    [
        dataclasses.replace(BASE, determined_at=AT),
        dataclasses.replace(BASE, terminated_at=AT),
        dataclasses.replace(BASE, determined_at=AT, terminated_at=AT),
    ],
)
def test_a_decided_or_terminated_case_reads_as_the_same_case_open(facts):
    opened = facts.as_open()
    assert opened == dataclasses.replace(facts, determined_at=None, terminated_at=None)
    assert hash(opened) == hash(dataclasses.replace(facts, determined_at=None, terminated_at=None))
    assert (facts.determined_at, facts.terminated_at) != (None, None)  # the original is kept


def test_an_open_case_is_its_own_facts():
    assert BASE.as_open() is BASE
