"""Names and numbers the session 22 hunt found after the words a form or a letter heads them
with: a witness, an emergency contact, an interpreter, a supervisor starting a line, "Spouse's
name:", "accompanied by", a letter's "RE:" and "Dear ...,", a clinician's license, NPI or DEA
number, and an age over 89 in words. The people around the worker are identifiers (45 CFR
164.514(b)(2)(i)(A)), a license number is one ((K)) and names the reviewer or the physician
(LC 4610.6(f)), and ages over 89 are one category ((C)). The same words heading no name stay:
"Witness statements", "Interpreter: Spanish", "Dear Applicant:", "ninety-two visits"."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Witness: Jane Smith", f"Witness: {R}"),
        ("Emergency contact: Maria Tran (sister).", f"Emergency contact: {R} (sister)."),
        ("Spouse's name: Jose Tran", f"Spouse's name: {R}"),
        ("Supervisor Jane Smith stated she fell.", f"Supervisor {R} stated she fell."),
        (
            "She was interviewed via interpreter Maria Garcia.",
            f"She was interviewed via interpreter {R}.",
        ),
        ("She was accompanied by Jose Tran (husband).", f"She was accompanied by {R} (husband)."),
        ("License # A12345; CA license G12345.", f"License # {R}; CA license {R}."),
        ("NPI 1234567890; DEA # AB1234567", f"NPI {R}; DEA # {R}"),
        ("She is a ninety-two year old widow.", "She is a ninety year old widow."),
        ("One hundred years old, she lives alone.", "Ninety years old, she lives alone."),
        ("RE: Maria Garcia", f"RE: {R}"),
        ("Re: Jane Smith v. Acme Trucking", f"Re: {R} v. Acme Trucking"),
        ("Dear Maria,", f"Dear {R},"),
    ],
)
def test_a_name_or_number_so_headed_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Witness statements were reviewed. Witness: None. The witness, Board Certified, agreed.",
        "Emergency contact: Not Listed. Her emergency contact is on file.",
        "Spanish interpreter services were used. Interpreter: Spanish.",
        "Supervisor Notes were reviewed. Supervisor Report of Injury was filed.",
        "Foreman Safety Training was done. Supervisor Modified Duty Coordinator approved it.",
        "She was accompanied by Physical Therapy staff. She was brought by Ambulance Services.",
        "She was licensed in California; the License Board reviewed it. State(s) of Licensure: Texas.",
        "The DEA Schedule II drugs; the NPI Registry; NPI lookup was done.",
        "Ninety percent relief; ninety-two visits; a hundred yards; ninety days.",
        "RE: Utilization Review Decision. Re: Lumbar MRI.",
        "Dear Sir or Madam:",
        "Dear Colleague,",
        "Dear Applicant:",
        "Dear Reviewer,",
        "The patient's name is on file. Her name: pending.",
    ],
)
def test_the_same_heading_words_before_no_name_stay(text):
    assert published(text) == text
