from datetime import date
from typing import Any

from django import template

from openimr.cases.domain.deadline_status import (
    DEADLINE_LABELS,
    STATUS_LABELS,
    status_in_sentence,
)
from openimr.cases.domain.lifecycle import State

register = template.Library()


@register.filter
def make_list_of_fields(names: str, form: Any) -> list[Any]:
    """``"a b c"|make_list_of_fields:form`` → the bound fields a, b and c, in that order."""
    return [form[name] for name in names.split()]


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, "")


@register.filter
def clock_label(name: str) -> str:
    """A clock's name as staff read it ("noarfi_due": "Notice of Assignment")."""
    return DEADLINE_LABELS.get(name, name)


# How a notice was served, as a sentence says it ("served by e-mail"); the stored codes are
# those of ServiceMethod.
SERVICE_WORDS = {"electronic": "e-mail", "mail": "mail", "fax": "fax", "personal": "hand"}


@register.filter
def service_words(method: str) -> str:
    return SERVICE_WORDS.get(str(method), in_words(method).lower())


@register.filter
def status_label(status: str) -> str:
    """A deadline status as staff read it ("at_risk": "Due within 2 days")."""
    return STATUS_LABELS.get(status, status)


@register.filter
def status_mid_sentence(status: str) -> str:
    """The same inside a sentence ("due within 2 days"): the status page's next date."""
    return status_in_sentence(status)


@register.filter
def in_words(code: str) -> str:
    """A stored code as a person reads it: "progress_note" is "Progress note"."""
    return str(code).replace("_", " ").capitalize()


# The one table of what a case's audit event says to a clerk; the audit trail keeps the code
# (``openimr audit``, the trail export), which the timeline shows beside these words.
EVENT_WORDS = {
    "case.received": "Application received",
    "case.imported": "Case imported",
    "case.replaced": "Case replaced by a new import",
    "case.transition": "Moved",
    "case.notice": "Notice issued",
    "case.converted": "Converted to expedited review",
    "case.information_requested": "Information requested",
    "case.information_received": "Information received",
    "case.records_complete": "Records complete",
    "case.reviewer_needed": "Reviewer needed",
    "case.reviewer_assigned": "Reviewer assigned",
    "case.reviewer_attested": "Reviewer attested no conflict of interest",
    "case.reviewer_declined": "Reviewer declined: conflict of interest",
    "case.reviewer_withdrawn": "Reviewer withdrawn: no longer qualified",
    "case.reviewer_removed": "Reviewer withdrawn from the case by staff",
    "case.reviewer_work_set_aside": "The withdrawn reviewer's drafts set aside",
    "case.summary_saved": "Case summary saved",
    "case.item_saved": "Item decision saved",
    "case.items_authorized": "Items authorized by the claims administrator: no longer disputed",
}
NOTICE_WORDS = {
    "noarfi": "Notice of Assignment and Request for Information",
    "ineligible": "Notice of Ineligibility",
    "deferred": "Notice of Deferral",
    "converted": "Notice of Conversion to Expedited Review",
    "information_request": "Request for Information About Eligibility",
}
PARTY_WORDS = {"attorney": "Employee's attorney"}


@register.filter
def event_words(event: Any) -> str:
    """What an audit event of the case says, in words ("case.transition" from received to
    screening: "Moved from Received to Screening"); an unknown code in words."""
    action, detail = str(event.action), event.detail if isinstance(event.detail, dict) else {}
    if action == "case.transition" and detail.get("to"):
        return f"Moved from {_state_words(detail.get('from'))} to {_state_words(detail['to'])}"
    words = EVENT_WORDS.get(action) or in_words(action.split(".", 1)[-1])
    if detail.get("notice"):
        notice = str(detail["notice"])
        words += f": {NOTICE_WORDS.get(notice) or in_words(notice)}"
    if detail.get("mailed"):
        words += f", mailed {_us_date(str(detail['mailed']))}"
    if detail.get("party"):
        party = str(detail["party"])
        words += f" ({PARTY_WORDS.get(party) or in_words(party)})"
    return words


def _state_words(value: Any) -> str:
    try:
        return State(str(value)).label
    except ValueError:
        return in_words(str(value or "—"))


def _us_date(iso: str) -> str:
    """MM/DD/YYYY, as the pages' tables write a date; the stored text if it is not one."""
    try:
        return date.fromisoformat(iso).strftime("%m/%d/%Y")
    except ValueError:
        return iso
