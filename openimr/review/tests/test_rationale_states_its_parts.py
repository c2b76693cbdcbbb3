"""A rationale states the condition, the records and the standard (LC 4610.6(e))."""

import pytest

from openimr.review.domain.rationale import (
    cites_records,
    missing_parts,
    names_standard,
    states_condition,
)

SEED = (
    "The progress note dated February 19, 2014 had recommended six sessions of physical "
    "therapy with emphasis on instruction on exercise that can be done at home safely. Most "
    "exercise for the lumbar spine can be performed without special equipment. The ODG does "
    "not support it. As such, this request is not medically necessary."
)


@pytest.mark.parametrize(
    ("rationale", "conditions", "states"),
    [
        ("Exercise for the lumbar spine needs no kit.", (), True),
        ("The low back pain persists.", (), True),
        ("Radiculopathy is not documented.", (), True),
        ("Both knees were injured.", (), True),
        ("The injuries are old.", (), True),
        ("The plantar fasciitis persists.", ("Plantar fasciitis, left foot",), True),
        ("The fasciitis persists.", ("Plantar fasciitis, left foot",), True),
        ("The request is not medically necessary.", (), False),
        ("The request is not medically necessary.", ("Other specified region, left",), False),
    ],
)
def test_the_condition_is_a_diagnosis_a_body_part_or_a_condition_word(
    rationale, conditions, states
):
    assert states_condition(rationale, conditions) is states


@pytest.mark.parametrize(
    ("rationale", "cites"),
    [
        ("The progress note does not document improvement.", True),
        ("The medical records lack findings.", True),
        ("The operative report shows a repair.", True),
        ("There is no documentation of benefit.", True),
        ("On 1/9/2014 the pain was unchanged.", True),
        ("In March 2014 the pain was unchanged.", True),
        ("The pain was unchanged.", False),
    ],
)
def test_the_records_are_a_word_for_a_record_or_its_date(rationale, cites):
    assert cites_records(rationale) is cites


@pytest.mark.parametrize(
    ("rationale", "names"),
    [
        ("The MTUS supports it.", True),
        ("ODG recommends against it.", True),
        ("ACOEM does not address it.", True),
        ("The guidelines do not support it.", True),
        ("There is no evidence of benefit.", True),
        ("Peer-reviewed studies show no benefit.", True),
        ("The Official Disability Guidelines apply.", True),
        ("It is not necessary.", False),
    ],
)
def test_the_standard_is_a_guideline_or_the_evidence(rationale, names):
    assert names_standard(rationale) is names


@pytest.mark.parametrize(
    ("rationale", "missing"),
    [
        (SEED, ()),
        ("Not medically necessary.", ("condition", "records", "standard")),
        ("The back pain is not documented in the records.", ("standard",)),
        ("The MTUS does not support it for back pain.", ("records",)),
        ("The records do not meet the MTUS criteria.", ("condition",)),
    ],
    ids=["the seed letter", "nothing", "no standard", "no records", "no condition"],
)
def test_missing_parts_lists_each_part_the_rationale_lacks(rationale, missing):
    assert missing_parts(rationale) == missing
