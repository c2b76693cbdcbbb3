"""The timeliness page shows staff each deadline that fell due in the months asked for: a
Notice of Assignment sent late, records the claims administrator sent late, a determination
overdue, month by month (8 CCR 9792.10.4(b), 9792.10.5(a)(1); LC 4610.6(d)), the cases behind
them and the administrator who was late; its CSV says the same; a bad month is named."""

import csv
import io
from datetime import datetime

import pytest
import time_machine

from openimr.core.clock import CALIFORNIA

pytestmark = pytest.mark.django_db
TODAY = datetime(2026, 6, 1, 9, 0, tzinfo=CALIFORNIA)


def _page(client, query):
    with time_machine.travel(TODAY, tick=False):
        return client.get(f"/cases/timeliness/{query}")


def test_the_months_count_each_deadline_late_or_overdue(client, staff_client, late_case):
    response = _page(client, "?from=2026-03&to=2026-04&format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    found = {(r["month"], r["clock"]): (r["late"], r["overdue"], r["on_time_share"]) for r in rows}
    assert found == {
        ("2026-03", "noarfi_due"): ("1", "0", "0.0000"),
        ("2026-03", "records_due"): ("1", "0", "0.0000"),
        ("2026-04", "determination_due"): ("0", "1", "0.0000"),
    }


def test_the_page_lists_the_cases_and_the_administrator_that_was_late(
    client, staff_client, late_case
):
    body = _page(client, "?from=2026-03&to=2026-04").content.decode()
    assert "3 deadlines met late or overdue" in body
    assert f'href="/cases/{late_case.case_number}/timeline/"' in body
    assert "<td>Late Mutual</td><td>1</td><td>1</td>" in body
    assert "Not met: overdue" in body


def test_months_before_the_deadlines_count_nothing(client, staff_client, late_case):
    body = _page(client, "?from=2026-01&to=2026-02").content.decode()
    assert "No deadline fell due in these months." in body


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("?from=2026-13&to=2026-12", "from: &#x27;2026-13&#x27; is not a month written YYYY-MM"),
        ("?from=2026-05&to=2026-04", "to: 2026-04 is before 2026-05"),
        ("?from=2025-01&to=2026-04", "to: 2025-01 to 2026-04 is 16 months; at most 12"),
    ],
)
def test_a_bad_span_is_named_and_nothing_is_counted(client, staff_client, query, said):
    response = _page(client, query)
    assert response.status_code == 400
    assert said in response.content.decode()
