"""Names written beside a role in ways a letter's summary and its records write them, which
the rules did not read (found by probing in session 20): a therapist's credential after the
name ("Jane Smith, PT, DPT"), the people around the worker beyond the family ("her
translator, Ana Ruiz,", "her neighbor, Tom Reyes,", "her boyfriend, ..."), a role set after
the name ("Jane Smith, the claims adjuster, ...", "Jane Smith (adjuster)"), "signed by:"
and "submitted by", "referred to" a person, and a name stated as one ("her daughter's name
is Maria"). Each goes (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)); the text around it and
the same words that name no one stay."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Per the report of Jane Smith, PT, DPT, the patient has improved.",
            f"Per the report of {R}, PT, DPT, the patient has improved.",
        ),
        (
            "Therapy notes by Lucia Ferreira, OT, were reviewed.",
            f"Therapy notes by {R}, OT, were reviewed.",
        ),
        ("Her translator, Ana Ruiz, was present.", f"Her translator, {R}, was present."),
        (
            "The patient's neighbor, Tom Reyes, witnessed the fall.",
            f"The patient's neighbor, {R}, witnessed the fall.",
        ),
        ("Her boyfriend, Tom Reyes, drives her.", f"Her boyfriend, {R}, drives her."),
        (
            "Her caregiver, Rosa Diaz, helps with bathing.",
            f"Her caregiver, {R}, helps with bathing.",
        ),
        ("Her nephew, Luis, interpreted.", f"Her nephew, {R}, interpreted."),
        (
            "According to Jane Smith, the claims adjuster, the claim was accepted.",
            f"According to {R}, the claims adjuster, the claim was accepted.",
        ),
        ("Tom Reyes, her attorney, objected.", f"{R}, her attorney, objected."),
        ("Jane Smith (adjuster) denied the request.", f"{R} (adjuster) denied the request."),
        ("Submitted by: Jane Smith", f"Submitted by: {R}"),
        (
            "The RFA was submitted by Jane Smith on 3/3/2016.",
            f"The RFA was submitted by {R} on 3/3/2016.",
        ),
        (
            "She was referred to John Smith for a pain management consultation.",
            f"She was referred to {R} for a pain management consultation.",
        ),
        ("Her daughter's name is Maria.", f"Her daughter's name is {R}."),
        ("The patient's husband's name is Carlos Mendez.", f"The patient's husband's name is {R}."),
        ("Patient Name: SMITH, JANE", f"Patient Name: {R}"),
    ],
)
def test_a_name_beside_a_role_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "PT, OT and chiropractic care were requested; Home Exercise, PT was advised.",
        "Norco, Lyrica, PT and TENS were denied.",
        "Her neighbor drives her; her translator was present.",
        "The Claims Adjuster, the UR physician and the IMR reviewer were notified.",
        "Lumbar Spine (adjuster accepted) was reviewed; Physical Therapy, the requested service, was denied.",
        "The request was submitted by Fax on 3/3/2016 and referred to Pain Management.",
        "The drug's name is not stated; its brand name is Norco.",
        "Patient Name: not provided",
    ],
)
def test_the_same_words_naming_no_one_stay(text):
    assert published(text) == text
