"""A name nothing marks but what its person does, opening a sentence ("Sam Ortiz saw her",
"Tarn reported the request"), is an identifier (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A));
the words a letter opens such a sentence on stay ("She reported", "Exam noted", "Without
documented improvement", "Kaiser denied"). Left in session 24 (`LEFT` of
bench/deid_audit_set.py)."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.sentence_subjects import replace_sentence_subjects

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sam Ortiz saw her on 3/3/2016.", f"{R} saw her on 3/3/2016."),
        (
            "Tarn reported the request; Dr. Okonkwo agreed.",
            f"{R} reported the request; the treating physician agreed.",
        ),
        ("She improved. Ana Ruiz examined her.", f"She improved. {R} examined her."),
        ("Then she fell; Novak denied it.", f"Then she fell; {R} denied it."),
        ("Okonkwo noted spasm.", "The treating physician noted spasm."),
    ],
)
def test_a_name_opening_a_sentence_before_a_persons_act_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She reported pain. Exam noted spasm. Recently prescribed Norco.",
        "Without documented improvement, Testing noted nothing new.",
        "Kaiser denied it. Norco reported. Podiatrist noted. Physicians agreed.",
        "Guidelines recommended it. Records indicated it. Applicant reported.",
        "On 3/3/2016 the MRI noted a tear; UR denied it. MTUS recommended.",
    ],
)
def test_a_sentence_opened_by_a_pronoun_a_profession_or_a_letters_word_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Spasm noted. Edema noted on exam. Crepitus noted. Paresthesias reported.",
        "Tramadol denied. Massage requested x6. Omeprazole prescribed daily. Rest advised.",
        "Cyclobenzaprine recommended; Opioids prescribed; Surgery indicated; Clonus noted.",
    ],
)
def test_a_finding_or_a_treatment_before_a_verb_read_as_a_passive_stays(text):
    assert published(text) == text


def test_a_name_after_a_title_or_a_word_in_small_letters_is_not_this_rules():
    # A word of time is read through since session 26 ("; then Sam Ortiz saw her" goes);
    # another word in small letters is not.
    text = "Dr. Sam Ortiz saw her; so Sam Ortiz saw her."
    assert replace_sentence_subjects(text) == text
    assert replace_sentence_subjects("Lopez-Garcia noted it.", {"lopez"}) == (
        "Lopez-Garcia noted it."
    )
