"""The export of a search holds exactly the letters the search finds, on both databases.
On PostgreSQL the export had its own SQL: a specialty typed in another case or without its
punctuation ("pain medicine", "physical medicine rehabilitation"), which the search finds
by its index lexeme, exported nothing; and a common word with a filter ("the", year 2016),
which the search leaves to the filter, exported nothing either."""

import datetime as dt

import pytest

from openimr.decisions import export
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters() -> None:
    make_decision(
        case_number="CM16-0000001",
        specialties=("Physical Medicine & Rehabilitation",),
        items=[item(outcome="overturned", category="pharmaceuticals", family="odg")],
    )
    make_decision(case_number="CM16-0000002", specialties=("Pain Medicine",))
    make_decision(
        case_number="CM17-0000003",
        decided=dt.date(2017, 5, 2),
        specialties=("Pain Medicine", "Anesthesiology"),
        items=[item(outcome="overturned")],
    )


def found(params: dict[str, str]) -> set[str]:
    return {hit.case_number for hit in search(parse({**params, "per_page": "100"})).hits}


def exported(params: dict[str, str]) -> set[str]:
    return {row["case_number"] for row in export.decisions(parse(params))}


@pytest.mark.parametrize(
    "params",
    [
        {"specialty": "pain medicine"},
        {"specialty": "PAIN MEDICINE", "outcome": "overturned"},
        {"specialty": "Physical Medicine & Rehabilitation"},
        {"specialty": "physical medicine rehabilitation"},
        {"q": "the", "year": "2016"},
        {"q": "low back", "specialty": "pain medicine"},
        {"category": "pharmaceuticals", "outcome": "overturned", "family": "odg"},
        {"outcome": "overturned"},
        {},
    ],
)
def test_the_export_of_a_search_holds_the_letters_the_search_finds(letters, params):
    assert exported(params) == found(params)


def test_a_specialty_in_lower_case_exports_its_letters(letters):
    assert exported({"specialty": "pain medicine"}) == {"CM16-0000002", "CM17-0000003"}
