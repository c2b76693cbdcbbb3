"""Filling in an admin change form as a browser would send it back: every field of the
page's form and inline formsets with the value it shows, so that a test changes only what
it means to change."""

from typing import Any

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper


def _field_data(bound: forms.BoundField, name: str) -> dict[str, Any]:
    """The name(s) and value(s) the field's widget renders."""
    widget = bound.field.widget
    if isinstance(widget, RelatedFieldWidgetWrapper):  # the admin's "+" and edit links
        widget = widget.widget
    shown = widget.get_context(name, bound.value(), {})["widget"]
    if isinstance(widget, forms.MultiWidget):
        return {sub["name"]: sub["value"] or "" for sub in shown["subwidgets"]}
    if isinstance(widget, forms.CheckboxInput):
        return {name: "on"} if shown["attrs"].get("checked") else {}
    value = shown["value"]
    if isinstance(widget, forms.SelectMultiple):
        return {name: list(value)}
    if isinstance(value, list):
        value = value[0] if value else ""
    return {name: "" if value is None else value}


def shown_form_data(response: Any) -> dict[str, Any]:
    """What the change page's submit would post, unchanged."""
    pages_forms: list[forms.BaseForm] = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        pages_forms += [inline.formset.management_form, *inline.formset.forms]
    data: dict[str, Any] = {}
    for form in pages_forms:
        for bound in form:
            if bound.field.disabled:
                continue
            data.update(_field_data(bound, bound.html_name))
            # A field with a callable default sends its first value back hidden, to
            # tell a change from the default.
            if bound.field.show_hidden_initial:
                data.update(_field_data(bound, bound.html_initial_name))
    return data
