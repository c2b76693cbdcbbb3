"""The sandbox's time and memory limits come from the environment, and a malformed value
stops start-up naming the setting."""

import importlib

import pytest

from config.env import SettingError
from openimr.core import sandbox
from openimr.records.pdf import sandbox_limits


@pytest.fixture
def reload_settings(monkeypatch):
    from config import settings

    yield lambda: importlib.reload(settings)
    monkeypatch.delenv("OPENIMR_PDF_TIMEOUT_SECONDS", raising=False)
    monkeypatch.delenv("OPENIMR_PDF_MEMORY_MB", raising=False)
    importlib.reload(settings)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "OPENIMR_PDF_TIMEOUT_SECONDS",
            "soon",
            "OPENIMR_PDF_TIMEOUT_SECONDS='soon' is not a number",
        ),
        (
            "OPENIMR_PDF_TIMEOUT_SECONDS",
            "0",
            "OPENIMR_PDF_TIMEOUT_SECONDS='0' must be greater than 0",
        ),
        ("OPENIMR_PDF_MEMORY_MB", "-5", "OPENIMR_PDF_MEMORY_MB='-5' must be greater than 0"),
    ],
)
def test_a_malformed_limit_stops_start_up(monkeypatch, reload_settings, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingError, match=message):
        reload_settings()


def test_the_limits_are_read_from_the_environment(monkeypatch, reload_settings):
    monkeypatch.setenv("OPENIMR_PDF_TIMEOUT_SECONDS", "7.5")
    monkeypatch.setenv("OPENIMR_PDF_MEMORY_MB", "256")
    fresh = reload_settings()
    assert (fresh.OPENIMR_PDF_TIMEOUT_SECONDS, fresh.OPENIMR_PDF_MEMORY_MB) == (7.5, 256)


def test_reading_a_pdf_uses_the_configured_limits(settings):
    settings.OPENIMR_PDF_TIMEOUT_SECONDS, settings.OPENIMR_PDF_MEMORY_MB = 12, 300
    assert sandbox_limits() == sandbox.Limits(seconds=12, memory_bytes=300 * sandbox.MB)
