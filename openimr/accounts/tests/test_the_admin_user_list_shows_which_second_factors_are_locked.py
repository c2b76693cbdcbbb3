"""The admin site's user list shows since when wrong codes locked each account's second
factor, and filters the accounts on it, so an administrator finds who waits to be unlocked
without opening every account. An account counting wrong codes but short of the hundred is
not locked. NIST SP 800-63B 5.2.2 (the lock after 100 wrong codes in a row)."""

import re
from datetime import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client

from openimr.accounts.models import SecondFactorLock
from openimr.accounts.tests.sessions_helpers import PASSWORD, clerk

pytestmark = pytest.mark.django_db
LIST = "/admin/auth/user/"
LOCKED_AT = datetime.fromisoformat("2026-11-27T14:05:00+00:00")


@pytest.fixture
def admin():
    pat, sam = clerk("pat"), clerk("sam")
    clerk("lee")  # never a wrong code
    SecondFactorLock.objects.create(user=pat, wrong_codes=100, locked_at=LOCKED_AT)
    SecondFactorLock.objects.create(user=sam, wrong_codes=7)  # counting, not locked
    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.org", PASSWORD))
    return client


def _listed(page: str) -> list[str]:
    return sorted(re.findall(r'<th class="field-username"><a href="[^"]+">([^<]+)</a>', page))


def test_the_list_shows_since_when_each_account_is_locked(admin):
    page = admin.get(LIST).content.decode()
    assert "Two-step verification locked since" in page
    cells = dict(
        re.findall(
            r'>([a-z]+)</a></th>.*?<td class="field-second_factor_locked[^"]*">([^<]*)<', page
        )
    )
    # In the site's time zone (TIME_ZONE, California), as the admin site shows every time.
    assert cells == {"lee": "-", "pat": "Nov. 27, 2026, 6:05 a.m.", "root": "-", "sam": "-"}


def test_the_filter_lists_the_locked_accounts_and_the_others(admin):
    assert _listed(admin.get(LIST, {"second_factor": "locked"}).content.decode()) == ["pat"]
    others = admin.get(LIST, {"second_factor": "unlocked"}).content.decode()
    assert _listed(others) == ["lee", "root", "sam"]
    assert "Locked after wrong codes" in others  # the filter's choice, on the page


def test_an_account_unlocked_leaves_the_locked_list(admin):
    pat = User.objects.get(username="pat")
    admin.post(LIST, {"action": "unlock_second_factor", "_selected_action": [pat.pk]})
    assert _listed(admin.get(LIST, {"second_factor": "locked"}).content.decode()) == []
