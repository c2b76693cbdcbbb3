"""Tokens made before they expired are given the whole term from the upgrade
(`api/0002_token_expiry`), not from their creation: a client working the day before is not
cut off without warning, and still is once the term has run."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import User

from openimr.api.models import ApiToken
from openimr.api.services import token_check
from tests.migrating import back_at, migrate_to

BEFORE = [("api", "0001_initial")]
UPGRADED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_a_token_made_years_before_the_upgrade_works_for_the_term_after_it(settings):
    settings.OPENIMR_API_TOKEN_DAYS = 30
    user = User.objects.create_user("portal-user", is_staff=True)
    with back_at(BEFORE) as old:
        secret = "oimr_" + "a" * 43
        old.get_model("api", "ApiToken").objects.create(
            name="old-portal",
            user_id=user.pk,
            prefix=secret[:12],
            token_sha256=hashlib.sha256(secret.encode()).hexdigest(),
            scopes=["applications:read"],
            created_at=datetime(2020, 1, 1, tzinfo=UTC),
        )
        with time_machine.travel(UPGRADED, tick=False):
            migrate_to(None)
    assert ApiToken.objects.get().expires_at == UPGRADED + timedelta(days=30)
    with time_machine.travel(UPGRADED + timedelta(days=29), tick=False):
        assert token_check(secret) is not None
    with time_machine.travel(UPGRADED + timedelta(days=30), tick=False):
        assert token_check(secret) is None
