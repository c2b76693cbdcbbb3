"""Staff pages to hold a screening for a party's information (8 CCR 9792.10.3(c)): ask a
party the application names, then record what arrived; and the claim number of a case
imported whole without one, which its parties need on /status/. Each page shows its form (GET,
audited as a look at the case) and takes it (POST, audited as an action); the services
decide and refuse, and their problems come back to the field they concern (422)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from openimr.cases import models, selectors, services
from openimr.cases.forms import ClaimNumberForm, InformationReceivedForm, InformationRequestForm
from openimr.cases.services.information import PARTY_WORDS
from openimr.cases.views import case_view
from openimr.core.errors import Conflict, InvalidInput

Page = Callable[[HttpRequest, str], HttpResponse]


def _looked(page: str) -> Callable[[HttpRequest, models.Case], dict[str, Any]]:
    return lambda request, row: {"page": page}


def _acted(action: str) -> Callable[[HttpRequest, models.Case], dict[str, Any]]:
    return lambda request, row: {"action": action}


def _by_method(get: Page, post: Page) -> Page:
    @require_http_methods(["GET", "HEAD", "POST"])
    def view(request: HttpRequest, case_number: str) -> HttpResponse:
        return (post if request.method == "POST" else get)(request, case_number)

    return view


def _parties(row: models.Case) -> list[tuple[str, str]]:
    return [
        (p["role"], f"{PARTY_WORDS[p['role']].removeprefix('the ').capitalize()}: {p['name']}")
        for p in services.information_parties(row)
    ]


def _page(request: HttpRequest, row: models.Case, form: Any, kind: str) -> HttpResponse:
    context = {"row": row, "form": form, "kind": kind, "info": selectors.information_view(row)}
    status = 422 if form.errors else 200
    return render(request, "cases/information_form.html", context, status=status)


@case_view("case.viewed", _looked("information_request"))
def _request_page(request: HttpRequest, row: models.Case) -> HttpResponse:
    return _page(request, row, InformationRequestForm(parties=_parties(row)), "request")


@case_view("case.action", _acted("information_request"))
def _request_post(request: HttpRequest, row: models.Case) -> HttpResponse:
    form = InformationRequestForm(request.POST, parties=_parties(row))
    if form.is_valid():
        try:
            services.case_information_request(
                row=row,
                party=form.cleaned_data["party"],
                text=form.cleaned_data["text"],
                actor=request.user,
            )
        except InvalidInput as exc:
            form.add_problems(exc)
        except Conflict as exc:  # the same request sent again: the first stands
            messages.info(request, f"{exc}.")
            return redirect("cases:timeline", row.case_number)
        else:
            messages.success(request, "The request for information was served.")
            return redirect("cases:timeline", row.case_number)
    return _page(request, row, form, "request")


@case_view("case.viewed", _looked("information_received"))
def _received_page(request: HttpRequest, row: models.Case) -> HttpResponse:
    return _page(request, row, InformationReceivedForm(), "received")


@case_view("case.action", _acted("information_received"))
def _received_post(request: HttpRequest, row: models.Case) -> HttpResponse:
    form = InformationReceivedForm(request.POST)
    if form.is_valid():
        try:
            services.case_information_received(
                row=row, note=form.cleaned_data["note"], actor=request.user
            )
        except InvalidInput as exc:
            form.add_problems(exc)
        else:
            messages.success(
                request, "The information received is recorded: record the screening outcome."
            )
            return redirect("cases:timeline", row.case_number)
    return _page(request, row, form, "received")


information_request = _by_method(_request_page, _request_post)
information_received = _by_method(_received_page, _received_post)


def _claim_page(request: HttpRequest, row: models.Case, form: Any) -> HttpResponse:
    status = 422 if form.errors else 200
    context = {
        "row": row,
        "form": form,
        "imported": selectors.case_imported_whole(row),
        "claim_number": selectors.claim_number_of(row),
    }
    return render(request, "cases/claim_number_form.html", context, status=status)


@case_view("case.viewed", _looked("claim_number"))
def _claim_number_page(request: HttpRequest, row: models.Case) -> HttpResponse:
    return _claim_page(request, row, ClaimNumberForm())


@case_view("case.action", _acted("claim_number"))
def _claim_number_post(request: HttpRequest, row: models.Case) -> HttpResponse:
    form = ClaimNumberForm(request.POST)
    if form.is_valid():
        number = form.cleaned_data["claim_number"]
        try:
            services.case_claim_number_set(
                case_number=row.case_number, claim_number=number, actor=request.user
            )
        except InvalidInput as exc:
            form.add_problems(exc)
        except Conflict as exc:  # a filed case: its number is its application's
            form.add_error(None, f"{exc}.")
        else:
            messages.success(request, "The claim number is recorded.")
            return redirect("cases:detail", row.case_number)
    return _claim_page(request, row, form)


claim_number = _by_method(_claim_number_page, _claim_number_post)
