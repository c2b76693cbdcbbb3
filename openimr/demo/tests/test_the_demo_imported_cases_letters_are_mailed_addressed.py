"""The demo's cases imported whole come with their parties' contacts, so the letters the
demo issues on them are e-mailed or mailed addressed like a filed case's; one party (the
employer of CM17-0512345) is left without, so the print queue still shows its flag."""

import json
from pathlib import Path

import pytest

from openimr.letters.models import LetterService

pytestmark = pytest.mark.django_db
CASES = Path(__file__).resolve().parents[1] / "cases"


def _contacts(name: str) -> dict[str, dict[str, str]]:
    return json.loads((CASES / name).read_text(encoding="utf-8"))["contacts"]


def _served(number: str) -> dict[str, LetterService]:
    rows = LetterService.objects.filter(case__case_number=number, notice=None)
    return {row.party_role: row for row in rows}


def test_each_imported_letter_goes_to_the_contacts_its_case_came_with(demo):
    for name, number in (
        ("cm16-0400101.json", "CM16-0400101"),
        ("cm17-0512345.json", "CM17-0512345"),
    ):
        served = _served(number)
        assert served, number
        for role, contact in _contacts(name).items():
            assert served[role].postal_address == contact["address"]
            assert served[role].address == contact.get("email", "")


def test_only_the_party_the_demo_left_without_an_address_is_flagged(demo):
    flagged = [
        (row.case.case_number, row.party_role)
        for row in LetterService.objects.filter(notice=None, case__application=None)
        if row.needs_address
    ]
    assert flagged == [("CM17-0512345", "employer")]
