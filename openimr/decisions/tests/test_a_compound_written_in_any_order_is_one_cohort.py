"""A compound's ingredients written in another order are the same compound: it was keyed by
its first two ingredients as written, so "Lidocaine/Flurbiprofen/Baclofen cream" (key
flurbiprofen and lidocaine) and "Flurbiprofen/Baclofen/Lidocaine cream" (baclofen and
flurbiprofen) were two cohorts. A drug of one ingredient is still keyed by its words in
order ("Tramadol extended release")."""

import pytest

from openimr.decisions.domain.precedent_words import NOISE
from openimr.decisions.domain.treatment_words import key_words
from openimr.decisions.precedents import precedents_for_case, treatment_of
from openimr.decisions.tests.public_factories import item, make_decision

DRUG = "pharmaceuticals"
ORDERS = [
    "Flurbiprofen/Baclofen/Lidocaine cream 180gm",
    "Lidocaine/Flurbiprofen/Baclofen cream",
    "Baclofen 5%, Lidocaine 4%, Flurbiprofen 20% in cream base",
    "Lidocaine 4%/Baclofen 5%/Flurbiprofen 20% 240gm",
]


@pytest.mark.parametrize("other", ORDERS[1:])
def test_a_compound_in_another_order_is_the_same_cohort(other):
    assert treatment_of(other, DRUG) == treatment_of(ORDERS[0], DRUG)


def test_a_compound_is_keyed_by_its_first_ingredients_in_alphabetical_order():
    assert key_words(ORDERS[1], DRUG, drop=NOISE, limit=2) == ["baclofen", "flurbiprofen"]


def test_other_compounds_and_single_drugs_stay_apart():
    assert treatment_of("Gabapentin/Lidocaine/Flurbiprofen cream", DRUG) != treatment_of(
        ORDERS[0], DRUG
    )
    assert key_words("Tramadol extended release 100mg", DRUG, drop=NOISE, limit=2) == [
        "extended",
        "tramadol",
    ]
    assert key_words("APAP/Hydrocodone 325/10mg", DRUG, drop=NOISE, limit=2) == key_words(
        "Norco 10/325", DRUG, drop=NOISE, limit=2
    )


@pytest.mark.django_db
def test_each_order_of_a_compound_is_shown_the_same_letters_on_both_databases():
    letters = {make_decision(items=[item(w, category=DRUG)]).case_number for w in ORDERS}
    make_decision(items=[item("Baclofen 10mg #60", category=DRUG)])  # taken, no cream

    for wording in ORDERS:
        case = {"case_number": "CM26-0000001", "items": [{"treatment": wording, "category": DRUG}]}
        [found] = precedents_for_case(case)
        shown = {p.case_number for p in found.decisions if p.match != "similar text"}
        assert (found.cohort_size, shown) == (4, letters), wording
