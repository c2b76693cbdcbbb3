"""`openimr tokens create|list|revoke|register|contact`: the secret is printed once, the list never shows
it, a revoked token stops working at once, bad input exits 2 naming the problem."""

import json

import pytest
from django.contrib.auth.models import User

from openimr.api.services import token_check
from openimr.audit.models import AuditEvent
from openimr.cases.models import ClaimsAdministrator
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


def test_register_and_contact_set_where_the_administrators_letters_go(portal_user, capsys):
    args = ["tokens", "register", "claims-portal", "Golden State Claims"]
    assert main([*args, "--address", "P.O. Box 60214 | Sacramento, CA 95860"]) == 0
    registered = ClaimsAdministrator.objects.get()
    assert registered.address == "P.O. Box 60214\nSacramento, CA 95860"
    capsys.readouterr()
    assert main(["tokens", "contact", "Golden State Claims", "--email", "imr@golden.test"]) == 0
    assert "address P.O. Box 60214 | Sacramento, CA 95860; e-mail imr@golden.test" in (
        capsys.readouterr().out
    )
    assert main(["tokens", "contact", "golden state claims", "--address", ""]) == 0
    registered.refresh_from_db()
    assert (registered.address, registered.email) == ("", "imr@golden.test")
    changes = AuditEvent.objects.filter(action="claims_administrator.contact_changed")
    assert [e.detail["changed"] for e in changes.order_by("id")] == [
        ["address"],
        ["email"],
        ["address"],
    ]


def test_a_bad_contact_is_refused_and_nothing_is_registered_or_changed(portal_user, capsys):
    bad = ["tokens", "register", "claims-portal", "Golden State Claims", "--email", "not-an-email"]
    assert main(bad) == 2
    assert "email" in capsys.readouterr().err
    assert not ClaimsAdministrator.objects.exists()
    assert main(["tokens", "register", "claims-portal", "Golden State Claims"]) == 0
    capsys.readouterr()
    too_long = "x" * 501
    assert main(["tokens", "contact", "Golden State Claims", "--address", too_long]) == 2
    assert "address" in capsys.readouterr().err
    assert main(["tokens", "contact", "Golden State Claims", "--address", "Box\x07 1"]) == 2
    assert main(["tokens", "contact", "Golden State Claims"]) == 2
    assert "give --address, --email or both" in capsys.readouterr().err
    assert main(["tokens", "contact", "Pacific Comp", "--email", "a@b.test"]) == 2
    assert "no registered claims administrator 'Pacific Comp'" in capsys.readouterr().err
    assert ClaimsAdministrator.objects.get().address == ""
