"""Closing a case takes back no miss: a determination that ran out unmet before the case
was withdrawn or terminated is counted overdue in its month and named among the missed
(LC 4610.6(d)); it had vanished from the report with the case, so an overdue review could
be hidden by closing it. One still running when the case closed is not counted, as before.
Cases closed before the report knew when are dated from their timeline (migration 0022).
A case imported whole, decided in its document, is judged by its document's decision day,
as QA judges it, in QA and once issued alike."""

from datetime import datetime
from importlib import import_module

import pytest
from django.apps import apps

from openimr.cases import models, services
from openimr.cases.domain.lifecycle import State
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cases.timeliness import timeliness_report
from openimr.core.clock import CALIFORNIA

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 7, 1, 9, tzinfo=CALIFORNIA)


def _determinations(first="2026-04", last="2026-04", at=NOW):
    report = timeliness_report(first=first, last=last, at=at)
    rows = [(m.on_time, m.late, m.overdue, m.pending) for m in report.months
            if m.name == "determination_due"]  # fmt: skip
    return rows, [(m.case_number, m.outcome.status) for m in report.late]


@pytest.mark.parametrize("target", [State.WITHDRAWN, State.TERMINATED])
def test_a_determination_overdue_when_the_case_closed_stays_missed(late_case, target):
    # Due Wednesday 04/22; the case closed 05/01, nine days later, without a letter.
    closed = datetime(2026, 5, 1, 10, tzinfo=CALIFORNIA)
    services.case_close(row=late_case, target=target, actor="clerk", note="asked", at=closed)
    rows, missed = _determinations()
    assert rows == [(0, 0, 1, 0)]
    assert (late_case.case_number, "overdue") in missed


def test_a_determination_still_running_when_the_case_closed_is_not_counted(late_case):
    closed = datetime(2026, 4, 22, 23, 0, tzinfo=CALIFORNIA)  # its last day, before its end
    services.case_close(
        row=late_case, target=State.WITHDRAWN, actor="clerk", note="asked", at=closed
    )
    assert _determinations() == ([], [])


def test_a_case_closed_before_the_field_is_dated_from_its_timeline(late_case):
    closed = datetime(2026, 5, 1, 10, tzinfo=CALIFORNIA)
    services.case_close(
        row=late_case, target=State.WITHDRAWN, actor="clerk", note="asked", at=closed
    )
    models.Case.objects.filter(pk=late_case.pk).update(closed_at=None)
    import_module("openimr.cases.migrations.0022_case_closed_at").fill_closed_at(apps, None)
    assert models.Case.objects.get(pk=late_case.pk).closed_at == closed
    assert _determinations()[0] == [(0, 0, 1, 0)]


def test_an_imported_case_decided_in_its_document_is_judged_by_its_decision_day(
    three_item_doc,
):
    # Records complete 2016-10-11, so due 11/10; decided 10/24 in its document, in QA now.
    case_import(case=case_from_document(three_item_doc), actor="test")
    at = datetime(2026, 7, 1, tzinfo=CALIFORNIA)
    assert _determinations("2016-11", "2016-11", at) == ([(1, 0, 0, 0)], [])
    three_item_doc["dates"]["decision"] = "2016-11-14"
    case_import(case=case_from_document(three_item_doc), actor="test", replace=True)
    assert _determinations("2016-11", "2016-11", at) == (
        [(0, 1, 0, 0)],
        [("CM16-0400101", "late")],
    )
