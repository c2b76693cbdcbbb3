"""An employee's or physician's name typed again without its accents or capitals ("Ana
María" and "ana maria") on the same claim is the same person, so the applications may be
decided together (8 CCR 9792.10.4(a)); a different name is still a different person."""

from dataclasses import replace
from datetime import date

from openimr.cases.domain.application import Application, ServiceMethod
from openimr.cases.domain.consolidation import consolidation_groups

D = date.fromisoformat
FIRST = Application(
    claim_number="ADJ-1234567",
    employee_name="Ana María Núñez",
    date_of_injury=D("2023-02-10"),
    ur_decision_date=D("2024-05-01"),
    ur_service_method=ServiceMethod.ELECTRONIC,
    received_on=D("2024-05-20"),
    treatments=(),
    requesting_physician_name="Dr. Iñaki Ruíz",
)


def test_the_name_typed_without_accents_on_the_same_claim_is_grouped():
    again = replace(
        FIRST,
        employee_name="ana maria nunez",
        claim_number="adj 1234567",
        requesting_physician_name="DR. INAKI RUIZ",
    )
    assert consolidation_groups([("A", FIRST), ("B", again)]) == [("A", "B")]


def test_another_name_on_the_same_claim_is_not_grouped():
    other = replace(FIRST, employee_name="Ana Marín Núñez")
    assert consolidation_groups([("A", FIRST), ("B", other)]) == []
