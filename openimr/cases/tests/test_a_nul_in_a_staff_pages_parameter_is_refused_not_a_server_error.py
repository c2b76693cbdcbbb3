"""A NUL byte in a query parameter of a staff page (the case list's search, a notice's id or
format, the case file's search) is answered 400 naming the parameter; a case action's name
holding one is an action the page does not know, audited without the NUL. On PostgreSQL
each was a server error: a NUL is text the database can neither store (the audit row that
records the request) nor compare (the search). A posted form's fields refuse one at the
field, as before. The public search reads a NUL as a space and stays as it was; the API
refuses in its own error shape."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases import models
from openimr.cases.tests.test_intake_pages import form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


@pytest.fixture
def number(client, staff_client):
    client.post("/cases/new/", {**form_data(), "ur_decision_document": upload()})
    return models.Case.objects.get().case_number


@pytest.mark.parametrize(
    ("path", "query", "name"),
    [
        ("/cases/", {"q": "knee\x00"}, "q"),
        ("/cases/{n}/notice.pdf", {"id": "1\x00"}, "id"),
        ("/cases/{n}/notice.pdf", {"id": "1", "format": "p\x00df"}, "format"),
        ("/records/{n}/", {"q": "pain\x00"}, "q"),
        ("/cases/queue/", {"state": "eligible\x00"}, "state"),
    ],
)
def test_a_nul_in_a_query_parameter_is_refused_naming_it(client, number, path, query, name):
    response = client.get(path.format(n=number), query)
    assert response.status_code == 400
    assert f"The parameter {name} holds a NUL character" in response.content.decode()


def test_a_nul_in_a_posted_action_is_refused_as_an_action_it_does_not_know(client, number):
    response = client.post(f"/cases/{number}/action/", {"action": "with\x00draw", "note": "x"})
    assert response.status_code == 404
    refused = AuditEvent.objects.get(action="case.action.refused")
    assert refused.detail == {"action": "with\ufffddraw"}
    assert models.Case.objects.get().state == "eligible"


def test_the_public_search_still_reads_a_nul_as_a_space(client):
    assert client.get("/decisions/", {"q": "knee\x00pain"}).status_code == 200
