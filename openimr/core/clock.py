"""The one source of the current time, so that tests can freeze it in one place."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def now() -> datetime:
    """Timezone-aware UTC now."""
    return datetime.now(UTC)


CALIFORNIA = ZoneInfo("America/Los_Angeles")


def local_date(at: datetime, zone: ZoneInfo = CALIFORNIA) -> date:
    """The California calendar date of an instant: the law counts days in local dates."""
    return at.astimezone(zone).date()
