"""A drug-formulary dispute runs on its own, shorter clock (LC 4610.6(d)(1)(A)): its Notice of
Assignment says so, in its header and its track, rather than "the regular schedule". A
notice issued before the track was kept reads as it did."""

from dataclasses import replace

from openimr.letters.domain.notices import NoticeFacts, build_noarfi
from openimr.letters.domain.template import NOTICES_PATH, load_template
from openimr.letters.render.text import render_text

FACTS = NoticeFacts(
    case_number="CM24-0000001",
    claim_number="C-1",
    employee_name="Rosa Delgado",
    claims_administrator="SCIF",
    requesting_physician="Dr. Alan Whitcomb",
    ur_decision_date="March 1, 2024",
    application_received="March 20, 2024",
    expedited=False,
    treatments=("Celecoxib 200 mg, 30 capsules",),
    records_due="April 2, 2024",
)


def _words(facts: NoticeFacts) -> str:
    return " ".join(render_text(build_noarfi(facts, load_template(None, NOTICES_PATH))).split())


def test_a_formulary_disputes_notice_names_the_formulary_track():
    text = _words(replace(FACTS, formulary=True))
    assert "Review: Formulary" in text
    assert "drug-formulary dispute" in text and "five working days" in text
    assert "regular schedule" not in text


def test_a_regular_review_still_follows_the_regular_schedule():
    text = _words(FACTS)
    assert "Review: Regular" in text and "regular schedule" in text


def test_an_expedited_review_is_expedited_whatever_else_it_is():
    text = _words(replace(FACTS, expedited=True, formulary=True))
    assert "Review: Expedited" in text and "imminent and serious threat" in text
