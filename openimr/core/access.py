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
from django.db.models.signals import m2m_changed
from django.http import Http404, HttpRequest

from openimr.core.errors import NotFound

# The roles' names live in openimr.core.roles, where pure rules read them without Django;
# the pages import them from here, as before.
from openimr.core.roles import INTAKE, QA, REVIEWER, ROLES, STAFF_ROLES  # noqa: F401

View = TypeVar("View", bound=Callable[..., Any])


def user_has_role(user: Any, role: str) -> bool:
    """A logged-in, active member of the role's group; a superuser has every role but the
    reviewer's."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", True):
        return False
    if role != REVIEWER and user.is_superuser:
        return True
    return role in group_names(user)


# A page asks up to six times per request (the second factor, the page, the navigation):
# the user's groups are read once and kept on the user object, which lives for one request
# (as Django keeps a user's permissions, ModelBackend's _perm_cache). Changing the groups
# through that same object forgets them.
_GROUPS = "_openimr_group_names"


def group_names(user: Any) -> frozenset[str]:
    """The names of a logged-in user's groups, read once per user object."""
    names: frozenset[str] | None = getattr(user, _GROUPS, None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, _GROUPS, names)  # through request.user's lazy wrapper to the user
    return names


def _forget_groups(sender: Any, instance: Any, **kwargs: Any) -> None:
    instance.__dict__.pop(_GROUPS, None)


m2m_changed.connect(_forget_groups, dispatch_uid="openimr.core.access.forget_groups")


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


# How a person's own filings (the web form, or the API from a session) name their filer,
# beside API tokens' names: a token may not take a name of this form (`token_create`).
SESSION_CLIENT = "user:"


def session_client(username: str) -> str:
    """The filer of a person's own filings: ``user:NAME``."""
    return f"{SESSION_CLIENT}{username}"
