"""The navigation shows each user the pages of their roles."""

from typing import Any

from django import template

from openimr.review.selectors import QA, REVIEWER, user_has_role

register = template.Library()


@register.simple_tag
def review_roles(user: Any) -> dict[str, bool]:
    return {"reviewer": user_has_role(user, REVIEWER), "qa": user_has_role(user, QA)}
