"""The Final Determination Letter says which board certifications the reviewer holds and
where they are licensed to practice (LC 139.5(c); the seed letter: "Board Certified in
Physical Medicine & Rehabilitation and is licensed to practice in Nevada"). Those facts were
taken from every certification and unrestricted license on file, lapsed or not yet in force:
a reviewer whose Arizona license had expired was said, in a binding letter, to be licensed
to practice in Arizona, and board certified in a specialty whose certification had lapsed."""

import json
from dataclasses import replace
from datetime import date

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.selectors import case_by_number
from openimr.cases.services import case_import
from openimr.letters.selectors import letter_html_for
from openimr.reviewers import services
from openimr.reviewers.domain.panel import Certification, License
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.tests.test_assignment_service import AT, DATA, DEMO_PANEL

pytestmark = pytest.mark.django_db
LAPSED = Certification("American Board of Surgery", "Hand Surgery", date(2024, 12, 31))
EXPIRED = License("AZ", "AZ-5521", expires=date(2025, 1, 31), issued=date(2010, 1, 4))
NOT_YET = License("OR", "OR-7711", issued=date(2027, 3, 1), expires=date(2029, 3, 1))


@pytest.fixture
def panel_with_old_and_future_credentials():
    for reviewer in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        stale = replace(
            reviewer,
            certifications=(*reviewer.certifications, LAPSED),
            licenses=(*reviewer.licenses, EXPIRED, NOT_YET),
        )
        services.reviewer_store(reviewer=stale, actor="test")


@pytest.fixture
def case():
    """A case no reviewer has attested on yet: nothing is known of its reviewer."""
    doc = json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))
    doc["case_number"] = "CM26-0000001"
    doc["reviewer"] = {
        "specialties": [],
        "board_certified": None,
        "licensed_in": [],
        "years_in_practice": None,
        "weekly_hours": None,
    }
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    case_import(case=case_from_document(doc), actor="test")


def _attested() -> str:
    [assignment] = services.reviewer_assign(case_number="CM26-0000001", actor="clerk", at=AT)
    services.assignment_attest(
        assignment_id=assignment.pk, actor="reviewer", no_conflict=True, statement="", at=AT
    )
    return assignment.reviewer.reviewer_id


def test_lapsed_and_future_credentials_are_not_recorded_for_the_letter(
    panel_with_old_and_future_credentials,
    case,
):
    _attested()
    stored = case_by_number("CM26-0000001").reviewer
    assert "Hand Surgery" not in stored.specialties
    assert stored.specialties  # the certification in force is still there
    assert not {"AZ", "OR"} & set(stored.licensed_in)
    assert stored.licensed_in


def test_the_letter_does_not_say_the_reviewer_is_licensed_where_the_license_lapsed(
    panel_with_old_and_future_credentials,
    case,
):
    _attested()
    _, html = letter_html_for("CM26-0000001")
    how_made = html.split("CLINICAL CASE SUMMARY")[0]
    assert "licen" in how_made
    assert "Arizona" not in how_made and "Oregon" not in how_made
    assert "Hand Surgery" not in how_made
