"""The staff panel page, the CSV import page and command, and who may use them."""

import io

import pytest
import time_machine
from django.contrib.auth import get_user_model

from openimr.cli import main
from openimr.reviewers import models, services
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.tests.builders import DEMO_PANEL

pytestmark = pytest.mark.django_db
HEADER = (
    "reviewer_id,name,specialties,boards,certification_expires,license_states,license_numbers,"
    "license_expires,license_restricted,years_in_practice,weekly_hours,open_sanctions,last_verified,"
    "languages,capacity_per_week,affiliations"
)
GOOD = "R-1,Dr. Ada Park,Orthopedic Surgery,ABOS,2030-01-01,CA,A123,2030-01-01,false,12,30,0,2026-01-01,en,10,"
BAD = "R-2,Dr. Bo Li,Psychiatry,ABPN,2030-01-01,ZZ,B1,2030-01-01,false,12,30,0,2026-01-01,en,10,"


@pytest.fixture
def panel():
    for reviewer in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        services.reviewer_store(reviewer=reviewer, actor="test")


def test_the_panel_page_shows_who_is_assignable_and_what_expires(client, staff_client, panel):
    with time_machine.travel("2026-11-26 17:00Z", tick=False):
        body = client.get("/reviewers/").content.decode()
    assert "Dr. Maya Lindqvist" in body
    row_107 = body.split("R-107")[1].split("</tr>")[0]
    assert "No:" in row_107  # its only license expired on 06/30/2026
    assert 'id="expiring"' in body


def test_the_import_page_reports_rejected_rows_and_imports_the_rest(client, staff_client):
    upload = io.BytesIO(f"{HEADER}\n{GOOD}\n{BAD}\n".encode())
    upload.name = "panel.csv"
    body = client.post("/reviewers/import/", {"panel": upload}).content.decode()
    assert "<strong>1</strong> imported" in body and "line 3" in body and "license_states" in body
    assert list(models.Reviewer.objects.values_list("reviewer_id", flat=True)) == ["R-1"]


def test_panel_pages_are_not_for_non_staff(client):
    client.force_login(
        get_user_model().objects.create_user("worker", password="a-long-test-password")
    )
    assert client.get("/reviewers/").status_code == 404
    assert client.get("/reviewers/import/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_import_command_exits_2_naming_the_bad_row_and_keeps_the_good(tmp_path, capsys):
    path = tmp_path / "panel.csv"
    path.write_text(f"{HEADER}\n{GOOD}\n{BAD}\n", encoding="utf-8")
    assert main(["reviewers", "import", str(path)]) == 2
    captured = capsys.readouterr()
    assert "imported 1 reviewer(s), rejected 1 row(s)" in captured.out
    assert "line 3" in captured.err and "license_states" in captured.err
    assert models.Reviewer.objects.filter(reviewer_id="R-1").exists()


def test_another_reviewer_cannot_answer_an_assignment_by_url(client, panel):
    import json
    from pathlib import Path

    from openimr.cases.interchange import case_from_document
    from openimr.cases.services import case_import

    doc = json.loads(
        (
            Path(__file__).resolve().parents[3] / "tests" / "data" / "case-for-matching.json"
        ).read_text()
    )
    doc["case_number"] = "CM26-0000077"
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    case_import(case=case_from_document(doc), actor="test")
    with time_machine.travel("2026-11-26 17:00Z", tick=False):
        [assignment] = services.reviewer_assign(case_number="CM26-0000077", actor="clerk")
    intruder = get_user_model().objects.create_user(
        "other-reviewer", password="a-long-test-password"
    )
    client.force_login(intruder)
    response = client.post(f"/reviewers/attest/{assignment.pk}/", {"answer": "no_conflict"})
    assert response.status_code == 404
    assignment.refresh_from_db()
    assert assignment.status == "proposed"
