"""The page where a party asks "where is my case": with the case number, the claim number
and the employee's date of injury (what every party to the case holds, and the published
decisions never print: the claim number), it shows the stage, what happens next and the next
date due, never a name (`openimr.cases.status`). Public: the employee, the attorney and the
physician have no account. Each look-up is audited; a wrong one answers as no case would,
and an address is held to `TRIES_PER_MINUTE` wrong ones, so the claim number cannot be
guessed."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from openimr.api.domain.rate import over_limit, window_at
from openimr.api.selectors import rate_counted
from openimr.api.services import rate_count
from openimr.audit.services import audit_record
from openimr.cases import selectors
from openimr.core.client_address import request_client_address
from openimr.core.clock import now
from openimr.core.errors import NotFound
from openimr.core.form_focus import FocusFirstError

TRIES_PER_MINUTE = 10


class StatusForm(FocusFirstError):
    """The three things every party holds; sent back, the keyboard is at the first one at
    fault, as on every form of the site."""

    case_number = forms.CharField(label="Case number", max_length=40, strip=True)
    claim_number = forms.CharField(label="Claim number", max_length=100, strip=True)
    date_of_injury = forms.DateField(
        label="Date of injury (YYYY-MM-DD)",
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": "Write the date as YYYY-MM-DD, for example 2023-06-14."},
    )


def _tries_key(request: HttpRequest) -> tuple[str, int, int]:
    # Counted where the API's limit is, in the database: one count for every server process.
    window = window_at(now().timestamp())
    return f"status:{request_client_address(request)}", window.number, window.retry_after


def _held(request: HttpRequest) -> int:
    """Seconds to wait when the address has used its wrong tries this minute, else 0."""
    key, minute, retry = _tries_key(request)
    return retry if over_limit(rate_counted(key, minute) + 1, TRIES_PER_MINUTE) else 0


def _wrong(request: HttpRequest) -> None:
    key, minute, _ = _tries_key(request)
    rate_count(client=key, minute=minute)


def _look_up(request: HttpRequest, form: StatusForm) -> dict[str, Any] | None:
    """The case's status for the party that named it, each look-up audited in the trail
    with the client's address, there being no account to name (HIPAA 45 CFR 164.312(b):
    activity in systems holding PHI is recorded and examinable): a right one with what was
    shown, a wrong one with the case number it named."""
    number = selectors.case_number_stored(form.cleaned_data["case_number"])
    asked = {"via": "status page", "client": request_client_address(request)}
    try:
        found = selectors.case_status_for_party(
            case_number=number,
            claim_number=form.cleaned_data["claim_number"],
            date_of_injury=form.cleaned_data["date_of_injury"],
        )
    except NotFound:
        _wrong(request)
        # The case number asked, never the claim number or date given: the trail is read
        # more widely than the case.
        audit_record(
            actor=request.user,
            action="case.status_viewed.refused",
            object_type="case",
            object_id=number[:40],
            detail=asked,
        )
        return None
    audit_record(
        actor=request.user,
        action="case.status_viewed",
        object_type="case",
        object_id=number,
        detail={**asked, "shown": _shown(found)},
    )
    return found


def _shown(found: dict[str, Any]) -> dict[str, Any]:
    """What the page told: the state its stage and next step are read from, and the next
    date due (its clock and day), so a look can be told apart from a later one."""
    due = found["next_due"]
    return {
        "state": found["state"],
        "next_due": {"name": due["name"], "due": str(due["due"])} if due else None,
    }


@never_cache
def case_status_page(request: HttpRequest) -> HttpResponse:
    # Bound on any POST, an empty one too: it is refused at each field, not shown as a GET.
    form = StatusForm(request.POST if request.method == "POST" else None)
    found, context = None, {}
    if request.method == "POST":
        if wait := _held(request):
            context = {"wait": wait}
            response = render(request, "cases/status.html", {"form": form, **context}, status=429)
            response["Retry-After"] = str(wait)
            return response
        if form.is_valid():
            found = _look_up(request, form)
            context = {"not_found": found is None}
    return render(
        request,
        "cases/status.html",
        {"form": form, "found": found, **context},
        # A field missing or misspelt, named at it: not a page that worked.
        status=422 if form.errors else 200,
    )
