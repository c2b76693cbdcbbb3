"""An item asking for a procedure "and" a consult is the procedure, as one asking for it
"with" a consult already was: "ESI and pain management consult" had been read as an
evaluation keyed by "ESI" and "pain", so its panel counted neither the epidural injections
nor the pain management consultations, and a published letter's such item left the
injections' cohort. An item whose words before "and" name the evaluation is still one
("Pain management evaluation and treatment"), and so is one whose procedure follows its
consult ("Pain management consult and ESI": only the words before the first "with" or
"and" say whether an item is an evaluation)."""

import pytest

from openimr.decisions.domain.treatment_words import EVALUATIONS, evaluated, kinds_of, procedure
from openimr.decisions.precedents import precedents_for_case, treatment_of
from openimr.decisions.tests.public_factories import item, make_decision

INJECTION = "injections"
AND_CONSULT = "ESI and pain management consult"


@pytest.mark.parametrize(
    ("treatment", "is_evaluation"),
    [
        (AND_CONSULT, False),
        ("Lumbar epidural steroid injection and pain management evaluation", False),
        ("Pain management evaluation and treatment", True),
        ("Pain management consult and ESI", True),
    ],
)
def test_only_the_words_before_and_say_whether_an_item_is_an_evaluation(treatment, is_evaluation):
    assert ((EVALUATIONS, is_evaluation),) == kinds_of(treatment, INJECTION)


def test_the_words_before_the_first_with_or_and_are_read():
    assert evaluated("ESI and consult with pain management") == "ESI"
    assert evaluated("Consult with pain management and ESI") == "Consult"


@pytest.mark.parametrize(
    ("treatment", "category", "named"),
    [
        (AND_CONSULT, INJECTION, "ESI"),
        ("Acupuncture with pain management consult", "acupuncture", "Acupuncture"),
        ("Pain management evaluation and treatment", INJECTION, None),
        ("Right knee arthroscopy with evaluation of ACL", "surgery", None),  # no evaluations
        ("MRI of the cervical and thoracic spine", "diagnostics", None),
    ],
)
def test_the_procedure_is_named_by_the_words_before_its_consult(treatment, category, named):
    assert procedure(treatment, category) == (named or treatment)


def test_a_procedure_and_a_consult_keys_as_the_procedure():
    assert treatment_of(AND_CONSULT, INJECTION) == treatment_of(
        "Epidural steroid injection", INJECTION
    )
    assert treatment_of("Acupuncture and pain management consult", "acupuncture") == treatment_of(
        "Acupuncture", "acupuncture"
    )


def _cohort(treatment: str) -> tuple[int, set[str]]:
    case = {
        "case_number": "CM26-0000001",
        "items": [{"treatment": treatment, "category": INJECTION}],
    }
    [found] = precedents_for_case(case)
    return found.cohort_size, {p.case_number for p in found.decisions if p.match != "similar text"}


def _letter(treatment: str) -> str:
    return make_decision(items=[item(treatment, category=INJECTION)]).case_number


@pytest.mark.django_db
def test_the_injection_cohort_holds_the_injection_asked_and_a_consult_on_both_databases():
    injections = {
        _letter(AND_CONSULT),
        _letter("Epidural steroid injection"),
        _letter("Transforaminal epidural steroid injection and pain management consultation"),
    }
    consultations = {
        _letter("Pain management consultation and treatment"),
        _letter("Pain management consult and ESI"),
    }

    assert _cohort("Epidural steroid injection") == (3, injections)
    assert _cohort(AND_CONSULT) == (3, injections)
    assert _cohort("Pain management consultation") == (2, consultations)
