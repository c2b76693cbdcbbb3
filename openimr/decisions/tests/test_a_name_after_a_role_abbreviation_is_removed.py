"""A clinician's role written as its abbreviation, after "the" or a possessive, marks the
name set off after it as the role in words does: "The PT, Jane Smith, documented gains",
"her NP, Lee, refilled the Norco", "the PA-C, Amanda Choi, saw her" (LC 4610.6(f); 45 CFR
164.514(b)(2)(i)(A)). What a list of treatments writes after the same abbreviation ("the
PT, Norco, and Lyrica", "the PT, Terocin Lotion and TENS") stays: one word is a name only
when the sentence goes on after it as after a name, not with "and", "or" or another item."""

import pytest

from openimr.decisions.domain.credentialed_names import replace_credentialed_names
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The PT, Jane Smith, documented gains.", f"The PT, {R}, documented gains."),
        ("The PT, Smith, documented gains.", f"The PT, {R}, documented gains."),
        ("the NP, Jane Smith, refilled Norco.", f"the NP, {R}, refilled Norco."),
        ("The PA-C, Amanda Choi, saw her.", f"The PA-C, {R}, saw her."),
        ("Her OT, Lucia Ferreira, noted improvement.", f"Her OT, {R}, noted improvement."),
        ("The RN, Ana Ruiz, changed the dressing.", f"The RN, {R}, changed the dressing."),
        ("His DC, Tom Reyes DC, adjusted the spine.", f"His DC, {R} DC, adjusted the spine."),
        ("The patient's PT, Łukasz Nowak, noted it.", f"The patient's PT, {R}, noted it."),
        ("Per the PTP, Sato, the MRI was normal.", f"Per the PTP, {R}, the MRI was normal."),
        ("The QME, Okafor, found her permanent.", f"The QME, {R}, found her permanent."),
        ("The PT Jane Smith documented gains.", f"The PT {R} documented gains."),
        ("The PT, Jane Smith documented gains.", f"The PT, {R} documented gains."),
        ("The P.T., Jane Smith, documented gains.", f"The P.T., {R}, documented gains."),
        ("The N.P., Smith, refilled the Norco.", f"The N.P., {R}, refilled the Norco."),
        ("Jane Smith, N.P., refilled the Norco.", f"{R}, N.P., refilled the Norco."),
    ],
)
def test_a_name_after_a_role_abbreviation_is_removed(text, expected):
    assert replace_credentialed_names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "PT, OT, and chiropractic care were requested.",
        "Requested: PT, Massage Therapy and Acupuncture.",
        "The PT, Home Exercise Program and TENS were continued.",
        "The PT, Aquatic Therapy and Acupuncture were denied.",
        "The request for the PT, Norco, and Lyrica was denied.",
        "The PT, Norco, Lyrica and TENS were denied.",
        "The PT, Terocin Lotion, and Norco were not supported.",
        "The PT, Acupuncture, and Chiropractic were modified.",
        "Her PT, 12 sessions, was completed in March.",
        "The PT Initial Evaluation and the PT Progress Notes were reviewed.",
        "The MD, Board Certified in Orthopedic Surgery, requested it.",
        "Norco, P.T. and O.T. were requested; Lyrica, P.A. pending.",
    ],
)
def test_a_list_after_a_role_abbreviation_stays(text):
    assert replace_credentialed_names(text) == text
