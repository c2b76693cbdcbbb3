"""Names a third session 22 hunt found: before a credential in parentheses ("Jane Doe
(PA-C) noted"), after "c/o", "Attn" without its colon and an e-mail's "From:", after "a
telephone call with" or "a conversation with", after a title a sentence starts with in lower
case ("Case manager Jane Smith's note"), and the companies after "insurer", "carrier",
"employed at" and "the claims administrator is". A published decision names no one who
treated the worker or handled the claim (LC 4610.6(f)), nor the worker's employer (Civil Code
56.10; 45 CFR 164.514(b)(2)(ii)). A service, a record or a state after the same words stays."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe (PA-C) noted spasm.", f"{R} (PA-C) noted spasm."),
        ("c/o Jane Smith", f"c/o {R}"),
        ("Attn Jane Smith", f"Attn {R}"),
        ("From: Jane Smith", f"From: {R}"),
        (
            "A telephone call with Jane Smith on 3/3/2016.",
            f"A telephone call with {R} on 3/3/2016.",
        ),
        (
            "A conversation with Tom Reyes was documented.",
            f"A conversation with {R} was documented.",
        ),
        ("Case manager Jane Smith's note was reviewed.", f"Case manager {R}'s note was reviewed."),
        ("The insurer, Zenith Insurance Company, denied it.", f"The insurer, {R}, denied it."),
        ("She is employed at Acme Trucking.", f"She is employed at {R}."),
        ("The claims administrator is Sedgwick CMS.", f"The claims administrator is {R} CMS."),
    ],
)
def test_a_name_so_marked_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Physical Therapy (PT) was approved. Home Health (RN) visits were denied.",
        "Norco (PA) pending. Occupational Therapy (OT) and Chiropractic (DC) were requested.",
        "A call with Physical Therapy was made. A conference call with the UR physician.",
        "A telephone conversation with Utilization Review was documented.",
        "Case manager notes were reviewed. Nurse practitioner visits were approved.",
        "The carrier denied the claim. The insurer, Board Certified, agreed.",
        "The claims administrator is Not Listed. The insurer was notified.",
        "She is employed at this time. She is employed with restrictions.",
        "From: Utilization Review. Attn Claims Department. c/o the employer.",
    ],
)
def test_a_service_a_record_or_a_state_after_the_same_words_stays(text):
    assert published(text) == text
