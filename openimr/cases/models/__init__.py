from openimr.cases.models.administrator import ClaimsAdministrator
from openimr.cases.models.case import Case, CaseDocument, DisputedItem
from openimr.cases.models.intake import (
    Application,
    ApplicationTreatment,
    CaseNumberCounter,
    Notice,
)

__all__ = [
    "Application",
    "ApplicationTreatment",
    "Case",
    "CaseDocument",
    "CaseNumberCounter",
    "ClaimsAdministrator",
    "DisputedItem",
    "Notice",
]
