"""Identifiers written in the shapes a summary or a form also uses, found by the session 22
hunt (bench/deid_audit_set.py): an SSN masked to its last four ("xxx-xx-1234",
"***-**-1234", "SS# ..."), a date of birth with its day in words or as "the 3rd of March
1970" (which left "of March 1970" behind), a local number of seven digits after a phone
label, an e-mail address with an apostrophe, a patient's ID, the city after a street
address, and an Appeals Board number after "WCAB case" (which left "ADJ"). Each is one of
HIPAA Safe Harbor's identifiers (45 CFR 164.514(b)(2)(i)(B), (C), (D), (F), (G), (H)). The
clinical text of the same shapes stays: doses, scores, counts, spinal levels, a year alone."""

import pytest

from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.identifiers import replace_identifiers

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SS# xxx-xx-1234 was on file.", f"SS# {R} was on file."),
        ("Social Security number ***-**-1234", f"Social Security number {R}"),
        ("SSN XXX-XX-1234 on the form.", f"SSN {R} on the form."),
        ("SSN ending 1234.", f"SSN ending {R}."),
        ("SSN ending with 1234.", f"SSN ending with {R}."),
        ("Her date of birth is the 3rd of March 1970.", f"Her date of birth is {R}."),
        ("Born on the third of March, 1970.", f"Born on {R}."),
        ("DOB: the twenty-first of June 1970", f"DOB: {R}"),
        ("Pager: 555-0106", f"Pager: {R}"),
        ("Her phone is 555-0107.", f"Her phone is {R}."),
        ("phone (559)5550105", f"phone {R}"),
        ("Email her at jane_o'neil@gmail.com.", f"Email her at {R}."),
        ("Patient ID: 8812345", f"Patient ID: {R}"),
        ("Chart #: A-778812", f"Chart #: {R}"),
        ("WCAB case ADJ9876543 is open.", f"WCAB case {R} is open."),
        (
            "The employer is at 3000 Industrial Pkwy, Bldg 2, Fresno, CA.",
            f"The employer is at {R}.",
        ),
        ("She lives at 1234 W. Shaw Ave., Apt 5, Fresno, CA 93711.", f"She lives at {R}."),
        ("Mail: 2200 E. Mineral King Ave., Visalia CA 93292", f"Mail: {R}"),
        ("PO Box 12, Visalia CA 93292", f"{R}, {R}"),
    ],
)
def test_an_identifier_of_such_a_shape_is_removed(text, expected):
    assert replace_identifiers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She was born in 1970 and injured in 2015.",
        "The 3rd of March visit documented 7/10 pain.",
        "Norco 10/325 #60, VAS 7/10, 2+ edema, L4-5 and L5-S1, x3 views.",
        "The claim 12 months later was accepted; claim #2 MRI was denied.",
        "Phone call on 3/3/2016 with the adjuster; 555 visits is no phone.",
        "Grip was 20 kg at position 2; the PHQ-9 was 14; ICD-10 M54.5; CPT 97110 x 4.",
        "The patient's chart was reviewed; the chart notes 12 visits.",
        "She was seen in Fresno, CA for 12 visits.",
        "Dosing was 1 tab q6h x 10 days; tel-health visit on 3/3/2016.",
    ],
)
def test_clinical_text_of_the_same_shapes_stays(text):
    assert replace_identifiers(text) == text
