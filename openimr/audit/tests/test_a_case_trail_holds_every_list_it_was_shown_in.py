"""A case's exported trail (its accounting of disclosures, HIPAA 45 CFR 164.528) holds each
staff list that showed it, on SQLite as on PostgreSQL: the list's event names its cases in
``detail.cases``, which SQLite cannot search, so each case is indexed beside the event."""

import json

import pytest

from openimr.audit.models import AuditEvent, AuditEventCase
from openimr.audit.selectors import case_trail, trail_verify
from openimr.audit.services import audit_event, audit_list_viewed, audit_save
from openimr.audit.tests.tampering import tamper
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db
CASE = "CM16-0400101"


def _trail(client) -> list[dict]:
    response = client.get(f"/audit/cases/{CASE}/trail.json")
    assert response.status_code == 200
    return json.loads(response.content)["events"]


def test_the_case_list_that_showed_the_case_is_in_its_exported_trail(
    client, staff_client, three_item_doc
):
    case_import(case=case_from_document(three_item_doc), actor="test")
    assert client.get("/cases/").status_code == 200
    listed = [e for e in _trail(client) if e["action"] == "list.viewed"]
    assert [(e["object_id"], e["actor"]) for e in listed] == [("cases:list", "clerk")]
    assert CASE in listed[0]["detail"]["cases"]


def test_a_list_is_in_the_trail_of_each_case_it_showed_and_of_no_other():
    audit_list_viewed(actor="test", page="cases:queue", cases=[CASE, "CM16-0400102", CASE])
    audit_list_viewed(actor="test", page="cases:queue", cases=["CM16-0400103"])
    assert [e.detail["cases"] for e in case_trail(CASE)] == [[CASE, "CM16-0400102"]]
    assert case_trail("CM16-0400104").count() == 0
    assert AuditEventCase.objects.filter(case_number=CASE).count() == 1


def test_a_batch_of_events_indexes_the_cases_each_lists_and_keeps_the_chain():
    listing = audit_event(
        actor="test",
        action="list.viewed",
        object_type="page",
        object_id="review:outbox",
        detail={"cases": [CASE]},
    )
    other = audit_event(actor="test", action="case.viewed", object_type="case", object_id="X")
    audit_save([other, listing])
    assert [e.object_id for e in case_trail(CASE)] == ["review:outbox"]
    assert AuditEventCase.objects.get().event == AuditEvent.objects.get(object_id="review:outbox")
    assert trail_verify().ok


def test_verify_names_an_index_row_removed_or_added():
    """The chain does not cover the index: a row deleted (by someone who dropped its
    triggers) would hide a list from a case's trail with every hash intact, so
    `audit verify` compares the two."""
    event = audit_list_viewed(actor="test", page="cases:list", cases=[CASE, "CM16-0400102"])
    tamper(
        ("DELETE FROM audit_auditeventcase WHERE case_number = %s", [CASE]),
        (
            "INSERT INTO audit_auditeventcase (event_id, case_number) VALUES (%s, %s)",
            [event.pk, "CM16-0400109"],
        ),
    )
    report = trail_verify()
    assert [(p.event_id, p.kind, p.message) for p in report.problems] == [
        (event.pk, "unindexed", f"it lists case {CASE}, missing from the case index"),
        (event.pk, "unindexed", "the case index names case CM16-0400109, which it does not list"),
    ]
