"""The one source of the current time, so that tests can freeze it in one place."""

from datetime import UTC, datetime


def now() -> datetime:
    """Timezone-aware UTC now."""
    return datetime.now(UTC)
