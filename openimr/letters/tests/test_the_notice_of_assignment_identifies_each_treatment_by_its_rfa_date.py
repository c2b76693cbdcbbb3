"""The NOARFI identifies the disputed treatment by the date of the Request for Authorization
"if available", the requesting physician and the UR decision date (8 CCR 9792.10.4(b)(2)):
built from facts alone, without a database."""

from dataclasses import replace

from openimr.letters.domain.content import BulletList
from openimr.letters.domain.notices import NoticeFacts, build_noarfi
from openimr.letters.domain.template import NOTICES_PATH, load_template
from openimr.letters.render.text import render_text

FACTS = NoticeFacts(
    case_number="CM24-0000001",
    claim_number="C-1",
    employee_name="Rosa Delgado",
    claims_administrator="SCIF",
    requesting_physician="Dr. Alan Whitcomb, Orthopedic Surgery",
    ur_decision_date="March 1, 2024",
    application_received="March 20, 2024",
    expedited=False,
    treatments=("MRI of the right knee", "Physical therapy, 12 sessions"),
    rfa_dates=("February 20, 2024", "not stated"),
)


def _disputed(facts: NoticeFacts) -> tuple[str, ...]:
    letter = build_noarfi(facts, load_template(None, NOTICES_PATH))
    blocks = letter.section("DISPUTED TREATMENT").blocks
    return next(b for b in blocks if isinstance(b, BulletList)).entries


def test_each_treatment_is_listed_with_the_date_of_its_request():
    assert _disputed(FACTS) == (
        "MRI of the right knee (date of the Request for Authorization: February 20, 2024)",
        "Physical therapy, 12 sessions (date of the Request for Authorization: not stated)",
    )


def test_the_physician_and_the_ur_decision_date_stand_in_the_header():
    text = render_text(build_noarfi(FACTS, load_template(None, NOTICES_PATH)))
    assert "Dr. Alan Whitcomb, Orthopedic Surgery" in text
    assert "March 1, 2024" in text


def test_facts_frozen_without_rfa_dates_list_the_treatments_alone():
    assert _disputed(replace(FACTS, rfa_dates=())) == FACTS.treatments
