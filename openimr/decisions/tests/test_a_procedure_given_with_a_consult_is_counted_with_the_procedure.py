"""An item naming a procedure and, after "with", a consult given with it is the procedure:
"Lumbar epidural steroid injection with pain interventionist consult" had been read as an
evaluation (for its "consult") and left the epidural injection cohort, both as the case's
item (its panel asked for the evaluations) and as a published letter's (the injections'
cohort left it out). A consultation named before "with" is still one.

And after "and" (session 23): "ESI and pain management consult" had been read as an
evaluation keyed by "ESI" and "pain", so its panel counted neither the epidural injections
nor the pain management consultations, and a published letter's such item left the
injections' cohort. The procedure's words key it. An item whose words before "and" name the
evaluation is still one ("Pain management evaluation and treatment"), and so is one whose
procedure follows its consult ("Pain management consult and ESI": only the words before the
first "with" or "and" say whether an item is an evaluation)."""

import pytest

from openimr.decisions.domain.treatment_words import EVALUATIONS, evaluated, kinds_of, procedure
from openimr.decisions.precedents import treatment_of
from openimr.decisions.tests.public_factories import cohort_listed, item, make_decision

INJECTION = "injections"
WITH_CONSULT = "Lumbar epidural steroid injection with pain interventionist consult"
AND_CONSULT = "ESI and pain management consult"


@pytest.mark.parametrize(
    ("treatment", "is_evaluation"),
    [
        (WITH_CONSULT, False),
        ("Lumbar epidural steroid injection WITH pain management evaluation", False),
        ("Consultation with a pain management specialist", True),
        ("Pain management consultation with follow up", True),
        ("Pain management consult", True),
        ("Lumbar epidural steroid injection", False),
        (AND_CONSULT, False),
        ("Lumbar epidural steroid injection and pain management evaluation", False),
        ("Pain management evaluation and treatment", True),
        ("Pain management consult and ESI", True),
    ],
)
def test_only_the_words_before_with_or_and_say_whether_an_item_is_an_evaluation(
    treatment, is_evaluation
):
    assert ((EVALUATIONS, is_evaluation),) == kinds_of(treatment, INJECTION)


def test_the_words_before_the_first_with_or_and_are_read():
    assert evaluated("Consult with pain management with x-rays") == "Consult"
    assert evaluated("L5-S1 ESI") == "L5-S1 ESI"
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


def test_a_procedure_with_or_and_a_consult_keys_as_the_procedure():
    assert treatment_of(WITH_CONSULT, INJECTION) == treatment_of(
        "Lumbar epidural steroid injection", INJECTION
    )
    assert treatment_of(WITH_CONSULT, INJECTION) != treatment_of(
        "Pain interventionist consult for lumbar epidural steroid injection", INJECTION
    )
    assert treatment_of(AND_CONSULT, INJECTION) == treatment_of(
        "Epidural steroid injection", INJECTION
    )
    assert treatment_of("Acupuncture and pain management consult", "acupuncture") == treatment_of(
        "Acupuncture", "acupuncture"
    )


def _letter(treatment: str) -> str:
    return make_decision(items=[item(treatment, category=INJECTION)]).case_number


@pytest.mark.django_db
def test_the_injection_cohort_holds_the_injection_given_with_a_consult_on_both_databases():
    injections = {
        _letter(WITH_CONSULT),
        _letter("Lumbar epidural steroid injection L4-L5"),
        _letter("Transforaminal epidural steroid injection, lumbar, with consult"),
        _letter("L5-S1 ESI and pain management consultation"),
    }
    consultations = {
        _letter("Consultation with pain management for lumbar epidural steroid injection"),
        _letter("Lumbar epidural steroid injection evaluation"),
        _letter("Pain management consultation and lumbar ESI"),
    }
    make_decision(items=[item("Pain management evaluation and treatment", category=INJECTION)])

    assert cohort_listed("Lumbar epidural steroid injection", INJECTION) == (4, injections)
    assert cohort_listed(WITH_CONSULT, INJECTION) == (4, injections)
    assert cohort_listed("L4-5 ESI and pain management consult", INJECTION) == (4, injections)
    assert cohort_listed("Lumbar epidural steroid injection consultation", INJECTION) == (
        3,
        consultations,
    )
