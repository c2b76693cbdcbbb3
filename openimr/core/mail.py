"""Where e-mail goes, said as it is. With a mail server (OPENIMR_EMAIL_HOST) a message is
handed to it: "sent". Without one, in development and the demo, a message is delivered to
the local outbox, one file a message under OPENIMR_DATA_DIR/mail/, which staff open on the
outbox page: a notice served there was never sent to anyone, and says so. In production
the outbox is off unless OPENIMR_EMAIL_OUTBOX turns it on: with no server a message fails,
naming the settings, and its party is served by mail (the print queue) instead of being
told it was e-mailed (LC 4610.6(f): every party must be served)."""

import email
import email.policy
import email.utils
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend
from django.core.mail.message import EmailMessage as DjangoMessage
from django.urls import reverse

from openimr.core.errors import NotFound

OUTBOX = "outbox"
CONSOLE = "console"
NO_SERVER = (
    "no mail server is set (OPENIMR_EMAIL_HOST) and the outbox is off (OPENIMR_EMAIL_OUTBOX)"
)
TO_OUTBOX = (
    "no mail server is set (OPENIMR_EMAIL_HOST): e-mail is delivered to the local outbox, "
    "which staff read, so a password-reset link is never put there"
)
RESET_WITHHELD = "[password-reset link withheld: the outbox is read by staff]"
SEPARATOR = b"-" * 79  # what Django's file backend writes after each message
# The outbox's own file names: the time written and a random part (Django's named a file by
# its connection's id(), which a later connection in the same second can reuse).
_NAME = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{8}\.eml$")
# The files Django's file backend wrote before the outbox had its own (until 2026-11-28):
# `<local time>-<connection id()>.log`, every message of one connection appended to the
# same file. Message n of such a file is listed as `<file>.<n>`, so that none of them is
# missing from the outbox page.
_OLD_FILE = re.compile(r"^\d{8}-\d{6}-\d+\.log$")
_OLD_NAME = re.compile(r"^(\d{8}-\d{6}-\d+\.log)\.([1-9]\d{0,5})$")
# The case a served document belongs to, written on each message that serves one
# (openimr.letters.serving): the outbox's audit events name the cases staff read mail of.
CASE_HEADER = "X-OpenIMR-Case"


class NoServerError(ConnectionError):
    """A message with no mail server to take it and the outbox off (production)."""


class NoServerBackend(BaseEmailBackend):
    """Production with no mail server and no outbox: every message fails, saying which
    setting is missing, so that nothing reads as sent."""

    def send_messages(self, email_messages: Any) -> int:
        if email_messages:
            raise NoServerError(NO_SERVER)
        return 0


class OutboxBackend(FileBackend):
    """Django's file backend, one file a message, named so that none is appended to
    another; ``written`` is the last file's name, for the service row that points to it."""

    written = ""
    _file: str | None = None

    def _get_filename(self) -> str:
        if self._file is None:
            folder = str(vars(self)["file_path"])  # set by Django's backend (not in its stubs)
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            self._file = os.path.join(folder, f"{stamp}-{secrets.token_hex(4)}.eml")
        return self._file

    def open(self) -> bool:
        # The owner's alone (0600), whatever the umask: a message names the parties (PHI).
        if self.stream is None:
            handle = os.open(self._get_filename(), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            self.stream = os.fdopen(handle, "ab")
            return True
        return False

    def write_message(self, message: Any) -> None:
        super().write_message(message)
        self.written = os.path.basename(self._get_filename())

    def close(self) -> None:
        super().close()
        self._file = None  # the next message has a file of its own


def mail_unsent() -> str:
    """Why no e-mail leaves this site, or "" when a mail server (or the console a developer
    asked for) takes it: the staff pages and the start-up check say it."""
    return NO_SERVER if settings.EMAIL_BACKEND.endswith(".NoServerBackend") else ""


def reset_link_undeliverable() -> str:
    """Why a password-reset link cannot reach the account's owner, or "": with no mail
    server it would be lost, and in the outbox any staff member could open it and take the
    account (docs/security.md), so the reset is refused before any account is looked up."""
    if settings.EMAIL_BACKEND.endswith(".OutboxBackend"):
        return TO_OUTBOX
    return mail_unsent()


def delivered(message: DjangoMessage) -> str:
    """Sends ``message``; where it went: "" (the mail server), ``outbox/<file>`` or
    ``console``. Raises what the backend raises (NoServerError without a server)."""
    connection = message.connection = get_connection()
    message.send()
    if isinstance(connection, OutboxBackend) and connection.written:
        return f"{OUTBOX}/{connection.written}"
    if settings.EMAIL_BACKEND.endswith(".console.EmailBackend"):
        return CONSOLE
    return ""


@dataclass(frozen=True)
class OutboxMessage:
    """One message of the outbox, as staff read it."""

    name: str
    written: datetime
    to: str
    subject: str
    body: str
    attachments: tuple[str, ...]
    case_number: str = ""  # CASE_HEADER's; none on a password reset or older mail


def _messages_in(path: Path) -> list[bytes]:
    """The messages a file holds, each as written before its separator line."""
    parts = path.read_bytes().split(b"\n" + SEPARATOR + b"\n")
    return [part for part in parts if part.strip()]


def _names_in(path: Path) -> list[str]:
    if _NAME.match(path.name):
        return [path.name]
    if _OLD_FILE.match(path.name) and path.is_file():
        return [f"{path.name}.{n}" for n in range(1, len(_messages_in(path)) + 1)]
    return []


def outbox_messages() -> list[OutboxMessage]:
    """The outbox's messages, newest first (none when no message was ever delivered): its
    own files and those Django's file backend wrote before them."""
    folder = Path(settings.EMAIL_FILE_PATH)
    if not folder.is_dir():
        return []
    found = [outbox_message(name) for path in folder.iterdir() for name in _names_in(path)]
    return sorted(found, key=lambda m: (m.written, m.name), reverse=True)


def _raw(name: str) -> tuple[Path, bytes]:
    """The file holding message ``name`` and the message's bytes. The name is checked
    against the outbox's own patterns first: never a path."""
    folder, old = Path(settings.EMAIL_FILE_PATH), _OLD_NAME.match(name)
    if _NAME.match(name) and (folder / name).is_file():
        return folder / name, (folder / name).read_bytes().split(b"\n" + SEPARATOR, 1)[0]
    if old and (folder / old[1]).is_file():
        messages = _messages_in(folder / old[1])
        if int(old[2]) <= len(messages):
            return folder / old[1], messages[int(old[2]) - 1]
    raise NotFound(f"no message {name} in the outbox")


def _written(parsed: EmailMessage, path: Path) -> datetime:
    """When the message was written: its Date header (several messages of an older file
    share one modification time), else the file's."""
    try:
        return email.utils.parsedate_to_datetime(str(parsed["Date"])).astimezone(UTC)
    except (TypeError, ValueError):
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _without_reset_links(text: str) -> str:
    """A password-reset link delivered to the outbox before reset was refused there is
    withheld: whoever opened it could set the account's password (docs/security.md). The
    link has two parts after the reset page's address; its other pages have one."""
    start = re.escape(reverse("accounts:password_reset"))
    return re.sub(rf"\S*{start}[^/\s]+/[^/\s]+/", RESET_WITHHELD, text)


def outbox_message(name: str) -> OutboxMessage:
    """The outbox's message ``name``; NotFound for a name that is none of its messages."""
    path, raw = _raw(name)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    body = parsed.get_body(preferencelist=("plain",))
    return OutboxMessage(
        name=name,
        written=_written(parsed, path),
        to=str(parsed.get("To", "")),
        subject=str(parsed.get("Subject", "")),
        body=_without_reset_links(body.get_content()) if body is not None else "",
        attachments=tuple(str(a.get_filename() or "") for a in parsed.iter_attachments()),
        case_number=str(parsed.get(CASE_HEADER, "")),
    )
