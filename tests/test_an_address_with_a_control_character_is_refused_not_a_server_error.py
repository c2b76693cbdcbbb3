"""An address holding a control character is answered 400 with a reason, on every page
(public, staff, reviewer), never a server error: on PostgreSQL "/decisions/CM%00/" had been
a 500, a NUL byte being text the database cannot compare (found by fuzzing the API, whose own
operations refuse it in their error shape)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/decisions/CM%00/",
        "/decisions/CM16-0400101%00/letter.pdf",
        "/cases/CM%1B/",
        "/review/CM%7F/records/1/",
    ],
)
def test_the_address_is_refused_saying_why(client, admin_client, path):
    for asking in (client, admin_client):
        response = asking.get(path)
        assert response.status_code == 400
        assert "control character" in response.content.decode()


def test_an_api_address_is_left_to_the_api_and_its_error_shape(client):
    response = client.get("/api/v1/decisions/CM%00")
    assert response.status_code != 500
    assert response["Content-Type"].startswith("application/json")
