"""`openimr audit verify`: exit 0 and a count on an intact trail; exit 2 and each broken
event named on standard error otherwise."""

import json

import pytest

from openimr.audit.tests.tampering import events, tamper
from openimr.cli import main

pytestmark = pytest.mark.django_db


def test_an_intact_trail_exits_0_with_the_count(capsys):
    events(3)
    assert main(["audit", "verify"]) == 0
    assert "audit trail intact: 3 event(s)" in capsys.readouterr().out


def test_a_changed_event_exits_2_and_is_named(capsys):
    trail = events(3)
    tamper(("UPDATE audit_auditevent SET object_id = 'CM24-9999999' WHERE id = %s", [trail[1].pk]))
    assert main(["audit", "verify"]) == 2
    err = capsys.readouterr().err
    assert f"error: event {trail[1].pk}: changed: its content no longer matches its hash" in err
    assert "audit trail broken: 1 problem(s) in 3 event(s)" in err


def test_json_lists_the_problems(capsys):
    trail = events(3)
    tamper(("DELETE FROM audit_auditevent WHERE id = %s", [trail[1].pk]))
    assert main(["audit", "verify", "--json"]) == 2
    body = json.loads(capsys.readouterr().out)
    assert body["ok"] is False and body["checked"] == 2
    assert [(p["event_id"], p["kind"]) for p in body["problems"]] == [(trail[2].pk, "removed")]
