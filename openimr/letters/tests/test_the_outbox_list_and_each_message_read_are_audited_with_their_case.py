"""The outbox page lists each message's recipient (a party's e-mail address) and subject
(its case and document): opening the list was not audited at all, and opening a message
recorded its file name only, so a case's exported trail never showed who read its mail.
The list is audited with the cases it showed, each message read with its case (and found in
the case's trail), a message that is not there as refused, and a reviewer who tries the page
is refused and audited (HIPAA 45 CFR 164.312(b))."""

import copy
import json
from datetime import UTC, datetime

import pytest
from django.test import override_settings

from openimr.audit.models import AuditEvent
from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.review.tests.conftest import login, person

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


@pytest.fixture
def mailed(application_doc, django_capture_on_commit_callbacks, tmp_path):
    """An ineligible filing's notice delivered to the outbox: (case number, message name)."""
    doc = copy.deepcopy(application_doc)
    del doc["signature"]
    backend = "openimr.core.mail.OutboxBackend"
    with override_settings(EMAIL_BACKEND=backend, EMAIL_FILE_PATH=str(tmp_path / "mail")):
        with django_capture_on_commit_callbacks(execute=True):
            row = services.application_submit(
                form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
            ).application.case
        served = row.notices.get(kind="ineligible").services.get(party_role="employee")
        yield row.case_number, served.outbox_file


def test_opening_the_list_records_the_cases_it_showed(client, mailed):
    number, _ = mailed
    staff = login(client, person("clerk", "intake", is_staff=True))
    assert staff.get("/review/outbox/").status_code == 200
    event = AuditEvent.objects.get(action="list.viewed", object_id="review:outbox")
    assert event.actor_label == "clerk" and event.object_type == "page"
    assert event.detail["cases"] == [number] and event.detail["messages"] >= 1


def test_reading_a_message_is_in_its_cases_trail(client, mailed):
    number, name = mailed
    staff = login(client, person("clerk", "intake", is_staff=True))
    assert staff.get(f"/review/outbox/{name}/").status_code == 200
    read = AuditEvent.objects.get(action="mail.outbox_read", object_id=name)
    assert read.detail == {"case_number": number}
    trail = json.loads(staff.get(f"/audit/cases/{number}/trail.json").content)
    assert ("mail.outbox_read", name) in [(e["action"], e["object_id"]) for e in trail["events"]]


def test_a_message_the_outbox_does_not_hold_is_refused_and_audited(client, mailed):
    staff = login(client, person("clerk", "intake", is_staff=True))
    assert staff.get("/review/outbox/20260101-000000-0123abcd.eml/").status_code == 404
    refused = AuditEvent.objects.get(action="mail.outbox_read.refused")
    assert (refused.actor_label, refused.object_id) == ("clerk", "20260101-000000-0123abcd.eml")


def test_a_reviewer_trying_the_outbox_is_refused_and_audited(client, mailed):
    _, name = mailed
    reviewer = login(client, person("jroe", "reviewer"))
    assert reviewer.get("/review/outbox/").status_code == 404
    assert reviewer.get(f"/review/outbox/{name}/").status_code == 404
    refused = AuditEvent.objects.filter(action__endswith=".refused", actor_label="jroe")
    assert sorted(refused.values_list("action", "object_id")) == [
        ("list.viewed.refused", "review:outbox"),
        ("mail.outbox_read.refused", name),
    ]
    assert not AuditEvent.objects.filter(action__in=["list.viewed", "mail.outbox_read"]).exists()
