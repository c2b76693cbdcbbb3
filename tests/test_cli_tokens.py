"""`openimr tokens create|list|revoke`: the secret is printed once, the list never shows
it, a revoked token stops working at once, bad input exits 2 naming the problem."""

import json

import pytest
from django.contrib.auth.models import User

from openimr.api.services import token_check
from openimr.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal_user():
    return User.objects.create_user("claims-portal", is_staff=True)


def test_create_list_and_revoke(portal_user, capsys):
    assert main(["tokens", "create", "portal", "--user", "claims-portal"]) == 0
    secret = capsys.readouterr().out.strip()
    assert secret.startswith("oimr_") and token_check(secret) is not None
    assert main(["tokens", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["name"] == "portal" and listed[0]["revoked_at"] is None
    assert "documents:write" in listed[0]["scopes"]
    assert secret not in json.dumps(listed)
    assert main(["tokens", "revoke", "portal"]) == 0
    assert capsys.readouterr().out == "revoked portal\n"
    assert token_check(secret) is None
    main(["tokens", "list", "--active"])
    assert "portal" not in capsys.readouterr().out


def test_a_narrower_token_gets_only_the_scopes_asked_for(portal_user, capsys):
    main(["tokens", "create", "reader", "--user", "claims-portal", "--scope", "applications:read"])
    assert token_check(capsys.readouterr().out.strip()).scopes == ["applications:read"]


def test_an_unknown_user_or_a_duplicate_name_exits_2(portal_user, capsys):
    assert main(["tokens", "create", "portal", "--user", "nobody"]) == 2
    assert "no user nobody" in capsys.readouterr().err
    main(["tokens", "create", "portal", "--user", "claims-portal"])
    assert main(["tokens", "create", "portal", "--user", "claims-portal"]) == 2
    assert "exists already" in capsys.readouterr().err
    assert main(["tokens", "revoke", "no-such-token"]) == 2


def test_register_links_an_account_to_its_administrator_and_list_shows_it(portal_user, capsys):
    main(["tokens", "create", "portal", "--user", "claims-portal"])
    capsys.readouterr()
    assert main(["tokens", "register", "claims-portal", "Golden State Claims"]) == 0
    assert "claims-portal acts for Golden State Claims; 0 more case(s) linked" in (
        capsys.readouterr().out
    )
    main(["tokens", "list", "--json"])
    assert json.loads(capsys.readouterr().out)[0]["claims_administrator"] == "Golden State Claims"
    assert main(["tokens", "register", "claims-portal", "Pacific Comp"]) == 2
    assert "acts for Golden State Claims already" in capsys.readouterr().err
