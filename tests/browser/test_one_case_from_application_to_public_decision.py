"""One case through the whole product in a real browser, each step reached by the pages'
own links: intake files the application and sees it eligible, sends the Notice of
Assignment, adds a record on the case file, marks the file complete and assigns a reviewer;
the reviewer attests, decides and submits; QA approves and the letter issues; the public
corpus shows the decision de-identified. The segments have tests of their own; this one
holds the joints between them (a page with no way to the next step)."""

import pytest
import time_machine

from conftest import intake_clerk, make_pdf
from openimr.records.models import Record
from openimr.records.services import record_extract
from openimr.review.tests.conftest import PASSWORD, person
from openimr.reviewers import services as reviewers
from openimr.reviewers.panel_format import panel_from_json
from tests.browser.conftest import click_and_load, log_in, screenshot
from tests.browser.test_assign_reviewer import DEMO_PANEL

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMPLOYEE = "Rosa Martínez-Ortega"
NOTE = "Progress note 11/02/2026: positive straight-leg raise on the right; MRI L4-5 protrusion."
RATIONALE = (
    "The MTUS Chronic Pain guideline supports an epidural steroid injection when "
    "radiculopathy is documented by examination and corroborated by imaging; the progress "
    "note documents a positive straight-leg raise and an L4-5 disc protrusion, so the "
    "injection is medically necessary."
)


@pytest.fixture
def cast():
    for reviewer in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        reviewers.reviewer_store(reviewer=reviewer, actor="test")
    person("vasquez", "reviewer")
    reviewers.reviewer_account_link(reviewer_id="R-104", username="vasquez", actor="test")
    person("qa-doc", "qa")
    intake_clerk()


def _page(browser, live_server, username, password=PASSWORD):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    log_in(page, live_server, username, password)
    return page


def _file_the_application(page, tmp_path):
    pdf = tmp_path / "ur.pdf"
    pdf.write_bytes(make_pdf("UR: lumbar epidural steroid injection L4-L5 non-certified."))
    page.click("text=New application")
    for field, value in {
        "#id_employee_name": EMPLOYEE,
        "#id_employee_email": "rosa@example.org",
        "#id_claim_number": "SCIF-2026-55501",
        "#id_date_of_injury": "2025-02-10",
        "#id_ur_decision_date": "2026-11-16",
        "#id_claims_administrator_name": "State Compensation Insurance Fund",
        "#id_physician_name": "Dr. Maria Alvarez",
        "#id_physician_specialty": "Physical Medicine and Rehabilitation",
        "#id_treatment_0": "Lumbar epidural steroid injection, L4-L5",
        "#id_diagnosis_0": "Lumbar radiculopathy",
        "#id_icd10_0": "M54.16",
        "#id_signed_by": EMPLOYEE,
        "#id_signature_date": "2026-11-20",
    }.items():
        page.fill(field, value)
    page.select_option("#id_ur_service_method", "mail")
    page.select_option("#id_category_0", "injections")
    page.select_option("#id_signer_role", "employee")
    page.set_input_files("#id_ur_decision_document", str(pdf))
    click_and_load(page, "text=Submit application")
    assert page.inner_text("#outcome") == "Eligible"
    return page.inner_text("h1").split()[1]


def _intake(page, case_number, tmp_path):
    click_and_load(page, "text=Send notice of assignment")
    page.wait_for_selector("text=Records complete")
    click_and_load(page, "main >> text=Case file")  # the timeline's own link, no URL typed
    note = tmp_path / "progress-note.pdf"
    note.write_bytes(make_pdf(NOTE))
    page.set_input_files("input[type=file]", str(note))
    click_and_load(page, "button:has-text('Upload')")  # stored once the answer is in
    record_extract.call(Record.objects.get(case__case_number=case_number).pk)  # the worker's job
    click_and_load(page, "text=Case file")
    click_and_load(page, "text=Timeline and actions")
    click_and_load(page, "button:has-text('Records complete')")
    page.wait_for_selector("text=determination_due")
    click_and_load(page, "text=Assign reviewer")
    page.wait_for_selector("#explanation")
    assert "R-104" in page.inner_text(".assignment")
    screenshot(page, "journey-intake-assigned")


def _review(page, case_number):
    click_and_load(page, "button[value=no_conflict]")
    click_and_load(page, f"text={case_number}")
    page.click("#summary button[value=summary]")
    page.wait_for_selector("text=The clinical case summary was saved.")
    page.select_option("#id_item-0-decision", "overturned")
    page.select_option("#id_item-0-basis", "mtus-chronic-pain")
    page.fill("#id_item-0-rationale", RATIONALE)
    page.click("#item-0 button[value=item]")
    page.wait_for_selector("text=Item 1 was saved.")
    page.click("#submit button")
    page.wait_for_selector("text=The determination was sent to quality assurance.")


def test_one_case_goes_from_the_application_to_the_public_corpus(
    browser, live_server, cast, tmp_path
):
    with time_machine.travel("2026-11-25 17:00Z", tick=True):
        staff = _page(browser, live_server, "clerk", "a-long-test-password")
        case_number = _file_the_application(staff, tmp_path)
        _intake(staff, case_number, tmp_path)

        _review(_page(browser, live_server, "vasquez"), case_number)

        qa = _page(browser, live_server, "qa-doc")
        click_and_load(qa, f"text={case_number}")
        qa.click("button[value=approve]")
        qa.wait_for_selector("text=The letter was issued")
        screenshot(qa, "journey-letter-issued")

        public = browser.new_context().new_page()
        public.goto(f"{live_server.url}/decisions/?q=epidural")
        click_and_load(public, f"text={case_number}")
        decision = public.inner_text("main")
        assert "Lumbar epidural steroid injection, L4-L5: Overturned" in decision
        for identity in (EMPLOYEE, "Martínez", "SCIF-2026-55501", "Vasquez"):
            assert identity not in decision
        screenshot(public, "journey-public-decision")
