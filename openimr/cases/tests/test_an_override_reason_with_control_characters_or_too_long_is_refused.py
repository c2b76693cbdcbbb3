"""The override's written reason is printed on the notice the parties are served
(8 CCR 9792.10.3), so it must be text a page can show: a control character (a NUL cannot
even be stored on PostgreSQL) or a reason longer than 2,000 characters is refused at the
field, and nothing is written: the case keeps its outcome, no notice, no audit row."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases import models, services
from openimr.cases.domain.eligibility import Outcome
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


def _override(case, reason, outcome=Outcome.INELIGIBLE):
    services.application_override(row=case, outcome=outcome, reason=reason, actor="clerk")


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("liability\x00 settled", "control character"),
        ("see \x1b[31mred\x1b[0m", "control character"),
        ("next line\x85here", "control character"),
        ("reversed \u202etxet", "text-direction controls"),
        ("x" * 2001, "2000 characters"),
    ],
)
def test_the_reason_is_refused_at_its_field_and_nothing_is_written(deferred, reason, said):
    events, notices = AuditEvent.objects.count(), models.Notice.objects.count()
    with pytest.raises(InvalidInput) as refused:
        _override(deferred, reason)
    [problem] = refused.value.problems
    assert problem.path == "$.reason"
    assert said in problem.message
    deferred.refresh_from_db()
    assert deferred.state == "deferred"
    assert models.Application.objects.get(case=deferred).override_reason == ""
    assert (AuditEvent.objects.count(), models.Notice.objects.count()) == (events, notices)


def test_a_reason_over_several_lines_up_to_the_limit_is_taken(deferred):
    reason = "Liability accepted in writing.\r\n\tSee the adjuster's letter." + "." * 1900
    _override(deferred, reason[:2000], outcome=Outcome.ELIGIBLE)
    deferred.refresh_from_db()
    assert deferred.state == "eligible"
    assert models.Application.objects.get(case=deferred).override_reason == reason[:2000]
