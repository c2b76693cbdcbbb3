"""The upgrade that stores sessions with their user (migration accounts/0001) copies the
sessions open at that moment, each with its user, so nobody is signed out by it: the
browser goes on with the page it had. An expired session is not copied."""

from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from openimr.accounts.models import AccountSession
from tests.migrating import migrate_to


def _old_session(key: str, user_id: int, expires: timedelta) -> None:
    data = SessionStore().encode(  # as Django's database sessions wrote them
        {SESSION_KEY: str(user_id), "other": "kept"}
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO django_session (session_key, session_data, expire_date)"
            " VALUES (%s, %s, %s)",
            [key, data, connection.ops.adapt_datetimefield_value(timezone.now() + expires)],
        )


@pytest.mark.django_db(transaction=True)
def test_the_open_sessions_are_copied_with_their_user():
    user = User.objects.create_user("pat", password="a-long-test-password")
    try:
        MigrationExecutor(connection).migrate([("accounts", None)])  # before the app had tables
        _old_session("a" * 32, user.pk, timedelta(hours=1))
        _old_session("b" * 32, user.pk, -timedelta(hours=1))
    finally:
        migrate_to(None)
    [copied] = AccountSession.objects.all()
    assert (copied.session_key, copied.user_id) == ("a" * 32, user.pk)
    assert copied.get_decoded()["other"] == "kept"
