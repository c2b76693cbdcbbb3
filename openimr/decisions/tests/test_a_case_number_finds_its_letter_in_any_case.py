"""An attorney looks a letter up by its number: a search that is a case number (any case,
spaces around) goes to that letter's page, and the letter's address, its PDF's and the
API's accept the number in any case (the page and the PDF redirect to the published
spelling). A search for a case number had found nothing, and /decisions/cm16-0400101/ was
a 404."""

import pytest

from openimr.decisions.selectors import decision_number
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter():
    return make_decision(case_number="CM16-0400101", summary="Lumbar strain after a fall.")


@pytest.mark.parametrize("typed", ["CM16-0400101", "cm16-0400101", "  Cm16-0400101 \t"])
def test_a_search_for_a_case_number_opens_its_letter(client, letter, typed):
    response = client.get("/decisions/", {"q": typed})
    assert response.status_code == 302
    assert response["Location"] == "/decisions/CM16-0400101/"
    assert "Lumbar strain" in client.get(response["Location"]).content.decode()


def test_a_signed_in_user_is_sent_to_the_letter_too(admin_client, letter):
    response = admin_client.get("/decisions/", {"q": "cm16-0400101"})
    assert response["Location"] == "/decisions/CM16-0400101/"


@pytest.mark.parametrize("typed", ["CM16-0400102", "cm16 0400101", "lumbar", "L4-5"])
def test_a_search_that_names_no_published_letter_searches_as_before(client, letter, typed):
    response = client.get("/decisions/", {"q": typed})
    assert response.status_code == 200


def test_the_letter_page_in_lower_case_redirects_to_the_published_number(client, letter):
    response = client.get("/decisions/cm16-0400101/")
    assert response.status_code == 301
    assert response["Location"] == "/decisions/CM16-0400101/"


def test_the_letter_pdf_in_lower_case_redirects_to_the_published_number(client, letter):
    response = client.get("/decisions/cm16-0400101/letter.pdf")
    assert response.status_code == 301
    assert response["Location"] == "/decisions/CM16-0400101/letter.pdf"


def test_a_number_no_letter_has_is_still_a_404(client, letter):
    assert client.get("/decisions/cm16-0400102/").status_code == 404
    assert client.get("/decisions/CM16-0400102/letter.pdf").status_code == 404


def test_the_api_reads_a_letter_by_its_number_in_any_case(client, letter):
    response = client.get("/api/v1/decisions/cm16-0400101")
    assert response.status_code == 200
    assert response.json()["case_number"] == "CM16-0400101"
    assert client.get("/api/v1/decisions/cm16-0400102").status_code == 404


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("CM16-0400101", "CM16-0400101"),
        ("cm16-0400101", "CM16-0400101"),
        (" cm16-0400101\n", "CM16-0400101"),
        # Pasted from a citation or a sentence: the quotes, brackets and stop around it.
        ('"CM16-0400101"', "CM16-0400101"),
        ("(cm16-0400101).", "CM16-0400101"),
        ("CM16-0400101,", "CM16-0400101"),
        ("«CM16-0400101»", "CM16-0400101"),
        ("CM16-0400101x", None),
        ("CM16-0400102", None),
        ("CM16-0400101 lumbar", None),
        ("surgeon", None),
        ("", None),
    ],
)
def test_decision_number_names_the_published_spelling_or_none(letter, text, found):
    assert decision_number(text) == found
