"""A reviewer may have no material professional affiliation with the employee's treating
physicians (LC 139.5(d); domain.md section 4: "the requesting or treating physician"). The
conflict check compared the panel with the application's named parties only, so a panel
physician who wrote one of the employee's records (a CT read, a progress note) was chosen,
and could attest, as if a stranger to the case. The authors of the clinical records are now
parties as treating providers, at matching and again when the reviewer attests (records
often arrive after the choice)."""

import json

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.reviewers import models, services
from openimr.reviewers.domain.panel import PartyRole
from openimr.reviewers.match_input import case_parties_from_document
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.tests.test_assignment_service import AT, DATA, DEMO_PANEL

pytestmark = pytest.mark.django_db
NUMBER = "CM26-0000001"


def _doc(*documents: dict) -> dict:
    doc = json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))
    doc["case_number"] = NUMBER
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    doc["documents"] = list(documents)
    return doc


def _record(author: str, kind: str = "imaging") -> dict:
    return {
        "title": "MRI of the lumbar spine",
        "author": author,
        "date": "2026-10-02",
        "kind": kind,
    }


def test_the_authors_of_clinical_records_are_treating_providers_and_ur_is_not():
    parties = case_parties_from_document(
        _doc(_record("Maya Lindqvist, M.D."), _record("Dr. Helen Park", "ur_determination"))
    )
    assert (PartyRole.TREATING_PROVIDER, "Maya Lindqvist, M.D.") in parties.names
    assert (PartyRole.TREATING_PROVIDER, "Dr. Helen Park") not in parties.names


@pytest.fixture
def panel():
    for reviewer in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        services.reviewer_store(reviewer=reviewer, actor="test")


def _first_choice() -> str:
    """Who the case goes to when no record names a reviewer."""
    case_import(case=case_from_document(_doc()), actor="test")
    [first] = services.reviewer_assign(case_number=NUMBER, actor="clerk", at=AT)
    chosen = first.reviewer
    models.Assignment.objects.all().delete()
    return chosen.name


def test_a_reviewer_who_wrote_one_of_the_employees_records_is_not_chosen(panel):
    name = _first_choice()
    author = f"{name.removeprefix('Dr. ')}, M.D."
    case_import(case=case_from_document(_doc(_record(author))), actor="test", replace=True)
    [assignment] = services.reviewer_assign(case_number=NUMBER, actor="clerk", at=AT)
    assert assignment.reviewer.name != name
    excluded = {code["code"] for e in assignment.explanation["excluded"] for code in e["reasons"]}
    assert "reviewer_is_treating_provider" in excluded


def test_a_record_by_the_reviewer_that_arrives_after_the_choice_stops_the_attestation(panel):
    case_import(case=case_from_document(_doc()), actor="test")
    [first] = services.reviewer_assign(case_number=NUMBER, actor="clerk", at=AT)
    author = f"{first.reviewer.name.removeprefix('Dr. ')}, M.D."
    case_import(case=case_from_document(_doc(_record(author))), actor="test", replace=True)
    services.assignment_attest(
        assignment_id=first.pk, actor="reviewer", no_conflict=True, statement="", at=AT
    )
    first.refresh_from_db()
    assert first.status == "withdrawn"
    assert "treated the employee" in first.statement or "treating" in first.statement


def test_a_record_received_into_the_case_file_counts_as_well(panel):
    """The case file's records (uploaded, their author read from the text) are what a case
    filed through intake has; it imports with no documents at all."""
    from openimr.cases.models import Case
    from openimr.records.models import Record

    case_import(case=case_from_document(_doc()), actor="test")
    [first] = services.reviewer_assign(case_number=NUMBER, actor="clerk", at=AT)
    Record.objects.create(
        case=Case.objects.get(case_number=NUMBER),
        filename="ct.pdf",
        file_path="records/ct.pdf",
        sha256="0" * 64,
        size=1000,
        received_at=AT,
        submitted_by="claims_administrator",
        via="upload",
        received_by="clerk",
        kind="imaging",
        author=f"{first.reviewer.name.removeprefix('Dr. ')}, MD",
        title="CT of the lumbar spine",
        status="extracted",
    )
    services.assignment_attest(
        assignment_id=first.pk, actor="reviewer", no_conflict=True, statement="", at=AT
    )
    first.refresh_from_db()
    assert first.status == "withdrawn" and "treated the employee" in first.statement
