from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A client's bearer token. Only its SHA-256 is stored: a leaked database does not leak
    working tokens. The prefix lets staff tell tokens apart without seeing them."""

    name = models.CharField(max_length=150, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_tokens"
    )
    prefix = models.CharField(max_length=12)
    token_sha256 = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(default=list)
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Refused from this moment on (401 saying so); set at creation (OPENIMR_API_TOKEN_DAYS).
    expires_at = models.DateTimeField(null=True, blank=True)
    # When a request last got in with it (to the minute: token_used), for `tokens list`.
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class RateCount(models.Model):
    """One client's requests to the API in one minute (`openimr.api.rate_limit`), kept in the
    database so that every server process adds to the one count: in each process's memory,
    gunicorn's workers let a client make the limit to each of them."""

    client = models.CharField(max_length=100)  # "t:<token hash>", "u:<user id>", "ip:<address>"
    minute = models.BigIntegerField()  # minutes since the epoch
    requests = models.IntegerField(default=0)

    class Meta:
        constraints = [
            # Minute first: the sweep of past minutes reads the same index by its range.
            models.UniqueConstraint(fields=["minute", "client"], name="api_ratecount_one_a_minute")
        ]

    def __str__(self) -> str:
        return f"{self.client} in minute {self.minute}: {self.requests}"
