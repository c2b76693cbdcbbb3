"""parse(render(case)) gives back the case's fields, for the demo cases and generated ones, from
our text letter and from our PDF (openimr/letters/rendering.py writes the fdl-2016 layout:
its header block, with the credentials in prose, and the documents and parties it lists)."""

import copy
import json
from pathlib import Path

import pytest

from bench.corpus import generate_cases
from openimr.cases.interchange import case_from_document, schema_problems
from openimr.letters.parsing import parse_pdf, parse_text
from openimr.letters.rendering import render

DEMO = Path(__file__).resolve().parents[2] / "demo" / "cases"
DATES = ("injury", "ur_decision", "application_received", "assigned", "decision")
ITEM_FIELDS = (
    "treatment",
    "decision",
    "claims_administrator_basis",
    "reviewer_basis",
    "why_not_mtus",
    "rationale",
)


def _cases():
    demo = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEMO.glob("*.json"))]
    # A case with no summary yet prints the template's placeholder sentence instead.
    return [c for c in demo if c["clinical_summary"]] + list(generate_cases(12, seed=99))


def _fold(value):
    if isinstance(value, str):
        return " ".join(value.split()).rstrip(".")
    if isinstance(value, list):
        return [_fold(v) for v in value]
    if isinstance(value, dict):
        return {k: _fold(v) for k, v in value.items()}
    return value


def _documents(docs):
    rows = [{k: d[k] for k in ("title", "author", "date")} for d in docs]
    return sorted(rows, key=lambda d: (d["date"] or "9999", d["title"]))


def _expected(doc):
    out = {
        "case_number": doc["case_number"],
        "priority": doc["priority"],
        "dates": {k: doc["dates"][k] for k in DATES},
        "reviewer": {k: doc["reviewer"][k] for k in ("specialties", "licensed_in")},
        "clinical_summary": doc["clinical_summary"],
        "names": {p: doc[p]["name"] for p in ("employee", "employer", "claims_administrator")},
        "documents": _documents(doc["documents"]),
        "items": [{k: item[k] for k in ITEM_FIELDS} for item in doc["items"]],
    }
    if doc["requesting_physician"]["name"]:
        out["requesting_physician"] = doc["requesting_physician"]
    return _fold(out)


def _read(parsed, expected):
    case = parsed
    out = {
        "case_number": case["case_number"],
        "priority": case["priority"],
        "dates": {k: case["dates"][k] for k in DATES},
        "reviewer": {k: case["reviewer"][k] for k in ("specialties", "licensed_in")},
        "clinical_summary": case["clinical_summary"],
        "names": {p: case[p]["name"] for p in ("employee", "employer", "claims_administrator")},
        "documents": _documents(case["documents"]),
        "items": [{k: item[k] for k in ITEM_FIELDS} for item in case["items"]],
    }
    if "requesting_physician" in expected:
        out["requesting_physician"] = case["requesting_physician"]
    return _fold(out)


@pytest.mark.parametrize("doc", _cases(), ids=lambda d: d["case_number"])
def test_our_text_letter_gives_back_the_cases_fields(doc):
    parsed = parse_text(render(case_from_document(doc), "text").decode("utf-8"))
    assert parsed.layout == "fdl-2016"
    expected = _expected(doc)
    assert _read(parsed.case, expected) == expected
    assert schema_problems(parsed.case) == []


@pytest.mark.parametrize("doc", _cases()[:6], ids=lambda d: d["case_number"])
def test_our_pdf_letter_gives_back_the_cases_fields(doc):
    parsed = parse_pdf(render(case_from_document(doc), "pdf"))
    expected = _expected(doc)
    assert _read(parsed.case, expected) == expected
    assert schema_problems(parsed.case) == []


def test_the_summarys_paragraphs_survive_the_text_letter():
    doc = next(c for c in _cases() if "\n\n" in c["clinical_summary"])
    parsed = parse_text(render(case_from_document(doc), "text").decode("utf-8"))
    assert parsed.case["clinical_summary"].split("\n\n") == [
        " ".join(p.split()) for p in doc["clinical_summary"].split("\n\n")
    ]


def test_an_undecided_item_is_read_as_undecided():
    doc = json.loads((DEMO / "cm17-0600001.json").read_text(encoding="utf-8"))
    parsed = parse_text(render(case_from_document(doc), "text").decode("utf-8"))
    assert [i["decision"] for i in parsed.case["items"]] == [i["decision"] for i in doc["items"]]


@pytest.mark.parametrize(
    "ending",
    ["a < b", "as the guideline says (ODG, 2016)", "the criteria:\n- one\n- two", "so 🙂"],
)
def test_a_rationale_without_a_full_stop_does_not_run_into_the_next_items_heading(ending):
    # A PDF's text carries no blank line between paragraphs: what tells the parser that a
    # wrapped rationale ends, and the next item's heading starts, is the space our PDF draws
    # at the end of each line that goes on.
    doc = json.loads((DEMO / "cm16-0400101.json").read_text(encoding="utf-8"))
    doc["items"][1]["rationale"] = (
        "The employee has lumbar radiculopathy. The progress note of August 30, 2016 shows "
        f"weakness on examination, and the request stands or falls with it, {ending}"
    )
    parsed = parse_pdf(render(case_from_document(doc), "pdf")).case
    assert [i["treatment"] for i in parsed["items"]] == [i["treatment"] for i in doc["items"]]
    assert [_fold(i["rationale"]) for i in parsed["items"]] == [
        _fold(i["rationale"]) for i in doc["items"]
    ]


def _quoting_the_letter(doc):
    """The case with the reviewer's texts quoting lines our letter prints: the items heading
    and an item's verdict in the summary, a guideline label in item 1's rationale and the
    documents heading in the last one."""
    doc = copy.deepcopy(doc)
    doc["clinical_summary"] += (
        "\n\nThe prior review read:\n\nIMR ISSUES, DECISIONS AND RATIONALES"
        "\n\nAquatic therapy, 12 sessions: Upheld\n\nShe has since returned to work."
    )
    doc["items"][0]["rationale"] += "\n\nClaims Administrator guideline:\n\nNone was cited."
    doc["items"][-1]["rationale"] += "\n\nDOCUMENTS REVIEWED\n\nThe file was read whole."
    return doc


@pytest.mark.parametrize("form", ["text", "pdf"])
@pytest.mark.parametrize("doc", _cases()[:3], ids=lambda d: d["case_number"])
def test_a_case_whose_texts_quote_the_letters_own_lines_comes_back_whole(doc, form):
    # Before: the summary was cut at the quoted heading and its verdict read as an item;
    # item 1 lost its claims administrator's basis and half its rationale.
    doc = _quoting_the_letter(doc)
    out = render(case_from_document(doc), form)
    parsed = parse_text(out.decode("utf-8")) if form == "text" else parse_pdf(out)
    expected = _expected(doc)
    assert _read(parsed.case, expected) == expected
