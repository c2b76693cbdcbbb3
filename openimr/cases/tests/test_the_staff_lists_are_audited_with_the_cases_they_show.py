"""The case list (and its search), the work queue and the print queue show several cases'
PHI at once (treatments, the employee's name, each party's name and postal address), and
none of them was audited: a look at a case through them left no trace. Each now writes one
event naming the page, the cases shown and what was asked (HIPAA 45 CFR 164.312(b)); a user
without the staff role is refused and the refusal audited."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.tests.conftest import filed
from openimr.review.tests.conftest import login, person

pytestmark = pytest.mark.django_db


def _listed(page):
    return AuditEvent.objects.get(action="list.viewed", object_id=page)


def test_a_search_of_the_case_list_records_the_query_and_the_cases_found(
    client, staff_client, case, application_doc
):
    other = filed(application_doc).case_number
    assert client.get("/cases/", {"q": case.case_number}).status_code == 200
    event = _listed("cases:list")
    assert event.actor_label == staff_client.username and event.role == "intake"
    assert event.detail == {"query": case.case_number, "cases": [case.case_number]}
    assert other not in event.detail["cases"]


def test_the_work_queue_records_its_filters_and_the_cases_it_named(
    client, staff_client, application_doc
):
    number = filed(application_doc).case_number
    assert client.get("/cases/queue/", {"state": "eligible"}).status_code == 200
    event = _listed("cases:queue")
    assert event.detail == {"state": "eligible", "priority": "", "status": "", "cases": [number]}


def test_the_print_queue_is_audited_even_when_empty(client, staff_client):
    assert client.get("/review/print-queue/").status_code == 200
    assert _listed("review:print_queue").detail == {"cases": []}


@pytest.mark.parametrize("url", ["/cases/", "/cases/queue/", "/review/print-queue/"])
def test_a_reviewer_is_refused_each_list_and_the_refusal_is_audited(client, url):
    login(client, person("jroe", "reviewer"))
    assert client.get(url).status_code == 404
    refused = AuditEvent.objects.get(action="list.viewed.refused")
    assert refused.actor_label == "jroe" and refused.role == "reviewer"
    assert not AuditEvent.objects.filter(action="list.viewed").exists()
