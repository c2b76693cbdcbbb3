"""An item naming a procedure and, after "with", a consult given with it is the procedure:
"Lumbar epidural steroid injection with pain interventionist consult" had been read as an
evaluation (for its "consult") and left the epidural injection cohort, both as the case's
item (its panel asked for the evaluations) and as a published letter's (the injections'
cohort left it out). A consultation named before "with" is still one."""

import pytest

from openimr.decisions.domain.treatment_words import EVALUATIONS, evaluated, kinds_of
from openimr.decisions.precedents import precedents_for_case, treatment_of
from openimr.decisions.tests.public_factories import item, make_decision

INJECTION = "injections"
WITH_CONSULT = "Lumbar epidural steroid injection with pain interventionist consult"


@pytest.mark.parametrize(
    ("treatment", "is_evaluation"),
    [
        (WITH_CONSULT, False),
        ("Lumbar epidural steroid injection WITH pain management evaluation", False),
        ("Consultation with a pain management specialist", True),
        ("Pain management consultation with follow up", True),
        ("Pain management consult", True),
        ("Lumbar epidural steroid injection", False),
    ],
)
def test_only_the_words_before_with_say_whether_an_item_is_an_evaluation(treatment, is_evaluation):
    assert ((EVALUATIONS, is_evaluation),) == kinds_of(treatment, INJECTION)


def test_the_words_before_the_first_with_are_read():
    assert evaluated("Consult with pain management with x-rays") == "Consult"
    assert evaluated("L5-S1 ESI") == "L5-S1 ESI"


def test_a_procedure_with_a_consult_keys_as_the_procedure():
    assert treatment_of(WITH_CONSULT, INJECTION) == treatment_of(
        "Lumbar epidural steroid injection", INJECTION
    )
    assert treatment_of(WITH_CONSULT, INJECTION) != treatment_of(
        "Pain interventionist consult for lumbar epidural steroid injection", INJECTION
    )


def _case(treatment: str) -> dict:
    return {
        "case_number": "CM26-0000001",
        "items": [{"treatment": treatment, "category": INJECTION}],
    }


def _cohort(treatment: str) -> tuple[int, set[str]]:
    [found] = precedents_for_case(_case(treatment))
    return found.cohort_size, {p.case_number for p in found.decisions if p.match != "similar text"}


def _letter(treatment: str) -> str:
    return make_decision(items=[item(treatment, category=INJECTION)]).case_number


@pytest.mark.django_db
def test_the_injection_cohort_holds_the_injection_given_with_a_consult_on_both_databases():
    injections = {
        _letter(WITH_CONSULT),
        _letter("Lumbar epidural steroid injection L4-L5"),
        _letter("Transforaminal epidural steroid injection, lumbar, with consult"),
    }
    consultations = {
        _letter("Consultation with pain management for lumbar epidural steroid injection"),
        _letter("Lumbar epidural steroid injection evaluation"),
    }

    assert _cohort("Lumbar epidural steroid injection") == (3, injections)
    assert _cohort(WITH_CONSULT) == (3, injections)
    assert _cohort("Lumbar epidural steroid injection consultation") == (2, consultations)
