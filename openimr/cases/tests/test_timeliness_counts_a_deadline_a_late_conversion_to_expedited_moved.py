"""A review converted to expedited while its records are still awaited has them due 24 hours
from the conversion (8 CCR 9792.10.4(c)), however long after the Notice of Assignment that
comes, and its determination 3 days after the later of the conversion and the records
(LC 4610.6(d)). The timeliness report counts those deadlines in the month they fell due:
it had looked for the case only by its notice and records, and missed them."""

from datetime import datetime

import pytest

from openimr.cases import models
from openimr.cases.timeliness import timeliness_report
from openimr.core.clock import CALIFORNIA

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 7, 1, 9, tzinfo=CALIFORNIA)


def _counts(first, last):
    report = timeliness_report(first=first, last=last, at=NOW)
    return {(m.month, m.name): (m.on_time, m.late, m.overdue) for m in report.months}


@pytest.fixture
def converted(case):
    """Notice mailed Monday 03/02/2026, records due 03/17 and never sent; converted to
    expedited on 04/20, so the records were due 04/21 at the hour of the conversion."""
    row = models.Case.objects.get(case_number=case.case_number)
    row.state, row.eligible_on = "assigned", datetime(2026, 2, 27).date()
    row.noarfi_sent_at = datetime(2026, 3, 2, 9, tzinfo=CALIFORNIA)
    row.noarfi_method = "mail"
    row.converted_to_expedited_at = datetime(2026, 4, 20, 9, tzinfo=CALIFORNIA)
    row.date_records_complete = None  # the imported document's day: these records never came
    row.save()
    return row


def test_records_due_a_day_after_a_late_conversion_count_in_that_month(converted):
    assert _counts("2026-04", "2026-04") == {("2026-04", "records_due"): (0, 0, 1)}
    assert ("2026-03", "records_due") not in _counts("2026-03", "2026-03")


def test_a_determination_due_after_a_late_conversion_counts_in_that_month(converted):
    # Records complete 03/10; the review converted to expedited on 04/30, so the
    # determination is due 3 days after the conversion, Sunday 05/03 (it does not roll).
    converted.state = "in_review"
    converted.records_complete_at = datetime(2026, 3, 10, 9, tzinfo=CALIFORNIA)
    converted.converted_to_expedited_at = datetime(2026, 4, 30, 9, tzinfo=CALIFORNIA)
    converted.save()
    assert _counts("2026-05", "2026-05") == {("2026-05", "determination_due"): (0, 0, 1)}
    assert ("2026-04", "determination_due") not in _counts("2026-04", "2026-04")
