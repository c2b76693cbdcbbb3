"""An accented letter reaches us in either Unicode form: "é" as one character (what most
keyboards send) or as "e" followed by a combining accent (what some systems export). The
two look the same on every page and notice, so screening and consolidation must treat them
as the same treatment and the same employee (8 CCR 9792.10.3(a)(2); 8 CCR 9792.10.4(a))."""

import unicodedata
from dataclasses import replace
from datetime import date

from openimr.cases.domain.application import (
    Application,
    RequestedTreatment,
    ServiceMethod,
    SignerRole,
)
from openimr.cases.domain.consolidation import consolidation_groups
from openimr.cases.domain.eligibility import (
    PriorReview,
    ReceivedApplication,
    ScreeningContext,
    screen,
)
from openimr.programs.loader import load_program

PROGRAM = load_program()
D = date.fromisoformat
TREATMENT = "Épidural stéroïde injection"


def _composed(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


APPLICATION = Application(
    claim_number="ADJ-1234567",
    employee_name=_composed("José Peña"),
    date_of_injury=D("2023-02-10"),
    ur_decision_date=D("2024-05-01"),
    ur_service_method=ServiceMethod.ELECTRONIC,
    received_on=D("2024-05-20"),
    treatments=(RequestedTreatment(_composed(TREATMENT), "Low back pain"),),
    requesting_physician_name="Dr. Ana Ruiz",
    ur_decision_attached=True,
    signed_by="José Peña",
    signer_role=SignerRole.EMPLOYEE,
)


def _codes(context: ScreeningContext) -> set[str]:
    return {r.code for r in screen(APPLICATION, context, PROGRAM).reasons}


def test_the_same_treatment_received_in_the_other_form_is_a_duplicate():
    earlier = ReceivedApplication(
        "CM24-0000007", "ADJ-1234567", D("2024-05-01"), (_decomposed(TREATMENT),), D("2024-05-10")
    )
    assert _codes(ScreeningContext(received=(earlier,))) == {"duplicate"}


def test_the_same_treatment_decided_in_the_other_form_is_already_decided():
    prior = PriorReview("ADJ-1234567", _decomposed(TREATMENT), D("2023-11-02"))
    assert _codes(ScreeningContext(prior_reviews=(prior,))) == {"already_decided"}


def test_the_employee_named_in_the_other_form_is_the_same_employee():
    other = replace(APPLICATION, employee_name=_decomposed("José Peña"))
    assert consolidation_groups([("CM24-1", APPLICATION), ("CM24-2", other)]) == [
        ("CM24-1", "CM24-2")
    ]
