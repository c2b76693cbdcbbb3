"""A header table with narrow label cells wraps a label over two lines ("Date of" /
"Injury:"), and extraction puts the value beside either line, or the next cell's first line
between the two: each date is still read under its own label."""

import re

import pytest

from bench.corpus import generate_cases, letter_pdf
from openimr.letters.parsing import parse_text
from openimr.letters.parsing.pdf import extract_text
from openimr.letters.tests.extraction_noise import damaged_text, fields, lost
from openimr.letters.tests.test_parse_text_as_extraction_leaves_it import LETTER

CASE = "Case Number: CM16-0000001\n"
# Before (session 26) every one of these but the first and the column of values lost both
# dates, or read the date of injury as the UR denial's.
HEADERS = {
    "the value beside the second line": "Date of\nInjury: 10/10/2016\nUR Denial\nDate: 11/09/2016\n",
    "the value beside the first line": "Date of 10/10/2016\nInjury:\nUR Denial 11/09/2016\nDate:\n",
    "the value between the lines": "Date of\n10/10/2016\nInjury:\nUR Denial\n11/09/2016\nDate:\n",
    "two cells a row, values on the first": (
        "Date of 10/10/2016 UR Denial 11/09/2016\nInjury: Date:\n"
    ),
    "two cells a row, values on the second": (
        "Date of UR Denial\nInjury: 10/10/2016 Date: 11/09/2016\n"
    ),
    "two labels, then two values": "Date of\nInjury:\nUR Denial\nDate:\n10/10/2016\n11/09/2016\n",
}


@pytest.mark.parametrize("header", HEADERS.values(), ids=HEADERS.keys())
def test_a_date_label_wrapped_in_its_cell_is_read_with_its_own_date(header):
    text = LETTER.format(header=CASE + header + "Priority: Standard\n", heading="MRI: Upheld")
    dates = parse_text(text).case["dates"]
    assert (dates["injury"], dates["ur_decision"]) == ("2016-10-10", "2016-11-09")


def test_the_first_cells_label_takes_the_first_date_when_two_cells_share_a_word():
    # "Date Assigned" and "Date of Injury" both open with "Date": the second line's
    # "Assigned:" is the first cell's. Before: the assigned date was the injury's, and back.
    header = "Date 11/18/2016 Date of 10/10/2016\nAssigned: Injury:\n"
    dates = parse_text(LETTER.format(header=CASE + header, heading="MRI: Upheld")).case["dates"]
    assert (dates["assigned"], dates["injury"]) == ("2016-11-18", "2016-10-10")


@pytest.mark.parametrize(
    "split",
    ["UR Decision {}\r\nDate:", "UR {}\r\nDecision Date:"],
    ids=["after 'Decision'", "after 'UR'"],
)
def test_a_professional_reviews_ur_decision_date_split_is_not_its_decision_date(split):
    # professional-review prints "UR Decision Date:" before "Determination Date:". Before
    # (session 26): "UR" / "Decision Date:" was read as the decision date (the UR's), and
    # the letter's own "Determination Date:" after it was not; "UR Decision" / "Date:" lost
    # the UR's date.
    for case in generate_cases(4, seed=2026):
        text = extract_text(letter_pdf(case, "professional-review"))
        found = re.search(r"UR Decision Date: (\S+)", text)
        assert found is not None
        damaged = text.replace(found.group(0), split.format(found.group(1)))
        assert lost(fields(text), fields(damaged)) == []


@pytest.mark.parametrize("layout", ["fdl-2016", "maximus-decisions", "professional-review"])
def test_every_date_label_of_a_generated_letters_header_split_in_its_cell_keeps_its_date(
    layout,
):
    for case in generate_cases(4, seed=2026):
        text = extract_text(letter_pdf(case, layout))
        damaged = damaged_text("header labels split in a narrow cell", text)
        assert damaged != text
        assert lost(fields(text), fields(damaged)) == []
