"""The navigation shows each user the pages of their roles."""

from typing import Any

from django import template

from openimr.core.access import QA, REVIEWER, user_has_role, user_works_intake

register = template.Library()


@register.simple_tag
def review_roles(user: Any) -> dict[str, bool]:
    return {
        "staff": user_works_intake(user),
        "reviewer": user_has_role(user, REVIEWER),
        "qa": user_has_role(user, QA),
    }
