"""A clinic's first word that is both a place (or a business's word) and a surname is read by
the case's names (clinic_names.py): "Washington Orthopedics" names Dr. Washington's practice
in a case that names him, and Washington (a place) in one that names no Washington. And a
person's words run on past a place word the case names as a person's: "the Carson Lee
Medical Group" of a case naming a Dr. Carson left "Lee" (a clinic named after a person
names who treated the worker: LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)). A known name after
"the" reads without a second article ("the the treating physician" before)."""

import pytest

from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


def published(text: str, physician: str) -> str:
    doc = {"requesting_physician": {"name": physician}, "clinical_summary": text}
    return deidentify_document(doc)["clinical_summary"]


@pytest.mark.parametrize(
    ("physician", "text", "expected"),
    [
        (
            "Kit Carson, MD",
            "She was seen at the Carson Lee Medical Group.",
            f"She was seen at the {R} Medical Group.",
        ),
        (
            "Ana Meridian, MD",
            "She was treated at Meridian Oduya Chiropractic.",
            f"She was treated at {R} Chiropractic.",
        ),
        (
            "George Washington, MD",
            "She was seen at Washington Orthopedics.",
            "She was seen at the treating physician Orthopedics.",
        ),
        (
            "George Washington, MD",
            "The Washington Orthopedics report of 3/3/2016.",
            "The treating physician Orthopedics report of 3/3/2016.",
        ),
        (
            "Ana Hamilton, MD",
            "She was seen at Hamilton Nguyen Spine Center.",
            f"She was seen at {R} Spine Center.",
        ),
    ],
)
def test_a_place_word_the_case_names_as_a_person_starts_a_persons_clinic(physician, text, expected):
    assert published(text, physician) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She was seen at Washington Hospital in Fremont.",
        "She was seen at Lincoln Orthopedics and at Corona Spine Center.",
        "She was seen at the Carson Medical Group.",
        "She was treated at Meridian Chiropractic.",
        "She was seen at Santa Cruz Chiropractic.",
    ],
)
def test_a_place_word_the_case_names_no_one_by_stays(text):
    assert published(text, "Tom Reyes, MD") == text


def test_a_surname_the_case_does_not_state_still_goes_from_a_clinics_name():
    text = "She was seen at Nguyen Acupuncture and at Okafor Spine Institute."
    expected = f"She was seen at {R} Acupuncture and at {R} Spine Institute."
    assert published(text, "Tom Reyes, MD") == expected
