"""An export holds every letter its search matches: `page` and `per_page` are refused there,
naming them, instead of being checked and then ignored (`export.csv?page=2&per_page=10`
wrote the whole corpus). The search page's download links carry neither."""

import pytest

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters() -> None:
    for _ in range(3):
        make_decision()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize("name", ["page", "per_page"])
def test_an_export_with_a_page_is_refused_naming_it(client, letters, fmt, name):
    response = client.get(f"/decisions/export.{fmt}", {name: "2"})
    assert response.status_code == 400
    assert f"$.{name}: an export holds every matching decision; it has no pages" in (
        response.content.decode()
    )


def test_the_download_links_of_a_paged_search_carry_no_paging(client, letters):
    body = client.get("/decisions/", {"q": "pain", "page": "2", "per_page": "1"}).content
    assert 'href="/decisions/export.csv?q=pain"' in body.decode()


def test_the_search_page_and_the_api_still_page(client, letters):
    assert client.get("/decisions/", {"per_page": "1", "page": "2"}).status_code == 200
    body = client.get("/api/v1/decisions", {"per_page": "1", "page": "2"}).json()
    assert (body["page"], len(body["results"])) == (2, 1)
