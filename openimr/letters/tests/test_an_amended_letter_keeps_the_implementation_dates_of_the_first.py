"""A correction changes wording, never a decision (docs/letters.md), so it cannot move the
dates by which the claims administrator must authorize or pay for an overturned item: they
run from receipt of the determination (8 CCR 9792.10.7(a)), which the first letter served.
An amended letter issued weeks later prints the first letter's dates, not later ones, and
mailing it late records none either."""

import re
from dataclasses import replace

import pytest
import time_machine

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.letters.models import LetterService
from openimr.letters.selectors import issued_case
from openimr.letters.services import letter_amend, letter_issue, letter_service_mark_printed

pytestmark = pytest.mark.django_db
DEADLINE = re.compile(
    r"Overturned items (?:already provided )?must be \S+ (?:for )?by [A-Z][a-z]+ \d+, \d{4}"
)


def _deadlines(text: str) -> list[str]:
    return DEADLINE.findall(" ".join(text.split()))


def test_a_correction_three_weeks_later_prints_the_dates_of_the_first_letter(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    with time_machine.travel("2026-11-24 17:00Z", tick=False):
        first = letter_issue(case_number="CM16-0400101", actor="qa")
    corrected = issued_case("CM16-0400101")
    assert corrected is not None
    corrected = replace(corrected, clinical_summary=corrected.clinical_summary + " Corrected.")
    with time_machine.travel("2026-12-15 17:00Z", tick=False):
        amended = letter_amend(
            case_number="CM16-0400101", corrected=corrected, reason="a typo", actor="qa"
        )
    assert len(_deadlines(first.text)) == 2
    assert _deadlines(amended.text) == _deadlines(first.text)
    assert "Corrected." in amended.text


def test_mailing_the_amended_letter_late_records_no_later_dates(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    with time_machine.travel("2026-11-24 17:00Z", tick=False):
        letter_issue(case_number="CM16-0400101", actor="qa")
    corrected = issued_case("CM16-0400101")
    assert corrected is not None
    with time_machine.travel("2026-12-15 17:00Z", tick=False):
        amended = letter_amend(
            case_number="CM16-0400101", corrected=corrected, reason="a typo", actor="qa"
        )
    service = LetterService.objects.get(
        pdf_sha256=amended.pdf_sha256, party_role="claims_administrator"
    )
    assert service.method == LetterService.MAIL
    with time_machine.travel("2027-01-05 17:00Z", tick=False):
        printed = letter_service_mark_printed(
            service_id=service.pk, actor="clerk", postal_address="1 Capitol Mall, Sacramento"
        )
    assert printed.deadlines == ""
