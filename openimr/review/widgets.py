"""Select lists written in Python, markup for markup as Django's own widget templates write
them (django/forms/widgets/select.html, select_option.html, attrs.html).

Django renders every <option> through a template include: the guideline catalog's list of
some seventy entries, once per disputed item, was a fifth of the workspace page's time. The
options are the same; only the writing is cheaper. Every value is escaped by format_html."""

from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict[str, Any]) -> str:
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            out.append(format_html(" {}", name))
        else:
            out.append(format_html(' {}="{}"', name, str(value)))
    return "".join(out)


def _option(option: dict[str, Any]) -> str:
    return format_html(
        '<option value="{}"{}>{}</option>',
        str(option["value"]),
        mark_safe(_attrs(option["attrs"])),
        option["label"],
    )


class _Written:
    """Renders the widget's context (Django's own: optgroups, attrs) without templates."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]  # type: ignore[attr-defined]
        attributes = mark_safe(_attrs(widget["attrs"]))
        parts: list[str] = [format_html('<select name="{}"{}>', widget["name"], attributes)]
        for group_name, group_choices, _ in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in group_choices:
                parts.append("\n  " + _option(option) + "\n")
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        # Every part is format_html's (escaped) or a constant of markup.
        return mark_safe("".join(parts))


class Select(_Written, forms.Select):
    pass


class SelectMultiple(_Written, forms.SelectMultiple):
    pass
