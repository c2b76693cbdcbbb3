"""A party asking /status/ has no account: the audit event names the address the look-up came
from (behind a trusted proxy, the client's, not the proxy's) and what the page showed, a wrong
look-up the address it came from too, so a privacy officer can tell who looked at a case and
who was guessing at it (HIPAA 45 CFR 164.312(b))."""

import ipaddress

import pytest
import time_machine
from django.core.cache import cache

from openimr.audit.models import AuditEvent
from openimr.cases.tests.conftest import filed

pytestmark = pytest.mark.django_db
CLAIM, INJURY = "SCIF-2024-118220", "2023-06-14"


@pytest.fixture(autouse=True)
def _march_20_2024():
    cache.clear()
    with time_machine.travel("2024-03-20 17:00:05Z", tick=False):
        yield
    cache.clear()


def _ask(client, number, claim=CLAIM, **headers):
    body = {"case_number": number, "claim_number": claim, "date_of_injury": INJURY}
    return client.post("/status/", body, **{"REMOTE_ADDR": "10.0.0.9", **headers})


def test_a_look_up_records_the_address_and_the_state_and_date_shown(client, application_doc):
    number = filed(application_doc).case_number
    assert _ask(client, number).status_code == 200
    event = AuditEvent.objects.get(action="case.status_viewed", object_id=number)
    assert event.actor_label == "anonymous" and event.role == "public"
    assert event.detail == {
        "via": "status page",
        "client": "10.0.0.9",
        "shown": {
            "state": "eligible",
            "next_due": {"name": "noarfi_due", "due": "2024-03-21"},
        },
    }


def test_a_wrong_look_up_records_the_address_it_came_from(client, application_doc):
    number = filed(application_doc).case_number
    _ask(client, number, claim="SCIF-2024-999999", REMOTE_ADDR="10.0.0.77")
    refused = AuditEvent.objects.get(action="case.status_viewed.refused", object_id=number)
    assert refused.detail == {"via": "status page", "client": "10.0.0.77"}


def test_behind_a_trusted_proxy_the_clients_address_is_recorded(client, application_doc, settings):
    settings.OPENIMR_TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    number = filed(application_doc).case_number
    _ask(client, number, HTTP_X_FORWARDED_FOR="203.0.113.5")
    event = AuditEvent.objects.get(action="case.status_viewed", object_id=number)
    assert event.detail["client"] == "203.0.113.5"
