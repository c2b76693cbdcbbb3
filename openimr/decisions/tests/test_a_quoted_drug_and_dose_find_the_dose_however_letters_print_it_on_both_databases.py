"""A drug and its dose inside quotes (`"Norco 10/325"`, `"continue Tramadol 50"`) find the
letters printing that dose right after the drug, however they print it ("Norco10/325",
"Norco 10/325mg", "Tramadol50mg"), on both databases, as the same words outside quotes do;
as a phrase the dose must follow the drug ("Tramadol ER 100mg, 50 tablets" is not it).
Inside quotes the phrase had been asked only as typed, and missed the glued printings."""

import pytest

from openimr.decisions.search_match import dosed
from openimr.decisions.tests import (
    test_a_drug_and_its_dose_find_the_letters_however_they_print_the_dose_on_both_databases as unquoted,
)
from openimr.decisions.tests.public_factories import item, make_decision

# The letters printing Norco and Tramadol doses every way (and other doses) of the test of
# the same words outside quotes.
corpus = unquoted.corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def continued(corpus) -> None:
    make_decision(
        case_number="CM16-0000016",
        summary="Continue Tramadol50mg as before.",
        items=[item("Pain management consult")],
    )


def _api(client, q: str) -> set[str]:
    response = client.get("/api/v1/decisions", {"q": q})
    assert response.status_code == 200, response.content
    return {hit["case_number"] for hit in response.json()["results"]}


@pytest.mark.parametrize(
    ("parts", "split"),
    [
        (("Norco", "10", "325"), ((), "norco", ("10", "325"))),
        (("continue", "Tramadol", "50"), (("continue",), "tramadol", ("50",))),
        (("lumbar", "spine"), None),
        (("L4", "5"), None),
        (("10", "325"), None),
    ],
)
def test_a_phrase_ending_in_a_drug_and_its_dose_is_split_there(parts, split):
    assert dosed(parts) == split


def test_a_quoted_drug_and_dose_find_every_printing_of_that_dose(client, continued):
    norco = {"CM16-0000001", "CM16-0000002", "CM16-0000003", "CM16-0000004"}
    assert _api(client, '"Norco 10/325"') == norco
    assert _api(client, '"norco 10/325" -"10/325 mg"') == norco - {"CM16-0000003"}


def test_a_quoted_dose_must_follow_its_drug(client, continued):
    tramadol = {"CM16-0000011", "CM16-0000012", "CM16-0000013", "CM16-0000016"}
    assert _api(client, "Tramadol 50") >= tramadol | {"CM16-0000015"}
    assert _api(client, '"Tramadol 50"') == tramadol
    assert _api(client, '"continue tramadol 50"') == {"CM16-0000016"}
