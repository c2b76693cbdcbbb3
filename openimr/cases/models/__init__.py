from openimr.cases.models.administrator import ClaimsAdministrator
from openimr.cases.models.case import AuthorizedItem, Case, CaseDocument, DisputedItem
from openimr.cases.models.intake import (
    Application,
    ApplicationTreatment,
    CaseNumberCounter,
    Notice,
)
from openimr.cases.models.wording import NoticeWording, wording_key

__all__ = [
    "Application",
    "ApplicationTreatment",
    "AuthorizedItem",
    "Case",
    "CaseDocument",
    "CaseNumberCounter",
    "ClaimsAdministrator",
    "DisputedItem",
    "Notice",
    "NoticeWording",
    "wording_key",
]
