"""A case disputing treatments for two conditions (a lumbar one, a shoulder one): each
item's "same treatment and condition" precedents are those naming the diagnosis its own
ICD-10 code names, not every diagnosis of the case. An item without a code, or with one the
case does not describe, reads the case's diagnoses as a whole. A dose written differently
("Norco 10/325mg #60", "NORCO 10/325 #90") is the same treatment."""

import pytest

from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

DIAGNOSES = ["M54.16 Radiculopathy, lumbar region", "M75.41 Impingement syndrome of right shoulder"]


def _case(*items: dict) -> dict:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": DIAGNOSES,
        "clinical_summary": "Injured lifting boxes.",
        "items": list(items),
    }


@pytest.fixture
def two_conditions() -> None:
    # The shoulder letter is the newer: newest first alone would put it first for both items.
    make_decision(
        case_number="CM16-0000010",
        summary="Radiculopathy of the lumbar spine.",
        items=[item("Trigger point injections x3", category="injections")],
    )
    make_decision(
        case_number="CM16-0000011",
        summary="Impingement of the shoulder.",
        items=[item("Trigger point injections x3", category="injections")],
    )


def _matches(found) -> list[tuple[str, str]]:
    return [(p.case_number, p.match) for p in found.decisions]


def test_each_item_prefers_letters_on_its_own_condition(two_conditions):
    lumbar, shoulder = precedents_for_case(
        _case(
            {
                "treatment": "Trigger point injections",
                "category": "injections",
                "icd10": ["M54.16"],
            },
            {
                "treatment": "Trigger point injections",
                "category": "injections",
                "icd10": ["M75.41"],
            },
        )
    )
    assert _matches(lumbar) == [
        ("CM16-0000010", "treatment and condition"),
        ("CM16-0000011", "treatment"),
    ]
    assert _matches(shoulder) == [
        ("CM16-0000011", "treatment and condition"),
        ("CM16-0000010", "treatment"),
    ]


@pytest.mark.parametrize("codes", [[], ["Z99.89"]])
def test_an_item_without_a_described_code_reads_every_diagnosis(two_conditions, codes):
    [found] = precedents_for_case(
        _case({"treatment": "Trigger point injections", "category": "injections", "icd10": codes})
    )
    assert {m for _, m in _matches(found)} == {"treatment and condition"}


def test_a_dose_written_differently_is_the_same_treatment():
    make_decision(items=[item("Norco 10/325mg #60", category="pharmaceuticals")])
    make_decision(items=[item("NORCO  10/325 #90", category="pharmaceuticals")])
    make_decision(items=[item("Norcodeine", category="pharmaceuticals")])
    [found] = precedents_for_case(
        _case({"treatment": "norco 10/325 # 90", "category": "pharmaceuticals"})
    )
    assert found.cohort_size == 2


def test_the_cases_own_published_letter_is_neither_listed_nor_counted():
    # A case reopened or viewed after its letter was published: its own outcome is no
    # precedent for itself.
    for n in range(20):
        make_decision(items=[item("Physical therapy 2x6", outcome="upheld" if n else "overturned")])
    make_decision(
        case_number="CM26-0000001",
        items=[item("Physical therapy 2x6", outcome="overturned")] * 2,
    )
    [found] = precedents_for_case(
        _case({"treatment": "Physical therapy", "category": "rehabilitation"})
    )
    assert "CM26-0000001" not in [p.case_number for p in found.decisions]
    assert (found.cohort_size, found.overturned, found.percent) == (20, 1, 5)
