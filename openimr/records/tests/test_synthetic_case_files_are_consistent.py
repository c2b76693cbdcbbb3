"""The synthetic records (demo and annotated) are well formed and agree with their cases."""

import json
import unicodedata
from datetime import date

import pytest

from openimr.core.case import DocumentKind
from openimr.records.tests.drafting import ANNOTATED, DEMO_CASES, DEMO_RECORDS

SUMMARY_FACTS = {
    "age", "sex", "date_of_injury", "mechanism", "latest_note_date", "complaints", "exam",
    "imaging", "treatment_to_date", "request", "ur_date",
}  # fmt: skip
SUBMITTERS = {"claims administrator", "requesting physician", "employee"}
MANIFESTS = sorted(DEMO_RECORDS.glob("*/manifest.json"))
ANNOTATED_CASES = sorted(ANNOTATED.glob("case-*"))


def _check_document(folder, name, expected):
    assert (folder / name).is_file(), name
    DocumentKind(expected["kind"])
    if expected["date_of_service"]:
        date.fromisoformat(expected["date_of_service"])


def test_there_are_ten_annotated_cases():
    assert [f.name for f in ANNOTATED_CASES] == [f"case-{n:02d}" for n in range(1, 11)]


@pytest.mark.parametrize("folder", ANNOTATED_CASES, ids=lambda f: f.name)
def test_an_annotated_case_lists_every_record_and_every_summary_fact(folder):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    for name, want in expected["documents"].items():
        _check_document(folder, name, want)
    assert {p.name for p in folder.glob("*.txt")} == set(expected["documents"])
    assert set(expected["summary"]) == SUMMARY_FACTS
    json.loads((folder / "case.json").read_text(encoding="utf-8"))


def _plain(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _demo_case(number):
    for path in DEMO_CASES.glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc["case_number"] == number:
            return doc
    raise AssertionError(f"no demo case {number}")


def test_every_demo_case_has_records():
    numbers = {_demo_case_number(p) for p in DEMO_CASES.glob("*.json")}
    assert numbers == {p.parent.name for p in MANIFESTS}


def _demo_case_number(path):
    return json.loads(path.read_text(encoding="utf-8"))["case_number"]


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda p: p.parent.name)
def test_demo_records_are_listed_with_submitter_and_expectations(manifest):
    listing = json.loads(manifest.read_text(encoding="utf-8"))
    assert listing["case_number"] == manifest.parent.name
    assert 3 <= len(listing["documents"]) <= 5
    for entry in listing["documents"]:
        assert entry["submitted_by"] in SUBMITTERS
        _check_document(manifest.parent, entry["file"], entry)
    assert set(listing["summary"]) == SUMMARY_FACTS
    texts = [
        (manifest.parent / e["file"]).read_text(encoding="utf-8") for e in listing["documents"]
    ]
    assert any(text.count("\f") == 1 for text in texts), "a progress note of two pages"


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda p: p.parent.name)
def test_demo_records_name_the_cases_employee_and_requesting_physician(manifest):
    case = _demo_case(manifest.parent.name)
    listing = json.loads(manifest.read_text(encoding="utf-8"))
    texts = {
        e["kind"]: (manifest.parent / e["file"]).read_text(encoding="utf-8")
        for e in listing["documents"]
    }
    employee = case["employee"]["name"]
    physician = (case["requesting_physician"]["name"] or "").removeprefix("Dr. ")
    if employee:
        # Registration systems drop accents and shout ("NGUYEN, TOMAS"); the name is the same.
        surname = _plain(employee.split()[-1])
        assert all(surname in _plain(text) for text in texts.values())
    if physician:
        assert physician in texts["rfa"]
        assert all(
            e["author"].startswith(physician) for e in listing["documents"] if e["kind"] == "rfa"
        )


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda p: p.parent.name)
def test_demo_records_agree_with_the_cases_dates(manifest):
    case = _demo_case(manifest.parent.name)
    listing = json.loads(manifest.read_text(encoding="utf-8"))
    by_kind = {e["kind"]: e["date_of_service"] for e in listing["documents"]}
    assert by_kind["ur_determination"] == case["dates"]["ur_decision"]
    assert listing["summary"]["date_of_injury"] == case["dates"]["injury"]
