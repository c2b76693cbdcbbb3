"""26 of the 182 published letters, every expected value read by hand off the extracted text
(header, credentials, the summary's "N-year-old male", each item heading), field by field."""

import pytest

from openimr.cases.interchange import schema_problems
from openimr.letters.parsing import parse_text
from openimr.letters.tests.test_parse_support import corpus_text

PMR = "Physical Medicine & Rehabilitation"
OCC = ["Preventive Medicine", "Occupational Medicine"]
U, OV = "upheld", "overturned"

# case number: (assigned, injury, decision, UR denial, application received), age, sex,
# states, specialties, [(treatment, decision), ...]
LETTERS = {
    "CM16-0219557": (
        ("2016-11-18", "2016-10-10", "2016-12-19", "2016-11-09", "2016-11-14"),
        34,
        "male",
        ["TX", "NY", "CA"],
        OCC,
        [("Facet joint injections L4-5, L5-S1", U)],
    ),
    "CM16-0221706": (
        ("2016-11-23", "2016-10-16", "2016-12-21", "2016-10-20", "2016-11-15"),
        65,
        "male",
        ["CA", "SC"],
        [*OCC, "Family Practice"],
        [("Three months coverage of Viagra 50mg", U)],
    ),
    "CM16-0224814": (
        ("2016-11-30", "2016-10-11", "2017-01-06", "2016-11-04", "2016-11-21"),
        32,
        "female",
        ["CA"],
        ["Family Practice"],
        [("Cervical spine MRI without contrast", U)],
    ),
    "CM16-0228949": (
        ("2016-12-05", "2016-10-14", "2016-12-30", "2016-11-16", "2016-11-28"),
        57,
        "female",
        ["CA", "AZ"],
        [PMR],
        [("Continue physical therapy 3 times a week for 2 weeks", U)],
    ),
    "CM16-0230651": (
        ("2016-12-07", "2016-10-13", "2017-01-09", "2016-11-22", "2016-11-29"),
        36,
        "female",
        ["CA", "WA"],
        [PMR, "Pain Management"],
        [
            ("EMG/NCV of the lower extremities", U),
            ("EMG/NCV of the upper extremities", U),
            ("Electro acupuncture to the low back two times a week times six weeks", U),
            ("Infrared heat to the low back two times a week times six weeks", U),
            ("Myofascial release to the low back two times a week times six weeks", U),
            ("MRI of the lumbar spine", U),
            ("Chiropractic care to the low back two times a week for four weeks", U),
            ("Ultram 50mg #30", U),
            ("Flexeril 10mg #60", U),
            ("Physical therapy to the low back two sessions", U),
        ],
    ),
    "CM16-0231706": (
        ("2016-12-07", "2016-10-23", "2017-01-05", "2016-11-29", "2016-12-01"),
        43,
        "female",
        ["CA", "AZ"],
        [PMR],
        [("Chiropractic physiotherapy treatment 6 visits", U)],
    ),
    "CM16-0232543": (
        ("2016-12-08", "2016-10-25", "2017-01-12", "2016-11-29", "2016-12-02"),
        58,
        "female",
        ["TX", "OH"],
        [PMR, "Pain Management"],
        [
            ("Norflex 100mg #60", U),
            ("Pepcid 20mg", U),
            ("X-ray of the pelvis", U),
            ("X-rays of the lumbar spine", U),
            ("X-rays of the left shoulder", U),
            ("Physical therapy 2-3 times a week for 6 weeks", U),
        ],
    ),
    "CM16-0234464": (
        ("2016-12-16", "2016-10-14", "2017-01-20", "2016-11-08", "2016-12-06"),
        33,
        "male",
        ["CA", "MO", "MS"],
        [PMR],
        [
            ("Single positional MRI of the cervical spine", U),
            ("Single positional MRI of the lumbar spine", U),
            ("Single positional MRI of the right hand", U),
            ("Diclofenac ER 100mg #60", U),
            ("Cyclobenzaprine 7.5mg #27", U),
            ("Lidocaine ointment 5% 106.32gm", U),
        ],
    ),
    "CM16-0235724": (
        ("2016-12-12", "2016-10-21", "2017-01-09", "2016-11-22", "2016-12-07"),
        33,
        "female",
        ["CA", "VA"],
        OCC,
        [("MRI of the cervical spine bilateral without contrast", OV)],
    ),
    "CM16-0235991": (
        ("2016-12-13", "2016-10-12", "2017-01-11", "2016-11-08", "2016-12-07"),
        55,
        "female",
        ["TX", "CA"],
        ["Family Practice"],
        [
            ("MRI (magnetic resonance imaging) of the cervical spine", U),
            (
                "EMG (electromyography)/NCV (nerve conduction velocity) of the bilateral upper "
                "extremities",
                OV,
            ),
        ],
    ),
    "CM16-0237844": (
        ("2016-12-14", "2016-10-20", "2017-01-12", "2016-12-05", "2016-12-12"),
        51,
        "female",
        ["CA", "TX", "FL"],
        ["Anesthesiology", "Pain Management", "Hospice & Palliative Medicine"],
        [
            (
                "Additional physical therapy two times four visits (8) for the lumbar and bilateral knees",
                U,
            )
        ],
    ),
    "CM16-0238035": (
        ("2016-12-14", "2016-10-10", "2017-01-20", "2016-12-01", "2016-12-12"),
        43,
        "male",
        ["CA", "TX"],
        ["Orthopedic Surgery", "Sports Medicine"],  # printed "Sports Medicinea"
        [
            ("Right shoulder arthroscopy RCR (rotator cuff repair) and decompression", U),
            ("Medical Clearance", U),
            ("Labs to include: EKG", U),
            ("Labs to include: Chest X-ray", U),
            ("Post-op physical therapy 2 times a week for 4 weeks", U),
            ("Associated surgical service: Cold compression therapy 30 day rental", U),
            ("Associated surgical service: Shoulder wrap for purchase", U),
            ("Associated surgical service: Shoulder sling with abduction pillow", U),
        ],
    ),
    "CM16-0240259": (
        ("2016-12-19", "2016-10-11", "2017-01-18", "2016-12-06", "2016-12-14"),
        40,
        "female",
        ["TX", "NY", "CA"],
        OCC,
        [("EMG/NCS of the bilateral hand", OV)],
    ),
    "CM16-0243394": (
        ("2016-12-22", "2016-10-26", "2017-01-20", "2016-11-22", "2016-12-19"),
        28,
        "male",
        ["CA"],
        OCC,
        [
            (
                "Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill, "
                "DOS: 11/11/2016",
                U,
            ),
            (
                "Lidoderm patch, 12 hours on 12 hours off to affected area, #1 box with 1 refill, "
                "DOS: 11/11/2016",
                U,
            ),
        ],
    ),
    "CM16-0245466": (
        ("2016-12-28", "2016-11-02", "2017-02-03", "2016-11-23", "2016-12-22"),
        55,
        "female",
        ["CA"],
        [PMR, "Pain Management"],
        [
            ("Etodolac", U),
            ("Lidocaine patch", U),
            ("Omeprazole", U),
            ("Cyclobenzaprine", U),
            ("Flector 1.3% transdermal patch", U),
            ("Back support", U),
            ("Custom touch back heat therapy pad", U),
            ("Hot/cold therapy wrap", U),
        ],
    ),
    "CM16-0247287": (
        ("2016-12-30", "2016-10-13", "2017-01-25", "2016-11-30", "2016-12-23"),
        61,
        "male",
        ["TX", "NY", "CA"],
        OCC,
        [("EMG of the left upper extremity", U), ("NCS of the left upper extremity", OV)],
    ),
    "CM16-0249536": (
        ("2017-01-10", "2016-10-18", "2017-02-07", "2016-12-01", "2016-12-29"),
        39,
        "male",
        ["CA", "WA"],
        [PMR, "Pain Management"],
        [
            ("EMG/NCV of the hip, lumbar", U),
            (
                "Flurbiprofen 20%, Baclofen 5%, Dexamethasone 2%, Menthol 2%, Capsaicin 0.025% "
                "in cream base",
                U,
            ),
            ("Gabapentin 10%, Cyclobenzaprine 6%, Bupivacaine 5% in cream base", U),
            ("Urine Test", U),
            ("Unknown shockwave treatments", U),
            ("Acupuncture treatments (unspecified quantity)", U),
        ],
    ),
    "CM16-0249724": (
        ("2017-01-05", "2016-10-25", "2017-02-07", "2016-12-07", "2016-12-29"),
        43,
        "male",
        ["CA", "WA"],
        [PMR, "Pain Management"],
        [
            ("standard wheelchair for a 2 month rental", U),
            ("purchase of a bedside 3 in 1 commode", U),
            ("purchase of a bath/shower chair", U),
        ],
    ),
    "CM17-0002198": (
        ("2017-01-09", "2016-10-11", "2017-01-31", "2016-12-27", "2017-01-03"),
        41,
        "male",
        ["NJ", "NY"],
        ["Family Practice"],
        [
            (
                "two physical therapy sessions for the lumbar spine, left shoulder and left knee "
                "and eight physical therapy sessions for the left wrist",
                U,
            ),
            (
                "two occupational therapy sessions for the left wrist and eight occupational "
                "therapy sessions for the lumbar spine, left shoulder and left knee",
                U,
            ),
        ],
    ),
    "CM17-0002324": (
        ("2017-01-09", "2016-10-11", "2017-02-01", "2016-12-19", "2017-01-03"),
        49,
        "male",
        ["CA", "NC"],
        ["Family Practice"],
        [("physical therapy 2 times a week for 6 weeks (12 sessions) to the right elbow", U)],
    ),
    "CM17-0003192": (
        ("2017-01-10", "2016-10-11", "2017-02-08", "2016-12-15", "2017-01-04"),
        47,
        "male",
        ["CA"],
        ["Chiropractor"],
        [("5 sessions of chiropractic physiotherapy for the left elbow", U)],
    ),
    "CM17-0004133": (
        ("2017-01-11", "2016-10-28", "2017-02-13", "2016-12-13", "2017-01-05"),
        43,
        "male",
        ["CA"],
        ["Family Practice", *OCC],
        [
            ("Neurosurgeon evaluation for the Low back/Pelvis", U),
            (
                "Wound care nurse, 1-2 visits to evaluate right hip incision, treat, and "
                "demonstrate treatment",
                U,
            ),
            ("one week trial of Acute Rehabilitation Unit", U),
        ],
    ),
    "CM17-0008519": (
        ("2017-01-17", "2016-10-26", "2017-02-16", "2016-12-19", "2017-01-12"),
        42,
        "male",
        ["CA"],
        [PMR, "Pain Management", "Occupational Medicine"],
        [("MRI of the lumbosacral spine without contrast, 1.5 Tesla or higher only", OV)],
    ),
    "CM17-0012517": (
        ("2017-01-24", "2016-10-21", "2017-02-17", "2016-12-19", "2017-01-18"),
        33,
        "female",
        ["IA", "MT", "CA"],
        [*OCC, "Public Health & General Preventive Medicine"],
        [
            (
                "Twelve sessions of physical therapy for the right shoulder, right wrist and right "
                "hand, three times a week for four weeks",
                U,
            )
        ],
    ),
    "CM17-0015218": (
        ("2017-01-27", "2016-12-13", "2017-02-27", "2017-01-13", "2017-01-24"),
        34,
        "male",
        ["CA"],
        ["Orthopedic Surgery", "Hand Surgery", "Sports Medicine"],
        [("with open carpal tunnel release", OV)],
    ),
}
# Letters with more items than listed: (count, the first items, the last item).
LONG = {
    "CM16-0248698": (
        ("2017-01-04", "2016-10-26", "2017-02-02", "2016-12-23", "2016-12-28"),
        39,
        "male",
        ["TX", "NY"],
        [PMR, "Sports Medicine"],
        21,
        [
            ("X-rays lumbar spine", U),
            ("X-rays of right hip", U),
            ("Acupuncture 12 sessions", U),
            ("Functional capacity evaluation (FCE)", U),
        ],
        ("Dicopanol (unknown quantity)", U),
    ),
}
DATE_KEYS = ("assigned", "injury", "decision", "ur_decision", "application_received")


@pytest.fixture(scope="module")
def parsed():
    return {number: parse_text(corpus_text(number)) for number in [*LETTERS, *LONG]}


def _check_common(letter, number, dates, age, sex, states, specialties):
    case = letter.case
    assert letter.layout == "fdl-2016"
    assert case["case_number"] == number
    assert {k: case["dates"][k] for k in DATE_KEYS} == dict(zip(DATE_KEYS, dates, strict=True))
    assert case["priority"] == "standard"
    assert (case["employee"]["age"], case["employee"]["sex"]) == (age, sex)
    assert case["reviewer"]["licensed_in"] == states
    assert case["reviewer"]["specialties"] == specialties
    assert schema_problems(case) == []


@pytest.mark.parametrize("number", sorted(LETTERS))
def test_each_hand_checked_letter_matches_field_by_field(parsed, number):
    dates, age, sex, states, specialties, items = LETTERS[number]
    letter = parsed[number]
    _check_common(letter, number, dates, age, sex, states, specialties)
    got = [(i["treatment"], i["decision"]) for i in letter.case["items"]]
    assert got == items
    assert all(i["rationale"] for i in letter.case["items"])
    assert letter.warnings == WARNINGS.get(number, ())


# The one warning a hand-checked letter gives: its misprinted specialty, read as the known one.
WARNINGS = {
    "CM16-0238035": (
        'reviewer specialty "Sports Medicinea" read as "Sports Medicine", the nearest known one',
    )
}


def test_a_misprinted_specialty_is_read_as_the_known_one_and_kept_as_printed(parsed):
    letter = parsed["CM16-0238035"]
    assert letter.printed == {"reviewer.specialties": ["Orthopedic Surgery", "Sports Medicinea"]}
    assert letter.confidence["reviewer.specialties"] == 0.8


def test_a_letter_of_twenty_one_items_keeps_them_all_in_order(parsed):
    dates, age, sex, states, specialties, count, first, last = LONG["CM16-0248698"]
    letter = parsed["CM16-0248698"]
    _check_common(letter, "CM16-0248698", dates, age, sex, states, specialties)
    got = [(i["treatment"], i["decision"]) for i in letter.case["items"]]
    assert len(got) == count
    assert got[: len(first)] == first
    assert got[-1] == last
