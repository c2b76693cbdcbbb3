"""A clinic listed after another one the verb names ("seen at Santa Cruz Chiropractic and at
Wong Chiropractic", "treated by Valley Spine Center, and then at Lee Acupuncture") names its
clinician as the first one does: the person's words go, the clinic's words stay (LC
4610.6(f); 45 CFR 164.514(b)(2)(i)(A)). A list that ends with a place or a system stays
("and at Kaiser Permanente Medical Group")."""

import pytest

from openimr.decisions.domain.clinic_names import replace_names_in_clinics
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She was seen at Santa Cruz Chiropractic and at Wong Chiropractic.",
            f"She was seen at Santa Cruz Chiropractic and at {R} Chiropractic.",
        ),
        (
            "She was treated at Valley Spine Center, and then at Lee Acupuncture in May.",
            f"She was treated at Valley Spine Center, and then at {R} Acupuncture in May.",
        ),
        (
            "She was seen at Smith Chiropractic and at the Okafor Spine Institute.",
            f"She was seen at {R} Chiropractic and at the {R} Spine Institute.",
        ),
    ],
)
def test_a_person_named_in_a_clinic_listed_after_another_is_removed(text, expected):
    assert replace_names_in_clinics(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She was seen at Valley Chiropractic and at Kaiser Permanente Medical Group.",
        "She was seen at Fresno Community Hospital and at Stanford Pain Clinic.",
        "She was seen at Valley Chiropractic and at home did exercises.",
        "She was seen at Valley Chiropractic and Spine, and Norco was refilled.",
    ],
)
def test_a_clinic_named_after_a_place_listed_after_another_stays(text):
    assert replace_names_in_clinics(text) == text
