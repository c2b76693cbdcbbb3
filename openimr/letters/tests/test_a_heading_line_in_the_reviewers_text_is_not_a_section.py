"""A line of the reviewer's own text that reads as a heading ("Documents reviewed:" opening
the clinical summary, "DOCUMENTS REVIEWED" in a rationale, even of a published fdl letter,
which lists no documents) opens no section and ends none: the letter is read whole, in every
layout, from text and from PDF. (Before, the first heading line of each kind was taken as
the section: the summary came back empty and the documents list empty, or the items after
the rationale were lost.)"""

import copy
import json
from pathlib import Path

import pytest

from bench.corpus import LAYOUTS, generate_cases, letter_pdf, render_letter, truth
from openimr.cases.interchange import case_from_document
from openimr.letters.parsing import parse_pdf, parse_text
from openimr.letters.rendering import render

DEMO = Path(__file__).resolve().parents[2] / "demo" / "cases" / "cm16-0400101.json"
_WHERE = ("summary", "rationale")
CASE = next(c for c in generate_cases(12, seed=2026) if len(c["items"]) >= 3)


@pytest.mark.parametrize("form", ["text", "pdf"])
def test_our_letter_with_documents_reviewed_opening_its_summary_is_read_whole(form):
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["clinical_summary"] = "Documents reviewed:\n\n" + doc["clinical_summary"]
    out = render(case_from_document(doc), form)
    parsed = parse_text(out.decode("utf-8")) if form == "text" else parse_pdf(out)
    assert parsed.case["clinical_summary"].startswith("Documents reviewed:\n\nThe employee is")
    assert len(parsed.case["documents"]) == len(doc["documents"]) == 6
    assert "no clinical case summary" not in parsed.warnings


@pytest.mark.parametrize("form", ["text", "pdf"])
def test_our_letter_with_documents_reviewed_in_item_1s_rationale_keeps_items_2_and_3(form):
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["items"][0]["rationale"] += "\n\nDOCUMENTS REVIEWED\n\nThe progress notes of 2016."
    out = render(case_from_document(doc), form)
    parsed = parse_text(out.decode("utf-8")) if form == "text" else parse_pdf(out)
    items = parsed.case["items"]
    assert [i["treatment"] for i in items] == [i["treatment"] for i in doc["items"]]
    assert items[0]["rationale"].endswith("DOCUMENTS REVIEWED\n\nThe progress notes of 2016.")
    assert len(parsed.case["documents"]) == 6


def _folded(text):
    return " ".join((text or "").split())


def _quoting(case, line, where):
    """The case with ``line`` as a paragraph of its own: the summary's first one, or inside
    item 1's rationale."""
    case = copy.deepcopy(case)
    if where == "summary":
        case["clinical_summary"] = f"{line}\n\n{case['clinical_summary']}"
    else:
        first = case["items"][0]
        first["rationale"] = f"{first['rationale']}\n\n{line}\n\nThe records were read whole."
    return case


def _check(parsed, case, layout):
    want = truth(case, layout)["fields"]
    assert parsed.layout == layout
    assert _folded(parsed.case["clinical_summary"]) == _folded(case["clinical_summary"])
    assert len(parsed.case["items"]) == len(case["items"])
    got = [_folded(i["rationale"]).rstrip(".") for i in parsed.case["items"]]
    assert got == [_folded(i["rationale"]).rstrip(".") for i in case["items"]]
    if "documents" in want:
        titles = [d["title"] for d in parsed.case["documents"]]
        assert titles == [d["title"] for d in want["documents"]]


# The headings each layout prints over its documents list and its summary (none prints a
# documents list in the published fdl layouts; ours does, tested below with our renderer).
DOCUMENTS = {
    "notice-2013": "Documents Reviewed for the Independent Medical Review",
    "maximus-decisions": "DOCUMENTS REVIEWED",
    "professional-review": "DOCUMENTS REVIEWED FOR DETERMINATION",
}
SUMMARY = {
    "notice-2013": "Expert Reviewer Case Summary",
    "fdl-2014": "CLINICAL CASE SUMMARY",
    "fdl-2016": "Clinical case summary:",
    "maximus-decisions": "CLINICAL CASE SUMMARY",
    "professional-review": "Case summary",
}
QUOTED = [
    *[(layout, "summary", "Documents reviewed:") for layout in LAYOUTS],
    *[(layout, "summary", SUMMARY[layout]) for layout in LAYOUTS],
    *[(layout, "rationale", SUMMARY[layout]) for layout in LAYOUTS],
    *[(layout, where, line) for layout, line in DOCUMENTS.items() for where in _WHERE],
]


@pytest.mark.parametrize(("layout", "where", "line"), QUOTED)
def test_a_heading_line_quoted_by_the_reviewer_is_read_as_text(layout, where, line):
    case = _quoting(CASE, line, where)
    _check(parse_text(render_letter(case, layout)), case, layout)
    _check(parse_text(render_letter(case, layout, noise=False)), case, layout)


@pytest.mark.parametrize(("layout", "where", "line"), QUOTED[:: len(LAYOUTS) - 1])
def test_a_heading_line_quoted_by_the_reviewer_is_read_as_text_from_the_pdf(layout, where, line):
    case = _quoting(CASE, line, where)
    _check(parse_pdf(letter_pdf(case, layout)), case, layout)


@pytest.mark.parametrize("opening", ["Issue at dispute:", "The issue at dispute is the MRI."])
def test_a_summary_naming_the_issue_at_dispute_does_not_make_ours_a_professional_review(opening):
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    doc["clinical_summary"] = f"{opening}\n\n{doc['clinical_summary']}"
    parsed = parse_text(render(case_from_document(doc), "text").decode("utf-8"))
    assert parsed.layout == "fdl-2016"
    assert parsed.case["clinical_summary"].startswith(f"{opening}\n\nThe employee is")
    assert [i["treatment"] for i in parsed.case["items"]] == [i["treatment"] for i in doc["items"]]


def _check_published_in_every_form(case, layout):
    """The published letter read whole from its text, clean and noisy, and its PDF, with no
    documents list (it prints none)."""
    for parsed in (
        parse_text(render_letter(case, layout)),
        parse_text(render_letter(case, layout, noise=False)),
        parse_pdf(letter_pdf(case, layout)),
    ):
        _check(parsed, case, layout)
        assert parsed.case["documents"] == []


# The headings our letter prints after its items, all three; the published fdl letters print
# none of them.
OURS_AFTER_ITEMS = ("DOCUMENTS REVIEWED", "YOUR RIGHT TO APPEAL", "PARTIES SERVED")


@pytest.mark.parametrize("item", [0, -1], ids=["first item", "last item"])
@pytest.mark.parametrize("line", OURS_AFTER_ITEMS)
@pytest.mark.parametrize("layout", ["fdl-2014", "fdl-2016"])
def test_a_heading_only_our_letter_prints_is_text_in_a_published_fdl_rationale(layout, line, item):
    # Before: the items stopped at the quoted line; the rest of the letter was read as a
    # list of documents (or of parties).
    case = copy.deepcopy(CASE)
    case["items"][item]["rationale"] += f"\n\n{line}\n\nThe records were read whole."
    _check_published_in_every_form(case, layout)


def _quoting_ours(case, where):
    """The case with our three headings after the items quoted in its rationales: one in each
    of the first three items, or all three in the first item's, or in the last item's."""
    case = copy.deepcopy(case)
    if where == "one in each":
        for item, line in zip(case["items"], OURS_AFTER_ITEMS, strict=False):
            item["rationale"] += f"\n\n{line}\n\nThe records were read whole."
    else:
        quoted = "\n\n".join(f"{line}\n\nThe records were read whole." for line in OURS_AFTER_ITEMS)
        case["items"][0 if where == "all in the first" else -1]["rationale"] += f"\n\n{quoted}"
    return case


@pytest.mark.parametrize("where", ["one in each", "all in the first", "all in the last"])
@pytest.mark.parametrize("layout", ["fdl-2014", "fdl-2016"])
def test_all_three_headings_only_our_letter_prints_are_text_in_published_rationales(layout, where):
    # Before: all three there, they were taken as the letter's own: the items stopped at the
    # first and the rest of the letter was read as documents, appeal rights and parties. In
    # the last item's rationale (no item below them, as in ours) until session 25: ours
    # lists a party under PARTIES SERVED, the reviewer's quote does not.
    case = _quoting_ours(CASE, where)
    _check_published_in_every_form(case, layout)


@pytest.mark.parametrize("form", ["text", "pdf"])
def test_our_letter_quoting_all_three_of_its_own_headings_in_item_1_keeps_its_own(form):
    doc = json.loads(DEMO.read_text(encoding="utf-8"))
    quoted = "\n\n".join(f"{line}\n\nThe records were read whole." for line in OURS_AFTER_ITEMS)
    doc["items"][0]["rationale"] += f"\n\n{quoted}"
    out = render(case_from_document(doc), form)
    parsed = parse_text(out.decode("utf-8")) if form == "text" else parse_pdf(out)
    items = parsed.case["items"]
    assert [i["treatment"] for i in items] == [i["treatment"] for i in doc["items"]]
    assert _folded(items[0]["rationale"]) == _folded(doc["items"][0]["rationale"])
    assert len(parsed.case["documents"]) == 6
    assert parsed.case["employee"]["name"] == doc["employee"]["name"]
