"""A write's body sent in chunks (``Transfer-Encoding: chunked``, as an HTTP client streams
a large upload) with no Content-Length reached the API as no body at all: the server reads
a body by its length, and gunicorn passes a chunked one without it. The client was told
"$: is missing" about a body it had sent. It is refused 411 ``length_required`` (RFC 9110
15.5.12) saying to send a Content-Length, nothing stored, and the OpenAPI document declares
the 411 for every write. The request is made as gunicorn hands it to Django (the header
kept as HTTP_TRANSFER_ENCODING, no CONTENT_LENGTH, the body left in the stream)."""

import json

import pytest

from openimr.api.domain.json_body import length_problem
from openimr.cases import models

pytestmark = pytest.mark.django_db
SAID = (
    "is sent in chunks (Transfer-Encoding: chunked) with no Content-Length, and the server "
    "reads a body by its length: send it with a Content-Length header"
)


def _post(client, token, body: bytes, **meta):
    return client.generic(
        "POST",
        "/api/v1/applications",
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
        **meta,
    )


def test_a_chunked_application_is_refused_411_saying_what_to_send(client, token, application_doc):
    body = json.dumps(application_doc).encode()
    answer = _post(client, token, body, CONTENT_LENGTH="", HTTP_TRANSFER_ENCODING="chunked")
    assert answer.status_code == 411, answer.content[:300]
    assert answer.json() == {
        "error": {
            "code": "length_required",
            "message": f"$: {SAID}",
            "fields": [{"path": "$", "message": SAID}],
        }
    }
    assert models.Case.objects.count() == 0


def test_every_write_declares_the_411(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    writes = [op for item in paths.values() for method, op in item.items() if method == "post"]
    assert len(writes) == 3
    for operation in writes:
        assert "411" in operation["responses"], operation["operationId"]


@pytest.mark.parametrize(
    ("transfer_encoding", "content_length", "refused"),
    [
        ("chunked", "", True),
        ("gzip, Chunked", "", True),
        ("chunked", "120", False),  # a proxy that buffered the body gives its length
        ("", "", False),  # no body at all: the schema says what is missing
        ("", "120", False),
    ],
)
def test_only_a_chunked_body_without_its_length_is_refused(
    transfer_encoding, content_length, refused
):
    assert bool(length_problem(transfer_encoding, content_length)) is refused
