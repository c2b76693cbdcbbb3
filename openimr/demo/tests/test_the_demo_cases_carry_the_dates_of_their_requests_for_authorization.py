"""Each demo case's items carry the date of the Request for Authorization that its case file
holds (the RFA record's signature date), so the demo shows the date where staff read it."""

import json
from pathlib import Path

import pytest

from openimr.cases.interchange import case_from_file

CASES = Path(__file__).resolve().parents[1] / "cases"
RECORDS = Path(__file__).resolve().parents[1] / "records"


def _rfa_record_date(case_number: str) -> str:
    manifest = json.loads((RECORDS / case_number / "manifest.json").read_text(encoding="utf-8"))
    (rfa,) = [d for d in manifest["documents"] if d["kind"] == "rfa"]
    return rfa["date_of_service"]


@pytest.mark.parametrize("path", sorted(CASES.glob("*.json")), ids=lambda p: p.name)
def test_every_item_has_the_date_of_the_rfa_in_its_case_file(path):
    case = case_from_file(path)
    assert all(i.rfa_date for i in case.items)
    assert {str(i.rfa_date) for i in case.items} == {_rfa_record_date(case.case_number)}
