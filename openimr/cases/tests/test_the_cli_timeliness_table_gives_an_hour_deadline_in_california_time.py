"""`openimr clocks timeliness`'s table names each missed deadline with when it was due: an
hour deadline (records due 24 hours after a conversion to expedited, 8 CCR 9792.10.4(c)) in
California time, as the page gives it, not in UTC, which staff read as seven hours later."""

from datetime import date, datetime

import pytest
import time_machine

from openimr.cases import models
from openimr.cli import main
from openimr.core.clock import CALIFORNIA

pytestmark = pytest.mark.django_db


def test_records_due_at_an_hour_are_listed_at_that_california_hour(case, capsys):
    row = models.Case.objects.get(case_number=case.case_number)
    row.state, row.eligible_on = "assigned", date(2026, 2, 27)
    row.noarfi_sent_at, row.noarfi_method = datetime(2026, 3, 2, 9, tzinfo=CALIFORNIA), "mail"
    row.converted_to_expedited_at = datetime(2026, 4, 20, 9, tzinfo=CALIFORNIA)
    row.date_records_complete = None  # the imported document's day: these never came
    row.save()
    with time_machine.travel(datetime(2026, 7, 1, 9, tzinfo=CALIFORNIA), tick=False):
        assert main(["clocks", "timeliness", "--from", "2026-04", "--to", "2026-04"]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if case.case_number in line]
    assert len(listed) == 1
    assert "due 2026-04-21 09:00 PDT" in listed[0] and "+00:00" not in listed[0]
