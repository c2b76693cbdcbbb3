"""Who may use which pages: the one place that says so.

Roles are Django groups (``intake``, ``reviewer``, ``qa``; the review app's data migration
creates them). The staff pages (intake, the case list and case pages, the case file, the
reviewer panel, the guideline catalog, the print queue) are intake work: ``STAFF_ROLES``.
Reviewers and QA physicians work in their own pages, which check their role and their
case. Django's ``is_staff`` flag alone opens no page: it only admits a session to the API,
whose clients are scoped by their tokens. The superuser (the administrator) holds every
role but the reviewer's, whose determinations only the assigned reviewer may make.

Refusals answer 404, the same answer as for a page or case that does not exist, so nothing
leaks: ``Http404`` from a page decorator, ``NotFound`` from ``staff_required`` for the
views that audit the refusal before answering."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest

from openimr.core.errors import NotFound

View = TypeVar("View", bound=Callable[..., Any])

INTAKE, REVIEWER, QA = "intake", "reviewer", "qa"
ROLES = (INTAKE, REVIEWER, QA)

# The roles that open the staff pages. A case manager works intake; a new staff role joins
# here and every staff page follows.
STAFF_ROLES = frozenset({INTAKE})


def user_has_role(user: Any, role: str) -> bool:
    """A logged-in, active member of the role's group; a superuser has every role but the
    reviewer's."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", True):
        return False
    if role != REVIEWER and user.is_superuser:
        return True
    return bool(user.groups.filter(name=role).exists())


def user_is_staff(user: Any) -> bool:
    """Who the case selectors let read cases: a Django staff account (``is_staff``; the
    API's clients, scoped by their tokens) or a holder of a staff role. Pages ask
    ``user_works_intake`` first, so the flag alone opens none of them."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(getattr(user, "is_staff", False)) or user_works_intake(user)


def user_works_intake(user: Any) -> bool:
    """Holds a role of the staff pages (``STAFF_ROLES``), or is the administrator."""
    return any(user_has_role(user, role) for role in STAFF_ROLES)


def staff_required(user: Any) -> None:
    """NotFound unless ``user`` may use the staff pages."""
    if not user_works_intake(user):
        raise NotFound("no such page")


def staff_page(view: View) -> View:
    """Log in first, then 404 for anyone without a staff role (``STAFF_ROLES``)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not user_works_intake(request.user):
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
