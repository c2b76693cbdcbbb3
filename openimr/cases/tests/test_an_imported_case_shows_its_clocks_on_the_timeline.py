"""A case imported whole (no application filed through intake) whose records are complete
has a determination clock running: the work queue shows its due date, so its timeline shows
the same deadline, with its rule, source and status, instead of hiding the card. The records
are complete on the day its document gives (`dates.records_complete`), the one fact an
import records: an intake instant set on the row had stood in for it, which no import sets."""

from datetime import datetime

import pytest
import time_machine

from openimr.cases import models
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.core.clock import CALIFORNIA

pytestmark = pytest.mark.django_db


def test_the_timeline_of_an_imported_case_lists_its_determination_deadline(
    client, staff_client, three_item_doc
):
    # Decided in its document on 11/20, it waits in QA: the letter is not yet in writing.
    three_item_doc["dates"] |= {"records_complete": "2026-11-02", "decision": "2026-11-20"}
    row = case_import(case=case_from_document(three_item_doc), actor="test")
    assert models.Case.objects.get(pk=row.pk).records_complete_at is None
    with time_machine.travel(datetime(2026, 11, 27, 9, 0, tzinfo=CALIFORNIA), tick=False):
        client.force_login(staff_client)
        queue = client.get("/cases/queue/").content.decode()
        body = client.get(f"/cases/{row.case_number}/timeline/").content.decode()
    assert "12/02/2026" in queue  # 30 days from 11/2 (LC 4610.6(d))
    assert 'id="deadlines"' in body
    (deadline,) = body.split('<tr class="deadline">')[1:]
    assert "determination_due" in deadline and "12/02/2026 23:59" in deadline
    assert "Due within 2 days" not in deadline and "On track" in deadline
    assert "LC 4610.6(d)" in deadline
