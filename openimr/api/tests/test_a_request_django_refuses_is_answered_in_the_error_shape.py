"""Django refuses some requests before any view runs: a Host header the server does not
answer (OPENIMR_ALLOWED_HOSTS), more query parameters or form fields than it reads
(DATA_UPLOAD_MAX_NUMBER_FIELDS). Under /api/ each was the site's HTML "Request refused"
page, which a client cannot parse: it is 400 ``bad_request`` in the one error shape, saying
which it was (the OpenAPI document declares it for every operation). Pages keep theirs."""

import pytest

pytestmark = pytest.mark.django_db


def _error(answer) -> dict:
    assert answer.status_code == 400
    assert answer["Content-Type"].startswith("application/json")
    return answer.json()["error"]


def test_a_host_the_server_does_not_answer_is_told_in_the_error_shape(client):
    error = _error(client.get("/api/v1/decisions", HTTP_HOST="evil.example"))
    assert error == {
        "code": "bad_request",
        "message": "the Host header names no address this server answers",
        "fields": [],
    }


def test_too_many_query_parameters_are_told_with_the_limit(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    query = "&".join(f"q{i}=1" for i in range(11))
    error = _error(client.get(f"/api/v1/decisions?{query}"))
    assert error["message"] == "the request has more than 10 query parameters or form fields"


def test_a_page_keeps_the_sites_refusal_page(client):
    answer = client.get("/decisions/", HTTP_HOST="evil.example")
    assert answer.status_code == 400
    assert answer["Content-Type"].startswith("text/html")


def test_every_operation_declares_the_400(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, item in paths.items():
        for method, operation in item.items():
            assert "400" in operation["responses"], f"{method} {path}"
