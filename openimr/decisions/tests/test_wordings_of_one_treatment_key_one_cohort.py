"""Wordings of one treatment for one body part key one cohort, and an evaluation for a
treatment is no course of it. The wordings are items of the letters in /work/shared/corpus
(case numbers beside them) or of the reviewers' requests the panel was reported splitting:
a variant word ("hinged", "steroid", "transforaminal"), a plural, a filler ("care",
"treatment"), what a parenthesis explains, a drug's route, salt and how it is taken, the
"Associated surgical service:" a surgery's extras are written under, and "retrospective" are
no other treatment. An evaluation for a treatment, and a drug applied to the skin, are
another kind of it (domain/treatment_words.py, KINDS). Pairs that must stay apart are listed too: a merge of two treatments
would count one's outcomes as the other's. No database here."""

import pytest

from openimr.decisions.domain.precedent_words import NOISE
from openimr.decisions.domain.treatment_words import (
    EVALUATIONS,
    PATCHES,
    TOPICAL,
    key_words,
    kinds_of,
    regions,
)


def _cohort(treatment: str, category: str) -> tuple[object, ...]:
    key = key_words(treatment, category, drop=NOISE, limit=2)
    return tuple(key), kinds_of(treatment, category), regions(treatment)


SAME = [
    ("dmepos", "Hinged knee brace", "Knee brace"),
    ("dmepos", "Wrist braces #2", "Wrist brace"),  # CM16-0243563
    (
        "injections",
        "Lumbar Spine Epidural Injection at L4-5 under fluoroscopy",
        "Lumbar epidural steroid injection",
    ),  # CM16-0233794
    (
        "injections",
        "Right L4 transforaminal epidural steroid injection under fluoroscopic guidance",
        "Right L5-S1 epidural steroid injection",
    ),  # CM16-0249320
    (
        "programs",
        "Functional restoration program x 160 hours",
        "Functional restoration program 10 days",
    ),
    (
        "programs",
        "Functional restoration program evaluation",
        "Functional restoration program eval",
    ),
    (
        "chiropractic",
        "Chiropractic care to the low back two times a week for four weeks",
        "Chiropractic treatment for the lumbar spine, 12 visits",
    ),
    ("acupuncture", "Acupuncture treatments (unspecified quantity)", "Acupuncture 12 sessions"),
    (
        "acupuncture",
        "Six sessions of acupuncture one time a week for six weeks",
        "Acupuncture for 2 sessions",
    ),
    (
        "diagnostics",
        "EMG (electromyography)/NCV (nerve conduction velocity) of the bilateral upper extremities",
        "EMG/NCV of the upper extremities",
    ),
    (
        "diagnostics",
        "NCV/EMG of the bilateral upper extremity",
        "EMG/NCV of the bilateral upper extremities",
    ),
    (
        "diagnostics",
        "Retrospective CT scan of the cervical spine (DOS 11/18/16)",
        "CT scan of the cervical spine",
    ),
    (
        "rehabilitation",
        "Associated surgical service: Physical Therapy sessions, 12",
        "Physical therapy 2-3 times a week for 6 weeks",
    ),
    (
        "dmepos",
        "Associated surgical service: Cold compression therapy 30 day rental",
        "Cold compression therapy unit",
    ),
    (
        "pharmaceuticals",
        "Norco 5/325mg oral tablet, one tablet twice daily 14 days #40",
        "Norco 10/325mg #35",
    ),
    (
        "pharmaceuticals",
        "Post-op Norco 5/325mg #60, 1-2 tabs orally every 4-6 hrs as needed",
        "Norco 7.5-325mg #112",
    ),
    (
        "pharmaceuticals",
        "Diazepam (Valium) 5mg take 1 tab orally 1 hour before exam, may repeat dose 1/2 hour after first dose for anxiety",
        "Diazepam 5mg #10",
    ),
    (
        "pharmaceuticals",
        "Tramadol (Ultram) 50mg take 1 tab orally every 4-6 hours as needed",
        "Tramadol 50mg #60",
    ),
    (
        "pharmaceuticals",
        "Retrospective Cyclobenzaprine 5mg tab #30 DOS: 11/14/16",
        "Cyclobenzaprine 7.5mg #60",
    ),
    ("pharmaceuticals", "Pantoprazole sod DR 20mg #60", "Pantoprazole 20mg #30"),
    ("pharmaceuticals", "Pantoprazole sodium 20mg #60", "Pantoprazole 20mg #30"),
    ("pharmaceuticals", "Oxycodone HCL ER 20mg #60 day supply: 30", "Oxycodone 10mg #90"),
    ("pharmaceuticals", "Synapryn (10mg/1ml oral suspension) 500ml", "Synapryn (unknown quantity)"),
    ("pharmaceuticals", "Compound Ketoprofen 20%, 240 grams", "Ketoprofen 20% in cream base 240g"),
    ("pharmaceuticals", "Three months coverage of Viagra 50mg", "Viagra 100mg"),
    (
        "pharmaceuticals",
        "Lidoderm patch, 12 hours on 12 hours off to affected area, #1 box",
        "Lidoderm 5% patch #30",
    ),
]

APART = [
    (
        "pharmaceuticals",
        "Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill",
        "Three refills of Voltaren 75mg #60",
    ),
    (
        "programs",
        "Functional restoration program evaluation",
        "Functional restoration program x 160 hours",
    ),
    (
        "rehabilitation",
        "Physical therapy evaluation, cervical and thoracic spine",
        "Physical therapy, 6 sessions, cervical and thoracic spine",
    ),
    ("diagnostics", "EMG of the left upper extremity", "EMG/NCV of the upper extremities"),
    ("diagnostics", "EMG of the left upper extremity", "EMG bilateral lower extremities"),
    ("diagnostics", "NCV of the bilateral lower extremities, 2", "NCS of the left upper extremity"),
    ("dmepos", "Knee brace", "Knee scooter"),
    ("dmepos", "Knee brace", "Wrist brace"),
    (
        "rehabilitation",
        "Electrical muscle stimulation 2 times a week for 4 weeks",
        "Electrical stimulation 1 times 8",
    ),
    (
        "pharmaceuticals",
        "Flurbiprofen 20%, Baclofen 5%, Dexamethasone 2% in cream base",
        "Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%, 120grams #1",
    ),
    (
        "pharmaceuticals",
        "Diclofenac/misoprostol 75-0.2mg #60 with 2 refills",
        "Diclofenac ER 100mg #60",
    ),
    (
        "pharmaceuticals",
        "Gabapentin 10%, Cyclobenzaprine 6%, Bupivacaine 5% in cream base",
        "Cyclobenzaprine 7.5mg #60",
    ),
    ("pharmaceuticals", "Lidocaine ointment 5% 106.32gm", "Lidocaine patch"),  # CM16-0241231
    (
        "surgery",
        "Right knee arthroscopy with evaluation of ACL, medical meniscectomy",
        "Arthroscopy of the left knee",
    ),
    (
        "surgery",
        "Right shoulder arthroscopy RCR (rotator cuff repair) and decompression",
        "Operative arthroscopy, superior labral anterior posterior repair, right shoulder",
    ),
]


@pytest.mark.parametrize(("category", "one", "other"), SAME)
def test_two_wordings_of_one_treatment_key_one_cohort(category, one, other):
    assert _cohort(one, category) == _cohort(other, category)


@pytest.mark.parametrize(("category", "one", "other"), APART)
def test_two_treatments_stay_two_cohorts(category, one, other):
    assert _cohort(one, category) != _cohort(other, category)


def test_an_evaluation_is_the_treatments_key_and_an_evaluation_a_course_is_not():
    evaluation = _cohort("Functional restoration program evaluation", "programs")
    course = _cohort("Functional restoration program x 160 hours", "programs")
    assert evaluation == (("functional", "restoration"), ((EVALUATIONS, True),), ())
    assert course == (("functional", "restoration"), ((EVALUATIONS, False),), ())


def test_a_drug_applied_to_the_skin_is_counted_apart_from_the_drug_taken():
    cream = _cohort("Cyclobenzaprine 5% in cream base 240g", "pharmaceuticals")  # CM16-0246635
    taken = _cohort("Cyclobenzaprine 7.5mg #60", "pharmaceuticals")
    assert cream[0] == taken[0] == ("cyclobenzaprine",)
    assert cream[1] == ((TOPICAL, True), (PATCHES, False))
    assert taken[1] == ((TOPICAL, False), (PATCHES, False))


@pytest.mark.parametrize(
    ("treatment", "found"),
    [
        ("EMG of the left upper extremity", ("upper extremity",)),
        ("EMG bilateral lower extremities", ("lower extremity",)),
        ("NCS/EMG RUE", ("upper extremity",)),
        ("MRI of Left lower extremity without contrast", ("lower extremity",)),
        ("SSEP of the lumbar and lower extremities", ("lumbar", "lower extremity")),
        ("Lower back brace", ("lumbar",)),
    ],
)
def test_an_upper_or_lower_extremity_is_a_region(treatment, found):
    assert regions(treatment) == found
