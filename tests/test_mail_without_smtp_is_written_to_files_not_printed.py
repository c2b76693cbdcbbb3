"""With no SMTP server, mail was printed to the console: `applications import` flooded its
output with every notice e-mail and its base64 PDF. Each message is now a file under
OPENIMR_DATA_DIR/mail/ (the outbox, on by default while DEBUG is); the console only when
asked; SMTP, as before, when a host is set. Production with no server and the outbox off
sends nothing (openimr.core.mail), rather than write mail nobody is told of."""

import importlib

import pytest
from django.core.mail import EmailMessage
from django.test import override_settings

SMTP, CONSOLE = (f"django.core.mail.backends.{name}.EmailBackend" for name in ("smtp", "console"))
FILES, NO_SERVER = "openimr.core.mail.OutboxBackend", "openimr.core.mail.NoServerBackend"


@pytest.fixture
def fresh_settings(monkeypatch, tmp_path):
    """The settings module read again under the environment a test sets."""
    from config import settings

    monkeypatch.setenv("OPENIMR_DATA_DIR", str(tmp_path))
    for name in ("OPENIMR_EMAIL_HOST", "OPENIMR_EMAIL_CONSOLE", "OPENIMR_EMAIL_OUTBOX"):
        monkeypatch.delenv(name, raising=False)
    yield lambda: importlib.reload(settings)
    monkeypatch.undo()
    importlib.reload(settings)


def test_mail_goes_to_a_file_a_message_under_the_data_folder(fresh_settings, tmp_path, capfd):
    fresh = fresh_settings()
    assert fresh.EMAIL_BACKEND == FILES
    assert str(tmp_path / "mail") == fresh.EMAIL_FILE_PATH
    with override_settings(
        EMAIL_BACKEND=fresh.EMAIL_BACKEND, EMAIL_FILE_PATH=fresh.EMAIL_FILE_PATH
    ):
        sent = [
            EmailMessage(subject=f"Notice {n}", body="See it.", to=["a@b.test"]) for n in (1, 2)
        ]
        for message in sent:  # each kept: Django names a file after its connection's id()
            message.attach("notice.pdf", b"%PDF-1.7 " * 5000, "application/pdf")
            message.send()
    out, err = capfd.readouterr()
    assert "Notice" not in out and "base64" not in out and not err
    files = sorted((tmp_path / "mail").iterdir())
    assert len(files) == 2 and all(f.suffix == ".eml" for f in files)
    assert "Subject: Notice 1" in files[0].read_text() + files[1].read_text()


def test_the_console_only_when_asked_and_smtp_when_a_host_is_set(fresh_settings, monkeypatch):
    monkeypatch.setenv("OPENIMR_EMAIL_CONSOLE", "true")
    assert fresh_settings().EMAIL_BACKEND == CONSOLE
    monkeypatch.setenv("OPENIMR_EMAIL_HOST", "mail.example.test")
    assert fresh_settings().EMAIL_BACKEND == SMTP


def test_production_sends_nothing_without_a_server_unless_the_outbox_is_set(
    fresh_settings, monkeypatch
):
    monkeypatch.setenv("OPENIMR_DEBUG", "false")
    monkeypatch.setenv("OPENIMR_SECRET_KEY", "k" * 60)
    assert fresh_settings().EMAIL_BACKEND == NO_SERVER
    monkeypatch.setenv("OPENIMR_EMAIL_OUTBOX", "true")
    assert fresh_settings().EMAIL_BACKEND == FILES
    monkeypatch.setenv("OPENIMR_EMAIL_HOST", "mail.example.test")
    assert fresh_settings().EMAIL_BACKEND == SMTP


def test_development_can_turn_the_outbox_off(fresh_settings, monkeypatch):
    monkeypatch.setenv("OPENIMR_EMAIL_OUTBOX", "false")
    assert fresh_settings().EMAIL_BACKEND == NO_SERVER
