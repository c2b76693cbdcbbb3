"""Two lines of the reviewer's text that read as the letter's own, in every layout, from
text and from PDF: the items section's heading ("IMR ISSUES, DECISIONS AND RATIONALES")
as a line of the clinical summary, and an item's rationale label ("Rationale:") as a line
inside its rationale. (Before, the items were read from the quoted heading on, the
summary's rest taken into them, and the second label cut the rationale in two, its first
half lost.)"""

import copy
import json
from pathlib import Path

import pytest

from bench.corpus import LAYOUTS, generate_cases, letter_pdf, render_letter
from openimr.cases.interchange import case_from_document
from openimr.letters.parsing import parse_pdf, parse_text
from openimr.letters.rendering import render

DEMO = Path(__file__).resolve().parents[2] / "demo" / "cases" / "cm16-0400101.json"
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
# Each layout's label over an item's rationale.
LABEL = dict.fromkeys(LAYOUTS, "Rationale:") | {
    "maximus-decisions": "Decision Rationale:",
}
LABEL.pop("professional-review")  # its rationales are numbered under a heading: no label


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


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("layout", sorted(LABEL))
def test_a_second_rationale_label_inside_a_rationale_stays_text(layout, form):
    case = copy.deepcopy(CASE)
    first = case["items"][0]
    first["rationale"] += f"\n\n{LABEL[layout]}\n\nThe records were read whole."
    _check(_read(case, layout, form), case, layout)


@pytest.mark.parametrize("form", ["text", "pdf"])
def test_our_letter_quoting_both_is_read_whole(form):
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["clinical_summary"] += "\n\nIMR ISSUES, DECISIONS AND RATIONALES\n\nAs disputed."
    doc["items"][1]["rationale"] += "\n\nRationale:\n\nThe guideline was read whole."
    out = render(case_from_document(doc), form)
    parsed = parse_text(out.decode("utf-8")) if form == "text" else parse_pdf(out)
    assert parsed.case["clinical_summary"].endswith(
        "IMR ISSUES, DECISIONS AND RATIONALES\n\nAs disputed."
    )
    items = parsed.case["items"]
    assert [i["treatment"] for i in items] == [i["treatment"] for i in doc["items"]]
    assert [_folded(i["rationale"]) for i in items] == [
        _folded(i["rationale"]) for i in doc["items"]
    ]
