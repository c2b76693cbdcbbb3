from typing import Any

from django import template

from openimr.cases.domain.deadlines import DEADLINE_LABELS, STATUS_LABELS

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


@register.filter
def status_label(status: str) -> str:
    """A deadline status as staff read it ("at_risk": "Due within 2 days")."""
    return STATUS_LABELS.get(status, status)


@register.filter
def in_words(code: str) -> str:
    """A stored code as a person reads it: "progress_note" is "Progress note"."""
    return str(code).replace("_", " ").capitalize()
