"""A reviewer's cohort is "this treatment for this body part": an MRI of the knee is counted
with the letters on knee MRIs, not with hip or lumbar MRIs, however each letter words it
(the wordings below are the items of the 2016-2017 letters in /work/shared/corpus). A
spinal level names its region ("L5-S1": lumbar). A treatment whose item names no body part
("Physical therapy 2x6") is counted for the part the case's diagnoses name, as if the item
named it (test_an_item_naming_no_body_part_takes_the_diagnosed_one.py). A rate is still shown only from MIN_COHORT decided items of the cohort up.
"PT" is read as physical therapy in rehabilitation only ("PT/INR" is a blood test)."""

import pytest
from django.db import connection
from django.template.loader import render_to_string

from openimr.decisions import precedents_sql as sql
from openimr.decisions.precedents import MIN_COHORT, precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

KNEE_MRI = [
    "MRI of the right knee without contrast",  # CM16-0240434
    "Left knee MRI without contrast",  # CM16-0249320
    "MRI right knee",  # CM17-0001064
    "MRI of the left knee",
]
LUMBAR_MRI = [
    "MRI of the Lumbar spine without contrast",  # CM16-0246635
    "MRI (magnetic resonance imaging) of the lumbar spine",
    "MRI for lumbar spine with contrast",  # CM16-0240900
    "MRI of the lumbar without contrast",  # CM16-0240518
    "Lumbar MRI",
    "MRI of the low back",
]
LUMBAR_PT = [
    "Physical therapy to the low back two sessions",
    "Additional physical therapy lumbar spine two times a week for three weeks",
    "Physical therapy two times a week for three weeks for lumbar",
    "Lumbar physical therapy x 12 visits",
    "PT to the low back 2x6",
]
KNEE_PT = [
    "Three sessions of physical therapy of the right knee",  # CM16-0241231
    "Post operative physical therapy for the right knee 2 times a week for 6 weeks",
]


def _case(treatment: str, category: str = "rehabilitation", diagnoses=()) -> dict:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": list(diagnoses),
        "clinical_summary": "Injured lifting boxes.",
        "items": [{"treatment": treatment, "category": category}],
    }


def _letters(wordings, category, outcome="upheld") -> set[str]:
    return {
        make_decision(items=[item(w, category=category, outcome=outcome)]).case_number
        for w in wordings
    }


def _listed(found) -> set[str]:
    """The letters listed as the cohort's (a short cohort is followed by similar text)."""
    return {p.case_number for p in found.decisions if p.match != "similar text"}


@pytest.fixture
def mri_letters() -> dict[str, set[str]]:
    return {
        "knee": _letters(KNEE_MRI, "diagnostics"),
        "lumbar": _letters(LUMBAR_MRI, "diagnostics"),
        "other": _letters(
            [
                "MRI without contrast of the right hip",  # CM16-0248655
                "MRI scan of the cervical spine",  # CM16-0246624
                "MRI of the Left shoulder without contrast",  # CM16-0233794
            ],
            "diagnostics",
        ),
    }


@pytest.mark.parametrize("treatment", KNEE_MRI)
def test_a_knee_mri_is_counted_with_the_knee_mris_however_written(mri_letters, treatment):
    [found] = precedents_for_case(_case(treatment, "diagnostics"))
    assert found.cohort_size == len(KNEE_MRI)
    assert found.regions == ("knee",)
    assert _listed(found) == mri_letters["knee"]


@pytest.mark.parametrize("treatment", LUMBAR_MRI)
def test_a_lumbar_mri_is_counted_with_the_lumbar_mris_however_written(mri_letters, treatment):
    [found] = precedents_for_case(_case(treatment, "diagnostics"))
    assert found.cohort_size == len(LUMBAR_MRI)
    assert _listed(found) <= mri_letters["lumbar"]


@pytest.mark.parametrize("treatment", LUMBAR_PT)
def test_physical_therapy_for_the_low_back_is_counted_apart_from_the_knees(treatment):
    lumbar = _letters(LUMBAR_PT, "rehabilitation")
    knee = _letters(KNEE_PT, "rehabilitation")
    [found] = precedents_for_case(_case(treatment))
    assert found.cohort_size == len(LUMBAR_PT)
    listed = _listed(found)
    assert listed <= lumbar and not listed & knee


@pytest.mark.parametrize("treatment", KNEE_PT)
def test_how_many_or_when_is_no_other_treatment(treatment):
    knee = _letters(KNEE_PT, "rehabilitation")
    [found] = precedents_for_case(_case(treatment))
    assert found.cohort_size == len(KNEE_PT)
    assert _listed(found) == knee


def test_a_knee_arthroplasty_is_no_precedent_for_a_hips():
    knee = _letters(["Left total knee arthroplasty", "Right total knee arthroplasty"], "surgery")
    hip = _letters(["Right total hip arthroplasty"], "surgery")
    [found] = precedents_for_case(_case("Total knee arthroplasty, left", "surgery"))
    assert found.cohort_size == 2
    assert _listed(found) == knee
    [found] = precedents_for_case(_case("Left total hip arthroplasty", "surgery"))
    assert _listed(found) == hip


def test_x_rays_are_one_treatment_however_spelled():
    lumbar = _letters(
        ["X-rays of the lumbar spine", "X-Ray of the lumbar spine", "X-rays lumbar spine"],
        "diagnostics",
    )
    _letters(["X-rays of right hip"], "diagnostics")
    [found] = precedents_for_case(_case("Xray lumbar spine", "diagnostics"))
    assert found.cohort_size == 3
    assert _listed(found) == lumbar


def test_a_body_parts_cohort_below_the_minimum_shows_no_rate_however_large_the_treatments():
    _letters(["MRI of the left knee"] * (MIN_COHORT - 1), "diagnostics", outcome="overturned")
    _letters(["MRI of the right hip"] * MIN_COHORT, "diagnostics")
    [knee] = precedents_for_case(_case("MRI right knee", "diagnostics"))
    assert (knee.cohort_size, knee.rate) == (MIN_COHORT - 1, None)
    _letters(["Knee MRI"], "diagnostics")
    [knee] = precedents_for_case(_case("MRI right knee", "diagnostics"))
    assert (knee.cohort_size, knee.overturned, knee.percent) == (MIN_COHORT, MIN_COHORT - 1, 95)


def test_a_treatment_naming_no_part_is_counted_for_the_part_its_diagnosis_names():
    lumbar = make_decision(
        summary="Radiculopathy of the lumbar spine.",
        items=[item("Physical therapy 2x6 lumbar spine")],
    )
    shoulder = make_decision(
        summary="Impingement of the right shoulder.",
        items=[item("Physical therapy 3x4 for the right shoulder")],
    )
    [found] = precedents_for_case(
        _case("Physical therapy 2x6", diagnoses=["M54.16 Radiculopathy, lumbar region"])
    )
    assert (found.cohort_size, found.regions, found.regions_diagnosed) == (1, ("lumbar",), True)
    # The shoulder's is no precedent: listed after the cohort, as the most similar text.
    assert [(p.case_number, p.match) for p in found.decisions] == [
        (lumbar.case_number, "treatment and condition"),
        (shoulder.case_number, "similar text"),
    ]


def test_the_panel_says_the_cohort_is_for_the_same_body_part():
    _letters(KNEE_MRI, "diagnostics")
    [found] = precedents_for_case(_case("MRI right knee", "diagnostics"))
    html = render_to_string(
        "decisions/_precedents.html",
        {"precedents": [(1, found)], "precedent_min": MIN_COHORT, "precedent_window": 5000},
    )
    assert "decided items on this treatment for the same body part (knee)" in " ".join(html.split())


def test_pt_outside_rehabilitation_is_not_physical_therapy():
    make_decision(items=[item("PT/INR blood test", category="diagnostics")])
    make_decision(items=[item("PT to the low back x 8")])
    [found] = precedents_for_case(_case("PT/INR", category="diagnostics"))
    assert found.cohort_size == 1


@pytest.mark.parametrize("treatment", ["Physical therapy 2x6", "PT 2x6"])
def test_a_letter_that_writes_pt_is_counted_with_physical_therapy(treatment):
    written = make_decision(summary="Low back pain.", items=[item("PT to the low back x 8")])
    cervical = make_decision(items=[item("Physical therapy for the cervical spine")])
    make_decision(items=[item("PT/INR", category="diagnostics")])
    [found] = precedents_for_case(_case(treatment))
    assert found.cohort_size == 2
    assert _listed(found) == {written.case_number, cervical.case_number}


def test_a_one_word_treatment_keeps_its_body_part_so_a_word_it_shares_is_not_enough():
    pillow = make_decision(items=[item("Cervical pillow", category="dmepos")])
    make_decision(items=[item("Shoulder sling with abduction pillow", category="dmepos")])
    [found] = precedents_for_case(_case("Cervical pillow", category="dmepos"))
    assert (found.cohort_size, found.decisions[0].case_number) == (1, pillow.case_number)


def test_a_spinal_level_names_its_region_on_both_databases():
    lumbar = _letters(
        [
            "Left L5-S1 epidural steroid injection",  # CM16-0247274
            "Epidural steroid injection at L4-5 under fluoroscopy",
            "Lumbar epidural steroid injection",
        ],
        "injections",
    )
    cervical = _letters(
        ["Cervical epidural steroid injection", "Epidural steroid injection C6-C7"], "injections"
    )
    [found] = precedents_for_case(_case("Right L5-S1 epidural steroid injection", "injections"))
    assert (found.cohort_size, found.regions) == (3, ("lumbar",))
    assert _listed(found) == lumbar
    [found] = precedents_for_case(
        _case("Cervical epidural steroid injection at C5-C6", "injections")
    )
    assert (found.cohort_size, _listed(found)) == (2, cervical)


def test_a_part_whose_words_postgresql_drops_narrows_nothing_rather_than_failing():
    letter = make_decision(items=[item("MRI of the knee", category="diagnostics")])
    treatment = sql.Treatment("diagnostics", ("magnetic", "resonance"), (("the",),))
    with connection.cursor() as cursor:
        found = sql.newest_requesting(cursor, connection.vendor, treatment, 10)
    assert found == [letter.pk]
