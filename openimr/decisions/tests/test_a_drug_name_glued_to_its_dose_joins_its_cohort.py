"""A drug name written against its dose ("Norco10/325", "Tramadol50mg", "Lidoderm5%") is the
same treatment as the name written apart: whichever way the case under review or a published
letter writes it, the item lands in the drug's cohort, and a longer name that only starts
with the drug's ("Norcodeine") still does not."""

import pytest

from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


def _case(treatment: str) -> dict:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": ["M54.16 Radiculopathy, lumbar region"],
        "clinical_summary": "Injured lifting boxes.",
        "items": [{"treatment": treatment, "category": "pharmaceuticals"}],
    }


def _letter(treatment: str) -> str:
    return make_decision(
        summary="Chronic low back pain on medication.",
        items=[item(treatment, category="pharmaceuticals")],
    ).case_number


@pytest.mark.parametrize(
    ("drug", "apart", "glued"),
    [
        ("Norco", "Norco 10/325mg #60", "Norco10/325 #90"),
        ("Tramadol", "Tramadol 50 mg #90", "Tramadol50mg #90"),
        ("Lidoderm", "Lidoderm 5% patch #30", "Lidoderm5% patch #30"),
    ],
)
@pytest.mark.parametrize("asked", ["apart", "glued"])
def test_the_name_apart_and_glued_share_one_cohort(drug, apart, glued, asked):
    listed = {_letter(apart), _letter(glued)}
    _letter(f"{drug}x 30")  # "x" is not a dose: another word, another treatment
    [found] = precedents_for_case(_case(apart if asked == "apart" else glued))
    assert found.cohort_size == 2
    assert {p.case_number for p in found.decisions if p.match != "similar text"} == listed


def test_a_longer_name_starting_with_the_drugs_is_not_in_its_cohort():
    _letter("Norco10/325 #90")
    _letter("Norcodeine 10mg #30")
    [found] = precedents_for_case(_case("Norco10/325"))
    assert found.cohort_size == 1
