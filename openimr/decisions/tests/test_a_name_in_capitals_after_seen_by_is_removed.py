"""A name written in capitals after "seen by", "evaluated by", "referred to", "spoke with" and
the like ("seen by JANE SMITH") goes as the same name in mixed case does: read as a name after
a title in capitals is ("DR. JANE SMITH"), two words at least; a service in capitals ("seen
by UCLA", "seen by ER STAFF", "by SMITH GROUP") stays (LC 4610.6(f); 45 CFR
164.514(b)(2)(i)(A))."""

import pytest

from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.names_after_verbs import replace_names_after_by

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She was seen by JANE SMITH on 3/3/2016.", f"She was seen by {R} on 3/3/2016."),
        ("Evaluated by MARÍA JOSÉ GARCÍA, who noted spasm.", f"Evaluated by {R}, who noted spasm."),
        ("Seen by JANE SMITH and TOM REYES.", f"Seen by {R} and {R}."),
        ("Seen by Ana Ruiz and by TOM REYES.", f"Seen by {R} and by {R}."),
        ("She was referred to JANE SMITH for therapy.", f"She was referred to {R} for therapy."),
        ("The report was signed by J. SMITH-JONES.", f"The report was signed by {R}."),
    ],
)
def test_a_name_in_capitals_after_seen_by_is_removed(text, expected):
    assert replace_names_after_by(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She was seen by UCLA on 3/3/2016.",
        "She was seen by ER STAFF and released.",
        "She was treated by SMITH GROUP for two years.",
        "She was seen by PT and OT twice weekly.",
        "The MRI was read by QME AME panel.",
        "The request was denied by UR on 5/5/2016.",
        "SHE WAS SEEN BY JANE SMITH ON 3/3/2016.",
    ],
)
def test_a_service_or_an_acronym_in_capitals_after_seen_by_stays(text):
    assert replace_names_after_by(text) == text
