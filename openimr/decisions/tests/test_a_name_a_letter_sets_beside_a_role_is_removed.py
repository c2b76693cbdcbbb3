"""Names written beside a role in ways a letter's summary and its records write them, which
the rules did not read (found by probing in session 20): a therapist's credential after the
name ("Jane Smith, PT, DPT"), the people around the worker beyond the family ("her
translator, Ana Ruiz,", "her neighbor, Tom Reyes,", "her boyfriend, ..."), a role set after
the name ("Jane Smith, the claims adjuster, ...", "Jane Smith (adjuster)"), "signed by:"
and "submitted by", "referred to" a person, and a name stated as one ("her daughter's name
is Maria"). Each goes (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)); the text around it and
the same words that name no one stay (the audit set's kept text)."""

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
        ("Employee: Tran, Jose", f"Employee: {R}"),
        ("Prof. Smith reviewed the films.", f"{R} reviewed the films."),
        ("Professor Jane Smith agreed.", f"{R} agreed."),
        (
            "Sra. Castillo reported pain; Sr. Lopez drove her.",
            f"{R} reported pain; {R} drove her.",
        ),
        ("Drs Lee & Patel's notes were reviewed.", "The physicians' notes were reviewed."),
        ("PA Jane Smith saw her on 3/3/2016.", f"PA {R} saw her on 3/3/2016."),
        (
            "The PR-2 report by Jane Smith documented spasm.",
            f"The PR-2 report by {R} documented spasm.",
        ),
        (
            "Jane Smith, Claims Adjuster, denied the request.",
            f"{R}, Claims Adjuster, denied the request.",
        ),
        ("Signed: Jane Smith, Claims Examiner", f"Signed: {R}, Claims Examiner"),
        ("She works as a cashier for Valley Foods Market.", f"She works as a cashier for {R}."),
        ("She worked at Orchard Lane Grocers for 9 years.", f"She worked at {R} for 9 years."),
        ("Her husband, CARLOS MENDEZ, drives her.", f"Her husband, {R}, drives her."),
        ("cc: JANE SMITH, TOM REYES", f"cc: {R}, {R}"),
        (
            "A peer-to-peer discussion with Jane Smith was held on 3/3/2016.",
            f"A peer-to-peer discussion with {R} was held on 3/3/2016.",
        ),
        ("I spoke with Jane Smith from the office.", f"I spoke with {R} from the office."),
        ("The case was discussed with Tom Reyes today.", f"The case was discussed with {R} today."),
    ],
)
def test_a_name_beside_a_role_is_removed(text, expected):
    assert published(text) == expected


# The same words naming no one ("Norco, Lyrica, PT and TENS", "In Summary, the physician
# noted", "The patient, Hispanic Female, 45", ...) are the audit set's kept text
# (bench/deid_audit_kept.py), which test_an_audit_set_of_names_and_identifiers_is_removed.py
# holds unchanged through the same publishing.
