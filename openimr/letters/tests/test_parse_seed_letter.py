"""The seed letter (fdl-2014: no header, the reviewer's specialty and state in the first
paragraph, each printed line followed by a blank line) parses fully."""

from openimr.cases.interchange import schema_problems
from openimr.letters.parsing import parse_text
from openimr.letters.tests.test_parse_support import SEED


def _seed():
    return parse_text(SEED.read_text(encoding="utf-8"))


def test_the_seed_is_read_as_the_2014_layout_with_every_field_it_states():
    parsed = _seed()
    case = parsed.case
    assert parsed.layout == "fdl-2014"
    assert case["reviewer"]["specialties"] == ["Physical Medicine & Rehabilitation"]
    assert case["reviewer"]["licensed_in"] == ["NV"]
    assert case["reviewer"]["board_certified"] is True
    assert (case["employee"]["age"], case["employee"]["sex"]) == (47, "male")
    assert case["organization"]["name"] == "MAXIMUS Federal Services"
    assert schema_problems(case) == []


def test_the_seeds_item_has_its_verdict_guidelines_and_rationale():
    (item,) = _seed().case["items"]
    assert item["treatment"] == "Optimum Home Rehab Kit Lumbar Spine"
    assert item["decision"] == "upheld"
    assert item["category"] == "dmepos"
    assert item["claims_administrator_basis"] == [
        {
            "mtus": False,
            "citation": "Official Disability Guidelines, Treatment Index, 11th Edition (web), "
            "2013, Knee and Leg Chapter, Exercise kits",
        }
    ]
    assert item["reviewer_basis"] == [
        {
            "mtus": False,
            "citation": "Official Disability Guidelines (ODG), Low Back - Lumbar and Thoracic, "
            "Physical Therapy, Updated August 22, 2014",
        }
    ]
    assert item["rationale"].startswith("The progress note dated February 19, 2014 had")
    assert item["rationale"].endswith("lumbar spine is not medically necessary.")


def test_the_seeds_summary_is_one_paragraph_without_the_introduction():
    summary = _seed().case["clinical_summary"]
    assert summary.startswith("The records presented for review indicate that this 47 year old")
    assert summary.endswith("denied in the pre-authorization process on May 9, 2014.")
    assert "L3-S1" in summary  # "L3-" at a line end, "S1" on the next: one word again
    assert "\n" not in summary


def test_dates_only_the_summary_states_are_taken_from_it_and_flagged_as_guessed():
    parsed = _seed()
    dates = parsed.case["dates"]
    assert (dates["injury"], dates["ur_decision"]) == ("2013-02-25", "2014-05-09")
    assert dates["assigned"] is None and dates["decision"] is None
    assert parsed.confidence["dates.injury"] < 1.0
    assert "date of injury taken from the clinical summary's prose" in parsed.warnings


def test_what_the_seed_does_not_state_gets_its_documented_default_and_a_warning():
    parsed = _seed()
    assert parsed.case["priority"] == "standard"
    assert "priority not stated: assumed standard" in parsed.warnings
    assert parsed.case["case_number"].startswith("UNNUMBERED-")
    assert parsed.confidence["case_number"] == 0.0
    assert parsed.case == _seed().case  # the placeholder is the same for the same text
