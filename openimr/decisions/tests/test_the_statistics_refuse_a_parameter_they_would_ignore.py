"""The statistics cover the whole corpus and take no parameter. An address asking for a
year, a category or anything else (`/decisions/analytics/?year=2016`, a link copied from a
search) had been answered 200 with every year's figures and no word that the year was
passed over, so a reader quoted the whole corpus as 2016's. It is refused (400) naming the
parameter, on the page and for each chart's CSV, as an export refuses the paging it would
ignore."""

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def corpus() -> None:
    cache.clear()
    make_decision(items=[item(outcome="overturned")])


@pytest.mark.parametrize(
    "query, named",
    [
        ("year=2016", "“year”"),
        ("year=-5", "“year”"),
        ("year=99999999999999999999", "“year”"),
        ("category=rehabilitation&year=2016", "“category”, “year”"),
        ("year", "“year”"),
    ],
)
def test_the_page_refuses_a_parameter_naming_it(client, query, named):
    response = client.get(f"/decisions/analytics/?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert "take no parameter" in body
    assert named in body
    assert 'role="alert"' in body
    # No figures of the whole corpus under an address that asked for part of it.
    assert "<svg" not in body and "<table" not in body
    assert 'href="/decisions/analytics/"' in body


@pytest.mark.parametrize("chart", ["letters", "category", "over_time"])
def test_a_charts_csv_refuses_a_parameter_naming_it(client, chart):
    response = client.get(f"/decisions/analytics/{chart}.csv?year=2016")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "Content-Disposition" not in response
    text = response.content.decode()
    assert "take no parameter" in text and "“year”" in text
    assert "overturned" not in text


def test_a_nul_or_a_text_direction_control_in_a_name_is_not_echoed(client):
    response = client.get("/decisions/analytics/?ye%00ar%E2%80%AE=1")
    assert response.status_code == 400
    body = response.content.decode()
    assert "\x00" not in body and "\u202e" not in body
    assert "“ye ar ”" in body


def test_a_very_long_name_is_named_by_its_start(client):
    response = client.get("/decisions/analytics/?" + "y" * 5000 + "=1")
    assert response.status_code == 400
    assert len(response.content) < 20_000


def test_head_is_refused_as_get_is(client):
    response = client.head("/decisions/analytics/?year=2016")
    assert response.status_code == 400
    assert response.content == b""


def test_without_a_parameter_the_page_and_csv_answer(client):
    assert client.get("/decisions/analytics/").status_code == 200
    assert client.get("/decisions/analytics/category.csv").status_code == 200
