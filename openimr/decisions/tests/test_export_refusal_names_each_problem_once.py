"""An export asked with a bad parameter is refused with 400 and a plain-text body naming
each problem once (its parameter and what is wrong), and streams nothing."""

import pytest

pytestmark = pytest.mark.django_db


def test_one_bad_parameter_is_named_once(client):
    response = client.get("/decisions/export.csv", {"year": "soon"})
    assert response.status_code == 400
    body = response.content.decode()
    assert body.count("$.year: must be a whole number from 1990 to 2100") == 1


def test_several_bad_parameters_are_counted_and_each_named_once(client):
    response = client.get("/decisions/export.jsonl", {"year": "soon", "outcome": "maybe"})
    assert response.status_code == 400
    lines = response.content.decode().splitlines()
    assert lines == [
        "2 problems found",
        "$.outcome: must be one of: upheld, overturned",
        "$.year: must be a whole number from 1990 to 2100",
    ]
