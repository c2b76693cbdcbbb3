"""A case imported whole (`openimr case import`) has no complete-records instant recorded
here, only the day its document gives (``dates.records_complete``). Its determination is
due 30 days from that day (LC 4610.6(d)) on the staff side too: the work queue sorts and
shows it, the timeline lists the clock, and the records are not shown as still awaited.
QA's page already read the day; the queue and timeline read it by the same rule. Open cases
imported before the import stored the queue's next due instant get it from migration 0023."""

from datetime import datetime
from importlib import import_module

import pytest
import time_machine
from django.apps import apps

from openimr.cases import models
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.core.clock import CALIFORNIA

pytestmark = pytest.mark.django_db


def _import(doc):
    """Imported decided, the case waits in QA: its determination is not yet in writing."""
    return case_import(case=case_from_document(doc), actor="test")


def test_the_queue_sorts_and_shows_an_imported_case_by_its_determination_due_day(
    client, staff_client, three_item_doc
):
    row = _import(three_item_doc)  # records complete 2016-10-11
    assert (row.next_due_name, row.next_due_at) == (
        "determination_due",
        datetime(2016, 11, 10, 23, 59, 59, 999999, tzinfo=CALIFORNIA),
    )
    with time_machine.travel(datetime(2016, 11, 1, 9, 0, tzinfo=CALIFORNIA), tick=False):
        queue = client.get("/cases/queue/").content.decode()
    assert "11/10/2016" in queue


def test_the_timeline_of_an_imported_case_lists_the_determination_clock_alone(
    client, staff_client, three_item_doc
):
    row = _import(three_item_doc)
    with time_machine.travel(datetime(2016, 11, 1, 9, 0, tzinfo=CALIFORNIA), tick=False):
        body = client.get(f"/cases/{row.case_number}/timeline/").content.decode()
    (deadline,) = body.split('<tr class="deadline">')[1:]
    assert "determination_due" in deadline and "11/10/2016 23:59" in deadline
    assert "LC 4610.6(d)" in deadline


def test_an_imported_case_without_a_records_complete_day_has_no_clock(
    client, staff_client, three_item_doc
):
    three_item_doc["dates"]["records_complete"] = None
    row = _import(three_item_doc)
    assert (row.next_due_name, row.next_due_at) == ("", None)
    stored = models.Case.objects.get(pk=row.pk)
    assert stored.next_due_at is None


def test_an_open_case_imported_before_gets_its_next_due_instant_from_the_migration(
    three_item_doc,
):
    row = _import(three_item_doc)
    models.Case.objects.filter(pk=row.pk).update(next_due_at=None, next_due_name="")
    migration = import_module("openimr.cases.migrations.0023_imported_cases_next_due")
    migration.fill_next_due(apps, None)
    stored = models.Case.objects.get(pk=row.pk)
    assert (stored.next_due_name, stored.next_due_at) == (row.next_due_name, row.next_due_at)
