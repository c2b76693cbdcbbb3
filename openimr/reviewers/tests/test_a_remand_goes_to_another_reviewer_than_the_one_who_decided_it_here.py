"""A determination set aside on appeal goes back for review by a different reviewer
(LC 4610.6(h), (i)). Matching knew who decided the earlier review only from the
``prior_case_numbers`` the panel file lists, so a case decided in openimr itself, by a
reviewer who attested to it here, never counted: when the WCAB sent it back, the same
reviewer was the best choice again and was assigned the remand. The reviewer who attested
the earlier case is now excluded, by the matching and again at the attestation."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case
from openimr.cases.services import case_import
from openimr.reviewers import models, services
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.tests.builders import DATA, DEMO_PANEL

pytestmark = pytest.mark.django_db
AT = datetime(2026, 11, 26, 18, tzinfo=UTC)
FIRST, REMAND = "CM26-0000001", "CM26-0000002"


def _case(number: str, remand_of: list[str]) -> None:
    doc = json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))
    doc.update(case_number=number, remand_of=remand_of)
    doc["dates"]["decision"] = None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    case_import(case=case_from_document(doc), actor="test")


@pytest.fixture
def decided_here() -> str:
    """The first case, decided by the reviewer who attested to it, then issued."""
    for reviewer in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        services.reviewer_store(reviewer=reviewer, actor="test")
    _case(FIRST, [])
    [first] = services.reviewer_assign(case_number=FIRST, actor="clerk", at=AT)
    services.assignment_attest(
        assignment_id=first.pk, actor="reviewer", no_conflict=True, statement="", at=AT
    )
    Case.objects.filter(case_number=FIRST).update(state="issued")
    return first.reviewer.reviewer_id


def test_the_reviewer_who_decided_the_case_here_is_not_chosen_for_its_remand(decided_here):
    _case(REMAND, [FIRST])
    later = AT + timedelta(days=40)
    [remand] = services.reviewer_assign(case_number=REMAND, actor="clerk", at=later)

    assert remand.reviewer.reviewer_id != decided_here
    excluded = {e["reviewer_id"]: e["reasons"] for e in remand.explanation["excluded"]}
    [reason] = [r for r in excluded[decided_here] if r["code"] == "remand_same_reviewer"]
    assert FIRST in reason["text"]


def test_the_reviewer_who_decided_it_here_cannot_attest_to_the_remand(decided_here):
    _case(REMAND, [FIRST])
    later = AT + timedelta(days=40)
    again = models.Assignment.objects.create(  # as a clerk's pick in the admin would be
        case=Case.objects.get(case_number=REMAND),
        reviewer=models.Reviewer.objects.get(reviewer_id=decided_here),
        assigned_at=later,
        assigned_by="clerk",
    )
    services.assignment_attest(
        assignment_id=again.pk, actor="reviewer", no_conflict=True, statement="", at=later
    )

    again.refresh_from_db()
    assert again.status == models.Assignment.WITHDRAWN
    assert f"decided the earlier review {FIRST}" in again.statement
