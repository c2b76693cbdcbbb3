"""A known organization's first word with a business's word reads as that party only when
the word is of the organization's kind or a legal form: "Sunrise Acres" shortens the
employer "Sunrise Valley Farms, Inc." (45 CFR 164.514(b)(2)(i)(A)), where "Sunrise Bakery"
or "Harbor Motel" is another business, which named no party and lost its name as one
(found in session 24)."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import KnownName, name_index
from openimr.decisions.domain.known_shapes import replace_organization_heads, same_kind


@pytest.mark.parametrize(
    "text",
    [
        "She buys bread at Sunrise Bakery; they ate at Sunrise Cafe.",
        "She shops at Sunrise Market on weekends.",
        "He stayed at Harbor Motel after the fall.",
        "She rode in a Sunrise Trucking van to the clinic.",
    ],
)
def test_another_business_sharing_a_known_organizations_first_word_keeps_its_name(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She picks grapes at Sunrise Ranch.", "She picks grapes at the employer."),
        ("Sunrise Inc pays her wages.", "The employer pays her wages."),
        ("Harbor Services denied it.", "The claims administrator denied it."),
    ],
)
def test_a_shortening_of_the_organizations_kind_or_legal_form_reads_as_the_party(text, expected):
    assert published(text) == expected


def test_a_kind_word_shortens_only_an_organization_of_that_kind():
    farm = frozenset(("valley", "farms", "inc."))
    assert same_kind("acres", farm) and same_kind("llc", farm)
    assert not same_kind("bakery", farm) and not same_kind("motel", frozenset(("claims",)))
    index = name_index([KnownName("Acme Freight Lines", "employer", person=False)])
    text = "She loads at Acme Warehouse and eats at Acme Diner."
    assert replace_organization_heads(text, index) == (
        "She loads at the employer and eats at Acme Diner."
    )
