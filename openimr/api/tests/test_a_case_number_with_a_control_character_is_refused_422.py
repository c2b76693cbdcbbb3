"""No case number holds a control character, and PostgreSQL cannot even compare text with a
NUL byte in it (a server error on every operation that looks the case up). A case number in
the path with one is refused before any lookup: 422 at `$.case_number`, nothing audited."""

import pytest
from django.contrib.auth import get_user_model

from openimr.api.services import token_create
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/api/v1/applications/CM16-0400101%00"),
        ("GET", "/api/v1/cases/CM16%00/documents"),
        ("POST", "/api/v1/cases/CM16%1b/documents"),
        ("GET", "/api/v1/decisions/%00"),
    ],
)
def test_a_control_character_in_the_case_number_is_422(client, token, method, url):
    headers = {"Authorization": f"Bearer {token}"}
    body = '{"filename": "a.pdf", "content_base64": "AAAA", "submitted_by": "employee"}'
    if method == "GET":
        response = client.get(url, headers=headers)
    else:
        response = client.post(url, data=body, content_type="application/json", headers=headers)
    assert response.status_code == 422, response.content
    [field] = response.json()["error"]["fields"]
    assert field == {"path": "$.case_number", "message": "must not contain control characters"}
    assert not AuditEvent.objects.filter(action__endswith=".refused").exists()


def test_the_reviewers_read_refuses_it_too(client):
    get_user_model().objects.create_user("some-reviewer", is_staff=True)
    token = token_create(name="rev", username="some-reviewer", scopes=("review:read",))
    response = client.get("/api/v1/review/%00", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 422
