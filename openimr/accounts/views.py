"""The second step of logging in: verify a TOTP code, or enrol an authenticator first.
Password reset is Django's own views with openimr's templates (openimr.accounts.urls); its
request is refused when no e-mail would reach the account's owner, and its last step also
lifts the lockout (services.password_reset_completed)."""

import logging
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login

from openimr.accounts import services
from openimr.accounts.domain.code_lock import LOCK_AFTER_WRONG_CODES
from openimr.accounts.forms import CodeForm
from openimr.accounts.selectors import second_factor_locked, second_factor_passed
from openimr.core.mail import reset_link_undeliverable
from openimr.core.words import duration_words

logger = logging.getLogger(__name__)


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe and target else reverse("start")


def _wait(form: CodeForm, paused: services.CodesPaused) -> int:
    unit = "second" if paused.seconds == 1 else "seconds"
    form.add_error(
        "code",
        f"Too many wrong codes: wait {paused.seconds} {unit}, then enter the code your app shows.",
    )
    return 429


def _second_factor_passed(request: HttpRequest, device: Any) -> HttpResponseRedirect:
    """The session now reaches medical records: it gets a new key, as ``login`` gave it one
    for the password, so a key read or planted before the code (a shared machine, a URL
    or a log) opens nothing. HIPAA 45 CFR 164.312(d) (person or entity authentication);
    NIST SP 800-63B 7.1 (a session secret fresh at authentication)."""
    otp_login(request, device)
    request.session.cycle_key()
    return redirect(_next(request))


def _with_next(name: str, request: HttpRequest) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': _next(request)})}")


def _locked(request: HttpRequest) -> HttpResponse:
    """The second factor is locked after wrong codes (services.SecondFactorLocked): the page
    says who unlocks it, and offers no code box."""
    context = {"wrong_codes": LOCK_AFTER_WRONG_CODES}
    return render(request, "accounts/second_factor_locked.html", context, status=403)


def _held_by_lock(request: HttpRequest, form: CodeForm) -> bool:
    """Locked, and no code to hand to the service, which refuses (and audits) one itself."""
    posted = request.method == "POST" and form.is_valid()
    return not posted and second_factor_locked(request.user)


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    if second_factor_passed(request.user):
        return redirect(_next(request))
    if not services.user_has_authenticator(request.user):
        return _with_next("accounts:enrol", request)
    form = CodeForm(request.POST or None)
    if _held_by_lock(request, form):
        return _locked(request)
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            device = services.totp_verify(user=request.user, code=form.cleaned_data["code"])
        except services.SecondFactorLocked:
            return _locked(request)
        except services.CodesPaused as paused:
            status = _wait(form, paused)
        else:
            if device is not None:
                return _second_factor_passed(request, device)
            form.add_error("code", "That code did not match. Enter the code shown now.")
    context = {"form": form, "next": _next(request)}
    return render(request, "accounts/verify.html", context, status=status)


@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    if services.user_has_authenticator(request.user):
        return _with_next("accounts:verify", request)
    form = CodeForm(request.POST or None)
    if _held_by_lock(request, form):
        return _locked(request)
    enrolment = services.totp_enrolment_start(user=request.user)
    status = 422 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        device = enrolment.device
        try:
            confirmed = services.totp_enrolment_confirm(user=request.user, device=device, code=code)
        except services.SecondFactorLocked:
            return _locked(request)
        except services.CodesPaused as paused:
            status = _wait(form, paused)
        else:
            if confirmed:
                return _second_factor_passed(request, device)
            form.add_error("code", "That code did not match. Check the app's clock and try again.")
    context = {"form": form, "next": _next(request), "enrolment": enrolment}
    response = render(request, "accounts/enrol.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the page shows a secret
    return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form: Any) -> HttpResponse:
        with transaction.atomic():  # the new password and its audit row together
            response = super().form_valid(form)
            services.password_reset_completed(user=form.user)
        return response


def _link_lifetime() -> dict[str, str]:
    return {"link_lifetime": duration_words(settings.PASSWORD_RESET_TIMEOUT)}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    """The "Check your email" page, saying how long the link works, as the e-mail does."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | _link_lifetime()


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset request, refused whole when its link could not reach the account's
    owner: Django's form logs a failed send and still answers "sent". The refusal is the
    same for every address and looks none up, so it tells nobody whether an account exists;
    the log tells the operator which setting is missing."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        reason = reset_link_undeliverable()
        if not reason:
            return super().dispatch(request, *args, **kwargs)
        logger.warning("password reset refused: %s", reason)
        return render(request, "accounts/password_reset_unavailable.html", status=503)

    def form_valid(self, form: Any) -> HttpResponse:
        self.extra_email_context = _link_lifetime()  # read now: a test may change the setting
        return super().form_valid(form)
