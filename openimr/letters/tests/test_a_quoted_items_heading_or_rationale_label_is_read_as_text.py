"""A line of the reviewer's text that reads as the letter's own, in every layout, from text
and from PDF: the items section's heading ("IMR ISSUES, DECISIONS AND RATIONALES") as a
line of the clinical summary. (Before, the items were read from the quoted heading on, the
summary's rest taken into them.)"""

import copy

import pytest

from bench.corpus import LAYOUTS, generate_cases, letter_pdf, render_letter
from openimr.letters.parsing import parse_pdf, parse_text

CASE = next(c for c in generate_cases(12, seed=2026) if len(c["items"]) >= 3)

# Each layout's heading over its items (professional-review's rationales; the 2013 notice
# prints its decisions under this heading before the summary).
ITEMS = {
    "notice-2013": "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE",
    "fdl-2014": "IMR ISSUES, DECISIONS AND RATIONALES",
    "fdl-2016": "IMR ISSUES, DECISIONS AND RATIONALES",
    "maximus-decisions": "IMR DECISION(S) AND RATIONALE(S)",
    "professional-review": (
        "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY"
    ),
}


def _folded(text):
    return " ".join((text or "").split())


def _read(case, layout, form):
    if form == "pdf":
        return parse_pdf(letter_pdf(case, layout))
    return parse_text(render_letter(case, layout, noise=form == "noisy text"))


def _check(parsed, case, layout):
    assert parsed.layout == layout
    assert _folded(parsed.case["clinical_summary"]) == _folded(case["clinical_summary"])
    got = [(i["treatment"], _folded(i["rationale"]).rstrip(".")) for i in parsed.case["items"]]
    want = [(i["treatment"], _folded(i["rationale"]).rstrip(".")) for i in case["items"]]
    assert got == want


FORMS = ["text", "noisy text", "pdf"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("where", ["first", "middle"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_items_heading_quoted_in_the_summary_leaves_summary_and_items_whole(
    layout, where, form
):
    case = copy.deepcopy(CASE)
    quoted = f"{ITEMS[layout]}\n\nThe requests below were read with the records."
    if where == "first":
        case["clinical_summary"] = f"{quoted}\n\n{case['clinical_summary']}"
    else:
        case["clinical_summary"] = f"{case['clinical_summary']}\n\n{quoted}\n\nShe works."
    _check(_read(case, layout, form), case, layout)
