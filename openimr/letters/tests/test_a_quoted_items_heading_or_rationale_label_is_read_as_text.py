"""Lines of the reviewer's text that read as the letter's own, in every layout, from text
and from PDF: the items section's heading ("IMR ISSUES, DECISIONS AND RATIONALES") as a line
of the clinical summary, even with an item's verdict quoted after it, and an item's labels
("Rationale:", "Claims Administrator guideline:") as lines inside its rationale. (Before, the
items were read from the quoted heading on, the summary's rest taken into them, and a label
cut the rationale in two: its first half lost, or its second read as the claims
administrator's basis.)"""

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


def _item(item, layout):
    """What each layout prints of an item (professional-review: no claims administrator's
    basis; only maximus-decisions and professional-review say why the MTUS was not used)."""
    fields = {
        "treatment": item["treatment"],
        "decision": item["decision"],
        "rationale": _folded(item["rationale"]).rstrip("."),
        "reviewer_basis": [(b["mtus"], _folded(b["citation"])) for b in item["reviewer_basis"]],
    }
    if layout != "professional-review":
        ca = item["claims_administrator_basis"]
        fields["claims_administrator_basis"] = [(b["mtus"], _folded(b["citation"])) for b in ca]
    if layout in ("maximus-decisions", "professional-review"):
        fields["why_not_mtus"] = _folded(item["why_not_mtus"])
    return fields


def _check(parsed, case, layout):
    assert parsed.layout == layout
    assert _folded(parsed.case["clinical_summary"]) == _folded(case["clinical_summary"])
    got = [_item(i, layout) for i in parsed.case["items"]]
    assert got == [_item(i, layout) for i in case["items"]]


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


# What the reviewer quoted after it: an item's heading, as each layout prints one, or a
# whole item, its heading line and a label under it.
ITEM_LINE = dict.fromkeys(LAYOUTS, "Aquatic therapy, 12 sessions: Upheld") | {
    "maximus-decisions": "Item 1: Aquatic therapy, 12 sessions",
}
WHOLE_ITEM = dict.fromkeys(
    LAYOUTS, "Aquatic therapy, 12 sessions: Upheld\n\nClaims Administrator guideline: MTUS."
) | {"maximus-decisions": "Item 1: Aquatic therapy, 12 sessions\n\nDecision: Upheld"}
# A whole item down to its rationale label: the letter's own items heading then sits in the
# quoted item's rationale, where a reviewer may write, and only the introduction to the items
# that follows it (fdl: "... set forth below:"; maximus-decisions: the first item its front
# lists) tells it apart.
TO_ITS_RATIONALE = {
    layout: f"{whole}\n\n{LABEL.get(layout, 'Rationale:')} It was not needed."
    for layout, whole in WHOLE_ITEM.items()
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "quoted",
    [ITEM_LINE, WHOLE_ITEM, TO_ITS_RATIONALE],
    ids=["its heading", "a whole item", "a whole item to its rationale"],
)
def test_the_items_heading_quoted_in_the_summary_with_an_item_after_it_leaves_both_whole(
    quoted, layout, form
):
    # Before (a whole item, fdl and maximus-decisions; one down to its rationale label, until
    # session 25): the items were read from the quoted heading on, the summary cut there, the
    # quoted item read as the first.
    case = copy.deepcopy(CASE)
    case["clinical_summary"] += (
        f"\n\nThe prior review read:\n\n{ITEMS[layout]}\n\n{quoted[layout]}\n\nShe works."
    )
    _check(_read(case, layout, form), case, layout)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("layout", sorted(LABEL))
def test_a_second_rationale_label_inside_a_rationale_stays_text(layout, form):
    case = copy.deepcopy(CASE)
    first = case["items"][0]
    first["rationale"] += f"\n\n{LABEL[layout]}\n\nThe records were read whole."
    _check(_read(case, layout, form), case, layout)


# The labels each layout prints above an item's rationale (professional-review: none).
ABOVE_RATIONALE = {
    "notice-2013": [
        "Section of the Medical Treatment Utilization Schedule (MTUS) cited by the Claims "
        "Administrator:"
    ],
    "fdl-2014": [
        "Claims Administrator guideline:",
        "MAXIMUS guideline:",
        "Why the MTUS was not used:",
    ],
    "maximus-decisions": [
        "Claims Administrator Guideline(s):",
        "Expert Reviewer Guideline(s):",
        "Reason the MTUS was not used:",
        "Decision: Overturned",
    ],
}
ABOVE_RATIONALE["fdl-2016"] = ABOVE_RATIONALE["fdl-2014"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("layout", "label"),
    [(layout, label) for layout, in_it in ABOVE_RATIONALE.items() for label in in_it],
)
def test_a_label_printed_above_the_rationale_stays_text_inside_it(layout, label, form):
    case = copy.deepcopy(CASE)
    case["items"][0]["rationale"] += f"\n\n{label}\n\nNone was cited for it."
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


@pytest.mark.parametrize("form", ["text", "pdf"])
def test_our_letter_quoting_a_whole_item_in_its_summary_reads_its_own_items(form):
    # Before (session 25): the quoted item was read as the first, its rationale running on
    # through the letter's own items heading and introduction; the summary was cut there.
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["clinical_summary"] += (
        "\n\nThe prior review read:\n\nIMR ISSUES, DECISIONS AND RATIONALES\n\n"
        "Aquatic therapy, 12 sessions: Upheld\n\nClaims Administrator guideline: MTUS.\n\n"
        "Decision rationale: It was not needed.\n\nShe has since returned to work."
    )
    out = render(case_from_document(doc), form)
    parsed = parse_text(out.decode("utf-8")) if form == "text" else parse_pdf(out)
    assert _folded(parsed.case["clinical_summary"]) == _folded(doc["clinical_summary"])
    items = parsed.case["items"]
    assert [i["treatment"] for i in items] == [i["treatment"] for i in doc["items"]]
