"""The seed's facts, rendered, read like the seed letter (../shared/seed/)."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.letters.domain.content import HEADINGS, HOW_MADE, ISSUES, SUMMARY
from openimr.letters.rendering import render


def fold(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def seed_case(seed_doc):
    return case_from_document(seed_doc)


@pytest.fixture
def text(seed_case):
    return fold(render(seed_case, "text").decode("utf-8"))


def test_the_three_seed_headings_come_in_the_seed_order(text):
    positions = [text.index(h) for h in (HOW_MADE, SUMMARY, ISSUES)]
    assert positions == sorted(positions)


def test_every_heading_appears_once_in_order(text):
    positions = [text.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    assert all(text.count(h) == 1 for h in HEADINGS)


def test_the_item_line_names_the_treatment_and_outcome(text):
    assert "Optimum Home Rehab Kit Lumbar Spine: Upheld" in text


def test_both_guideline_lines_say_neither_side_used_the_mtus_and_cite_their_source(text):
    assert (
        "Claims Administrator guideline: The Claims Administrator did not base their decision on "
        "the MTUS. Decision based on Non-MTUS Citation Official Disability Guidelines, Treatment "
        "Index, 11th Edition (web), 2013, Knee and Leg Chapter, Exercise kits."
    ) in text
    assert (
        "MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS. Decision "
        "based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back - Lumbar and "
        "Thoracic, Physical Therapy, Updated August 22, 2014."
    ) in text


def test_the_reviewer_is_described_by_specialty_and_state_never_by_name(text):
    assert "board certified in Physical Medicine & Rehabilitation" in text
    assert "licensed to practice in Nevada" in text or "license to practice in Nevada" in text


def test_the_clinical_summary_and_rationale_are_word_for_word(seed_doc, text):
    assert fold(seed_doc["clinical_summary"]) in text
    assert "Decision rationale: " + fold(seed_doc["items"][0]["rationale"]) in text
    assert "tenderness along the lumbar spine from L3-S1 with muscle spasms" in text


def test_the_header_block_carries_the_published_fields(text):
    for field in (
        "Case Number: CM14-0000001",
        "Date of Injury: 02/25/2013",
        "Decision Date: 09/15/2014",
        "UR Denial Date: 05/09/2014",
        "Priority: Standard",
    ):
        assert field in text


def test_documents_reviewed_are_listed_by_date(text):
    assert "Progress note, author not stated, February 19, 2014" in text


def test_appeal_rights_give_the_deadline_and_the_five_grounds(text):
    assert "within 30 days" in text
    assert "4610.6(h)" in text
    for ground in (
        "fraud",
        "conflict of interest",
        "bias",
        "plainly wrong finding of fact",
        "without authority",
    ):
        assert ground in text


def test_the_letter_text_is_wrapped_for_reading(seed_case):
    lines = render(seed_case, "text").decode("utf-8").splitlines()
    assert max(len(line) for line in lines) <= 80
