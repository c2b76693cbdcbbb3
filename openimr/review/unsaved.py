"""What a reviewer wrote when their session had ended: kept until they log in again, then
put back in its form on the workspace, unsaved. A session ends OPENIMR_SESSION_SECONDS after
logging in, whatever the reviewer is doing; a save pressed after that was sent to log in and
the rationale or summary written was lost, with nothing saying so.

Kept only after Django's CSRF check passed (the CSRF cookie outlives the session), so only
the reviewer's own browser can leave text here; in that browser's session, which logging
in keeps (django.contrib.auth.login keeps a session no user was logged in to, and empties
one another user was); taken out the first time the workspace shows it, and shown only on
that case's page to a reviewer of the case, an item only to its own reviewer (the view
authorizes first)."""

import re
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

_KEY = "openimr.review.unsaved"
# The actions whose fields are text a reviewer wrote; a submit or a checklist is pressed again.
_KEPT = ("summary", "item")
ENDED = (
    "Your session had ended: nothing was saved. Log in again and what you wrote is put "
    "back in its form, to save."
)


def keeping_writing(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """``login_required`` for the workspace, keeping a save's fields when the session ended."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method == "POST" and request.POST.get("action") in _KEPT:
            fields = {k: v for k, v in request.POST.lists() if k != "csrfmiddlewaretoken"}
            request.session[_KEY] = {"path": request.path, "fields": fields}
            messages.warning(request, ENDED)
        return redirect_to_login(request.get_full_path())

    return wrapped


def unsaved_for(request: HttpRequest) -> QueryDict | None:
    """The fields kept for this page when the session had ended, taken out: once only."""
    kept = request.session.get(_KEY)
    if not kept or kept.get("path") != request.path:
        return None
    del request.session[_KEY]
    data = QueryDict(mutable=True)
    for name, values in kept["fields"].items():
        data.setlist(name, values)
    return data


KEPT = _KEPT
_WRITTEN = re.compile(r"item-(\d+)-(rationale|why_not_mtus|free_citation(?:_\d+)?)")
_WORDS = {"rationale": "decision rationale", "why_not_mtus": "why the MTUS does not apply"}


def _label(name: str) -> str | None:
    if name == "summary":
        return "Clinical case summary"
    found = _WRITTEN.fullmatch(name)
    if found is None:
        return None
    return f"Item {int(found[1]) + 1}: {_WORDS.get(found[2], 'free citation')}"


def written_back(request: HttpRequest, message: str) -> HttpResponse:
    """A save refused because staff withdrew the reviewer from the case (``review.held``):
    the case is no longer theirs to see, so the page says why nothing was saved and shows,
    read only to copy, only what they wrote, as their browser just sent it (nothing is read
    from the case). Before, the page answered 404, or their cases page said why, and the
    text written was lost."""
    texts = [
        (label, value)
        for name in request.POST
        if (label := _label(name)) and (value := request.POST.get(name, "")).strip()
    ]
    context = {"message": message, "texts": texts}
    return render(request, "review/not_saved.html", context, status=409)
