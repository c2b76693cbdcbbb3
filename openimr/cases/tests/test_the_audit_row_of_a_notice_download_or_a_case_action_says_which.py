"""The audit trail answers who saw or did what: a notice downloaded is named by its id,
kind and format, and a case action by its name, on the row the page writes."""

import copy

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.core.clock import now


@pytest.fixture
def deferred_case(staff_client, client, application_doc):
    doc = copy.deepcopy(application_doc)
    doc["disputed_other_than_medical_necessity"] = True
    (stored,) = services.applications_receive(
        filings=[services.Filing(parse_application(doc), now())],
        via="api",
        actor="clerk",
        client="test",
    )
    return stored.case


def test_a_notice_download_names_the_notice_its_kind_and_format(client, deferred_case):
    notice = models.Notice.objects.get(case=deferred_case)
    number = deferred_case.case_number
    response = client.get(f"/cases/{number}/notice.pdf", {"id": notice.pk, "format": "html"})
    assert response.status_code == 200
    row = AuditEvent.objects.filter(action="notice.downloaded", object_id=number).get()
    assert row.detail == {"notice": notice.pk, "kind": notice.kind, "format": "html"}


def test_a_case_action_names_the_action(client, deferred_case):
    number = deferred_case.case_number
    client.post(f"/cases/{number}/action/", {"action": "override", "reason": "settled"})
    row = AuditEvent.objects.filter(action="case.action", object_id=number).get()
    assert row.detail == {"action": "override"}
