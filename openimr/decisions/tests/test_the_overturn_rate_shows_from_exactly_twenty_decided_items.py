"""The precedent panel's floor: no overturn rate below 20 decided items; from exactly 20 on,
the rate is the overturned items over the cohort's decided items (a letter deciding two
items of the treatment counts twice)."""

import pytest

from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db
CASE = {
    "case_number": "CM26-0000001",
    # A condition of no one body part: the cohort is the whole treatment's.
    "diagnoses": ["M79.1 Myalgia"],
    "items": [{"treatment": "Acupuncture x 6 sessions", "category": "acupuncture"}],
}


def _letters(decided: int, overturned: int) -> None:
    for k in range(decided):
        outcome = "overturned" if k < overturned else "upheld"
        make_decision(items=[item("Acupuncture 2x3", category="acupuncture", outcome=outcome)])


@pytest.mark.parametrize(
    ("decided", "overturned", "rate"), [(19, 5, None), (20, 5, 0.25), (21, 7, 1 / 3)]
)
def test_the_rate_appears_at_twenty_decided_items(decided, overturned, rate):
    _letters(decided, overturned)
    found = precedents_for_case(CASE)[0]
    assert (found.cohort_size, found.overturned) == (decided, overturned)
    assert found.rate == (None if rate is None else pytest.approx(rate))


def test_a_letter_deciding_two_items_of_the_treatment_counts_both():
    _letters(18, 0)
    make_decision(
        items=[
            item("Acupuncture 2x3 lumbar", category="acupuncture", outcome="overturned"),
            item("Acupuncture 2x3 cervical", category="acupuncture", outcome="upheld"),
        ]
    )
    found = precedents_for_case(CASE)[0]
    assert (found.cohort_size, found.overturned) == (20, 1)
    assert found.rate == pytest.approx(0.05)
