"""Staff assign a reviewer from the case page in a real browser and see why that reviewer
was chosen and who was excluded."""

import json
from pathlib import Path

import pytest
import time_machine

from conftest import intake_clerk
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.reviewers import services as reviewers
from openimr.reviewers.panel_format import panel_from_json
from tests.browser.conftest import click_and_load, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DATA = Path(__file__).resolve().parents[1] / "data"
DEMO_PANEL = Path(__file__).resolve().parents[2] / "openimr" / "demo" / "panel.json"


@pytest.fixture
def case_and_panel():
    for reviewer in panel_from_json((DEMO_PANEL).read_text(encoding="utf-8")).values():
        reviewers.reviewer_store(reviewer=reviewer, actor="test")
    doc = json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))
    doc.update(case_number="CM26-0000042")
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    case_import(case=case_from_document(doc), actor="test")
    intake_clerk()
    return "CM26-0000042"


def test_assign_a_reviewer_from_the_case_page_and_read_the_explanation(
    live_server, page, case_and_panel
):
    with time_machine.travel("2026-11-26 17:00Z", tick=True):
        log_in(page, live_server, "clerk", "a-long-test-password")
        page.goto(f"{live_server.url}/cases/{case_and_panel}/timeline/")
        assert "No reviewer assigned yet" in page.inner_text("#reviewer")
        click_and_load(page, "text=Assign reviewer")
        explanation = page.inner_text("#explanation")
        assignment = page.inner_text(".assignment")
        assert "Awaiting attestation" in assignment
        assert "Why this choice" in explanation and "Excluded" in explanation
        assert "R-102" in explanation  # tied to the claims administrator and the employer
        screenshot(page, "reviewer-assigned-explanation")
        click_and_load(page, "text=Attest: no conflict")
        assert "Attested" in page.inner_text(".assignment")
        screenshot(page, "reviewer-attested")
