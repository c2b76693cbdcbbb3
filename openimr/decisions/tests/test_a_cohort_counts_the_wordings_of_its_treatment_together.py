"""The panel counts every wording of one treatment for one body part in its cohort, and not
another kind of it: epidural injections however written; an evaluation for a functional
restoration program apart from the program; a cream apart from the drug taken; an EMG of
the upper extremity with "NCS/EMG RUE", apart from the lower extremity's."""

import pytest

from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


def _case(treatment: str, category: str) -> dict:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": [],
        "clinical_summary": "Injured lifting boxes.",
        "items": [{"treatment": treatment, "category": category}],
    }


def _letters(wordings, category) -> set[str]:
    return {make_decision(items=[item(w, category=category)]).case_number for w in wordings}


def _cohort(treatment: str, category: str):
    [found] = precedents_for_case(_case(treatment, category))
    listed = {p.case_number for p in found.decisions if p.match != "similar text"}
    return found.cohort_size, listed


def test_epidural_injections_however_written_are_one_cohort():
    same = _letters(
        [
            "Lumbar Spine Epidural Injection at L4-5 under fluoroscopy",  # CM16-0233794
            "Right L4 transforaminal epidural steroid injection under fluoroscopic guidance",
            "Left L5-S1 epidural steroid injection",
        ],
        "injections",
    )
    _letters(["Cervical epidural steroid injection at C5-C6"], "injections")
    assert _cohort("Lumbar epidural steroid injection", "injections") == (3, same)


def test_a_programs_evaluation_is_counted_apart_from_the_program():
    course = _letters(
        ["Functional restoration program x 160 hours", "Functional restoration program, 10 days"],
        "programs",
    )
    evaluation = _letters(
        ["Functional restoration program evaluation", "Functional restoration program eval"],
        "programs",
    )
    assert _cohort("Functional restoration program evaluation", "programs") == (2, evaluation)
    assert _cohort("Functional restoration program 80 hours", "programs") == (2, course)


def test_a_cream_is_counted_apart_from_the_drug_taken():
    cream = _letters(
        ["Cyclobenzaprine 5% in cream base 240g", "Compound Cyclobenzaprine 5%, 240 grams"],
        "pharmaceuticals",
    )
    taken = _letters(["Cyclobenzaprine 7.5mg #60", "Cyclobenzaprine 10mg #30"], "pharmaceuticals")
    assert _cohort("Cyclobenzaprine 2% cream 120 grams", "pharmaceuticals") == (2, cream)
    assert _cohort("Cyclobenzaprine 7.5mg #90", "pharmaceuticals") == (2, taken)


def test_an_upper_extremitys_emg_is_counted_apart_from_the_lower_extremitys():
    upper = _letters(
        [
            "EMG of the left upper extremity",
            "EMG/NCS RUE",
            "EMG of the bilateral upper extremities",
        ],
        "diagnostics",
    )
    _letters(["EMG bilateral lower extremities", "EMG of the right lower extremity"], "diagnostics")
    assert _cohort("EMG of the right upper extremity", "diagnostics") == (3, upper)
