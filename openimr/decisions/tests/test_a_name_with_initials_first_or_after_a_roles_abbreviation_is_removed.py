"""Names the session 22 hunt found surviving: initials before a surname after a role ("The
adjuster J. Smith denied", "the case manager, J. R. Smith,"), initials without their
periods after a title ("Dr. JR Smith" left "Smith"), a name right after a role's
abbreviation with no article before it ("the panel QME Hana Sato found", "NCM Wendy Liang
called"); and a possessive after a name read after a role stays ("The adjuster Jose Smith's
letter" lost its "'s"). No one who treated the worker or handled the claim is named (LC
4610.6(f); 45 CFR 164.514(b)(2)(i)(A)); the credentials, companies and records of the same
shape stay."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The adjuster J. Smith denied the request.", f"The adjuster {R} denied the request."),
        ("The case manager, J. R. Smith, called.", f"The case manager, {R}, called."),
        ("Patient: J. Smith", f"Patient: {R}"),
        ("Dr. JR Smith noted spasm.", "The physician noted spasm."),
        ("Dr. J R Smith noted spasm.", "The physician noted spasm."),
        (
            "The panel QME Hana Sato found her permanent and stationary.",
            f"The panel QME {R} found her permanent and stationary.",
        ),
        (
            "NCM Wendy Liang called. The NCM, Ana Ruiz, agreed.",
            f"NCM {R} called. The NCM, {R}, agreed.",
        ),
        (
            "The adjuster Jose Smith's letter was reviewed.",
            f"The adjuster {R}'s letter was reviewed.",
        ),
    ],
)
def test_a_name_so_written_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The provider, U.S. Healthworks, sent records.",
        "The physician, M.D. noted it; the reviewer, P.T. Notes were read.",
        "The QME Panel Request was filed. The PTP Progress Report of 3/3/2016.",
        "The AME Supplemental Report was reviewed. NCM Services were approved.",
        "Per PTP Kaiser Permanente, the MRI was ordered.",
    ],
)
def test_credentials_companies_and_records_of_the_same_shape_stay(text):
    assert published(text) == text
