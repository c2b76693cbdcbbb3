"""What session 24's deid24 left (docs/corpus.md, "Limits"), closed by deid24b: a name in
capitals after a role before a possessive in small letters ("the treating physician JOHN
SMITH's note"), an employer in small letters after "the" or a chain's two words ("works at
the acme warehouse", "works at home depot"), a known employer's first word with a
business's word ("Sunrise Acres" for "Sunrise Valley Farms, Inc.") and a nickname after a
known name ("Guadalupe, called Lupe,") are identifiers (45 CFR 164.514(b)(2)(i)(A), names
and employers; LC 4610.6(f)). Workplaces described, calls and other businesses stay."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED, KnownName, name_index
from openimr.decisions.domain.known_shapes import replace_nicknames, replace_organization_heads

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treating physician JOHN SMITH's note.", f"The treating physician {R}'s note."),
        ("The PTP JANE DOE's report.", f"The PTP {R}'s report."),
        ("The adjuster ALAN REYES\u2019s letter.", f"The adjuster {R}\u2019s letter."),
        ("The treating physician MRI's findings.", "The treating physician MRI's findings."),
    ],
)
def test_capitals_after_a_role_before_a_possessive_in_small_letters_are_a_name(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She works at the acme warehouse now.", f"She works at the {R} now."),
        ("He works at home depot as a cashier.", f"He works at {R} as a cashier."),
        ("He works at the home depot.", f"He works at the {R}."),
        ("She is employed by taco bell since 2010.", f"She is employed by {R} since 2010."),
    ],
)
def test_an_employer_in_small_letters_after_the_or_a_chains_two_words_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She works at the local market, at a warehouse, at home and at night.",
        "She works at home; he works at night.",
        "She works at the warehouse; he works at the main warehouse.",
        "He works at the corner store and she works at the family farm.",
    ],
)
def test_a_workplace_described_after_works_at_stays(text):
    assert published(text) == text


def test_a_known_employers_first_word_with_a_businesss_word_reads_as_the_employer():
    index = name_index([KnownName("Sunrise Valley Farms, Inc.", "employer", person=False)])
    text = "She picks at Sunrise Acres and at the Sunrise Orchards; seen at Sunrise Medical."
    assert replace_organization_heads(text, index) == (
        "She picks at the employer and at the employer; seen at Sunrise Medical."
    )
    assert published("She picks grapes at Sunrise Acres.") == "She picks grapes at the employer."


def test_an_organizations_article_or_an_ordinary_first_word_is_no_head():
    index = name_index(
        [
            KnownName("The Market Place", "employer", person=False),
            KnownName("Home Care Services", "employer", person=False),
        ]
    )
    text = "The Market was busy; she shops at Home Depot."
    assert replace_organization_heads(text, index) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Guadalupe, called Lupe, reported pain.",
            f"The injured worker, called {R}, reported pain.",
        ),
        ("Guadalupe (called Lupe) reported.", f"The injured worker (called {R}) reported."),
        ("Guadalupe goes by Lupe at work.", f"The injured worker goes by {R} at work."),
        ('Hernandez-Whitfield (aka "Lupe") agreed.', f'The injured worker (aka "{R}") agreed.'),
        (
            "Ms. Hernandez-Whitfield, known as Lupita, agreed.",
            f"The injured worker, known as {R}, agreed.",
        ),
    ],
)
def test_a_nickname_after_a_known_name_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Okonkwo called Tran on 3/3/2016.",  # a call, not a nickname
        "Okonkwo, called Monday, agreed.",  # an ordinary word
        "The nurse, called Lupe, agreed.",  # no known name before
        "Okonkwo, known as the expert, agreed.",
    ],
)
def test_a_call_an_ordinary_word_or_a_word_after_no_known_name_is_no_nickname(text):
    known = {"okonkwo", "guadalupe"}
    assert replace_nicknames(text, known) == text
