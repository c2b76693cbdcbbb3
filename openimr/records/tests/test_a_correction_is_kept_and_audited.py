"""Staff correct what was inferred about a record; the audit row keeps both versions, a
later reading of the text keeps the correction, and a bad correction changes nothing."""

from datetime import date

import pytest
import time_machine

from openimr.audit.models import AuditEvent
from openimr.core.errors import InvalidInput
from openimr.records import services
from openimr.records.models import Record
from openimr.records.tests.receiving import PROGRESS_NOTE

pytestmark = pytest.mark.django_db
CORRECTED = {
    "kind": "evaluation",
    "author": "  Dr. Ramón Ortega-Vásquez ",
    "date_of_service": date(2016, 6, 14),
    "title": "Orthopedic consultation",
}


def test_the_corrected_facts_are_stored_with_who_and_when(receive):
    record = receive(*PROGRESS_NOTE)
    with time_machine.travel("2024-05-01 17:00Z", tick=False):
        services.record_edit(record=record, actor="clerk", **CORRECTED)
    record = Record.objects.get(pk=record.pk)
    assert (record.kind, record.author, record.title) == (
        "evaluation",
        "Dr. Ramón Ortega-Vásquez",
        "Orthopedic consultation",
    )
    assert record.date_of_service == date(2016, 6, 14)
    assert record.edited_by == "clerk" and record.edited_at.isoformat().startswith("2024-05-01")


def test_the_audit_row_keeps_the_values_before_and_after(receive):
    record = receive(*PROGRESS_NOTE)
    inferred_kind = record.kind
    services.record_edit(record=record, actor="clerk", **CORRECTED)
    event = AuditEvent.objects.get(action="record.edited")
    assert (event.object_id, event.actor_label) == (str(record.pk), "clerk")
    assert event.detail["before"]["kind"] == inferred_kind
    assert event.detail["after"] == {
        "kind": "evaluation",
        "author": "Dr. Ramón Ortega-Vásquez",
        "date_of_service": "2016-06-14",
        "title": "Orthopedic consultation",
    }


def test_reading_the_text_again_keeps_the_correction(receive):
    record = receive(*PROGRESS_NOTE)
    services.record_edit(record=record, actor="clerk", **CORRECTED)
    services.record_extract_again(record=record, actor="clerk")
    record = Record.objects.get(pk=record.pk)
    assert (record.status, record.kind, record.title) == (
        "extracted",
        "evaluation",
        "Orthopedic consultation",
    )


def test_an_empty_author_is_unknown(receive):
    record = receive(*PROGRESS_NOTE)
    services.record_edit(record=record, actor="clerk", **{**CORRECTED, "author": "   "})
    assert Record.objects.get(pk=record.pk).author is None


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"kind": "poem"}, "$.kind"),
        ({"author": "x" * 301}, "$.author"),
        ({"title": "x" * 301}, "$.title"),
        ({"date_of_service": date(2099, 1, 1)}, "$.date_of_service"),
        ({"date_of_service": date(1, 1, 1)}, "$.date_of_service"),
    ],
    ids=["unknown kind", "long author", "long title", "future date", "year 1"],
)
def test_a_bad_correction_is_refused_and_changes_nothing(receive, change, path):
    record = receive(*PROGRESS_NOTE)
    before = Record.objects.values().get(pk=record.pk)
    with pytest.raises(InvalidInput) as caught:
        services.record_edit(record=record, actor="clerk", **{**CORRECTED, **change})
    assert [p.path for p in caught.value.problems] == [path]
    assert Record.objects.values().get(pk=record.pk) == before
    assert not AuditEvent.objects.filter(action="record.edited").exists()
