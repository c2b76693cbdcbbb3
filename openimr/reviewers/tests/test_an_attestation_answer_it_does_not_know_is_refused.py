"""The attestation form answers ``no_conflict`` or ``conflict`` (LC 139.5). Any other answer
sent with a statement ("yes", a typo, an empty value) used to count as declaring a conflict
and replaced the reviewer; it is refused with 400 naming the values it takes, and the
assignment stays as it was."""

import json
from pathlib import Path

import pytest
import time_machine

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.reviewers import models, services
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.tests.builders import DEMO_PANEL

pytestmark = pytest.mark.django_db
CASE = Path(__file__).resolve().parents[3] / "tests" / "data" / "case-for-matching.json"


@pytest.fixture
def assignment():
    for reviewer in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        services.reviewer_store(reviewer=reviewer, actor="test")
    doc = json.loads(CASE.read_text())
    doc["case_number"] = "CM26-0000078"
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    case_import(case=case_from_document(doc), actor="test")
    with time_machine.travel("2026-11-26 17:00Z", tick=False):
        [proposed] = services.reviewer_assign(case_number="CM26-0000078", actor="clerk")
    return proposed


@pytest.mark.parametrize("answer", ["yes", "Conflict", "", "no conflict"])
def test_an_unknown_answer_is_refused_and_the_reviewer_is_kept(
    client, staff_client, assignment, answer
):
    events = AuditEvent.objects.count()
    response = client.post(
        f"/reviewers/attest/{assignment.pk}/",
        {"answer": answer, "statement": "I know the employer's counsel."},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "answer" in text and "no_conflict" in text and "conflict" in text
    assignment.refresh_from_db()
    assert assignment.status == "proposed"
    assert models.Assignment.objects.filter(case_id=assignment.case_id).count() == 1
    assert AuditEvent.objects.count() == events


def test_a_missing_answer_is_refused_too(client, staff_client, assignment):
    response = client.post(f"/reviewers/attest/{assignment.pk}/", {"statement": "a conflict"})
    assert response.status_code == 400
    assignment.refresh_from_db()
    assert assignment.status == "proposed"


def test_the_documented_answers_still_work(client, staff_client, assignment):
    client.post(
        f"/reviewers/attest/{assignment.pk}/",
        {"answer": "conflict", "statement": "I treated the employee in 2019."},
    )
    assignment.refresh_from_db()
    assert assignment.status == "declined"
    [replacement] = models.Assignment.objects.filter(case_id=assignment.case_id, status="proposed")
    client.post(f"/reviewers/attest/{replacement.pk}/", {"answer": "no_conflict"})
    replacement.refresh_from_db()
    assert replacement.status == "attested"
