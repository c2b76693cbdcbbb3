"""GET /api/v1/cases/{case_number}/documents lists the case file whole. A client paging it
as it pages /api/v1/decisions (`page`, `per_page`) was answered every record with 200, and
read page 2 as holding what page 1 held: each parameter it does not take is refused 422 at
its name, nothing read, and the list without one still answers whole."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db
URL = "/api/v1/cases/CM16-0400101/documents"


@pytest.fixture(autouse=True)
def _case(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")


def _get(client, token, query=""):
    return client.get(URL + query, headers={"Authorization": f"Bearer {token}"})


def test_page_and_per_page_are_refused_naming_each(client, administrator_token):
    answer = _get(client, administrator_token, "?page=2&per_page=1")
    assert answer.status_code == 422
    fields = {f["path"]: f["message"] for f in answer.json()["error"]["fields"]}
    assert set(fields) == {"$.page", "$.per_page"}
    assert "whole" in fields["$.page"] and "no pages" in fields["$.page"]
    assert not AuditEvent.objects.filter(action="case_file.viewed").exists()


def test_any_other_parameter_is_refused_as_one_the_list_does_not_take(client, administrator_token):
    answer = _get(client, administrator_token, "?kind=progress_note")
    assert answer.status_code == 422
    [field] = answer.json()["error"]["fields"]
    assert field["path"] == "$.kind" and "takes no parameters" in field["message"]


def test_without_parameters_the_list_answers_whole(client, administrator_token):
    answer = _get(client, administrator_token)
    assert answer.status_code == 200 and isinstance(answer.json(), list)
