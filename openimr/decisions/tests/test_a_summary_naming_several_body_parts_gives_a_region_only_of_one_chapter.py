"""A course naming no body part ("Physical therapy 6 sessions") takes its region from its
letter's (or case's) diagnoses only when they come to one part: a limb named beside a part
of it or beside the spine it radiates from is that part, and regions one guideline chapter
judges are that chapter's. Parts of several chapters give none, so the cohort is the
treatment for any part, as before: of the 182 published letters in /work/shared/corpus, the
items diagnosed in several chapters were judged by a guideline of no part (MTUS Chronic
Pain, Acupuncture), and the part named first was twice not the one judged. The diagnoses
below are the letters' own sentences. No database."""

import pytest

from openimr.decisions.domain.item_regions import item_regions, stored_regions
from openimr.decisions.domain.treatment_words import regions


@pytest.mark.parametrize(
    ("diagnosis", "expected"),
    [
        # CM16-0228949: the finger and the thumb are the hand's, one ACOEM chapter (11).
        (
            "Diagnoses include jammed interphalangeal joint of the finger of the right hand "
            "and trigger finger of the right thumb.",
            ("hand",),
        ),
        # CM17-0011517, whose UR cited "Shoulder Complaints": the arm's numbness is the
        # shoulder's, a part of it.
        (
            "The injured worker was diagnosed as having shoulder pain right' right arm numbness;",
            ("shoulder",),
        ),
        # CM16-0219557: the low back's radiculopathy, not the legs'.
        (
            'the attending provider gave the applicant a diagnosis of "lumbar pain with '
            'radiculopathy." ... low back pain radiating to the bilateral lower extremities.',
            ("lumbar",),
        ),
        ("Sprain of right ankle and foot", ("ankle",)),
        # One part alone is that part, not its chapter's (CM17-0012517's wrist).
        ("Right wrist tendinitis", ("wrist",)),
        ("Right foot contusion", ("foot",)),
        ("Pain in right arm", ("arm",)),
        ("Sprain of left wrist; contusion of left hand", ("hand",)),
        # CM17-0007376: "thoracic back" is the thoracic spine, not it and the low back.
        (
            "the injured worker has diagnosis that include acute bilateral thoracic back pain;",
            ("thoracic",),
        ),
        # CM16-0249536: M54.2 names the neck by its pain.
        ("The current diagnoses are documented as cervicalgia;", ("cervical",)),
        # Several chapters: no part (CM17-0006634, CM17-0013240, CM17-0010021, CM17-0004133).
        ("The current diagnoses are documented as lumbar sprain/strain and cervical sprain.", ()),
        (
            "Diagnoses include chronic posttraumatic headache, cervical strain, and right "
            "shoulder strain.",
            (),
        ),
        ("lumbar strain, left hip strain and left knee strain.", ()),
        ("fracture of the lumbosacral spine and pelvis", ()),
        # A part and a limb holding another part: the shoulder and the hand are two chapters.
        ("Strain of right shoulder, right arm and right hand", ()),
    ],
)
def test_a_course_naming_no_part_takes_one_from_diagnoses_of_one_chapter(diagnosis, expected):
    assert item_regions("Physical therapy 6 sessions", "rehabilitation", [diagnosis]) == expected


def test_a_part_the_treatment_names_comes_first_whatever_the_diagnoses():
    diagnoses = ["Lumbar sprain/strain and cervical sprain/strain"]
    assert item_regions("PT for the neck 2x6", "rehabilitation", diagnoses) == ("cervical",)


def test_a_drug_or_a_test_takes_no_part_from_its_diagnoses():
    hand = ["Trigger finger of the right thumb; sprain of right hand"]
    assert item_regions("Norco 10/325mg #60", "pharmaceuticals", hand) == ()
    assert item_regions("Urine drug screen", "diagnostics", hand) == ()


def test_the_store_marks_the_chapters_region_as_diagnosed():
    hand = ["jammed interphalangeal joint of the finger of the right hand and trigger finger"]
    assert stored_regions("Acupuncture x6", "acupuncture", hand) == "*|hand|"
    neck_and_back = ["cervical strain and lumbar strain"]
    assert stored_regions("Acupuncture x6", "acupuncture", neck_and_back) is None


@pytest.mark.parametrize(
    ("treatment", "expected"),
    [
        ("Thoracic back brace", ("thoracic",)),
        ("Lumbar back support", ("lumbar",)),
        ("Upper back massage", ("thoracic",)),
        ("Back brace", ("lumbar",)),
    ],
)
def test_back_after_the_spines_level_is_that_level_only(treatment, expected):
    assert regions(treatment) == expected
