"""A request body is read as JSON and nothing looser (``openimr.api.domain.json_body``): a
key given twice, NaN or Infinity, a float too large, a body in UTF-16, each refused 422 in
the one error shape at ``$`` or the repeated key's path, nothing stored. A body nested too
deeply for the reader had answered a bare 400 ``http_error`` no document declares, and a
number too long named a Python call to make; a repeated key had been read as its last
value, which a client's own log may read as its first."""

import json

import pytest

from openimr.api.domain.json_body import json_read
from openimr.api.tests.test_applications_api import (  # noqa: F401 (the fixture)
    _received_on_march_20_2024,
)
from openimr.cases import models
from openimr.core.errors import InvalidInput

URL = "/api/v1/applications"


def _post(client, token, body: bytes):
    return client.post(
        URL,
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def _refusal(response) -> list[tuple[str, str]]:
    assert response.status_code == 422, response.content[:300]
    error = response.json()["error"]
    assert error["code"] == "invalid"
    return [(f["path"], f["message"]) for f in error["fields"]]


@pytest.mark.django_db
def test_a_key_given_twice_is_refused_at_its_path_and_nothing_is_filed(
    client, token, application_doc
):
    body = json.dumps(application_doc).encode()
    body = body.replace(
        b'"review_type": "regular"', b'"review_type": "expedited", "review_type": "regular"'
    )
    body = body.replace(b'"name": "Rosa Delgado"', b'"name": "Rosa Delgado", "name": "R. D."')
    assert _refusal(_post(client, token, body)) == [
        ("$.review_type", "is given more than once; give each key once"),
        ("$.employee.name", "is given more than once; give each key once"),
    ]
    assert models.Case.objects.count() == 0


@pytest.mark.django_db
def test_a_body_nested_too_deeply_is_422_at_the_root_not_a_bare_400(client, token):
    [(path, message)] = _refusal(_post(client, token, b"[" * 100_000 + b"]" * 100_000))
    assert path == "$"
    assert message == "is not valid JSON: nested more deeply than the server reads"


@pytest.mark.django_db
def test_a_number_too_long_is_told_so_without_naming_a_python_call(client, token):
    [(path, message)] = _refusal(_post(client, token, b'{"claim_number": ' + b"9" * 5000 + b"}"))
    assert (path, message) == ("$", "is not valid JSON: a number of 5,000 digits is too long")


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (b'{"a": NaN}', "NaN is not a JSON number"),
        (b'{"a": -Infinity}', "-Infinity is not a JSON number"),
        (b'{"a": 1e999}', "the number 1e999 is too large"),
        ('{"a": 1}'.encode("utf-16"), "not UTF-8 at byte 0"),
        (b'{"a": 1} x', "Extra data: line 1 column 10 (char 9)"),
    ],
)
def test_what_json_is_not_is_refused_at_the_root(raw, why):
    with pytest.raises(InvalidInput) as refused:
        json_read(raw)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("$", f"is not valid JSON: {why}")
    ]


def test_a_key_repeated_inside_a_list_is_named_with_its_index():
    with pytest.raises(InvalidInput) as refused:
        json_read(b'{"treatments": [{"icd10": "M54.5"}, {"icd10": "M54.5", "icd10": "x"}]}')
    assert [p.path for p in refused.value.problems] == ["$.treatments[1].icd10"]


def test_a_repeated_key_whose_first_value_held_one_too_is_named_once():
    with pytest.raises(InvalidInput) as refused:
        json_read(b'{"a": {"b": 1, "b": 2}, "a": 3}')
    assert [p.path for p in refused.value.problems] == ["$.a"]


def test_a_byte_order_mark_is_ignored_as_rfc_8259_allows():
    assert json_read(b'\xef\xbb\xbf{"a": [1, 2.5, "x"]}') == {"a": [1, 2.5, "x"]}
