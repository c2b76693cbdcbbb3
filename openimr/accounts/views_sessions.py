""" "Your sessions": every signed-in user sees the account's open sessions (when each
signed in, when it was last seen, which browser; this one marked), ends one, or signs out
everywhere else. Each end is a POST with its CSRF token, audited by openimr.accounts.services;
a handle of a session that is not the user's own is answered like one that does not
exist."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from openimr.accounts import selectors, services


def _page(request: HttpRequest, *, problem: str = "", status: int = 200) -> HttpResponse:
    found = selectors.sessions_of_user(user=request.user, current_key=request.session.session_key)
    context = {"sessions": found, "others": sum(not s.current for s in found), "problem": problem}
    return render(request, "accounts/sessions.html", context, status=status)


@require_GET
@login_required
def sessions_page(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@login_required
def session_end(request: HttpRequest, handle: str) -> HttpResponse:
    ended = services.user_session_end(
        user=request.user, handle=handle, current_key=request.session.session_key
    )
    if ended is None:
        problem = (
            "No open session of yours has that reference: it may have ended already. "
            "The list below is up to date."
        )
        return _page(request, problem=problem, status=404)
    if ended.current:
        logout(request)  # audited as ``logout``, as the Log out button is
        messages.info(request, "You signed out of this session.")
        return redirect("login")
    messages.success(request, f"The session in {ended.browser} has ended.")
    return redirect("accounts:sessions")


@require_POST
@login_required
def sessions_end_others(request: HttpRequest) -> HttpResponse:
    count = services.user_sessions_end(
        user=request.user,
        why="signed out everywhere else",
        actor=request.user,
        keep_key=request.session.session_key,
    )
    plural = "" if count == 1 else "s"
    messages.success(request, f"Signed out everywhere else: {count} other session{plural} ended.")
    return redirect("accounts:sessions")
