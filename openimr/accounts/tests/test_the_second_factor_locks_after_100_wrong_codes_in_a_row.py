"""After 100 wrong second-factor codes in a row the second factor takes no code, the right
one included, until an administrator unlocks it (the admin site's action or `openimr
accounts unlock-second-factor`); the person is told who to contact; the lock and the
unlock are audited; a right code before the hundredth starts the count again. NIST SP
800-63B 5.2.2 (no more than 100 consecutive failed attempts on one authenticator)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from openimr.accounts.domain.code_lock import LOCK_AFTER_WRONG_CODES, locks_now
from openimr.accounts.models import SecondFactorLock
from openimr.accounts.tests.helpers import totp_code, totp_device
from openimr.accounts.tests.sessions_helpers import PASSWORD, clerk
from openimr.audit.models import AuditEvent
from openimr.cli import main

pytestmark = pytest.mark.django_db
VERIFY = "/accounts/two-factor/"
CONTACT = "Contact your IMR organization's openimr administrator"


@pytest.fixture
def half_signed_in():
    """The clerk past the password, at the code step, with a confirmed authenticator."""
    user = clerk("pat")
    device = totp_device(user)
    client = Client()
    client.post("/login/", {"username": "pat", "password": PASSWORD})
    return client, device


def _wrong_codes(client, device, how_many):
    """``how_many`` wrong codes, each after the pause the one before set (django-otp's,
    capped at 256 s) has passed, as a patient guesser would send them."""
    for _ in range(how_many):
        assert client.post(VERIFY, {"code": "000000"}).status_code == 422
        device.refresh_from_db()
        device.throttling_failure_timestamp = timezone.now() - timedelta(hours=1)
        device.save(update_fields=["throttling_failure_timestamp"])


def test_the_hundredth_wrong_code_locks_it_and_says_who_to_contact(half_signed_in):
    client, device = half_signed_in
    _wrong_codes(client, device, LOCK_AFTER_WRONG_CODES - 1)
    assert not AuditEvent.objects.filter(action="two_factor.locked").exists()
    locking = client.post(VERIFY, {"code": "000000"})
    assert locking.status_code == 403
    assert CONTACT in locking.content.decode()
    locked = AuditEvent.objects.get(action="two_factor.locked")
    assert locked.object_id == "pat" and locked.detail["wrong_codes"] == 100

    right = client.post(VERIFY, {"code": totp_code(device)})
    assert right.status_code == 403 and CONTACT in right.content.decode()
    assert 'name="code"' not in client.get(VERIFY).content.decode()
    assert client.get("/cases/").status_code == 302  # still held at the code step
    refused = AuditEvent.objects.filter(action="two_factor.refused").order_by("id").last()
    assert refused.detail == {"step": "verify", "locked": True}


def test_a_right_code_before_the_hundredth_starts_the_count_again(half_signed_in):
    client, device = half_signed_in
    _wrong_codes(client, device, LOCK_AFTER_WRONG_CODES - 1)
    assert client.post(VERIFY, {"code": totp_code(device)}).status_code == 302
    assert SecondFactorLock.objects.get(user__username="pat").wrong_codes == 0
    again = Client()
    again.post("/login/", {"username": "pat", "password": PASSWORD})
    _wrong_codes(again, device, LOCK_AFTER_WRONG_CODES - 1)
    assert again.post(VERIFY, {"code": totp_code(device)}).status_code == 302


def _lock(client, device):
    _wrong_codes(client, device, LOCK_AFTER_WRONG_CODES - 1)
    assert client.post(VERIFY, {"code": "000000"}).status_code == 403


def test_the_admin_sites_action_unlocks_it_and_is_audited(half_signed_in):
    client, device = half_signed_in
    _lock(client, device)
    root = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    admin = Client()
    admin.force_login(root)
    pat = User.objects.get(username="pat")
    action = {"action": "unlock_second_factor", "_selected_action": [pat.pk]}
    done = admin.post("/admin/auth/user/", action, follow=True)
    assert "Two-step verification of pat unlocked." in done.content.decode()
    event = AuditEvent.objects.get(action="two_factor.unlocked")
    assert (event.actor_label, event.object_id) == ("root", "pat")
    assert client.post(VERIFY, {"code": totp_code(device)}).status_code == 302  # no pause left
    assert client.get("/cases/").status_code == 200
    again = admin.post("/admin/auth/user/", action, follow=True)
    assert "Two-step verification of pat was not locked; nothing changed." in again.content.decode()
    assert AuditEvent.objects.filter(action="two_factor.unlocked").count() == 1


def test_the_command_line_unlocks_it(half_signed_in, capsys):
    client, device = half_signed_in
    _lock(client, device)
    assert main(["accounts", "unlock-second-factor", "pat"]) == 0
    assert "pat: two-step verification unlocked" in capsys.readouterr().out
    assert AuditEvent.objects.get(action="two_factor.unlocked").actor_label == "cli"
    assert client.post(VERIFY, {"code": totp_code(device)}).status_code == 302
    assert main(["accounts", "unlock-second-factor", "pat"]) == 0
    assert "was not locked; nothing changed" in capsys.readouterr().out
    assert main(["accounts", "unlock-second-factor", "nobody"]) == 2
    assert "no user nobody" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("wrong_in_a_row", "locks"), [(0, False), (1, False), (99, False), (100, True), (101, True)]
)
def test_the_limit_is_the_hundredth_wrong_code(wrong_in_a_row, locks):
    assert locks_now(wrong_in_a_row) is locks
