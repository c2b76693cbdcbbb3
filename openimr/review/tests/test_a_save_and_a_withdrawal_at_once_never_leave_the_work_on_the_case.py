"""A reviewer saves an item's decision or the clinical summary at the moment staff withdraw
them from the case (two app servers, two processes, one database). The save checked the
reviewer's access before its transaction, so a withdrawal committed in between (drafts set
aside, items freed, access ended) was followed by the withdrawn reviewer's work written
onto the case all the same, for the reviewer taking the items over to start from. A save
now takes the case's lock first, as the withdrawal does, and asks under it whether the
reviewer was withdrawn (``review.held``): withdrawn first, nothing is written and the
reviewer is told so and sent home; saved first, the withdrawal waits and sets the saved
work aside. On SQLite and PostgreSQL (on PostgreSQL the save locked the determination's
row before the case's, the withdrawal the other way round, and the two deadlocked)."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.models import Case
from openimr.cases.selectors import case_by_number, case_row
from openimr.core.case import Citation, Decision
from openimr.core.clock import local_date, now
from openimr.review import selectors, services
from openimr.review.models import Determination
from openimr.review.reassign import reviewer_withdraw
from openimr.review.tests.conftest import CASE, item_post, login
from openimr.review.tests.withdraw_racing import race
from openimr.reviewers.models import Assignment, Reviewer

pytestmark = pytest.mark.django_db(transaction=True)

SUMMARY = "Lumbar strain after lifting at work; no deficit on examination."
SAVED = ("case.item_saved", "case.summary_saved")
NOT_SAVED = {"item": "item 1 was not saved", "summary": "the summary was not saved"}


def _assignment(cast):
    return Assignment.objects.get(case__case_number=CASE, reviewer__user=cast.reviewer)


def _saved_before(doc, reviewer) -> None:
    """The reviewer saved item 2 before: the determination's row exists, so the withdrawal
    locks it, and waits for a save that holds it (on PostgreSQL)."""
    item = doc["items"][1]
    basis = tuple(Citation(c["mtus"], c["citation"]) for c in item["reviewer_basis"])
    entry = services.ItemInput(
        1, Decision(item["decision"]), basis, item["why_not_mtus"] or "", item["rationale"]
    )
    services.item_save(row=case_row(CASE), entry=entry, actor=reviewer)


def _race(tmp_path, cast, writer: str, landing: str, doc) -> tuple[dict, dict]:
    _saved_before(doc, cast.reviewer)
    return race(
        tmp_path,
        writer,
        landing,
        case=CASE,
        assignment=_assignment(cast).pk,
        reviewer=cast.reviewer.username,
        staff=cast.clerk.username,
        item=doc["items"][0],
        summary=SUMMARY,
    )


def _nothing_of_the_reviewers_on_the_case() -> None:
    case = case_by_number(CASE)
    assert case.clinical_summary is None
    assert all(i.decision is None and i.rationale is None for i in case.items)
    stored = Determination.objects.filter(case__case_number=CASE).first()
    assert stored is None or (stored.rationale_inputs == {} and stored.summary_input == "")


@pytest.mark.parametrize("writer", ["item", "summary"])
def test_a_save_after_the_withdrawal_is_refused_and_writes_nothing(
    tmp_path, cast, under_review, three_item_doc, writer
):
    written, withdrawn = _race(tmp_path, cast, writer, "access", three_item_doc)

    assert withdrawn == {"done": "withdrawn"}
    assert list(written) == ["refused"]
    assert f"staff withdrew you from case {CASE}" in written["refused"]
    assert NOT_SAVED[writer] in written["refused"]
    assert "no longer yours to decide" in written["refused"]
    _nothing_of_the_reviewers_on_the_case()
    assert _assignment(cast).status == Assignment.WITHDRAWN
    # What was saved before the withdrawal, and nothing more.
    assert list(_assignment(cast).set_aside) == ["items"]
    assert list(_assignment(cast).set_aside["items"]) == ["1"]
    saved = AuditEvent.objects.filter(object_id=CASE, action__in=SAVED)
    assert [e.detail.get("item") for e in saved] == [1]


@pytest.mark.parametrize("writer", ["item", "summary"])
def test_a_withdrawal_while_a_save_holds_the_case_waits_and_sets_the_save_aside(
    tmp_path, cast, under_review, three_item_doc, writer
):
    written, withdrawn = _race(tmp_path, cast, writer, "writing", three_item_doc)

    assert written == {"done": "saved"}
    assert withdrawn == {"done": "withdrawn"}
    _nothing_of_the_reviewers_on_the_case()  # taken off for the next reviewer
    kept = _assignment(cast).set_aside
    assert kept["items"]["1"]["decision"] == three_item_doc["items"][1]["decision"]
    if writer == "item":
        item = three_item_doc["items"][0]
        assert kept["items"]["0"]["decision"] == item["decision"]
        assert kept["items"]["0"]["rationale_input"] == item["rationale"].strip()
    else:
        assert kept["summary"] == {"text": SUMMARY, "input": SUMMARY}


@pytest.mark.parametrize(
    "post",
    [
        item_post,
        lambda client: client.post(f"/review/{CASE}/", {"action": "summary", "summary": SUMMARY}),
    ],
    ids=["item", "summary"],
)
def test_a_reviewer_withdrawn_between_the_pages_check_and_the_save_is_told_and_keeps_the_text(
    client, cast, under_review, monkeypatch, post
):
    """The page: the workspace's access check passes, the withdrawal lands, then the save is
    refused; the reviewer is told why, not shown the case file, and gets back what they
    wrote to copy (before, they were sent to their home page and the text was lost)."""
    checked = selectors.case_for_reviewer

    def withdrawn_just_after(user, case_number, **given):
        row = checked(user, case_number, **given)
        reviewer_withdraw(assignment_id=_assignment(cast).pk, actor=cast.clerk, reason="Ill.")
        return row

    monkeypatch.setattr(selectors, "case_for_reviewer", withdrawn_just_after)
    login(client, cast.reviewer)
    sent = post(client)
    assert sent.status_code == 409
    text = sent.content.decode()
    assert f"taff withdrew you from case {CASE}" in text
    assert "was not saved" in text
    assert "Lumbar strain with no deficit on examination." in text or SUMMARY in text
    assert "Documents reviewed" not in text  # not the case file
    _nothing_of_the_reviewers_on_the_case()
    assert Case.objects.get(case_number=CASE).clinical_summary is None


@pytest.mark.parametrize("landing", ["attest", "attesting", "withdrawing"])
def test_a_reviewer_who_attests_and_saves_as_they_are_withdrawn_keeps_nothing_on_the_case(
    tmp_path, cast, under_review, three_item_doc, landing
):
    """The withdrawal read the assignment as proposed, then waited for the case's lock
    while the reviewer attested and saved an item; it decided from that stale read that
    there was nothing to set aside, and the withdrawn reviewer's decision stayed on the
    case for the next reviewer (on PostgreSQL; SQLite runs the two one after the other).
    It reads the assignment again under the lock. Or (``attesting``) the withdrawal comes
    while the attestation holds the assignment's row: the attestation's row lock takes the
    case's row with it (its query joins the case), so the withdrawal waits for it, then
    the reviewer's save waits for the withdrawal and is refused; no deadlock. Or
    (``withdrawing``) the withdrawal holds the case when the reviewer attests: the
    attestation locked the assignment's row, then waited for the case's, while the
    withdrawal waited for the assignment's, and PostgreSQL broke the deadlock by failing
    one of them. The attestation takes the case's lock first now, waits, and is refused."""
    Assignment.objects.filter(pk=_assignment(cast).pk).update(
        status=Assignment.PROPOSED, attested_at=None
    )
    # Verified today: a reviewer who no longer qualifies is withdrawn at the attestation.
    Reviewer.objects.filter(user=cast.reviewer).update(last_verified=local_date(now()))
    written, withdrawn = race(
        tmp_path,
        "attest",
        landing,
        case=CASE,
        assignment=_assignment(cast).pk,
        reviewer=cast.reviewer.username,
        staff=cast.clerk.username,
        item=three_item_doc["items"][0],
    )

    assert withdrawn == {"done": "withdrawn"}
    assert _assignment(cast).status == Assignment.WITHDRAWN
    _nothing_of_the_reviewers_on_the_case()
    if landing == "withdrawing":  # withdrawn first, whichever database
        assert written == {"refused": "this assignment is already withdrawn from the case"}
    if written == {"done": "saved"}:  # attested and saved first: set aside
        assert _assignment(cast).set_aside["items"]["0"]["rationale_input"] == (
            three_item_doc["items"][0]["rationale"].strip()
        )
        return
    # Withdrawn first: the attestation refused; or attested first, the save refused.
    refused = written["refused"]
    assert "this assignment is already withdrawn" in refused or (
        f"staff withdrew you from case {CASE}" in refused and "item 1 was not saved" in refused
    )
    assert _assignment(cast).set_aside == {}
