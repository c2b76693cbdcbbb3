"""A password set by the reset link revokes the account's API tokens as it ends its
sessions: a reset often follows a suspected compromise, and whoever held the account could
have made or copied a token that would otherwise go on reading case files for its 90 days.
The page says so, and the audit trail names each token revoked. HIPAA 45 CFR
164.308(a)(5)(ii)(D) (password management), 164.312(b) (audit controls)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from openimr.api.models import ApiToken
from openimr.api.services import token_create
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
NEW = "a-brand-new-long-password"
LINK = re.compile(r"http://testserver(/accounts/password-reset/[^/\s]+/[^/\s]+/)")
API = "/api/v1/applications/CM99-0000001"


@pytest.fixture
def portal():
    """A claims administrator's portal account (tokens are made for staff accounts)."""
    return User.objects.create_user(
        "portal", email="portal@example.org", password="the-old-long-password", is_staff=True
    )


def _reset(client=None):
    client = client or Client()
    client.post("/accounts/password-reset/", {"email": "portal@example.org"})
    link = LINK.search(mail.outbox[-1].body).group(1)
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    return client.post(set_url, {"new_password1": NEW, "new_password2": NEW}, follow=True)


def test_the_reset_refuses_the_old_tokens_says_so_and_audits_each(portal):
    secrets = [token_create(name=n, username="portal") for n in ("portal-a", "portal-b")]
    for secret in secrets:
        assert Client().get(API, headers={"Authorization": f"Bearer {secret}"}).status_code == 404

    done = _reset()

    assert "API tokens are revoked" in done.content.decode()
    for secret in secrets:
        assert Client().get(API, headers={"Authorization": f"Bearer {secret}"}).status_code == 401
    revoked = AuditEvent.objects.filter(action="api_token.revoked").order_by("object_id")
    assert [(e.object_id, e.detail) for e in revoked] == [
        ("portal-a", {"why": "password reset"}),
        ("portal-b", {"why": "password reset"}),
    ]
    reset = AuditEvent.objects.get(action="password.reset", object_id="portal")
    assert reset.detail["api_tokens_revoked"] == ["portal-a", "portal-b"]


def test_another_accounts_tokens_and_an_expired_or_revoked_one_are_left_as_they_were(portal):
    User.objects.create_user("other", password="x-long-password", is_staff=True)
    other = token_create(name="other-portal", username="other")
    token_create(name="portal-old", username="portal", days=1)
    token_create(name="portal-gone", username="portal")
    ApiToken.objects.filter(name="portal-gone").update(revoked_at=timezone.now())
    gone_at = ApiToken.objects.get(name="portal-gone").revoked_at

    with time_machine.travel(timezone.now() + timedelta(days=2), tick=False):
        _reset()

    assert Client().get(API, headers={"Authorization": f"Bearer {other}"}).status_code == 404
    assert ApiToken.objects.get(name="portal-old").revoked_at is None  # stays "expired"
    assert ApiToken.objects.get(name="portal-gone").revoked_at == gone_at
    reset = AuditEvent.objects.get(action="password.reset", object_id="portal")
    assert reset.detail["api_tokens_revoked"] == []
