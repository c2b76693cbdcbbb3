"""An application refused for a defect the worker can correct (no signature, no UR decision
attached) is often refused well before the last day to apply. The notice invites a corrected
application and gives that day: it must not speak of it as gone ("your last day ... was"),
or the worker reads that it is too late to send the corrected copy (8 CCR 9792.10.3)."""

from openimr.letters.domain.notices import NoticeFacts, build_screening_notice
from openimr.letters.domain.template import NOTICES_PATH, load_template
from openimr.letters.render.text import render_text

UNSIGNED = NoticeFacts(
    case_number="CM26-0000009",
    claim_number="C-1",
    employee_name="Rosa Delgado",
    claims_administrator="SCIF",
    requesting_physician="Dr. Alan Whitcomb",
    ur_decision_date="November 10, 2026",
    application_received="November 27, 2026",
    expedited=False,
    treatments=("MRI of the right knee",),
    reasons=("Your application was not signed.",),
    last_day="December 10, 2026",
    sent_on="November 27, 2026",
)


def _what_you_can_do(facts: NoticeFacts) -> str:
    letter = build_screening_notice(facts, load_template(None, NOTICES_PATH), "ineligible")
    return " ".join(render_text(letter).split("WHAT YOU CAN DO", 1)[1].split())


def test_the_last_day_to_send_a_corrected_application_is_given_as_a_day_to_meet():
    after = _what_you_can_do(UNSIGNED)
    assert "was December 10, 2026" not in after
    assert "must reach us by December 10, 2026" in after
