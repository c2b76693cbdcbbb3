"""The account's sessions, kept with their user, and the lock on its second factor."""

from typing import Any

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models


class AccountSession(AbstractBaseSession):
    """Django's database session with the signed-in user beside it
    (openimr.accounts.session_store), so that an account's sessions are found by an index,
    not by decoding every session on the site: "Your sessions" lists them and ends them.
    No database constraint on the user: a request in flight may save its session just
    after the account is deleted; Django's own cascade still removes the rows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        db_constraint=False,
        related_name="+",
    )

    class Meta:
        verbose_name = "session"

    @classmethod
    def get_session_store_class(cls) -> Any:
        from openimr.accounts.session_store import SessionStore  # noqa: PLC0415 (a cycle)

        return SessionStore


class SecondFactorLock(models.Model):
    """Wrong second-factor codes in a row, and when they reached the limit
    (openimr.accounts.domain.code_lock): django-otp's own count is cut back to nine to cap
    its pause (openimr.accounts.domain.code_pause), so it cannot hold the hundred."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    wrong_codes = models.PositiveIntegerField(default=0)
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "second-factor lock"

    def __str__(self) -> str:
        return f"second factor of user {self.user_id}"
