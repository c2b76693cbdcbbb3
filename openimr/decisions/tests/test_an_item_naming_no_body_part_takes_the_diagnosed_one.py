"""An item of the case under review that names no body part ("PT 2x6", "Physical therapy 12
sessions") is counted with the letters on that treatment for the body part the case's
diagnoses name (the item's own, when its ICD-10 codes name some), and the panel says the
part came from the diagnoses. Diagnoses naming several regions, or none, leave the whole
treatment's cohort: an item for all of them would be too narrow a guess. A drug is for no
body part (its letters name none). An ICD-10 code is not read as a spinal level
("S01.01XA" is a scalp, not S1)."""

import pytest
from django.template.loader import render_to_string

from openimr.decisions.precedents import MIN_COHORT, precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

LUMBAR = "M54.16 Radiculopathy, lumbar region"
KNEE = "M17.11 Unilateral primary osteoarthritis, right knee"


def _case(treatment: str, diagnoses, codes=()) -> dict:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": list(diagnoses),
        "clinical_summary": "Injured lifting boxes.",
        "items": [{"treatment": treatment, "category": "rehabilitation", "icd10": list(codes)}],
    }


@pytest.fixture
def letters() -> dict[str, set[str]]:
    def made(wordings):
        return {make_decision(items=[item(w)]).case_number for w in wordings}

    return {
        "lumbar": made(["Physical therapy to the low back x 8", "PT lumbar spine 2x4"]),
        "knee": made(["Physical therapy for the right knee, 12 visits"]),
        "none": made(["Physical therapy 2x6"]),
    }


def _listed(found) -> set[str]:
    return {p.case_number for p in found.decisions if p.match != "similar text"}


@pytest.mark.parametrize("treatment", ["PT 2x6", "Physical therapy 12 sessions"])
def test_an_item_naming_no_part_is_counted_for_the_diagnosed_part(letters, treatment):
    [found] = precedents_for_case(_case(treatment, [LUMBAR]))
    assert (found.cohort_size, _listed(found)) == (2, letters["lumbar"])
    assert found.regions == ("lumbar",) and found.regions_diagnosed
    html = " ".join(
        render_to_string(
            "decisions/_precedents.html",
            {"precedents": [(1, found)], "precedent_min": MIN_COHORT, "precedent_window": 5000},
        ).split()
    )
    assert "for the same body part (lumbar, from the case's diagnoses)" in html


def test_the_items_own_diagnosis_names_its_part(letters):
    [found] = precedents_for_case(_case("PT 2x6", [LUMBAR, KNEE], codes=["M17.11"]))
    assert (found.cohort_size, _listed(found)) == (1, letters["knee"])


def test_diagnoses_of_several_parts_keep_the_whole_treatment(letters):
    [found] = precedents_for_case(_case("PT 2x6", [LUMBAR, KNEE]))
    assert found.cohort_size == 4 and found.regions == () and not found.regions_diagnosed


def test_a_part_the_item_names_is_its_own_whatever_the_diagnoses(letters):
    [found] = precedents_for_case(_case("Physical therapy for the knee 2x6", [LUMBAR]))
    assert (found.cohort_size, found.regions, found.regions_diagnosed) == (1, ("knee",), False)


def test_an_icd_code_is_no_spinal_level(letters):
    [found] = precedents_for_case(_case("PT 2x6", ["S01.01XA Laceration without foreign body"]))
    assert found.cohort_size == 4 and found.regions == ()


def test_a_drug_keeps_its_whole_cohort_whatever_the_diagnoses():
    norco = {
        make_decision(items=[item(w, category="pharmaceuticals")]).case_number
        for w in ["Norco 10/325mg #60", "Norco 5/325 #30"]
    }
    case = _case("Norco 10/325mg #90", [LUMBAR])
    case["items"][0]["category"] = "pharmaceuticals"
    [found] = precedents_for_case(case)
    assert (found.cohort_size, _listed(found), found.regions) == (2, norco, ())
