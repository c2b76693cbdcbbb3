"""The audit trail must not say a notice was downloaded when none was given. A notice id
of another case, one that does not exist, or a format the page does not make answers 404
and is audited ``notice.downloaded.refused`` with what was asked (the id and the format);
a real download is audited ``notice.downloaded`` alone, as before. A staff action the page
does not know is likewise ``case.action.refused``, not an action taken."""

import copy

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.core.clock import now

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_deferred_cases(staff_client, application_doc):
    doc = copy.deepcopy(application_doc)
    doc["disputed_other_than_medical_necessity"] = True
    other = copy.deepcopy(doc)
    other["claim_number"] = "OTHER-2024-1"
    other["employee"]["name"] = "Someone Else"
    stored = services.applications_receive(
        filings=[services.Filing(parse_application(d), now()) for d in (doc, other)],
        via="api",
        actor="clerk",
        client="test",
    )
    return [s.case for s in stored]


def _trail(number):
    return list(
        AuditEvent.objects.filter(object_id=number, action__startswith="notice.")
        .order_by("id")
        .values_list("action", "detail")
    )


def test_another_cases_notice_is_refused_and_audited_as_refused(client, two_deferred_cases):
    first, second = two_deferred_cases
    theirs = models.Notice.objects.get(case=second)
    response = client.get(f"/cases/{first.case_number}/notice.pdf", {"id": theirs.pk})
    assert response.status_code == 404
    assert _trail(first.case_number) == [
        ("notice.downloaded.refused", {"notice": str(theirs.pk), "format": "pdf"})
    ]


@pytest.mark.parametrize(
    ("asked", "detail"),
    [
        ({"id": "999999"}, {"notice": "999999", "format": "pdf"}),
        ({"id": "x"}, {"notice": "x", "format": "pdf"}),
        ({}, {"notice": "", "format": "pdf"}),
    ],
)
def test_a_notice_that_is_not_there_is_audited_as_refused(
    client, two_deferred_cases, asked, detail
):
    number = two_deferred_cases[0].case_number
    assert client.get(f"/cases/{number}/notice.pdf", asked).status_code == 404
    assert _trail(number) == [("notice.downloaded.refused", detail)]


def test_a_format_the_page_does_not_make_is_audited_as_refused(client, two_deferred_cases):
    first = two_deferred_cases[0]
    notice = models.Notice.objects.get(case=first)
    response = client.get(
        f"/cases/{first.case_number}/notice.pdf", {"id": notice.pk, "format": "docx"}
    )
    assert response.status_code == 404
    assert _trail(first.case_number) == [
        ("notice.downloaded.refused", {"notice": str(notice.pk), "format": "docx"})
    ]


def test_a_notice_given_is_audited_as_downloaded(client, two_deferred_cases):
    first = two_deferred_cases[0]
    notice = models.Notice.objects.get(case=first)
    response = client.get(f"/cases/{first.case_number}/notice.pdf", {"id": notice.pk})
    assert response.status_code == 200
    assert _trail(first.case_number) == [
        ("notice.downloaded", {"notice": notice.pk, "kind": notice.kind, "format": "pdf"})
    ]


def test_an_unknown_staff_action_is_audited_as_refused(client, two_deferred_cases):
    number = two_deferred_cases[0].case_number
    response = client.post(f"/cases/{number}/action/", {"action": "delete_everything"})
    assert response.status_code == 404
    actions = AuditEvent.objects.filter(object_id=number, action__startswith="case.action")
    assert list(actions.values_list("action", "detail")) == [
        ("case.action.refused", {"action": "delete_everything"})
    ]
