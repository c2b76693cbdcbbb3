"""A regression floor over the synthetic case files: bench/summary_drafter.py gives the
figures; this keeps them from sliding unnoticed."""

import unicodedata

import pytest

from openimr.records.domain.inference import infer_record
from openimr.records.tests.drafting import annotated_cases, demo_cases, drafted

CASES = annotated_cases() + demo_cases()
FLOOR = 0.9


def _person(name):
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name.casefold().split(",")[0])
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).split())


def _expected_documents(case):
    if "documents" in case.expected and isinstance(case.expected["documents"], dict):
        return case.expected["documents"]
    return {d["file"]: d for d in case.expected["documents"]}


@pytest.mark.parametrize("field", ["kind", "author", "date_of_service"])
def test_nine_in_ten_documents_get_the_field_a_person_reads(field):
    right = total = 0
    for case in CASES:
        for name, want in _expected_documents(case).items():
            facts = infer_record(case.documents[name])
            got = {
                "kind": facts.kind.value,
                "author": _person(facts.author),
                "date_of_service": facts.date_of_service.isoformat()
                if facts.date_of_service
                else None,
            }[field]
            expected = _person(want["author"]) if field == "author" else want[field]
            right += got == expected
            total += 1
    assert right / total >= FLOOR


def test_nine_in_ten_expected_dates_of_the_summary_are_found():
    right = total = 0
    for case in CASES:
        summary = case.expected["summary"]
        facts = drafted(case).facts
        for name in ("date_of_injury", "latest_note_date", "ur_date"):
            total += 1
            right += facts.get(name) == summary[name]
    assert right / total >= FLOOR
