"""The last day to file is counted on the holiday calendar (2013-2035). A UR decision whose
period falls outside it (a year typed 2012 for 2021) cannot be counted: the refusal names
the UR decision's date, the field to correct, not an anonymous "date"."""

from datetime import date

import pytest

from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadlines import filing_deadline
from openimr.core.errors import InvalidInput
from openimr.programs.loader import load_program

PROGRAM = load_program()


@pytest.mark.parametrize("decided", [date(2012, 6, 1), date(2035, 12, 20)])
def test_the_refusal_names_the_ur_decision_date(decided):
    with pytest.raises(InvalidInput) as refused:
        filing_deadline(decided, ServiceMethod.MAIL, PROGRAM)
    [problem] = refused.value.problems
    assert problem.path == "$.ur_decision.date"
    assert decided.isoformat() in problem.message
    assert "2013-2035" in problem.message


def test_a_ur_decision_inside_the_calendar_is_counted():
    assert filing_deadline(date(2035, 11, 1), ServiceMethod.MAIL, PROGRAM).due == date(2035, 12, 6)
