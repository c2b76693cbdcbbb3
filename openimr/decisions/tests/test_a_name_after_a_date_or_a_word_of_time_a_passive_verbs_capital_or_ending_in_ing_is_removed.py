"""A name nothing marks but what its person does is an identifier (LC 4610.6(f); 45 CFR
164.514(b)(2)(i)(A)) also where a date or a word of time opens the sentence before it ("On
3/3/2016 Sam Ortiz saw her", "Later, Tarn wrote"), where two name words stand before a verb a
note also writes as a passive and a capital follows it ("Ana Ruiz recommended PT"), and
where the surname ends as a verb's form does ("Fleming saw her"). A note's findings and
treatments written so stay ("On 3/3/2016 Spasm noted", "Lumbar Epidural requested L4-5",
"Imaging noted a tear"). Left in session 25 (`LEFT` of bench/deid_audit_set.py)."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.sentence_subjects import replace_sentence_subjects

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3/3/2016 Sam Ortiz saw her.", f"On 3/3/2016 {R} saw her."),
        ("On March 3, 2016, Novak denied it.", f"On March 3, 2016, {R} denied it."),
        ("She fell; in 2016 Tarn wrote to her.", f"She fell; in 2016 {R} wrote to her."),
        ("Later, Sam Ortiz saw her.", f"Later, {R} saw her."),
        ("Yesterday Ana Ruiz examined her.", f"Yesterday {R} examined her."),
        ("Later, on 3/3/2016, Sam Ortiz saw her.", f"Later, on 3/3/2016, {R} saw her."),
    ],
)
def test_a_name_after_a_date_or_a_word_of_time_opening_its_sentence_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She improved. Ana Ruiz recommended PT.", f"She improved. {R} recommended PT."),
        ("Ana Ruiz requested Norco.", f"{R} requested Norco."),
        # The known-name rule still writes the party's role.
        ("Rosalind Okonkwo recommended PT.", "The treating physician recommended PT."),
    ],
)
def test_two_name_words_before_a_passive_verb_and_a_capital_are_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fleming saw her on 3/3/2016.", f"{R} saw her on 3/3/2016."),
        ("Jennings stated the MRI was normal.", f"{R} stated the MRI was normal."),
        ("Amy Manning wrote the report. King saw her.", f"{R} wrote the report. {R} saw her."),
    ],
)
def test_a_surname_ending_in_ing_before_an_act_only_a_person_does_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 3/3/2016 Spasm noted; In 2016 MRI noted a tear. Later, Massage requested x6.",
        "Lumbar Epidural requested L4-5. Knee Brace requested MRI. Physical Therapy recommended PT.",
        "Imaging noted a tear. Testing stated nothing new. Nursing stated she fell.",
        "Findings indicated a tear; Reporting agreed with it; Billing wrote to her.",
        "Then Physical Therapy recommended PT; Subsequently, Kaiser denied it. The Court noted it.",
        "She was seen on 3/3/2016 Sam said.",
    ],
)
def test_a_notes_findings_treatments_and_departments_written_so_stay(text):
    assert published(text) == text


def test_one_name_word_before_a_passive_verb_and_a_capital_is_still_read_as_a_note():
    # "Rest advised PRN" writes a note's passive: one word is no person's act before a capital.
    assert replace_sentence_subjects("Tarn requested PT.") == "Tarn requested PT."
