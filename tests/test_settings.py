"""SQLite runs in WAL mode with immediate transactions, however it is configured."""

import importlib

import pytest


@pytest.mark.parametrize("url", [None, "sqlite:////tmp/openimr-settings-test.sqlite3"])
def test_sqlite_gets_wal_and_immediate_transactions(monkeypatch, url):
    if url:
        monkeypatch.setenv("DATABASE_URL", url)
    else:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    from config import settings

    fresh = importlib.reload(settings)
    options = fresh.DATABASES["default"]["OPTIONS"]
    assert "journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    importlib.reload(settings)


def test_a_malformed_boolean_setting_stops_start_up(monkeypatch):
    from config.env import SettingError, env_bool

    monkeypatch.setenv("OPENIMR_DEBUG", "perhaps")
    with pytest.raises(SettingError, match="OPENIMR_DEBUG='perhaps' is not a boolean"):
        env_bool("OPENIMR_DEBUG", default=True)


def test_production_without_a_secret_key_stops_start_up(monkeypatch):
    monkeypatch.setenv("OPENIMR_DEBUG", "false")
    monkeypatch.delenv("OPENIMR_SECRET_KEY", raising=False)
    from config import settings
    from config.env import SettingError

    with pytest.raises(SettingError, match="OPENIMR_SECRET_KEY"):
        importlib.reload(settings)
    monkeypatch.setenv("OPENIMR_DEBUG", "true")
    importlib.reload(settings)
