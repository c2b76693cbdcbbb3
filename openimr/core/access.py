"""Who may use the staff pages. Until roles arrive, staff accounts (`is_staff`) do; anyone
else gets 404, the same answer as for a page that does not exist, so nothing leaks."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest

View = TypeVar("View", bound=Callable[..., Any])


def user_is_staff(user: Any) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_staff", False))


def staff_page(view: View) -> View:
    """Log in first, then 404 for anyone who is not staff."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not user_is_staff(request.user):
            raise Http404("No such page")
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
