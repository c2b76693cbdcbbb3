"""Staff withdraw a reviewer who attested (ill, suspended, a conflict found late): the items
go at once to the best conflict-free, qualified reviewer left on the panel, never back to
the one withdrawn, and the letter no longer states the withdrawn reviewer's credentials
(LC 139.5(c); LC 4610.6(f)). A second withdrawal of the same assignment is refused."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.selectors import case_by_number
from openimr.core.errors import Conflict, InvalidInput
from openimr.reviewers import models, services
from openimr.reviewers.tests.test_assignment_service import AT, case, panel  # noqa: F401

pytestmark = pytest.mark.django_db
NUMBER = "CM26-0000001"


def _attested() -> models.Assignment:
    [first] = services.reviewer_assign(case_number=NUMBER, actor="clerk", at=AT)
    services.assignment_attest(
        assignment_id=first.pk, actor="reviewer", no_conflict=True, statement="", at=AT
    )
    first.refresh_from_db()
    return first


def test_the_items_go_to_another_reviewer_and_the_letter_forgets_the_first(
    panel,  # noqa: F811
    case,  # noqa: F811
):
    first = _attested()
    assert case_by_number(NUMBER).reviewer.licensed_in
    [second] = services.assignment_withdraw(
        assignment_id=first.pk, actor="director", reason="Ill until January.", at=AT
    )
    first.refresh_from_db()
    assert first.status == "withdrawn" and first.withdrawn_reason == "Ill until January."
    assert second.reviewer_id != first.reviewer_id and second.status == "proposed"
    assert first.reviewer.reviewer_id not in second.explanation["chosen"]
    stated = case_by_number(NUMBER).reviewer
    assert not stated.licensed_in and not stated.specialties  # nobody attested yet
    assert AuditEvent.objects.filter(action="case.reviewer_assigned").count() == 2


def test_a_reviewer_withdrawn_once_is_not_chosen_again(
    panel,  # noqa: F811
    case,  # noqa: F811
):
    first = _attested()
    [second] = services.assignment_withdraw(
        assignment_id=first.pk, actor="director", reason="Ill.", at=AT
    )
    after = services.assignment_withdraw(
        assignment_id=second.pk, actor="director", reason="Not reachable.", at=AT
    )
    # The first reviewer is still qualified and free: only their withdrawal keeps them from
    # the case. The demo panel has no third reviewer for it, so staff are told instead.
    assert after == []
    needed = AuditEvent.objects.get(action="case.reviewer_needed", object_id=NUMBER)
    assert needed.detail["declined"] == second.reviewer.reviewer_id


def test_a_withdrawal_needs_a_reason_and_happens_once(
    panel,  # noqa: F811
    case,  # noqa: F811
):
    first = _attested()
    with pytest.raises(InvalidInput) as refused:
        services.assignment_withdraw(assignment_id=first.pk, actor="director", reason="", at=AT)
    [problem] = refused.value.problems
    assert problem.path == "$.reason" and "say why the reviewer is withdrawn" in problem.message
    first.refresh_from_db()
    assert first.status == "attested"
    services.assignment_withdraw(assignment_id=first.pk, actor="director", reason="Ill.", at=AT)
    with pytest.raises(Conflict, match="already withdrawn"):
        services.assignment_withdraw(assignment_id=first.pk, actor="director", reason="Ill.", at=AT)
