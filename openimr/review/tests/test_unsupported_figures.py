"""A rationale's date or number that appears in no record is flagged (issue 5)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openimr.review.domain.provenance import Flag, unsupported_figures

RECORDS = (
    "PROGRESS NOTE January 9, 2014. Dr. Ann Lee. Low back pain 6/10. "
    "Has completed 12 visits of physical therapy. Norco 10/325 mg #60. MRI 3/1/2013.",
    "UR determination dated 05/09/2014: 6 sessions of chiropractic denied.",
)
CASE = ("47", "February 25, 2013")


def _flagged(text):
    return [f.figure for f in unsupported_figures(text, RECORDS, CASE)]


@pytest.mark.parametrize(
    "text",
    [
        "The progress note dated 01/09/2014 documents pain of 6/10.",
        "The note of Jan. 9, 2014 was reviewed.",
        "The note of 2014-01-09 was reviewed.",
        "The patient has completed 12 visits.",
        "Norco 10/325 mg was requested.",
        "The MRI of March 2013 was reviewed.",
        "Utilization review on May 9, 2014 denied 6 sessions.",
        "The patient was seen in 2014.",
        "This 47 year old was injured on 02/25/2013.",
    ],
    ids=[
        "slashed date",
        "abbreviated month",
        "iso date",
        "count",
        "dose",
        "month of a record date",
        "date and count",
        "year of a record date",
        "allowed case facts",
    ],
)
def test_a_figure_found_in_a_record_in_any_form_is_not_flagged(text):
    assert _flagged(text) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The progress note dated 01/10/2014 documents pain.", ["01/10/2014"]),
        ("The patient has completed 24 visits.", ["24 visits"]),
        ("Pain is rated 8/10.", ["8/10"]),
        ("He had 12-16 visits.", ["12-16 visits"]),
        ("Norco 300 mg was requested.", ["300 mg"]),
        ("Seen in April 2014.", ["April 2014"]),
        ("The 52 year old was seen.", ["52 year"]),
        ("The records show 30 visits; the MTUS allows 10.", ["30 visits"]),
        ("The MTUS allows 10; the records show 30 visits.", ["30 visits"]),
        ("Per the progress note dated 1/2/2015, the guidelines are not met.", ["1/2/2015"]),
    ],
    ids=[
        "another date",
        "another count",
        "another pain score",
        "a range with one end unknown",
        "another dose",
        "another month",
        "an age not in the case",
        "record clause before a guideline clause",
        "record clause after a guideline clause",
        "record date before a guideline",
    ],
)
def test_a_figure_found_in_no_record_is_flagged(text, figures):
    assert _flagged(text) == figures


@pytest.mark.parametrize(
    "text",
    [
        "Per 8 CCR 9792.24.2, the request is denied.",
        "The MTUS Chronic Pain guideline, page 99, applies.",
        "The guideline, pages 98-99, applies.",
        "See p. 99 and pp. 98-99.",
        "Labor Code section 4610.5 applies.",
        "LC 4610.6 applies.",
        "Item 2 is upheld.",
        "Item #3 is overturned.",
        "2. Acupuncture is not medically necessary.",
        "ODG 2015 recommends against it.",
        "Official Disability Guidelines, 2013, Low Back.",
        "ODG, Low Back, updated August 22, 2014, recommends it.",
        "ACOEM, 3rd Edition, chapter 12, applies.",
        "The MTUS supports 9-10 visits over 8 weeks for myalgia.",
        "Up to 24 visits are supported by the guidelines.",
    ],
    ids=[
        "regulation section",
        "page of a guideline",
        "page range",
        "page abbreviations",
        "statute section",
        "statute abbreviation",
        "item number",
        "item number with hash",
        "list number",
        "year next to a guideline",
        "year after a guideline name and comma",
        "guideline's update date",
        "edition and chapter",
        "guideline's recommendation",
        "guideline named after the figure",
    ],
)
def test_a_figure_that_is_not_a_fact_about_the_employee_is_not_flagged(text):
    assert _flagged(text) == []


def test_a_flag_says_the_sentence_the_figure_and_why():
    text = "The patient is stable. The note dated 2/3/2014 reports 24 visits."
    assert unsupported_figures(text, RECORDS) == (
        Flag(
            "The note dated 2/3/2014 reports 24 visits.",
            "2/3/2014",
            "date",
            "no record reviewed has the date 2014-02-03",
        ),
        Flag(
            "The note dated 2/3/2014 reports 24 visits.",
            "24 visits",
            "number",
            "no record reviewed has the number 24",
        ),
    )


def test_a_number_spelled_in_words_is_not_a_figure():
    assert _flagged("The patient completed twenty-four visits.") == []


def test_without_records_every_fact_is_flagged():
    assert [f.figure for f in unsupported_figures("Seen 1/9/2014 for 12 visits.", [])] == [
        "1/9/2014",
        "12 visits",
    ]


@given(st.text(alphabet="0123456789/-., JanuryMch%ofmg", max_size=40))
def test_a_text_supports_every_figure_in_it(text):
    assert unsupported_figures(text, [text]) == ()
