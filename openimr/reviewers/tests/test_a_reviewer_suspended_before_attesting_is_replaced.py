"""A medical director suspends a reviewer (takes them off the active panel in the admin), or
a credential of theirs lapses, after matching chose them and before they attest no conflict.
Their attestation then failed with a server error (the reviewer was looked up on the active
panel and was not there), and the case stayed stuck: staff could not assign anyone while
the proposal stood open. Now the attestation is refused, the assignment is withdrawn with
the reason, and the items go to another qualified reviewer at once (LC 139.5(c))."""

from datetime import date

import pytest
import time_machine

from openimr.audit.models import AuditEvent
from openimr.cases.selectors import case_by_number
from openimr.reviewers import models, services
from openimr.reviewers.tests.test_assignment_service import AT, case, panel  # noqa: F401

pytestmark = pytest.mark.django_db
NUMBER = "CM26-0000001"


def _proposed() -> models.Assignment:
    [first] = services.reviewer_assign(case_number=NUMBER, actor="clerk", at=AT)
    return first


def test_a_suspended_reviewers_attestation_is_refused_and_the_case_goes_to_another(
    panel,  # noqa: F811
    case,  # noqa: F811
):
    first = _proposed()
    before = case_by_number(NUMBER).reviewer
    models.Reviewer.objects.filter(pk=first.reviewer.pk).update(active=False)
    [second] = services.assignment_attest(
        assignment_id=first.pk, actor="reviewer", no_conflict=True, statement="", at=AT
    )
    first.refresh_from_db()
    assert first.status == "withdrawn" and "suspended" in first.statement
    assert second.reviewer_id != first.reviewer_id and second.status == "proposed"
    withdrawn = AuditEvent.objects.get(action="case.reviewer_withdrawn", object_id=NUMBER)
    assert withdrawn.detail["reviewer"] == first.reviewer.reviewer_id
    assert case_by_number(NUMBER).reviewer == before  # nothing of theirs for the letter


def test_a_reviewer_whose_license_lapsed_since_the_choice_cannot_attest(
    panel,  # noqa: F811
    case,  # noqa: F811
):
    first = _proposed()
    first.reviewer.licenses.update(expires=date(2026, 11, 25))
    services.assignment_attest(
        assignment_id=first.pk, actor="reviewer", no_conflict=True, statement="", at=AT
    )
    first.refresh_from_db()
    assert first.status == "withdrawn" and "expired on 11/25/2026" in first.statement


def test_the_page_says_why_the_attestation_was_refused(
    client,
    staff_client,
    panel,  # noqa: F811
    case,  # noqa: F811
):
    with time_machine.travel(AT, tick=False):
        first = _proposed()
        models.Reviewer.objects.filter(pk=first.reviewer.pk).update(active=False)
        answer = client.post(f"/reviewers/attest/{first.pk}/", {"answer": "no_conflict"})
        assert answer.status_code == 302
        page = client.get(answer["Location"]).content.decode()
    assert "can no longer take the case" in page and "suspended" in page
    assert "Withdrawn from the case" in page
