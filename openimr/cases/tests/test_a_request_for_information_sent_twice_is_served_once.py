"""Staff asking a party for what screening needs (8 CCR 9792.10.3(c)) press "Send" twice, or
the browser resends the form: the second copy, the same request to the same party while the
first awaits its answer, is refused as already sent; the party gets one request and its
5-business-day clock is not restarted. A different request is a new one (it restarts the
clock, as the regulation's "a second request" does)."""

import pytest
import time_machine

from openimr.cases import models

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]
NEED = "Please send the written UR decision of March 1, 2024."


def _ask(client, row, text=NEED):
    url = f"/cases/{row.case_number}/information/request/"
    return client.post(url, {"party": "claims_administrator", "text": text}, follow=True)


def _requests(row) -> int:
    return models.Notice.objects.filter(case=row, kind="information_request").count()


def test_the_same_request_twice_is_served_once(client, staff_client, deferred):
    _ask(client, deferred)
    first = models.Case.objects.get(pk=deferred.pk).information_requested_at
    with time_machine.travel("2024-03-20 17:05Z", tick=False):  # the resend, minutes later
        again = _ask(client, deferred)
    assert _requests(deferred) == 1
    assert "already sent to the claims administrator on 03/20/2024" in again.content.decode()
    assert models.Case.objects.get(pk=deferred.pk).information_requested_at == first


def test_another_request_is_served_and_restarts_the_clock(client, staff_client, deferred):
    _ask(client, deferred)
    _ask(client, deferred, text="Please send the RFA of February 20, 2024.")
    assert _requests(deferred) == 2
