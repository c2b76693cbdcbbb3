"""OPENIMR_SESSION_IDLE_SECONDS under two minutes stops start-up, saying why: the last
request is written to the session at most once a minute, so a session may end up to a minute
early, and under two minutes one in use could be ended as idle (the login page had said
"You were logged out after 0 minutes")."""

import importlib

import pytest

from config.env import SettingError


@pytest.fixture
def reload_settings(monkeypatch):
    from config import settings

    yield lambda: importlib.reload(settings)
    monkeypatch.delenv("OPENIMR_SESSION_IDLE_SECONDS", raising=False)
    importlib.reload(settings)


@pytest.mark.parametrize("value", ["30", "59", "119"])
def test_an_idle_limit_under_two_minutes_is_refused_saying_why(monkeypatch, reload_settings, value):
    monkeypatch.setenv("OPENIMR_SESSION_IDLE_SECONDS", value)
    with pytest.raises(SettingError) as refused:
        reload_settings()
    assert str(refused.value) == (
        f"OPENIMR_SESSION_IDLE_SECONDS={value!r} is not a whole number of at least 120: a "
        "request is counted at most once a minute, so a session may end up to a minute early, "
        "and a shorter limit would end sessions in use"
    )


def test_two_minutes_is_taken(monkeypatch, reload_settings):
    monkeypatch.setenv("OPENIMR_SESSION_IDLE_SECONDS", "120")
    assert reload_settings().OPENIMR_SESSION_IDLE_SECONDS == 120
