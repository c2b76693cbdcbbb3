"""A clinic named with a business's word ("Zenith Chiropractic", "Omega Physical Therapy",
"Lakeside Spine Center"), a place of California ("Humboldt Orthopedics", "Pacific Coast
Orthopedics", "Golden State Physical Therapy") names no one and stays whole; a clinic named
after a person still loses the person's words ("Smith Chiropractic" → "[redacted]
Chiropractic", LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)): a surname and a business's word
have the same shape, and the rule reads a word outside its lists as a person's. A business's
word that is a name the case states goes as the case's names do ("Summit", the physician's
surname, reads as "the treating physician")."""

import pytest

from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.domain.clinic_names import replace_names_in_clinics
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    "text",
    [
        "She was seen at Zenith Chiropractic on 3/3/2016.",
        "She was seen at Pacific Coast Orthopedics on 3/3/2016.",
        "She was treated at Golden State Physical Therapy for 12 visits.",
        "She was seen at Omega Physical Therapy and at Cornerstone Spine Center.",
        "She was seen at Lakeside Spine Center and at Bayview Physical Therapy.",
        "She was evaluated at Humboldt Orthopedics, then at Contra Costa Pain Institute.",
        "The MRI was performed at Keystone Imaging Center on 1/5/2016.",
        "She was referred to Hillcrest Acupuncture for 6 sessions.",
        "She was treated at Evergreen Chiropractic and at Northgate Physical Therapy.",
        "She was seen at Tri-Valley Orthopedics and at Foothill Spine Center.",
    ],
)
def test_a_clinic_named_with_a_business_word_or_a_place_stays(text):
    assert replace_names_in_clinics(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She was seen at Omega Chiropractic and at Nguyen Acupuncture.",
            f"She was seen at Omega Chiropractic and at {R} Acupuncture.",
        ),
        (
            "She was seen at Cornerstone Orthopedics, then at Okafor Spine Institute.",
            f"She was seen at Cornerstone Orthopedics, then at {R} Spine Institute.",
        ),
        (
            "She was seen at Smith Chiropractic on 3/3/2016.",
            f"She was seen at {R} Chiropractic on 3/3/2016.",
        ),
        (
            "She was treated at Eastwood Physical Therapy for 12 visits.",
            f"She was treated at {R} Physical Therapy for 12 visits.",
        ),
    ],
)
def test_a_clinic_named_after_a_person_beside_it_still_loses_the_name(text, expected):
    assert replace_names_in_clinics(text) == expected


def test_a_business_word_that_is_a_name_the_case_states_goes():
    doc = {
        "requesting_physician": {"name": "Dana Summit, DC"},
        "clinical_summary": "She was seen at Summit Chiropractic on 3/3/2016.",
    }
    out = deidentify_document(doc)["clinical_summary"]
    assert out == "She was seen at the treating physician Chiropractic on 3/3/2016."
