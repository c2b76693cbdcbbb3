"""`openimr tokens list` shows when each token last got a request in ("never used" until
then; `--json`: `last_used_at`), so that staff see which tokens are in use and revoke the
rest (HIPAA 45 CFR 164.308(a)(4)(ii)(C), access review). Written to the minute: a second
request within it leaves the time as it was. A refused request is no use."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import User

from openimr.api.models import ApiToken
from openimr.api.services import token_create
from openimr.cli import main

pytestmark = pytest.mark.django_db
FIRST = datetime(2024, 3, 20, 17, 0, 5, tzinfo=UTC)
URL = "/api/v1/applications/CM99-0000001"


def _ask(client, secret, at):
    with time_machine.travel(at, tick=False):
        return client.get(URL, headers={"Authorization": f"Bearer {secret}"})


def _listed(capsys):
    capsys.readouterr()
    main(["tokens", "list", "--json"])
    as_json = {row["name"]: row["last_used_at"] for row in json.loads(capsys.readouterr().out)}
    main(["tokens", "list"])
    return as_json, capsys.readouterr().out


def test_the_list_shows_each_tokens_last_use(client, capsys):
    User.objects.create_user("claims-portal", is_staff=True)
    with time_machine.travel(FIRST - timedelta(days=1), tick=False):
        used = token_create(name="portal", username="claims-portal")
        token_create(name="spare", username="claims-portal")
    as_json, text = _listed(capsys)
    assert as_json == {"portal": None, "spare": None}
    assert text.count("never used") == 2

    assert _ask(client, used, FIRST).status_code == 404  # in, though no such case
    assert _ask(client, used, FIRST + timedelta(seconds=40)).status_code == 404
    as_json, text = _listed(capsys)
    assert as_json == {"portal": FIRST.isoformat(), "spare": None}
    [portal_line] = [line for line in text.splitlines() if line.startswith("portal")]
    assert "used 2024-03-20 17:00" in portal_line

    later = FIRST + timedelta(minutes=5)
    assert _ask(client, used, later).status_code == 404
    assert _listed(capsys)[0]["portal"] == later.isoformat()


def test_a_refused_token_is_not_counted_as_used(client):
    User.objects.create_user("claims-portal", is_staff=True)
    secret = token_create(name="portal", username="claims-portal", scopes=("documents:read",))
    assert _ask(client, secret, FIRST).status_code == 403  # lacks applications:read
    assert ApiToken.objects.get(name="portal").last_used_at is None
