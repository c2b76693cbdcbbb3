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
