"""Assigning a stored case: the explanation, attestation, a declared conflict and the
replacement, a case no single reviewer covers, and the panel CSV import."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.core.errors import Conflict, InvalidInput
from openimr.reviewers import models, services
from openimr.reviewers.panel_format import panel_from_json

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
DEMO_PANEL = Path(__file__).resolve().parents[3] / "openimr" / "demo" / "panel.json"
AT = datetime(2026, 11, 26, 18, tzinfo=UTC)


@pytest.fixture
def panel():
    for reviewer in panel_from_json((DEMO_PANEL).read_text(encoding="utf-8")).values():
        services.reviewer_store(reviewer=reviewer, actor="test")


@pytest.fixture
def case():
    doc = json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))
    doc["case_number"] = "CM26-0000001"
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    case_import(case=case_from_document(doc), actor="test")
    return doc


def test_assignment_records_the_choice_and_who_was_excluded_and_why(panel, case):
    [assignment] = services.reviewer_assign(case_number="CM26-0000001", actor="clerk", at=AT)
    explanation = assignment.explanation
    assert explanation["chosen"] == [assignment.reviewer.reviewer_id]
    excluded = {
        e["reviewer_id"]: {r["code"] for r in e["reasons"]} for e in explanation["excluded"]
    }
    assert any("claims_administrator" in code for code in excluded.get("R-102", set()))
    assert assignment.status == "proposed"
    assert AuditEvent.objects.filter(
        action="case.reviewer_assigned", object_id="CM26-0000001"
    ).exists()


def test_a_second_assignment_while_one_is_open_is_refused(panel, case):
    services.reviewer_assign(case_number="CM26-0000001", actor="clerk", at=AT)
    with pytest.raises(Conflict):
        services.reviewer_assign(case_number="CM26-0000001", actor="clerk", at=AT)


def test_attesting_no_conflict_puts_the_qualifications_not_the_name_on_the_case(panel, case):
    from openimr.cases.selectors import case_by_number

    [assignment] = services.reviewer_assign(case_number="CM26-0000001", actor="clerk", at=AT)
    services.assignment_attest(
        assignment_id=assignment.pk, actor="reviewer", no_conflict=True, statement="", at=AT
    )
    stored = case_by_number("CM26-0000001")
    assert stored.reviewer.specialties and stored.reviewer.licensed_in
    assert assignment.reviewer.name not in json.dumps(stored.reviewer.__dict__, default=str)


def test_declaring_a_conflict_needs_a_statement_and_brings_a_new_reviewer_at_once(panel, case):
    [first] = services.reviewer_assign(case_number="CM26-0000001", actor="clerk", at=AT)
    with pytest.raises(InvalidInput, match="describe the conflict"):
        services.assignment_attest(
            assignment_id=first.pk, actor="reviewer", no_conflict=False, statement=" ", at=AT
        )
    [second] = services.assignment_attest(
        assignment_id=first.pk,
        actor="reviewer",
        no_conflict=False,
        statement="I treated the employee in 2015.",
        at=AT,
    )
    first.refresh_from_db()
    assert first.status == "declined"
    assert second.reviewer_id != first.reviewer_id and second.status == "proposed"
    assert AuditEvent.objects.filter(action="case.reviewer_declined").exists()


def test_a_case_no_single_reviewer_covers_is_split_between_reviewers(panel, case):
    from openimr.cases.models import DisputedItem

    DisputedItem.objects.filter(case__case_number="CM26-0000001", position=2).update(
        treatment="Cognitive behavioral therapy, 10 sessions",
        category="behavioral_health",
        icd10=["F43.20"],
    )
    assignments = services.reviewer_assign(case_number="CM26-0000001", actor="clerk", at=AT)
    assert len(assignments) >= 2
    assert assignments[0].explanation["multi_reviewer"] is True
    covered = sorted(i for a in assignments for i in a.items)
    assert covered == [0, 1, 2]


def test_csv_import_rejects_impossible_rows_by_line_and_field_and_imports_the_rest():
    header = (
        "reviewer_id,name,specialties,boards,certification_expires,license_states,license_numbers,"
        "license_expires,license_restricted,years_in_practice,weekly_hours,open_sanctions,last_verified,"
        "languages,capacity_per_week,affiliations"
    )
    good = "R-1,Dr. Ada Park,Orthopedic Surgery,ABOS,2030-01-01,CA,A123,2030-01-01,false,12,30,0,2026-01-01,en,10,"
    bad_state = (
        "R-2,Dr. Bo Li,Psychiatry,ABPN,2030-01-01,ZZ,B1,2030-01-01,false,12,30,0,2026-01-01,en,10,"
    )
    bad_hours = (
        "R-3,Dr. Cy Ng,Psychiatry,ABPN,2030-01-01,CA,C1,2030-01-01,false,12,-4,0,2026-01-01,en,10,"
    )
    report = services.reviewers_import_csv(
        text="\n".join([header, good, bad_state, bad_hours]) + "\n", actor="clerk"
    )
    assert report.imported == ["R-1"]
    rejected = {
        line: " ".join(f"{p.path} {p.message}" for p in problems)
        for line, problems in report.rejected
    }
    assert set(rejected) == {3, 4}
    assert "license_states" in rejected[3]
    assert "weekly_hours" in rejected[4]
    assert list(models.Reviewer.objects.values_list("reviewer_id", flat=True)) == ["R-1"]
