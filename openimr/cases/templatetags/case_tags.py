from typing import Any

from django import template

register = template.Library()


@register.filter
def make_list_of_fields(names: str, form: Any) -> list[Any]:
    """``"a b c"|make_list_of_fields:form`` → the bound fields a, b and c, in that order."""
    return [form[name] for name in names.split()]


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, "")
