"""After "seen by", "evaluated by", "performed by" and the like, capitalized words that end
in an organization's head word ("Associates", "Group", "Clinic", "Program") or are a
specialty's ("Neuroradiology", "Functional", "Interventional") name a service, and stay,
where they were taken for a person's name; the people listed with them, and a name before
a service's words ("Ana Ruiz Physical Therapy"), still go (LC 4610.6(f); 45 CFR
164.514(b)(2)(i)(A))."""

import re

import pytest

from bench.deid_audit_kept import KEPT
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.names_after_verbs import replace_names_after_by

R = REDACTED


# The services after "by" are kept in the audit set's text that must not change (19 of its
# sentences, "seen by Kaiser Permanente Medical Group", "performed by Neurodiagnostic
# Associates", ...); this rule alone must leave each of them as it is too.
@pytest.mark.parametrize("text", [t for t in KEPT if re.search(r"\bby [A-Z]", t)])
def test_a_service_after_seen_by_stays(text):
    assert replace_names_after_by(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She was treated by Sports Chiropractic Group and then by Kwame Mensah.",
            f"She was treated by Sports Chiropractic Group and then by {R}.",
        ),
        (
            "She was seen by Urgent Care on 2/2/2016 and then by Anjali Venkataraman.",
            f"She was seen by Urgent Care on 2/2/2016 and then by {R}.",
        ),
        ("Signed by Robert J. Kim, M.D.", f"Signed by {R}, M.D."),
        ("She was seen by Ana Ruiz Physical Therapy.", f"She was seen by {R} Physical Therapy."),
        ("Evaluated by Lars-Erik Lindqvist and Maja Berg.", f"Evaluated by {R} and {R}."),
        (
            "She was seen by Ana Ruiz\nMedical records reviewed.",
            f"She was seen by {R}\nMedical records reviewed.",
        ),
    ],
)
def test_a_person_listed_after_a_service_or_then_by_is_removed(text, expected):
    assert replace_names_after_by(text) == expected
