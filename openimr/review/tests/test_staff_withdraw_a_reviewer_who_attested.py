"""A reviewer who attested no conflict can stop qualifying before they decide: suspended, a
license lost, ill, a conflict found late. There was no way to take the case from them.
Staff now withdraw them from the case's timeline with a written reason: the withdrawal is
audited and shown, the reviewer no longer opens the case file (404, audited as refused),
their drafts leave the case (kept on the withdrawn assignment for the audit trail, never
shown to the next reviewer), only their items of a split case are touched, the clocks do
not restart (LC 4610.6(d)), and a submitted or issued determination keeps its reviewer."""

from datetime import UTC, datetime

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.models import Case
from openimr.cases.selectors import case_by_number, case_row
from openimr.core.case import Citation, Decision
from openimr.review import services
from openimr.review.models import Determination
from openimr.review.selectors import determination_due
from openimr.review.tests.conftest import CASE, QA_URL, assign, login, person
from openimr.reviewers.models import Assignment

pytestmark = pytest.mark.django_db
TIMELINE = f"/cases/{CASE}/timeline/"
REASON = "Medical board suspended the license on 11/20/2026."
RATIONALE = "Twelve visits gave no functional gain; no more are indicated."


def _assignment(reviewer_id: str = "R-1") -> Assignment:
    return Assignment.objects.get(case__case_number=CASE, reviewer__reviewer_id=reviewer_id)


def _withdraw(client, cast, reviewer_id: str = "R-1", reason: str = REASON):
    login(client, cast.clerk)
    url = f"/review/withdraw/{_assignment(reviewer_id).pk}/"
    return client.post(url, {"reason": reason}, follow=True)


def _decide(user, position: int, summary: str | None = None) -> None:
    row = case_row(CASE)
    if summary is not None:
        services.summary_save(row=row, text=summary, actor=user)
    basis = (Citation(True, "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine"),)
    entry = services.ItemInput(position, Decision.UPHELD, basis, "", RATIONALE)
    services.item_save(row=row, entry=entry, actor=user)


def test_the_timeline_withdraws_the_reviewer_with_the_reason_shown_and_audited(
    client, cast, under_review
):
    offered = login(client, cast.clerk).get(TIMELINE).content.decode()
    assert "Withdraw this reviewer" in offered
    page = _withdraw(client, cast).content.decode()
    assert "The reviewer is withdrawn and no longer opens the case file" in page
    assert "Withdrawn from the case" in page and REASON in page
    assert "Reviewer withdrawn from the case by staff" in page  # the timeline's event
    event = AuditEvent.objects.get(action="case.reviewer_removed", object_id=CASE)
    assert event.detail["reviewer"] == "R-1" and event.detail["text"] == REASON
    assert event.actor_label == "clerk"
    assert _assignment().status == "withdrawn" and _assignment().withdrawn_by == "clerk"
    record = client.get(f"/cases/{CASE}/").content.decode()  # the case page says it too
    assert "Withdrawn from the case" in record and REASON in record


def test_the_withdrawn_reviewer_gets_404_on_the_workspace_and_the_api_audited_as_refused(
    client, cast, under_review
):
    assert login(client, cast.reviewer).get(f"/review/{CASE}/").status_code == 200
    _withdraw(client, cast)
    login(client, cast.reviewer)
    assert client.get(f"/review/{CASE}/").status_code == 404
    assert client.get(f"/api/v1/review/{CASE}").status_code == 404
    refused = AuditEvent.objects.filter(
        object_id=CASE, actor_label="jroe", action__endswith=".refused"
    )
    assert {e.action for e in refused} == {"review.viewed.refused", "review.api_viewed.refused"}
    assert CASE not in client.get("/review/").content.decode()


def test_a_withdrawal_without_a_reason_is_refused_and_changes_nothing(client, cast, under_review):
    page = _withdraw(client, cast, reason="  ").content.decode()
    assert "say why the reviewer is withdrawn" in page
    assert _assignment().status == "attested"
    assert login(client, cast.reviewer).get(f"/review/{CASE}/").status_code == 200


def test_the_drafts_leave_the_case_and_stay_on_the_withdrawn_assignment(
    client, cast, under_review, records_layer
):
    _decide(cast.reviewer, 0, summary="Lumbar strain after lifting; chronic pain since.")
    _withdraw(client, cast)
    case = case_by_number(CASE)
    assert case.items[0].decision is None and case.items[0].rationale is None
    assert case.clinical_summary is None
    stored = Determination.objects.get(case__case_number=CASE)
    assert stored.rationale_inputs == {} and stored.summary_input == ""
    kept = _assignment().set_aside
    assert kept["items"]["0"]["rationale"] == RATIONALE and kept["items"]["0"]["decision"]
    assert kept["summary"]["text"].startswith("Lumbar strain")
    # The reviewer who takes the case over opens it without the withdrawn reviewer's words.
    newcomer = person("lkim", "reviewer")
    assign(CASE, newcomer, "R-3", "Lee Kim")
    page = login(client, newcomer).get(f"/review/{CASE}/").content.decode()
    assert RATIONALE not in page and "Lumbar strain after lifting" not in page
    assert AuditEvent.objects.filter(action="case.reviewer_work_set_aside").exists()


def test_a_split_case_withdraws_only_that_reviewers_items(client, cast, split, records_layer):
    _decide(cast.reviewer, 0, summary="Lumbar strain after lifting; chronic pain since.")
    _decide(cast.other_reviewer, 1)
    _withdraw(client, cast, "R-1")
    case = case_by_number(CASE)
    assert case.items[0].rationale is None
    assert case.items[1].rationale == RATIONALE  # Dr. Park's item stands
    assert case.clinical_summary  # the remaining reviewer shares the summary
    assert _assignment("R-2").status == "attested"
    assert login(client, cast.other_reviewer).get(f"/review/{CASE}/").status_code == 200
    assert sorted(_assignment("R-1").set_aside["items"]) == ["0"]


def test_the_determination_deadline_does_not_restart(client, cast, under_review):
    complete = datetime(2016, 10, 3, 17, tzinfo=UTC)
    Case.objects.filter(case_number=CASE).update(records_complete_at=complete)
    due = determination_due(case_row(CASE))
    assert due is not None
    _withdraw(client, cast)
    assert determination_due(case_row(CASE)) == due
    assert case_row(CASE).records_complete_at == complete


def test_a_submitted_determination_keeps_its_reviewer(client, cast, in_qa):
    page = _withdraw(client, cast).content.decode()
    assert "the determination was submitted and is with QA" in page
    assert _assignment().status == "attested"
    assert not AuditEvent.objects.filter(action="case.reviewer_removed").exists()


def test_an_issued_determination_keeps_its_reviewer(client, cast, issued):
    page = _withdraw(client, cast).content.decode()
    assert "the determination was issued and binds the parties" in page
    assert _assignment().status == "attested"


def test_the_timeline_offers_the_withdrawal_only_while_in_review(client, cast, in_qa):
    page = login(client, cast.clerk).get(TIMELINE).content.decode()
    assert "Withdraw this reviewer" not in page
    assert login(client, cast.qa).get(QA_URL).status_code == 200
