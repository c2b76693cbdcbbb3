"""The notice of ineligibility tells the worker a new application must reach the IMRO by the
last day to apply about the UR decision (LC 4610.5(h)(1)). Once that day has passed (a late
application above all, refused for lateness), it had still invited one "by" the past date,
an application that could only be refused again: it now says the time to apply has passed,
leaving the appeal to the WCAB. Before the last day, the invitation stands."""

from datetime import UTC, datetime

import pytest

from openimr.cases.tests.conftest import filed

pytestmark = pytest.mark.django_db


def _notice_text(row) -> str:
    return " ".join(row.notices.get(kind="ineligible").text.split())


def test_a_late_applications_notice_says_the_time_to_apply_has_passed(application_doc):
    # The UR decision of March 1, 2024 was mailed: the last day was April 5, 2024.
    row = filed(application_doc, at=datetime(2024, 4, 10, 17, 0, tzinfo=UTC))
    assert [r["code"] for r in row.application.reasons] == ["late"]
    text = _notice_text(row)
    assert "must reach us by April 5, 2024" not in text
    assert (
        "The last day to apply about this utilization review decision, April 5, 2024, has passed"
        in text
    )
    assert "Workers' Compensation Appeals Board" in text


def test_an_unsigned_application_in_time_is_still_invited_to_apply_again(application_doc):
    row = filed(application_doc, signature=None)
    text = _notice_text(row)
    assert "it must reach us by April 5, 2024, the last day to apply" in text
