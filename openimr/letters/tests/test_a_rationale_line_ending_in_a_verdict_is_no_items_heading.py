"""A line of a rationale that ends in a verdict after a colon ("The request: Overturned",
"Decision: Upheld") in the fdl layouts, published and ours, from text and from PDF: it names
no treatment and has no labels under it, so it is no item's heading and stays in the
rationale; nor is one that names a treatment ("Aquatic therapy: Upheld", a prior decision
quoted) when the letter goes on after it. (Before, it was read as the next item's heading: an
item "The request" or "Decision" with no guideline and no rationale, and the rationale it
ended was cut there.) None of the 182 corpus letters has such a line; a letter cut after an
item's heading still keeps that item."""

import copy
import json
from pathlib import Path

import pytest

from bench.corpus import generate_cases, letter_pdf, render_letter
from openimr.cases.interchange import case_from_document
from openimr.letters.parsing import parse_pdf, parse_text
from openimr.letters.parsing.items import names_no_treatment
from openimr.letters.rendering import render
from openimr.letters.tests.test_parse_support import corpus_text

DEMO = Path(__file__).resolve().parents[2] / "demo" / "cases" / "cm16-0400101.json"
CASE = next(c for c in generate_cases(12, seed=2026) if len(c["items"]) >= 3)
LINES = [
    "The request: Overturned",
    "Decision: Upheld",
    "Therefore, the UR decision is: Upheld",
    # A prior decision quoted: it names a treatment, and only what follows it (no label
    # under it, and the letter goes on) tells it from an item's heading. Before (session
    # 25): read as an item with no guideline and no rationale, the rationale cut there.
    "Aquatic therapy, 12 sessions: Upheld",
]


def _folded(text):
    return " ".join((text or "").split())


def _items(items):
    return [(i["treatment"], i["decision"], _folded(i["rationale"]).rstrip(".")) for i in items]


def _ending(case, line, item):
    """The case with ``line`` in item ``item``'s rationale: its last paragraph but one."""
    case = copy.deepcopy(case)
    case["items"][item]["rationale"] += f"\n\n{line}\n\nThe records were read whole."
    return case


@pytest.mark.parametrize("form", ["text", "noisy text", "pdf"])
@pytest.mark.parametrize("item", [0, -1], ids=["first item", "last item"])
@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("layout", ["fdl-2014", "fdl-2016"])
def test_a_rationale_line_ending_in_a_verdict_stays_in_the_rationale(layout, line, item, form):
    case = _ending(CASE, line, item)
    if form == "pdf":
        parsed = parse_pdf(letter_pdf(case, layout))
    else:
        parsed = parse_text(render_letter(case, layout, noise=form == "noisy text"))
    assert _items(parsed.case["items"]) == _items(case["items"])
    assert line in _folded(parsed.case["items"][item]["rationale"])


@pytest.mark.parametrize("form", ["text", "pdf"])
@pytest.mark.parametrize("line", LINES)
def test_our_letter_whose_rationale_ends_in_a_verdict_line_keeps_its_items(line, form):
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["items"][0]["rationale"] += f"\n\n{line}"  # the rationale's last line
    doc["items"][-1]["rationale"] += f"\n\n{line}"
    out = render(case_from_document(doc), form)
    parsed = parse_text(out.decode("utf-8")) if form == "text" else parse_pdf(out)
    assert _items(parsed.case["items"]) == _items(doc["items"])
    assert all(
        i["rationale"].endswith(line) for i in parsed.case["items"][:: len(doc["items"]) - 1]
    )


def test_a_letter_cut_after_an_items_heading_keeps_that_item():
    text = corpus_text("CM16-0230651")
    heading = "EMG/NCV of the upper extremities: Upheld"
    parsed = parse_text(text[: text.index(heading) + len(heading)])
    assert [i["treatment"] for i in parsed.case["items"]] == [
        "EMG/NCV of the lower extremities",
        "EMG/NCV of the upper extremities",
    ]
    assert parsed.case["items"][1]["rationale"] is None


@pytest.mark.parametrize(
    ("heading", "names_none"),
    [
        ("The request", True),
        ("Decision", True),
        ("In summary, the final determination is", True),
        ("Request for MRI of the lumbar spine", False),
        ("Medical records review", False),
        ("Initial exam", False),
        ("", False),
    ],
)
def test_a_heading_names_a_treatment_unless_its_words_name_only_the_decision(heading, names_none):
    assert names_no_treatment(heading) is names_none


def test_a_heading_read_with_the_sentences_above_it_is_judged_by_its_last_one():
    assert names_no_treatment("The medical necessity has not been established. The request")
    assert not names_no_treatment("The request was modified. MRI of the lumbar spine")
