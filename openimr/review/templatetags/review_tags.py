"""The navigation shows each user the pages of their roles."""

from typing import Any

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html, format_html_join

from openimr.core.access import QA, REVIEWER, user_has_role, user_works_intake
from openimr.core.mail import mail_unsent

register = template.Library()


@register.simple_tag
def review_roles(user: Any) -> dict[str, bool]:
    return {
        "staff": user_works_intake(user),
        "reviewer": user_has_role(user, REVIEWER),
        "qa": user_has_role(user, QA),
    }


# A case with no complete-records date, intake's or its document's, has no determination
# clock (LC 4610.6(d) counts from that day): every page says so in these words.
DUE_UNKNOWN = "not known: the case records no date its records were complete"


@register.filter(expects_localtime=True)
def determination_due(due: Any) -> str:
    """The determination due date as the reviewer's and QA's pages write it, or DUE_UNKNOWN."""
    return str(date_filter(due, "F j, Y")) if due else DUE_UNKNOWN


@register.simple_tag
def mail_problem() -> str:
    """Why no e-mail leaves the site, for the banner on staff pages ("" when it does)."""
    return mail_unsent()


@register.simple_tag
def field_with_problems(bound: Any, problems: dict[str, list[str]] | None, focus: str = "") -> str:
    """The field's control and, when the form or the service refused it, its problems right
    after it: the control marked invalid and described by them (aria-describedby), so a
    screen reader reads them with the field; ``focus`` names the field the keyboard lands
    on when the page comes back (openimr.review.field_problems)."""
    messages = [*bound.errors, *(problems or {}).get(bound.name, [])]
    attrs: dict[str, str] = {}
    if bound.auto_id and bound.auto_id == focus:
        attrs["autofocus"] = "autofocus"
    if not messages:
        return bound.as_widget(attrs=attrs)
    error_id = f"{bound.auto_id}_error"
    attrs.update({"aria-invalid": "true", "aria-describedby": error_id})
    # A <span> (shown as a block): the control sits in a <p>, which may not hold a list.
    said = format_html_join("", "<span>{}</span> ", ((m,) for m in messages))
    return format_html(
        '{}<span class="errorlist field-problems" id="{}">{}</span>',
        bound.as_widget(attrs=attrs),
        error_id,
        said,
    )
