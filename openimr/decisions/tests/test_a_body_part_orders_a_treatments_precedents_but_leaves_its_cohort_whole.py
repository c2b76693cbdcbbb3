"""The body part a treatment is written for is the condition's, not the treatment's:
"Physical therapy for the lumbar spine", "Lumbar physical therapy" and "PT to the low back"
are one treatment, counted over one cohort with "Physical therapy 3x4 for the right
shoulder", and the letters on the same body part are listed first, as on the same
condition. "PT" is read as physical therapy in rehabilitation only ("PT/INR" is a blood
test)."""

import pytest

from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

WRITTEN = [
    "Physical therapy for the lumbar spine",
    "Physical therapy lumbar",
    "Lumbar physical therapy x 12 visits",
    "PT to the low back 2x6",
]


def _case(treatment: str, category: str = "rehabilitation", diagnoses=()) -> dict:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": list(diagnoses),
        "clinical_summary": "Injured lifting boxes.",
        "items": [{"treatment": treatment, "category": category}],
    }


@pytest.fixture
def therapy_letters() -> dict[str, str]:
    # The shoulder letter is the newest: newest first alone would list it first.
    made = {
        "lumbar": make_decision(
            summary="Radiculopathy of the lumbar spine.",
            items=[item("Physical therapy 2x6 lumbar spine")],
        ),
        "unsaid": make_decision(
            summary="Sprain after a fall.", items=[item("Additional physical therapy x 6")]
        ),
        "shoulder": make_decision(
            summary="Impingement of the right shoulder.",
            items=[item("Physical therapy 3x4 for the right shoulder")],
        ),
    }
    return {part: letter.case_number for part, letter in made.items()}


@pytest.mark.parametrize("treatment", WRITTEN)
def test_every_way_of_writing_it_counts_the_same_cohort(therapy_letters, treatment):
    [found] = precedents_for_case(_case(treatment))
    assert found.cohort_size == 3
    assert {p.match for p in found.decisions} <= {"treatment and condition", "treatment"}


@pytest.mark.parametrize("treatment", WRITTEN)
def test_the_letter_on_the_same_body_part_comes_first(therapy_letters, treatment):
    [found] = precedents_for_case(_case(treatment))
    first = found.decisions[0]
    assert (first.case_number, first.match) == (
        therapy_letters["lumbar"],
        "treatment and condition",
    )
    assert therapy_letters["shoulder"] in [p.case_number for p in found.decisions[1:]]


def test_the_diagnosis_still_names_the_condition_when_the_treatment_names_no_part(
    therapy_letters,
):
    [found] = precedents_for_case(
        _case("Physical therapy 2x6", diagnoses=["M75.41 Impingement syndrome of right shoulder"])
    )
    assert found.decisions[0].case_number == therapy_letters["shoulder"]
    assert found.decisions[0].match == "treatment and condition"


def test_pt_outside_rehabilitation_is_not_physical_therapy(therapy_letters):
    make_decision(items=[item("PT/INR blood test", category="diagnostics")])
    [found] = precedents_for_case(_case("PT/INR", category="diagnostics"))
    assert found.cohort_size == 1


@pytest.mark.parametrize("treatment", ["Physical therapy 2x6", "PT 2x6"])
def test_a_letter_that_writes_pt_is_counted_with_physical_therapy(therapy_letters, treatment):
    written = make_decision(summary="Low back pain.", items=[item("PT to the low back x 8")])
    make_decision(items=[item("PT/INR", category="diagnostics")])
    [found] = precedents_for_case(_case(treatment))
    assert found.cohort_size == 4
    assert written.case_number in [p.case_number for p in found.decisions]


def test_the_spine_alone_is_no_condition_the_region_of_it_is():
    lumbar = make_decision(
        summary="Lumbar strain.", items=[item("Physical therapy for the lumbar spine")]
    )
    cervical = make_decision(
        summary="Neck strain.", items=[item("Physical therapy for the cervical spine")]
    )
    [found] = precedents_for_case(_case("Physical therapy for the lumbar spine x 6"))
    assert [(p.case_number, p.match) for p in found.decisions] == [
        (lumbar.case_number, "treatment and condition"),
        (cervical.case_number, "treatment"),
    ]


def test_a_one_word_treatment_keeps_its_body_part_so_a_word_it_shares_is_not_enough():
    pillow = make_decision(items=[item("Cervical pillow", category="dmepos")])
    make_decision(items=[item("Shoulder sling with abduction pillow", category="dmepos")])
    [found] = precedents_for_case(_case("Cervical pillow", category="dmepos"))
    assert (found.cohort_size, found.decisions[0].case_number) == (1, pillow.case_number)
