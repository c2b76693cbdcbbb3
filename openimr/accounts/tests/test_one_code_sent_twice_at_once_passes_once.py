"""One TOTP code sent by two requests at once (a phished code replayed as its owner enters
it, on two app servers sharing PostgreSQL) passes once: the second request waits for the
first to record the code's step as used, then is refused: django-otp's ``match_token`` reads
the user's devices FOR UPDATE. Were they read without the lock (a hand-written loop over the
devices), each request would read the last used step before the other saved it, and both
would log in. HIPAA 45 CFR 164.312(d) (person or
entity authentication); NIST SP 800-63B 5.1.4.2 (a verifier accepts a TOTP code once).
SQLite admits one writer at a time (its transactions begin IMMEDIATE), so this is
PostgreSQL's."""

import threading

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection, connections
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.accounts import services
from openimr.accounts.tests.helpers import totp_code, totp_device
from openimr.audit.models import AuditEvent
from openimr.core.tests.lock_waits import until_waited_for

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite: one writer at a time"),
    pytest.mark.django_db(transaction=True),
]


def test_the_same_code_from_two_requests_at_once_logs_in_only_one(monkeypatch):
    user = User.objects.create_user("clerk", password="a-long-test-password")
    user.groups.add(Group.objects.get_or_create(name="intake")[0])
    code = totp_code(totp_device(user))
    results: dict[str, object] = {}
    second_done = threading.Event()

    def second() -> None:
        try:
            results["second"] = services.totp_verify(user=user, code=code)
        except BaseException as exc:  # reported by the assertion below
            results["second"] = exc
        finally:
            second_done.set()
            connections.close_all()

    verify_token = TOTPDevice.verify_token
    racing = threading.Thread(target=second)

    def first_holds_its_verification(self: TOTPDevice, token: object) -> bool:
        accepted = verify_token(self, token)
        if not racing.is_alive() and not second_done.is_set():
            racing.start()  # the same code, while the first is not yet committed
            until_waited_for("the second request for the device", done=second_done.is_set)
        return accepted

    monkeypatch.setattr(TOTPDevice, "verify_token", first_holds_its_verification)
    first = services.totp_verify(user=user, code=code)
    racing.join(timeout=60)
    assert first is not None
    assert results["second"] is None
    assert AuditEvent.objects.filter(action="two_factor.verified").count() == 1
    assert AuditEvent.objects.filter(action="two_factor.refused").count() == 1
