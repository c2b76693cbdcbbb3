"""One demo case imported whole (CM17-0512345) comes with a fictional claim number, so the
demo shows a party finding an imported case on /status/, as the README says."""

import json
from pathlib import Path

import pytest

from openimr.cases.domain.lifecycle import State
from openimr.cases.domain.party_status import stage_of

pytestmark = pytest.mark.django_db
README = Path(__file__).resolve().parents[3] / "README.md"
CASE = Path(__file__).resolve().parents[1] / "cases" / "cm17-0512345.json"


def _ask(client, number: str, claim: str, injury: str) -> str:
    body = {"case_number": number, "claim_number": claim, "date_of_injury": injury}
    response = client.post("/status/", body, REMOTE_ADDR="10.0.0.9")
    return " ".join(response.content.decode().split())


def test_a_party_finds_the_imported_demo_case_by_its_claim_number(client, demo):
    doc = json.loads(CASE.read_text(encoding="utf-8"))
    said = _ask(client, doc["case_number"], doc["claim_number"], doc["dates"]["injury"])
    assert stage_of(State.ISSUED).words in said and "No case matches" not in said
    readme = " ".join(README.read_text(encoding="utf-8").split())
    assert doc["claim_number"] in readme and doc["dates"]["injury"] in readme
