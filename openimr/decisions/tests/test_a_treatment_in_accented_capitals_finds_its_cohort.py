"""The precedent cohort matches a treatment's key words whatever their case, accented
capitals included: letters deciding "ÉCHOGRAPHIE ABDOMINALE" are the cohort of a case asking
for "Échographie abdominale". SQLite's ``lower()`` folds only ASCII letters, so the cohort
was empty there while PostgreSQL found it."""

import pytest

from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

SPELLINGS = ("ÉCHOGRAPHIE ABDOMINALE", "Échographie Abdominale", "échographie abdominale")


def _case(treatment: str) -> dict[str, object]:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": ["K80.20 Cholelithiasis"],
        "items": [{"treatment": treatment, "category": "diagnostics"}],
    }


@pytest.mark.parametrize("asked", ["Échographie abdominale", "ÉCHOGRAPHIE ABDOMINALE"])
def test_every_spelling_of_the_treatment_is_in_its_cohort(asked):
    for k, spelled in enumerate(SPELLINGS):
        outcome = "overturned" if k == 0 else "upheld"
        make_decision(items=[item(spelled, category="diagnostics", outcome=outcome)])
    (found,) = precedents_for_case(_case(asked))
    assert (found.cohort_size, found.overturned) == (3, 1)
    assert sorted(p.treatment for p in found.decisions) == sorted(SPELLINGS)
    assert {p.match for p in found.decisions} == {"treatment"}
