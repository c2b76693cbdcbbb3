"""Intake staff file an application without its UR decision in a real browser: it screens
ineligible; they ask the claims administrator for the decision (8 CCR 9792.10.3(c)), see the
case held with the answer's due date, record the answer, then the outcome eligible, and the
Notice of Assignment is due the next business day (8 CCR 9792.10.4(b))."""

import pytest
import time_machine

from conftest import intake_clerk
from tests.browser.conftest import click_and_load, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def clerk():
    return intake_clerk()


def _file_without_the_ur_decision(page):
    page.click("text=New application")
    page.fill("#id_claim_number", "SCIF-2024-207311")
    page.fill("#id_employee_name", "Zoë Łukasiewicz")
    page.fill("#id_employee_email", "zoe@example.org")
    page.fill("#id_date_of_injury", "2023-06-14")
    page.fill("#id_ur_decision_date", "2024-03-01")
    page.select_option("#id_ur_service_method", "mail")
    page.fill("#id_claims_administrator_name", "State Compensation Insurance Fund")
    page.fill("#id_claims_administrator_address", "P.O. Box 65005\nFresno, CA 93650")
    page.fill("#id_physician_name", "Dr. Alan Whitcomb")
    page.fill("#id_treatment_0", "MRI of the right knee without contrast")
    page.fill("#id_diagnosis_0", "Internal derangement of the right knee")
    page.fill("#id_icd10_0", "M23.91")
    page.select_option("#id_category_0", "diagnostics")
    page.fill("#id_signed_by", "Zoë Łukasiewicz")
    page.select_option("#id_signer_role", "employee")
    page.fill("#id_signature_date", "2024-03-18")
    click_and_load(page, "text=Submit application")


def test_ask_the_claims_administrator_record_the_answer_and_find_the_case_eligible(
    live_server, page, clerk
):
    # Wednesday 03/20/2024, 10 a.m. in California.
    with time_machine.travel("2024-03-20 17:00Z", tick=True):
        log_in(page, live_server, "clerk", "a-long-test-password")
        _file_without_the_ur_decision(page)
        assert page.inner_text("#outcome") == "Ineligible"
        case_number = page.inner_text("h1").split()[1]

        page.click("text=Request eligibility information")
        page.select_option("#id_party", "claims_administrator")
        page.fill("#id_text", "The written UR decision of March 1, 2024: please send a copy.")
        with page.expect_navigation():
            page.click("text=Serve the request")
        # Mailed (no e-mail address on file): 5 business days to 03/27, 5 days more to
        # Monday 04/01, Cesar Chavez Day, so Tuesday 04/02.
        held = page.inner_text("#held")
        assert "served by mail" in held
        assert "due by 04/02/2024" in held
        assert "eligibility_information_due" in page.inner_text("#deadlines")
        screenshot(page, "information-requested")

        page.click("text=Record the information received")
        page.fill("#id_note", "The claims administrator sent the UR decision of March 1, 2024.")
        with page.expect_navigation():
            page.click("button:has-text('Record the information received')")
        assert "the answer was recorded on 03/20/2024" in page.inner_text("#held")

        page.select_option("#outcome-form select[name=outcome]", "eligible")
        page.fill("#outcome-form input[name=reason]", "The UR decision arrived and is in order.")
        button = page.locator("#outcome-form button[value=override]")
        assert button.inner_text() == "Record the screening outcome"
        with page.expect_navigation():
            button.click()
        assert page.inner_text("#outcome") == "Eligible"
        assert page.locator("#held").count() == 0
        noarfi = page.locator("#deadlines tr.deadline", has_text="noarfi_due")
        assert noarfi.count() == 1
        assert "03/21/2024" in noarfi.inner_text()
        screenshot(page, "information-answered-eligible")

    from openimr.cases.models import Case

    assert Case.objects.get(case_number=case_number).state == "eligible"
