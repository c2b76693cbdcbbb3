"""Staff overriding a screening outcome (8 CCR 9792.10.3) press "Save" twice, or the browser
resends the form: the second copy, the same outcome for the same written reason on a case
already standing at it, changes nothing, and the parties get one notice, not two."""

import pytest

from openimr.cases import models

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]
REASON = "The UR decision was not served on the employee: the application is late."


def _override(client, number: str, outcome: str, reason: str = REASON):
    return client.post(
        f"/cases/{number}/action/",
        {"action": "override", "outcome": outcome, "reason": reason},
        follow=True,
    )


def _notices(row) -> list[str]:
    return list(models.Notice.objects.filter(case=row).values_list("kind", flat=True))


def test_the_same_override_twice_sends_one_notice(client, staff_client, deferred):
    _override(client, deferred.case_number, "ineligible")
    again = _override(client, deferred.case_number, "ineligible")
    assert _notices(deferred) == ["deferred", "ineligible"]
    assert "already" in again.content.decode()
    assert models.Case.objects.get(pk=deferred.pk).state == "ineligible"


def test_a_new_reason_for_the_same_outcome_is_a_new_override(client, staff_client, deferred):
    _override(client, deferred.case_number, "ineligible")
    _override(client, deferred.case_number, "ineligible", reason="The treatment was decided.")
    assert _notices(deferred) == ["deferred", "ineligible", "ineligible"]
