"""Where the keyboard lands when a form comes back with problems: on its first field at
fault (WCAG 2.1 SC 2.4.3 Focus Order and 3.3.1 Error Identification). A keyboard or
screen reader user starts at the first fix and hears the field's label, that it is
invalid and its error (Django writes aria-invalid and aria-describedby), instead of
starting again at the top of the page. Without script: the field is ``autofocus``."""

from typing import Any

from django import forms
from django.forms.boundfield import BoundField


def first_invalid(form: forms.BaseForm) -> str | None:
    """The first field, in the page's order, with an error; None when none has one."""
    if not form.is_bound:
        return None
    order = form.focus_order() if isinstance(form, FocusFirstError) else list(form.fields)
    return next((name for name in order if name in form.errors), None)


class _FocusingBoundField(BoundField):
    def build_widget_attrs(self, attrs: Any, widget: Any = None) -> Any:
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors and first_invalid(self.form) == self.name:
            attrs.setdefault("autofocus", True)
        return attrs


class FocusFirstError(forms.Form):
    """A form whose first field at fault takes the focus when the page comes back."""

    bound_field_class = _FocusingBoundField

    def focus_order(self) -> list[str]:
        """The fields in the order the page shows them: the form's own, unless its page
        lays them out otherwise."""
        return list(self.fields)
