"""The second factor: enrolling a TOTP authenticator and proving a code from it.

django-otp holds the devices and checks the codes (RFC 6238, one step of clock drift either
way, a code never accepted twice, growing delays after wrong codes). What is added here is
the audit trail (each enrolment and each refused code is recorded with who and when), and
a cap on those delays."""

import logging
import math
from base64 import b32encode
from dataclasses import dataclass
from typing import Any

import qrcode
import qrcode.image.svg
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import devices_for_user, match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.accounts.domain.code_lock import LOCK_AFTER_WRONG_CODES, locks_now
from openimr.accounts.domain.code_pause import wrong_codes_counted
from openimr.accounts.domain.session_timeout import Ended
from openimr.accounts.models import AccountSession, SecondFactorLock
from openimr.accounts.selectors import (
    LOGGED_IN_AT,
    SEEN_AT,
    OpenSession,
    second_factor_locked,
    session_handle,
    sessions_of_user,
)
from openimr.api import services as api_tokens
from openimr.audit.services import audit_record
from openimr.core.clock import now
from openimr.core.words import duration_words

log = logging.getLogger("openimr.security")

DEVICE_NAME = "authenticator"


class CodesPaused(Exception):
    """Wrong codes came just before: django-otp checks no code of this device until the pause
    after them (1, 2, 4 ... 256 seconds) is over, so a right code now would be refused unread."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"codes are paused for {seconds} s")
        self.seconds = seconds


class SecondFactorLocked(Exception):
    """The second factor took ``LOCK_AFTER_WRONG_CODES`` wrong codes in a row and takes no
    code, right or wrong, until an administrator unlocks it (second_factor_unlock;
    openimr.accounts.domain.code_lock, NIST SP 800-63B 5.2.2)."""

    def __init__(self) -> None:
        super().__init__(f"second factor locked after {LOCK_AFTER_WRONG_CODES} wrong codes")


@dataclass(frozen=True)
class Enrolment:
    """What a person copies into an authenticator app: the secret, as a base32 text and as
    an otpauth:// URI, and the URI drawn as a QR code (SVG)."""

    device: TOTPDevice
    secret_base32: str
    uri: str
    qr_svg: str


def user_has_authenticator(user: Any) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def totp_enrolment_start(*, user: Any) -> Enrolment:
    """The user's unconfirmed device, made on first call: reloading the page shows the same
    secret, so a code from an app set up a moment ago still works."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    uri = device.config_url
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage)
    return Enrolment(
        device=device,
        secret_base32=b32encode(device.bin_key).decode("ascii"),
        uri=uri,
        qr_svg=image.to_string(encoding="unicode"),
    )


def totp_enrolment_confirm(*, user: Any, device: TOTPDevice, code: str) -> bool:
    """Confirm the device when ``code`` comes from it; an audit row either way."""
    if device.user_id != user.pk or device.confirmed:
        return False
    _refuse_while_locked(user, "enrol")
    _refuse_while_paused(user, [device], "enrol")
    with transaction.atomic():
        accepted = device.verify_token(code)
        if accepted:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        _audit(user, "two_factor.enrolled" if accepted else "two_factor.refused", "enrol")
    return bool(accepted)


def totp_verify(*, user: Any, code: str) -> TOTPDevice | None:
    """The confirmed device that produced ``code``, or None (logged and audited).
    Raises CodesPaused, without reading the code, during the pause after wrong ones, and
    SecondFactorLocked once wrong codes have locked the second factor, the code that
    locked it included."""
    _refuse_while_locked(user, "verify")
    _refuse_while_paused(user, list(devices_for_user(user, confirmed=True)), "verify")
    with transaction.atomic():
        device = match_token(user, code)
        _audit(user, "two_factor.verified" if device else "two_factor.refused", "verify")
        locked = _count_code(user, right=device is not None)
    if locked:
        raise SecondFactorLocked  # the code that locked it is told so, after the commit
    return device


def _count_code(user: Any, *, right: bool) -> bool:
    """A right code starts the count of wrong ones in a row again; a wrong one adds to it,
    and the ``LOCK_AFTER_WRONG_CODES``-th locks the second factor (audited
    ``two_factor.locked``). NIST SP 800-63B 5.2.2 (no more than 100 consecutive failed
    attempts on one authenticator). Whether the second factor is locked now."""
    if right:
        SecondFactorLock.objects.filter(user=user, wrong_codes__gt=0).update(wrong_codes=0)
        return False
    lock, _ = SecondFactorLock.objects.select_for_update().get_or_create(user=user)
    lock.wrong_codes += 1
    if locks_now(lock.wrong_codes) and lock.locked_at is None:
        lock.locked_at = now()
        log.warning("second factor locked for %s", user.get_username())
        _audit(user, "two_factor.locked", "verify", wrong_codes=lock.wrong_codes)
    lock.save()
    return lock.locked_at is not None


def _refuse_while_locked(user: Any, step: str) -> None:
    if second_factor_locked(user):
        with transaction.atomic():
            _audit(user, "two_factor.refused", step, locked=True)
        raise SecondFactorLocked


def second_factor_unlock(*, user: Any, actor: Any) -> bool:
    """Lift the lock after wrong codes (audited ``two_factor.unlocked`` with when it was
    locked, by ``actor``), and the pause after them, so the owner's next code is read at
    once; False, writing nothing, when the second factor was not locked. The administrator
    is to unlock only once the owner is known to be the one asking (NIST SP 800-63B 5.2.2)."""
    with transaction.atomic():
        lock = SecondFactorLock.objects.select_for_update().filter(user=user).first()
        if lock is None or lock.locked_at is None:
            return False
        locked_at = lock.locked_at
        lock.locked_at, lock.wrong_codes = None, 0
        lock.save()
        for device in devices_for_user(user, confirmed=None):
            if hasattr(device, "throttle_reset"):
                device.throttle_reset(commit=True)
        audit_user_event(actor, user, "two_factor.unlocked", locked_at=locked_at.isoformat())
    return True


def password_set_by_administrator(*, user: Any, actor: Any, via: str) -> list[str]:
    """Someone other than the owner set the account's password (the admin site, or
    `manage.py changepassword`): its sessions end for good and its API tokens still working
    are revoked, as after a reset, since a password set for someone follows a suspected
    compromise or a departure as often as a forgotten password, and whoever held the
    account could have made or copied a token. Audited ``password.set`` (``via``, the
    tokens' names). HIPAA 45 CFR 164.308(a)(5)(ii)(D) (password management),
    164.308(a)(6)(ii) (response to a security incident)."""
    why = "password set by an administrator"
    with transaction.atomic():
        revoked = api_tokens.tokens_revoke_for_user(user=user, why=why)
        user_sessions_end(user=user, why=why, actor=actor)
        audit_user_event(actor, user, "password.set", via=via, api_tokens_revoked=revoked)
    return revoked


def password_reset_completed(*, user: Any) -> None:
    """The emailed link set a new password: the failed logins counted against the old one
    guard nothing now, and the lockout page sends a locked-out person here, so their lock
    is lifted (from every address: the new password is unknown to whoever guessed). A reset
    follows a suspected compromise as often as a forgotten password, so the account's API
    tokens are revoked too, as its sessions end (HIPAA 45 CFR 164.308(a)(5)(ii)(D))."""
    with transaction.atomic():
        lifted = axes_reset(username=user.get_username())
        revoked = api_tokens.tokens_revoke_for_user(user=user, why="password reset")
        audit_record(
            actor=user,
            action="password.reset",
            object_type="user",
            object_id=user.get_username(),
            detail={"failed_logins_cleared": lifted, "api_tokens_revoked": revoked},
        )


def session_times_stamp(session: SessionBase, *, at: float) -> None:
    """A session starts its clocks: at login, or at its first request since they existed."""
    session[LOGGED_IN_AT] = at
    session[SEEN_AT] = at


def session_end(*, request: HttpRequest, ended: Ended) -> None:
    """Log the session out (audited as ``logout`` with ``ended_by``, openimr.accounts.signals)
    and tell the person why on the login page."""
    request.session_ended_by = ended.value  # type: ignore[attr-defined]
    logout(request)
    messages.info(request, _ended_words(ended))


def _ended_words(ended: Ended) -> str:
    """Why the session ended, with its limit said exactly: "after 0 minutes" had been the
    words of a limit under a minute, "after 1 minutes" those of 90 seconds."""
    if ended is Ended.IDLE:
        idle = duration_words(settings.OPENIMR_SESSION_IDLE_SECONDS)
        return f"You were logged out after {idle} without activity. Log in again."
    absolute = duration_words(settings.SESSION_COOKIE_AGE)
    return f"Your session ended {absolute} after you logged in. Log in again."


def _pause_seconds(device: TOTPDevice) -> int:
    allowed, data = device.verify_is_allowed()
    until = (data or {}).get("locked_until")
    if allowed or until is None:
        return 0
    return max(1, math.ceil((until - timezone.now()).total_seconds()))


def _pause_cap(user: Any) -> None:
    """Stop the pause after wrong codes doubling past five minutes
    (openimr.accounts.domain.code_pause): django-otp has no setting for it, so the count of
    wrong codes it doubles by is cut back after each one."""
    factor = getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)
    counted = wrong_codes_counted(factor)
    TOTPDevice.objects.filter(user=user, throttling_failure_count__gt=counted).update(
        throttling_failure_count=counted
    )


def _refuse_while_paused(user: Any, devices: list[TOTPDevice], step: str) -> None:
    """Paused only when every device is: django-otp tries the code on each."""
    pauses = [_pause_seconds(device) for device in devices]
    if pauses and min(pauses) > 0:
        with transaction.atomic():
            _audit(user, "two_factor.refused", step, paused_seconds=min(pauses))
        raise CodesPaused(min(pauses))


def _audit(user: Any, action: str, step: str, **detail: Any) -> None:
    if action == "two_factor.refused":
        log.warning("second factor refused for %s at %s", user.get_username(), step)
        _pause_cap(user)
    audit_record(
        actor=user,
        action=action,
        object_type="user",
        object_id=user.get_username(),
        detail={"step": step, **detail},
    )


def user_session_end(*, user: Any, handle: str, current_key: str | None) -> OpenSession | None:
    """End the account's session named ``handle`` (audited ``user.session_ended``, by its
    owner); None when the account has no open session of that handle. The session in use
    is not ended here: the caller logs it out, which ends it and audits ``logout``."""
    match = next(
        (s for s in sessions_of_user(user=user, current_key=current_key) if s.handle == handle),
        None,
    )
    if match is None or match.current:
        return match
    keys = [
        row.session_key
        for row in AccountSession.objects.filter(user_id=user.pk)
        if session_handle(row.session_key) == handle
    ]
    with transaction.atomic():
        AccountSession.objects.filter(session_key__in=keys).delete()
        audit_user_event(user, user, "user.session_ended", session=handle, browser=match.browser)
    return match


def user_sessions_end(
    *, user: Any, why: str, actor: Any = "system", keep_key: str | None = None
) -> int:
    """End every session of ``user`` but the one of ``keep_key`` at once, and for good: an
    inactive account's session is only refused while it stays inactive, and reopened when
    the account is reactivated; a session ended by its key's row is gone whatever happens
    to the account next. Audited ``user.sessions_ended`` with the count and ``why`` when
    there was any. HIPAA 45 CFR 164.308(a)(3)(ii)(C) (termination procedures)."""
    live = AccountSession.objects.filter(user_id=user.pk, expire_date__gt=timezone.now())
    ended = live.exclude(session_key=keep_key or "")  # expired rows: clearsessions' to remove
    with transaction.atomic():
        count, _ = ended.delete()
        if count:
            audit_user_event(actor, user, "user.sessions_ended", sessions=count, why=why)
    return count


def sessions_expired_remove(*, actor: Any, dry_run: bool = False) -> int:
    """Remove the rows of sessions past their expiry date, as Django's
    ``SessionStore.clear_expired`` (``manage.py clearsessions``) does, and count them; on a
    dry run only count. Nothing else removes them: a browser that never comes back leaves
    its row, and an ended reviewer's unsaved rationale waits in one (openimr.review.unsaved)
    until the next login that may never come: PHI kept past its purpose (HIPAA 45 CFR
    164.502(b), minimum necessary). The sessions of Django's own table, left from before
    the upgrade that moved them (accounts 0001), go the same way. Audited
    ``sessions.expired_removed`` with the count when there was any."""
    cutoff = now()
    expired = [model.objects.filter(expire_date__lt=cutoff) for model in (AccountSession, Session)]
    if dry_run:
        return sum(rows.count() for rows in expired)
    with transaction.atomic():
        count = sum(rows.delete()[0] for rows in expired)
        if count:
            audit_record(
                actor=actor,
                action="sessions.expired_removed",
                object_type="sessions",
                object_id="expired",
                detail={"sessions": count, "expired_before": cutoff.isoformat()},
            )
    return count


def audit_user_event(actor: Any, user: Any, action: str, **detail: Any) -> None:
    """An event about the account ``user`` (its sessions, its password, its second factor)."""
    audit_record(
        actor=actor,
        action=action,
        object_type="user",
        object_id=user.get_username(),
        detail=detail,
    )
