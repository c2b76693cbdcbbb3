"""The session engine (``SESSION_ENGINE``): Django's database sessions, each row stored with
the user signed in to it (openimr.accounts.models.AccountSession), read from the session's
own data at each save, so that login, the second factor's new key and logout keep it right
without any other code knowing."""

from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


# Named as Django's own store: the class's name salts the signed session data, so sessions
# written by either store read in the other.
class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls) -> Any:
        from openimr.accounts.models import AccountSession  # noqa: PLC0415 (models not ready)

        return AccountSession

    def create_model_instance(self, data: dict[str, Any]) -> Any:
        instance: Any = super().create_model_instance(data)
        instance.user_id = data.get(SESSION_KEY)
        return instance
