"""A panel CSV's ``open_sanctions`` column says a reviewer has disciplinary actions open. The
importer read the number and then dropped it: the reviewer was stored with no sanction and
the panel page called them assignable, and matching chose them for cases (LC 139.5(c): a
reviewer has no disciplinary action or sanction taken or pending)."""

import io
import json

import pytest
import time_machine

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.reviewers import models, services
from openimr.reviewers.tests.builders import DATA
from openimr.reviewers.tests.test_panel_pages import HEADER

pytestmark = pytest.mark.django_db
# A qualified physiatrist in every other respect: the only reviewer who fits the case's items.
SANCTIONED = (
    "R-900,Dr. Sanctioned Person,Orthopedic Surgery,ABOS,2030-12-31,CA,A999999,2030-01-01,no,"
    "20,40,{open},2026-01-05,en,10,"
)


def _import(client, open_sanctions: int) -> str:
    upload = io.BytesIO(f"{HEADER}\n{SANCTIONED.format(open=open_sanctions)}\n".encode())
    upload.name = "panel.csv"
    with time_machine.travel("2026-11-26 17:00Z", tick=False):
        client.post("/reviewers/import/", {"panel": upload})
        return client.get("/reviewers/").content.decode()


def test_the_panel_page_says_a_reviewer_with_open_sanctions_is_not_assignable(client, staff_client):
    row = _import(client, 2).split("R-900")[1].split("</tr>")[0]
    assert "No:" in row and "2 disciplinary action(s) or sanction(s) open" in row


def test_matching_passes_over_a_reviewer_imported_with_open_sanctions(client, staff_client):
    _import(client, 1)
    doc = json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))
    doc.update(case_number="CM26-0000001")
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    case_import(case=case_from_document(doc), actor="test")
    with pytest.raises(services.InvalidInput) as refused:
        services.reviewer_assign(case_number="CM26-0000001", actor="clerk")
    said = " ".join(p.message for p in refused.value.problems)
    assert "no verified, available, conflict-free reviewer" in said
    assert "R-900: 1 disciplinary action(s) or sanction(s) open." in said
    assert not models.Assignment.objects.exists()


def test_importing_the_file_again_does_not_add_the_sanctions_twice(client, staff_client):
    _import(client, 2)
    _import(client, 2)
    assert models.Sanction.objects.filter(reviewer__reviewer_id="R-900").count() == 2


def test_a_sanction_staff_recorded_is_kept_when_the_file_says_none(client, staff_client):
    _import(client, 0)
    reviewer = models.Reviewer.objects.get(reviewer_id="R-900")
    reviewer.sanctions.create(description="Medical board probation", opened="2026-03-01")
    row = _import(client, 0).split("R-900")[1].split("</tr>")[0]
    assert "1 disciplinary action(s) or sanction(s) open" in row


def test_a_sanction_that_has_closed_still_keeps_the_reviewer_off_cases(client, staff_client):
    """LC 139.5(c): no history of disciplinary action or sanctions, taken or pending. A
    probation that ended is history; the panel read "Yes" as soon as it was closed."""
    _import(client, 0)
    reviewer = models.Reviewer.objects.get(reviewer_id="R-900")
    reviewer.sanctions.create(
        description="Medical board probation", opened="2019-03-01", closed="2021-03-01"
    )
    row = _import(client, 0).split("R-900")[1].split("</tr>")[0]
    assert "No:" in row and "on record, closed" in row
