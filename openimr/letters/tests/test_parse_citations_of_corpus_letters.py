"""How the published letters' guideline lines split into citations, read by hand off the
extracted text: MTUS parts against non-MTUS sources, for each party, titles with their own
commas kept whole, and the "remaining portion" item that UR modified."""

import pytest

from openimr.letters.parsing import parse_text
from openimr.letters.tests.test_parse_support import corpus_text

LETTERS = (
    "CM16-0219557",
    "CM16-0221706",
    "CM16-0228949",
    "CM16-0230651",
    "CM16-0231706",
    "CM16-0234464",
)


@pytest.fixture(scope="module")
def parsed():
    return {number: parse_text(corpus_text(number)) for number in LETTERS}


def _basis(item, side):
    return [(b["mtus"], b["citation"]) for b in item[f"{side}_basis"]]


def test_mtus_and_non_mtus_citations_are_split_as_the_letter_lists_them(parsed):
    first = parsed["CM16-0219557"].case["items"][0]
    assert _basis(first, "claims_administrator") == [(True, "Low Back Complaints 2004")]
    assert _basis(first, "reviewer") == [
        (True, "Low Back Complaints 2004, Section(s): Summary"),
        (True, "Chronic Pain Medical Treatment 2016, Section(s): Facet blocks"),
        (
            False,
            "ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607",
        ),
    ]


def test_a_title_with_its_own_comma_and_is_not_cut_into_two_citations(parsed):
    item = parsed["CM16-0228949"].case["items"][0]
    cited = _basis(item, "claims_administrator")
    assert cited[:3] == [
        (True, "Forearm, Wrist, and Hand Complaints 2004, Section(s): Work-Relatedness"),
        (True, "Postsurgical Treatment 2009, Section(s): Forearm, Wrist, & Hand"),
        (True, "Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment"),
    ]
    assert [mtus for mtus, _ in cited[3:]] == [False]


def test_a_party_that_cited_nothing_has_no_citations_and_no_warning(parsed):
    letter = parsed["CM16-0221706"]
    item = letter.case["items"][0]
    assert _basis(item, "claims_administrator") == []
    assert _basis(item, "reviewer") == [
        (False, "Sildenafil: Drug information, accessed from UpToDate.com on 12/17/2016")
    ]
    assert letter.confidence["items[0].claims_administrator_basis"] == 1.0


def test_non_mtus_sources_of_both_parties_are_marked_non_mtus(parsed):
    item = parsed["CM16-0231706"].case["items"][0]
    assert _basis(item, "claims_administrator") == [
        (True, "Neck and Upper Back Complaints 2004"),
        (False, "ODG Chiropractic guidelines"),
    ]
    assert _basis(item, "reviewer") == [
        (True, "Chronic Pain Medical Treatment 2016, Section(s): Manual therapy & manipulation"),
        (False, "Official Disability Guidelines (ODG) Neck and Upper Back"),
    ]


def test_the_remaining_portion_of_a_partly_authorised_request_was_modified_by_ur(parsed):
    remaining = parsed["CM16-0230651"].case["items"][-1]
    assert remaining["treatment"] == "Physical therapy to the low back two sessions"
    assert remaining["ur_outcome"] == "modified"
    assert parsed["CM16-0230651"].case["items"][0]["ur_outcome"] == "denied"


def test_the_claims_administrator_listing_three_mtus_chapters_gives_three_citations(parsed):
    item = parsed["CM16-0234464"].case["items"][3]
    assert _basis(item, "claims_administrator") == [
        (True, "Neck and Upper Back Complaints 2004, Section(s): Initial Care"),
        (True, "Shoulder Complaints 2004, Section(s): Initial Care"),
        (True, "Low Back Complaints 2004, Section(s): Initial Care, Physical Methods"),
    ]
