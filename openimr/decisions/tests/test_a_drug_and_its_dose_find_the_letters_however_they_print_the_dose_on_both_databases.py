"""A drug and its dose typed apart ("Norco 10/325", "Tramadol 50") find the letters with that
dose however they print it, on both databases: "Norco 10/325mg" (the index holds "325mg"
as one token, so "10/325" had found none of the letters printing it so), "Norco10/325"
(one token "norco10") and "Tramadol50mg" (one token). Another dose is not that dose:
"Norco 5/325", "Norco 10/3250", "Tramadol 500mg"."""

import pytest

from openimr.decisions.tests.public_factories import drug_letter as _letter

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    _letter("CM16-0000001", "Norco 10/325mg #60")
    _letter("CM16-0000002", "Norco10/325 #90")
    _letter("CM16-0000003", "Norco 10/325 mg #120")
    _letter("CM16-0000004", "Norco10/325mg #30")
    _letter("CM16-0000005", "Norco 5/325mg #60")
    _letter("CM16-0000006", "Norco 10/3250 #60")
    _letter("CM16-0000011", "Tramadol50mg #90")
    _letter("CM16-0000012", "Tramadol 50mg #60")
    _letter("CM16-0000013", "Tramadol 50 mg #30")
    _letter("CM16-0000014", "Tramadol 500mg #30")
    _letter("CM16-0000015", "Tramadol ER 100mg, 50 tablets")


def _api(client, q: str) -> set[str]:
    response = client.get("/api/v1/decisions", {"q": q})
    assert response.status_code == 200
    return {hit["case_number"] for hit in response.json()["results"]}


def test_a_drug_and_its_dose_find_every_printing_of_that_dose(client, corpus):
    norco = {"CM16-0000001", "CM16-0000002", "CM16-0000003", "CM16-0000004"}
    assert _api(client, "Norco 10/325") == norco
    assert _api(client, "norco 10/325 #60") - norco == set()


def test_a_dose_alone_finds_it_with_its_unit(client, corpus):
    assert _api(client, "10/325") >= {"CM16-0000001", "CM16-0000003"}
    assert "CM16-0000005" not in _api(client, "10/325")


def test_a_single_number_finds_the_drug_run_into_it_and_the_number_with_its_unit(client, corpus):
    assert _api(client, "tramadol 50") == {
        "CM16-0000011",
        "CM16-0000012",
        "CM16-0000013",
        "CM16-0000015",
    }


def test_the_page_lists_the_letters_of_that_dose(client, corpus):
    page = client.get("/decisions/", {"q": "Norco 10/325"}).content.decode()
    assert all(n in page for n in ("CM16-0000001", "CM16-0000002", "CM16-0000004"))
    assert "CM16-0000005" not in page and "CM16-0000006" not in page
