"""Fixtures shared by every app's tests."""

import base64
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from reportlab.pdfgen import canvas

DEMO = Path(__file__).parent / "openimr" / "demo" / "cases"
SEED_FILE = DEMO / "seed-90bd304bc794ee83.json"
THREE_ITEM_FILE = DEMO / "cm16-0400101.json"
SHARED = Path(__file__).resolve().parent.parent / "shared"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    """A PostgreSQL test database of this session's own, named after its process: every
    session on one server otherwise made and dropped the same ``test_openimr``. A transactional
    test closes its connection when it ends, so a second session (`make test-postgres` in CI
    while someone ran the race tests, both on the Makefile's server) dropped and remade that
    database between two tests of the first, then flushed it under them: tests failed on
    rows that vanished or appeared. SQLite's test database is in memory, one a process."""
    from django.conf import settings  # noqa: PLC0415

    for db in settings.DATABASES.values():
        if db["ENGINE"] != "django.db.backends.postgresql":
            continue
        test = db.setdefault("TEST", {})
        name = test.get("NAME") or f"test_{db['NAME']}"
        test["NAME"] = f"{name}_{os.getpid()}"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    """Stored files (letters, records) go to a fresh folder per test, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Any) -> None:
    """Argon2 took 0.57 s a hash here (by design), and the suite makes hundreds of users
    (five in each of the 53 review tests alone); tests hash with MD5 instead.
    openimr/accounts/tests/test_passwords_are_hashed_with_argon2.py proves the real
    settings use Argon2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _force_login_passes_both_factors(monkeypatch: Any) -> None:
    """``client.force_login`` skips the password; in this suite it skips typing the TOTP code
    too, with a real confirmed device recorded in the session (``verified_login``). Tests
    of the second factor itself log in through the form (``form_login``)."""
    # Imported here: a model module cannot load before pytest-django sets Django up.
    from django.test import Client  # noqa: PLC0415

    from openimr.accounts.tests.helpers import verified_login  # noqa: PLC0415

    original = Client.force_login

    def force_login(self: Client, user: Any, backend: str | None = None) -> None:
        original(self, user, backend)
        verified_login(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def seed_doc() -> dict[str, Any]:
    return json.loads(SEED_FILE.read_text(encoding="utf-8"))


@pytest.fixture
def three_item_doc() -> dict[str, Any]:
    return json.loads(THREE_ITEM_FILE.read_text(encoding="utf-8"))


APPLICATION_FILE = Path(__file__).parent / "tests" / "data" / "application.json"


def make_pdf(
    text: str = "Utilization Review Determination: MRI right knee not certified.",
) -> bytes:
    """A real one-page PDF, as a UR organization would send."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


@pytest.fixture
def application_doc() -> dict[str, Any]:
    """A complete, eligible application as the API takes it, received 2024-03-20."""
    doc = json.loads(APPLICATION_FILE.read_text(encoding="utf-8"))
    doc["ur_decision_document"] = {
        "filename": "ur.pdf",
        "content_base64": base64.b64encode(make_pdf()).decode(),
    }
    return doc


def intake_clerk(username: str = "clerk") -> Any:
    """An intake clerk: a staff account in the ``intake`` group, which the staff pages ask for
    (``openimr.core.access``). The group is made here when a transactional test has flushed
    the migration's."""
    user = get_user_model().objects.create_user(
        username, password="a-long-test-password", is_staff=True
    )
    user.groups.add(apps.get_model("auth", "Group").objects.get_or_create(name="intake")[0])
    return user


@pytest.fixture
def staff_client(client: Any, db: Any) -> Any:
    """The test client logged in as an intake clerk."""
    user = intake_clerk()
    client.force_login(user)
    return user


@pytest.fixture(autouse=True)
def _corpus_answers_are_exact(settings: Any) -> None:
    """Tests publish a letter and search for it at once: kept answers are served only while
    the corpus stands still. The lag itself is tested in
    openimr/decisions/tests/test_kept_answers_lag_only_behind_new_letters.py."""
    settings.OPENIMR_CORPUS_LAG_SECONDS = 0


@pytest.fixture(autouse=True)
def _api_takes_no_count(settings: Any) -> None:
    """Tests call the API hundreds of times a minute from one address (the authorization
    matrix alone): the limit is off but where tested, in
    openimr/api/tests/test_a_client_past_its_rate_is_told_when_to_try_again.py."""
    settings.OPENIMR_API_RATE_PER_MINUTE = 0
    settings.OPENIMR_API_ANON_RATE_PER_MINUTE = 0
