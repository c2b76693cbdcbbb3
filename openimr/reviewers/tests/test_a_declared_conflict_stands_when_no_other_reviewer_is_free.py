"""A reviewer who declares a conflict must not decide the case (LC 139.5(d)) even when no
other reviewer is free to take it: the decline, its statement and its audit row stand, and
staff are told on the case's timeline (``case.reviewer_needed``). The failed replacement had
rolled the whole answer back, leaving the conflicted reviewer assigned."""

import json

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.reviewers import models, services
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.tests.test_assignment_service import AT, DATA, DEMO_PANEL

pytestmark = pytest.mark.django_db
NUMBER = "CM26-0000001"


@pytest.fixture
def one_fitting_reviewer():
    """The panel with only the first reviewer the case gets: nobody to replace them."""
    panel = panel_from_json(DEMO_PANEL.read_text(encoding="utf-8"))
    doc = json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))
    doc.update(case_number=NUMBER)
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    case_import(case=case_from_document(doc), actor="test")
    services.reviewer_store(reviewer=panel["R-101"], actor="test")


def test_the_decline_stands_and_staff_are_told(one_fitting_reviewer):
    [first] = services.reviewer_assign(case_number=NUMBER, actor="clerk", at=AT)
    replacing = services.assignment_attest(
        assignment_id=first.pk,
        actor="reviewer",
        no_conflict=False,
        statement="I treated the employee in 2015.",
        at=AT,
    )
    assert replacing == []
    first.refresh_from_db()
    assert (first.status, first.statement) == ("declined", "I treated the employee in 2015.")
    assert AuditEvent.objects.filter(action="case.reviewer_declined", object_id=NUMBER).exists()
    needed = AuditEvent.objects.get(action="case.reviewer_needed", object_id=NUMBER)
    assert needed.detail["declined"] == "R-101" and needed.detail["reason"]
    assert not models.Assignment.objects.filter(status="proposed").exists()
