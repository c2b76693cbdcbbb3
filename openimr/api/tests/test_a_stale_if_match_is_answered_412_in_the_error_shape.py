"""A GET under /api/ sending back in If-Match an ETag the answer no longer has is refused
412 (RFC 9110 13.1.1) in the API's error shape, naming the header and what to do: Django's
conditional GET wrote it with an empty body, outside the middleware that writes the error
shape, so a client read nothing of why. Every GET declares the 412 in the OpenAPI document."""

import jsonschema
import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db
CASE = "CM16-0400101"
STALE = {"If-Match": '"0123456789abcdef"'}


@pytest.fixture
def document(client) -> dict:
    return client.get("/api/v1/openapi.json").json()


def _declared(document: dict, path: str, answer) -> None:
    schema = document["paths"][path]["get"]["responses"]["412"]
    body = schema["content"]["application/json"]["schema"]
    jsonschema.validate(answer.json(), {**body, "components": document["components"]})


def test_a_stale_if_match_is_told_which_header_failed_and_what_to_do(client, document):
    answer = client.get("/api/v1/decisions", headers=STALE)
    assert answer.status_code == 412 and answer["Content-Type"] == "application/json"
    error = answer.json()["error"]
    assert error["code"] == "precondition_failed"
    assert error["message"].startswith("If-Match: names no current ETag of this answer")
    assert "GET it without If-Match" in error["message"]
    assert [f["path"] for f in error["fields"]] == ["$.If-Match"]
    _declared(document, "/api/v1/decisions", answer)


def test_a_current_etag_in_if_match_is_answered_as_usual(client):
    etag = client.get("/api/v1/decisions")["ETag"]
    assert client.get("/api/v1/decisions", headers={"If-Match": etag}).status_code == 200


def test_a_tokens_read_with_a_stale_etag_is_refused_in_the_shape(
    client, document, administrator_token, three_item_doc
):
    case_import(case=case_from_document(three_item_doc), actor="test")
    headers = {"Authorization": f"Bearer {administrator_token}", **STALE}
    answer = client.get(f"/api/v1/applications/{CASE}", headers=headers)
    assert answer.status_code == 412
    assert answer.json()["error"]["fields"][0]["path"] == "$.If-Match"
    _declared(document, "/api/v1/applications/{case_number}", answer)


@pytest.mark.parametrize("path", ["/api/v1/decisions", "/decisions/", "/login/"])
def test_if_unmodified_since_is_ignored_as_no_answer_has_a_modification_date(client, path):
    # RFC 9110 13.1.4; Django answered 412 to every request sending it.
    since = {"If-Unmodified-Since": "Sat, 28 Nov 2026 19:00:00 GMT"}
    assert client.get(path, headers=since).status_code == 200


def test_every_get_of_the_document_declares_the_412_and_no_write_does(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert ("412" in operation["responses"]) == (method == "get"), f"{method} {path}"
