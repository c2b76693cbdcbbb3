"""Intake staff file an application through the web form in a real browser, see it
screened eligible, and find it in the work queue with its due date."""

import pytest
import time_machine

from conftest import intake_clerk, make_pdf
from tests.browser.conftest import click_and_load, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def clerk():
    return intake_clerk()


def test_file_an_application_see_it_eligible_and_find_it_in_the_queue(
    live_server, page, clerk, tmp_path
):
    pdf = tmp_path / "ur-decision.pdf"
    pdf.write_bytes(make_pdf())
    with time_machine.travel("2024-03-20 17:00Z", tick=True):
        log_in(page, live_server, "clerk", "a-long-test-password")
        page.click("text=New application")

        page.fill("#id_claim_number", "SCIF-2024-118220")
        page.fill("#id_employee_name", "Zoë Łukasiewicz")
        page.fill("#id_employee_email", "zoe@example.org")
        page.fill("#id_date_of_injury", "2023-06-14")
        page.fill("#id_ur_decision_date", "2024-03-01")
        page.select_option("#id_ur_service_method", "mail")
        page.fill("#id_claims_administrator_name", "State Compensation Insurance Fund")
        page.fill("#id_physician_name", "Dr. Alan Whitcomb")
        page.fill("#id_treatment_0", "MRI of the right knee without contrast")
        page.fill("#id_diagnosis_0", "Internal derangement of the right knee")
        page.fill("#id_icd10_0", "M23.91")
        page.select_option("#id_category_0", "diagnostics")
        page.fill("#id_signed_by", "Zoë Łukasiewicz")
        page.select_option("#id_signer_role", "employee")
        page.fill("#id_signature_date", "2024-03-18")
        page.set_input_files("#id_ur_decision_document", str(pdf))
        screenshot(page, "intake-form-filled")
        click_and_load(page, "text=Submit application")
        assert page.inner_text("#outcome") == "Eligible"
        case_number = page.inner_text("h1").split()[1]
        assert "noarfi_due" in page.inner_text("#deadlines")
        screenshot(page, "intake-case-timeline")

        click_and_load(page, "text=Work queue")
        row = page.locator("#queue tr", has_text=case_number)
        assert row.count() == 1
        assert "noarfi_due" in row.inner_text()
        assert "03/21/2024" in row.inner_text()
        screenshot(page, "intake-work-queue")


def test_a_bad_field_is_marked_in_the_browser_and_nothing_is_filed(live_server, page, clerk):
    from openimr.cases.models import Case

    log_in(page, live_server, "clerk", "a-long-test-password")
    page.goto(f"{live_server.url}/cases/new/")
    page.fill("#id_employee_email", "not-an-address")
    click_and_load(page, "text=Submit application")
    assert page.locator('[data-field="employee_email"]').inner_text() == "is not an email address"
    assert page.locator('[data-field="employee_name"]').count() == 1
    screenshot(page, "intake-form-errors")
    assert Case.objects.count() == 0
