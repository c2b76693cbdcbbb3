"""The search page, the API and the three export formats answer the same parameters with the
same letters: they read them through one selector. A case number as `q` found its letter on
the page (which opens it) and in the API, but every export of the same search held nothing:
the exports searched the number's two halves as words, which no letter's text holds."""

import csv
import datetime as dt
import io
import json
import re

import pyarrow.parquet as pq
import pytest

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

_HIT = re.compile(r'<h3><a href="/decisions/([^/"]+)/">')


@pytest.fixture
def letters() -> None:
    make_decision(
        case_number="CM16-0400101",
        summary="Lumbar strain after a fall; L4-5 disc protrusion.",
        specialties=("Pain Medicine",),
        items=[item("Tramadol 50mg", category="pharmaceuticals", outcome="overturned")],
    )
    make_decision(case_number="CM16-0400102", summary="Knee pain and a lumbar strain.")
    make_decision(
        case_number="CM17-0400103",
        summary="Lumbar fusion was requested.",
        decided=dt.date(2017, 5, 2),
        priority="expedited",
        items=[item("Lumbar fusion L4-5", category="surgery", outcome="overturned")],
    )


def on_page(client, params: dict[str, str]) -> set[str]:
    response = client.get("/decisions/", {**params, "per_page": "100"})
    if response.status_code == 302:
        return {response["Location"].strip("/").rsplit("/", 1)[-1]}
    assert response.status_code == 200
    return set(_HIT.findall(response.content.decode()))


def in_api(client, params: dict[str, str]) -> set[str]:
    response = client.get("/api/v1/decisions", {**params, "per_page": "100"})
    assert response.status_code == 200
    return {hit["case_number"] for hit in response.json()["results"]}


def exported(client, fmt: str, params: dict[str, str]) -> set[str]:
    response = client.get(f"/decisions/export.{fmt}", params)
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    if fmt == "csv":
        return {row["case_number"] for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    if fmt == "jsonl":
        return {json.loads(line)["case_number"] for line in data.decode().splitlines()}
    return set(pq.read_table(io.BytesIO(data)).column("case_number").to_pylist())


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "CM16-0400101"}, {"CM16-0400101"}),
        ({"q": " cm16-0400101 "}, {"CM16-0400101"}),
        ({"q": "CM16-0400101", "outcome": "overturned"}, {"CM16-0400101"}),
        ({"q": "CM16-0400101", "outcome": "upheld"}, set()),
        ({"q": "CM16-0400101", "year": "2017"}, set()),
        ({"q": "CM16-0400199"}, set()),
        ({"q": "lumbar"}, {"CM16-0400101", "CM16-0400102", "CM17-0400103"}),
        ({"q": "lumbar", "year": "2016"}, {"CM16-0400101", "CM16-0400102"}),
        ({"q": "L4-5"}, {"CM16-0400101", "CM17-0400103"}),
        ({"outcome": "overturned", "priority": "expedited"}, {"CM17-0400103"}),
        ({}, {"CM16-0400101", "CM16-0400102", "CM17-0400103"}),
    ],
)
def test_the_page_the_api_and_each_export_find_the_same_letters(client, letters, params, expected):
    assert on_page(client, params) == expected
    assert in_api(client, params) == expected
    for fmt in ("csv", "jsonl", "parquet"):
        assert exported(client, fmt, params) == expected, fmt


def test_a_case_number_with_a_filter_its_letter_fails_lists_nothing_on_the_page(client, letters):
    response = client.get("/decisions/", {"q": "CM16-0400101", "outcome": "upheld"})
    assert response.status_code == 200
    assert "CM16-0400101" not in _HIT.findall(response.content.decode())


def test_a_case_number_with_a_bad_filter_is_refused_not_opened(client, letters):
    response = client.get("/decisions/", {"q": "CM16-0400101", "year": "sixteen"})
    assert response.status_code == 400
    assert "The Year filter: must be a whole number" in response.content.decode()
