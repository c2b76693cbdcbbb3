"""Criteria checklists: each criterion met, not met or unknown, and the outline's words."""

import pytest

from openimr.guidelines.domain.criteria import (
    AcupunctureFacts,
    Checklist,
    Criterion,
    HomeExerciseEquipmentFacts,
    LumbarMRIFacts,
    OpioidFacts,
    PhysicalTherapyFacts,
    acupuncture,
    home_exercise_equipment,
    lumbar_mri,
    opioid_monitoring,
    physical_therapy,
    rationale_outline,
    verdict,
)

PT = PhysicalTherapyFacts


@pytest.mark.parametrize(
    ("facts", "mets", "result"),
    [
        (PT(10, 0, "myalgia"), [True], True),
        (PT(6, 4, "myalgia"), [True, None], None),
        (PT(6, 4, "myalgia", True), [True, True], True),
        (PT(6, 4, "myalgia", False), [True, False], False),
        (PT(12, 0, "myalgia"), [False], False),
        (PT(8, 0, "neuralgia"), [True], True),
        (PT(6, 6, "neuralgia", True), [False, True], False),
        (PT(12, 0, "postsurgical"), [None], None),
        (PT(12, 0, "postsurgical", postsurgical_visits_allowed=12), [True], True),
        (PT(12, 12, "postsurgical", True, 20), [False, True], False),
    ],
)
def test_physical_therapy_checks_the_visit_allowance_and_improvement(facts, mets, result):
    checklist = physical_therapy(facts)
    assert [c.met for c in checklist.criteria] == mets
    assert verdict(checklist) is result


@pytest.mark.parametrize(
    ("condition", "source"),
    [
        ("myalgia", "Physical Medicine, pages 98-99"),
        ("neuralgia", "8 CCR 9792.24.2"),
        ("postsurgical", "8 CCR 9792.24.3"),
    ],
)
def test_physical_therapy_names_its_source(condition, source):
    assert source in physical_therapy(PT(1, 0, condition)).source


def test_physical_therapy_allowance_names_weeks_and_evidence():
    row = physical_therapy(PT(12, 0, "neuralgia")).criteria[0]
    assert row.text == "visits within the 10 allowed over 4 weeks for neuralgia"
    assert row.evidence == "12 requested + 0 completed"


@pytest.mark.parametrize(
    ("facts", "met"),
    [
        (AcupunctureFacts(6, 0), True),
        (AcupunctureFacts(3, 0), True),
        (AcupunctureFacts(8, 0), False),
        (AcupunctureFacts(6, 6), None),
        (AcupunctureFacts(6, 6, True), True),
        (AcupunctureFacts(6, 6, False), False),
    ],
)
def test_acupuncture_allows_a_trial_then_needs_improvement(facts, met):
    checklist = acupuncture(facts)
    assert [c.met for c in checklist.criteria] == [met]
    assert "8 CCR 9792.24.1" in checklist.source


@pytest.mark.parametrize(
    ("facts", "result"),
    [
        (OpioidFacts(True, True, True, True, True), True),
        (OpioidFacts(True, True, True, True, False), False),
        (OpioidFacts(False, None, None, None, None), False),
        (OpioidFacts(True, True, True, True, None), None),
        (OpioidFacts(), None),
    ],
)
def test_opioid_monitoring_needs_every_element(facts, result):
    checklist = opioid_monitoring(facts)
    assert len(checklist.criteria) == 5
    assert verdict(checklist) is result
    assert "8 CCR 9792.24.4" in checklist.source


@pytest.mark.parametrize(
    ("facts", "failed_care", "result"),
    [
        (LumbarMRIFacts(progressive_neurologic_deficit=True), None, True),
        (LumbarMRIFacts(cauda_equina_signs=True), None, True),
        (LumbarMRIFacts(suspected_fracture_infection_or_tumor=True), None, True),
        (LumbarMRIFacts(False, False, False, 6, True, True), True, True),
        (LumbarMRIFacts(False, False, False, 3, True, True), False, False),
        (LumbarMRIFacts(False, False, False, 6, True, False), False, False),
        (LumbarMRIFacts(False, False, False, 6, False, True), False, False),
        (LumbarMRIFacts(False, False, False, None, True, True), None, None),
        (LumbarMRIFacts(False, False, False, 4, True, None), None, None),
        (LumbarMRIFacts(), None, None),
    ],
)
def test_lumbar_mri_needs_one_red_flag_or_failed_care(facts, failed_care, result):
    checklist = lumbar_mri(facts)
    assert checklist.any_suffices
    assert checklist.criteria[3].met is failed_care
    assert verdict(checklist) is result


@pytest.mark.parametrize(
    ("facts", "result"),
    [
        (HomeExerciseEquipmentFacts(True, True), True),
        (HomeExerciseEquipmentFacts(False, True), False),
        (HomeExerciseEquipmentFacts(True, False), False),
        (HomeExerciseEquipmentFacts(None, True), None),
        (HomeExerciseEquipmentFacts(), None),
    ],
)
def test_home_exercise_equipment_only_when_exercises_need_it(facts, result):
    assert verdict(home_exercise_equipment(facts)) is result


def _list(*mets, any_suffices=False):
    rows = tuple(Criterion(f"c{i}", met, "e" if i == 0 else "") for i, met in enumerate(mets))
    return Checklist("test", "Guide", rows, any_suffices)


@pytest.mark.parametrize(
    ("checklist", "outline"),
    [
        (_list(True, True), "The request meets the test criteria of the Guide: c0 (e); c1."),
        (
            _list(True, False),
            "The request does not meet the test criteria of the Guide; not met: c1.",
        ),
        (
            _list(False, None),
            "The request does not meet the test criteria of the Guide; not met: c0 (e).",
        ),
        (
            _list(True, None),
            "The records do not show whether the request meets the test criteria of the Guide; unknown: c1.",
        ),
        (
            _list(False, True, any_suffices=True),
            "The request meets the test criteria of the Guide: c1.",
        ),
        (
            _list(False, False, any_suffices=True),
            "The request does not meet the test criteria of the Guide; not met: c0 (e); c1.",
        ),
        (
            _list(False, None, any_suffices=True),
            "The records do not show whether the request meets the test criteria of the Guide; unknown: c1.",
        ),
    ],
)
def test_rationale_outline_says_meets_or_does_not_meet_in_plain_words(checklist, outline):
    assert rationale_outline(checklist) == outline


def test_a_real_outline_reads_as_a_sentence():
    text = rationale_outline(physical_therapy(PT(12, 0, "myalgia")))
    assert text == (
        "The request does not meet the physical therapy criteria of the MTUS Chronic Pain "
        "Medical Treatment Guidelines (8 CCR 9792.24.2), Physical Medicine, pages 98-99; "
        "not met: visits within the 10 allowed over 8 weeks for myalgia "
        "(12 requested + 0 completed)."
    )
