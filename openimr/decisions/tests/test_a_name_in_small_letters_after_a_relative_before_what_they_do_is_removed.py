"""Two words in small letters after a relative or a companion, before what the person does
("her friend maria lopez drove her"), are a name typed without capitals (45 CFR
164.514(b)(2)(i)(A)); words that join, place, time or describe stay ("her husband from work
drove", "her friend next door"). Left in session 24 (`LEFT` of bench/deid_audit_set.py)."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Her friend maria lopez drove her to the visit.",
            f"Her friend {R} drove her to the visit.",
        ),
        ("His wife ana ruiz helps at home.", f"His wife {R} helps at home."),
    ],
)
def test_a_name_in_small_letters_after_a_relative_before_an_act_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Her husband from work drove her; her friend next door drove her.",
        "Her husband full time works; her son usually helps.",
        "Her mother breast cancer treated; her friend and neighbor drove her.",
        "His wife home health visited; her sister kindly helped.",
    ],
)
def test_words_in_small_letters_that_describe_the_relative_stay(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her friend maria drove her to the visit.", f"Her friend {R} drove her to the visit."),
        ("Her husband jose drives her to therapy.", f"Her husband {R} drives her to therapy."),
    ],
)
def test_one_word_in_small_letters_after_a_relative_before_what_they_do_is_removed(text, expected):
    # Left in session 25: only two words were read.
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Her husband has helped her; her son once drove her; the interpreter present stated it.",
        "Her daughter sometimes helps; her husband still works; her boss never called.",
        "Her son himself drove her; her friend also drove her.",
    ],
)
def test_a_helping_verb_a_pronoun_or_an_adverb_after_a_relative_stays(text):
    assert published(text) == text
