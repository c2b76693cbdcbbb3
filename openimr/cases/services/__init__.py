"""Writes to cases, one module per sub-domain; import from here."""

from openimr.cases.services.administrators import (
    Registered,
    administrator_contact_set,
    administrator_register,
    cases_link_administrators,
)
from openimr.cases.services.authorization import (
    AuthorizationResult,
    case_authorization_report,
)
from openimr.cases.services.case_import import (
    case_add_reviewer_qualifications,
    case_claim_number_set,
    case_import,
    case_import_many,
    case_mark_issued,
)
from openimr.cases.services.flow import (
    application_override,
    case_assign,
    case_begin_review,
    case_close,
    case_convert_expedited,
    case_records_complete,
    case_submit_decision,
    cases_assign,
    cases_begin_review,
    cases_records_complete,
    cases_submit_decision,
)
from openimr.cases.services.information import (
    case_information_received,
    case_information_request,
    case_information_served,
    case_notice_mailed,
    information_parties,
)
from openimr.cases.services.intake import (
    Filing,
    Submitted,
    application_submit,
    applications_receive,
    ur_decision_read,
)
from openimr.cases.services.lifecycle import case_transition
from openimr.cases.services.notices import (
    case_noarfi_served,
    notice_issue,
    notice_stored_letter,
)

__all__ = [
    "AuthorizationResult",
    "Filing",
    "Registered",
    "Submitted",
    "administrator_contact_set",
    "administrator_register",
    "application_override",
    "application_submit",
    "applications_receive",
    "case_add_reviewer_qualifications",
    "case_assign",
    "case_authorization_report",
    "case_begin_review",
    "case_claim_number_set",
    "case_close",
    "case_convert_expedited",
    "case_import",
    "case_import_many",
    "case_information_received",
    "case_information_request",
    "case_information_served",
    "case_mark_issued",
    "case_noarfi_served",
    "case_notice_mailed",
    "case_records_complete",
    "case_submit_decision",
    "case_transition",
    "cases_assign",
    "cases_begin_review",
    "cases_link_administrators",
    "cases_records_complete",
    "cases_submit_decision",
    "information_parties",
    "notice_issue",
    "notice_stored_letter",
    "ur_decision_read",
]
