"""API tokens expire (`OPENIMR_API_TOKEN_DAYS`, 90 days by default, or `--days`): an expired
token answers 401 saying when it expired, the refusal is logged, and `openimr tokens list`
shows each token's state; a forged token still learns nothing."""

import json
import logging
from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth.models import User

from openimr.api.models import ApiToken
from openimr.api.services import token_create
from openimr.audit.models import AuditEvent
from openimr.cli import main
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db
MADE = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
URL = "/api/v1/applications/CM24-0000001"


@pytest.fixture
def portal():
    User.objects.create_user("claims-portal", is_staff=True)


def _made(**options):
    with time_machine.travel(MADE, tick=False):
        return token_create(name="portal", username="claims-portal", **options)


def _get(client, secret):
    return client.get(URL, headers={"Authorization": f"Bearer {secret}"})


def test_a_new_token_works_for_the_configured_days_then_says_it_expired(
    client, portal, settings, caplog
):
    settings.OPENIMR_API_TOKEN_DAYS = 30
    secret = _made()
    assert ApiToken.objects.get().expires_at == datetime(2024, 4, 19, 17, 0, tzinfo=UTC)
    created = AuditEvent.objects.get(action="api_token.created")
    assert created.detail["expires_at"] == "2024-04-19T17:00:00+00:00"
    with time_machine.travel("2024-04-19 16:59Z", tick=False):
        assert _get(client, secret).status_code == 404  # let in: no such case
    with time_machine.travel("2024-04-19 17:00Z", tick=False), caplog.at_level(logging.WARNING):
        answer = _get(client, secret)
    assert answer.status_code == 401
    assert answer.json()["error"] == {
        "code": "unauthenticated",
        "message": "this API token expired on 2024-04-19 17:00 UTC; ask the IMR organization "
        "for a new one (openimr tokens create)",
        "fields": [],
    }
    assert any("api token refused (expired)" in r.getMessage() for r in caplog.records)
    assert secret not in caplog.text


def test_the_default_is_90_days_and_days_can_be_given_per_token(portal):
    _made()
    assert ApiToken.objects.get().expires_at == datetime(2024, 6, 18, 17, 0, tzinfo=UTC)
    ApiToken.objects.all().delete()
    _made(days=1)
    assert ApiToken.objects.get().expires_at == datetime(2024, 3, 21, 17, 0, tzinfo=UTC)


@pytest.mark.parametrize("days", [0, -5, 3661])
def test_a_term_out_of_range_is_refused_naming_it(portal, days):
    with pytest.raises(InvalidInput) as refused:
        _made(days=days)
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("$.days", f"give 1 to 3660 days, not {days}")
    ]
    assert not ApiToken.objects.exists()


def test_a_forged_token_is_not_told_anything_about_expiry(client):
    answer = _get(client, "oimr_forged")
    assert answer.json()["error"]["message"] == "a valid API token or staff session is required"


def test_the_list_shows_when_each_token_expires_and_active_leaves_expired_ones_out(portal, capsys):
    with time_machine.travel(MADE, tick=False):
        assert main(["tokens", "create", "short", "--user", "claims-portal", "--days", "1"]) == 0
        assert main(["tokens", "create", "long", "--user", "claims-portal"]) == 0
    capsys.readouterr()
    with time_machine.travel("2024-03-25 12:00Z", tick=False):
        main(["tokens", "list", "--json"])
        listed = {t["name"]: t for t in json.loads(capsys.readouterr().out)}
        main(["tokens", "list"])
        text = capsys.readouterr().out
        main(["tokens", "list", "--active"])
        active = capsys.readouterr().out
    assert (listed["short"]["state"], listed["long"]["state"]) == ("expired", "active")
    assert listed["short"]["expires_at"] == "2024-03-21T17:00:00+00:00"
    assert "expired 2024-03-21" in text and "expires 2024-06-18" in text
    assert "long" in active and "short" not in active


def test_the_cli_refuses_a_bad_term_with_exit_2(portal, capsys):
    assert main(["tokens", "create", "p", "--user", "claims-portal", "--days", "0"]) == 2
    assert "give 1 to 3660 days, not 0" in capsys.readouterr().err
