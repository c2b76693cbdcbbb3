"""A search for a drug finds the letters that write it against its dose ("Norco10/325",
"Tramadol50mg", "Lidoderm5%"), on the page, in the API and in an export, on both databases:
both indexes hold such a run as one token ("norco10"), which the word alone had not found.
A longer name that only starts with the drug's ("Norcodeine") is still not the drug."""

import csv
import io

import pytest

from openimr.decisions.tests.public_factories import drug_letter as _letter

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    _letter("CM16-0000001", "Norco10/325 #90")
    _letter("CM16-0000002", "Norco 10/325mg #60")
    _letter("CM16-0000003", "Norcodeine 10mg #30")
    _letter("CM16-0000004", "Tramadol50mg #90")
    _letter("CM16-0000005", "Lidoderm5% patch #30")
    _letter("CM16-0000006", "Lumbar MRI")


def _api(client, q: str) -> set[str]:
    response = client.get("/api/v1/decisions", {"q": q})
    assert response.status_code == 200
    return {hit["case_number"] for hit in response.json()["results"]}


@pytest.mark.parametrize(
    ("typed", "letters"),
    [
        ("Norco", {"CM16-0000001", "CM16-0000002"}),
        ("tramadol", {"CM16-0000004"}),
        ("LIDODERM patch", {"CM16-0000005"}),
        ("norco medication", {"CM16-0000001", "CM16-0000002"}),
    ],
)
def test_the_api_finds_the_drug_written_against_its_dose(client, corpus, typed, letters):
    assert _api(client, typed) == letters


def test_a_longer_name_starting_with_the_drugs_is_not_found(client, corpus):
    assert _api(client, "norcodeine") == {"CM16-0000003"}
    assert "CM16-0000003" not in _api(client, "norco")


def test_the_page_lists_and_marks_the_glued_letter(client, corpus):
    page = client.get("/decisions/", {"q": "norco"}).content.decode()
    assert "CM16-0000001" in page and "CM16-0000002" in page
    assert "CM16-0000003" not in page
    assert "<mark>Norco10</mark>" in page


def test_an_export_holds_the_letters_the_search_finds(client, corpus):
    response = client.get("/decisions/export.csv", {"q": "norco"})
    assert response.status_code == 200
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    assert {row["case_number"] for row in rows} == {"CM16-0000001", "CM16-0000002"}


def test_a_letter_writing_the_drug_against_its_dose_is_found_as_soon_as_it_is_published(client):
    # Which glued forms the index holds is kept until the corpus changes (PostgreSQL asks
    # its GIN index: glued_sql.pg_continued); a new letter's form is found at once.
    _letter("CM16-0000011", "Percocet 5/325 #60")
    assert _api(client, "percocet") == {"CM16-0000011"}
    _letter("CM16-0000012", "Percocet5/325 #30")
    assert _api(client, "percocet") == {"CM16-0000011", "CM16-0000012"}
    assert _api(client, "percocet 5/325") == {"CM16-0000011", "CM16-0000012"}
