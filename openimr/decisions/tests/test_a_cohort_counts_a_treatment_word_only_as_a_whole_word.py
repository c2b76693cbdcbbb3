"""The cohort holds the items whose treatment names the item's key words as words: "TENS"
is not the middle of "extension" nor "intensive", "ice" not the end of "device". A plural
("TENS units", "injections") still counts. The count and the rate are checked against a
count made here, independently, over the items of a corpus built for it."""

import re

import pytest

from openimr.decisions.models import DecisionItem
from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


def _case(treatment: str, category: str) -> dict:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": ["M54.16 Radiculopathy, lumbar region"],
        "clinical_summary": "Low back pain after lifting.",
        "items": [{"treatment": treatment, "category": category}],
    }


def _counted_here(words: list[str], category: str) -> tuple[int, int]:
    """Decided items of ``category`` naming every word (or its plural), outcome by outcome."""
    patterns = [re.compile(rf"(?<![^\W\d_]){w}s?(?![^\W\d_])", re.IGNORECASE) for w in words]
    cohort = [
        i
        for i in DecisionItem.objects.filter(category=category).exclude(outcome="")
        if all(p.search(i.treatment) for p in patterns)
    ]
    return len(cohort), sum(i.outcome == "overturned" for i in cohort)


def test_tens_is_not_counted_inside_extension_or_intensive():
    make_decision(
        summary="TENS unit and a lumbar brace.",
        items=[
            item("TENS unit", category="dmepos"),
            item("Lumbar extension brace", category="dmepos"),
        ],
    )
    make_decision(
        summary="A TENS unit was tried.",
        items=[item("Intensive home exercise kit", category="dmepos", outcome="overturned")],
    )
    make_decision(summary="TENS.", items=[item("TENS units x2", category="dmepos")])
    found = precedents_for_case(_case("TENS unit", "dmepos"))[0]
    assert (found.cohort_size, found.overturned) == (2, 0)
    assert sorted(p.treatment for p in found.decisions if p.match != "similar text") == [
        "TENS unit",
        "TENS units x2",
    ]


def test_ice_is_not_counted_inside_device_nor_soma_inside_somatic():
    make_decision(
        summary="Ice and a device.",
        items=[item("Ice pack", category="dmepos"), item("Cold device", category="dmepos")],
    )
    make_decision(
        summary="Soma for spasm.",
        items=[
            item("Soma 350mg #30", category="pharmaceuticals", outcome="overturned"),
            item("Somatic nerve block drug", category="pharmaceuticals"),
        ],
    )
    assert precedents_for_case(_case("Ice", "dmepos"))[0].cohort_size == 1
    soma = precedents_for_case(_case("Soma 350 mg", "pharmaceuticals"))[0]
    assert (soma.cohort_size, soma.overturned) == (1, 1)


def test_the_cohort_and_its_rate_equal_a_count_made_independently():
    treatments = [
        ("TENS unit 30 day", "dmepos", "overturned"),
        ("TENS units", "dmepos", "upheld"),
        ("tens unit", "dmepos", "upheld"),
        ("Extension brace, TENS-compatible", "dmepos", "overturned"),
        ("Lumbar extension brace", "dmepos", "upheld"),
        ("Intensive TENS/EMS unit", "dmepos", "overturned"),
        ("TENS unit", "rehabilitation", "overturned"),
        ("Pretensioned belt", "dmepos", "upheld"),
    ]
    for n in range(24):
        treatment, category, outcome = treatments[n % len(treatments)]
        make_decision(
            summary="TENS was requested with a brace.",
            items=[item(treatment, category=category, outcome=outcome)],
        )
    found = precedents_for_case(_case("TENS unit", "dmepos"))[0]
    size, overturned = _counted_here(["tens"], "dmepos")
    assert (size, overturned) == (15, 9)  # five treatments three times; this count is right
    assert (found.cohort_size, found.overturned) == (size, overturned)
    assert found.rate is None  # 15 < 20: the size shown, no rate


def test_a_trial_period_is_no_part_of_the_treatment():
    make_decision(summary="TENS.", items=[item("TENS unit", category="dmepos")])
    make_decision(summary="TENS.", items=[item("TENS unit 1 month trial", category="dmepos")])
    found = precedents_for_case(_case("TENS unit 30 day trial", "dmepos"))[0]
    assert found.cohort_size == 2


def test_a_plural_in_the_item_counts_the_singular_too():
    make_decision(summary="Neck.", items=[item("Trigger point injection", category="injections")])
    make_decision(summary="Neck.", items=[item("Trigger point injections", category="injections")])
    make_decision(summary="TENS.", items=[item("TENS unit", category="dmepos")])
    make_decision(summary="TENS.", items=[item("Ten sessions of TEN", category="dmepos")])
    plural = precedents_for_case(_case("Injections, trigger point x3", "injections"))[0]
    assert plural.cohort_size == 2
    # Four letters are too few to be read as a plural: "tens" is not "ten".
    assert precedents_for_case(_case("TENS unit", "dmepos"))[0].cohort_size == 1
