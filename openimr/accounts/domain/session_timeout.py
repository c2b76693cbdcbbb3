"""When a signed-in session ends: after a time without a request (idle), and a fixed time
after its login whatever is done meanwhile (absolute).

HIPAA 45 CFR 164.312(a)(2)(iii) (automatic logoff: end an electronic session after a
predetermined time of inactivity); NIST SP 800-63B 4.2.3 (AAL2: reauthenticate after 30
minutes of inactivity and at least once every 12 hours)."""

from dataclasses import dataclass
from enum import StrEnum


class Ended(StrEnum):
    IDLE = "idle"
    ABSOLUTE = "absolute"


@dataclass(frozen=True)
class SessionTimes:
    """Seconds since the epoch: when the session logged in, and its last request counted."""

    logged_in_at: float
    seen_at: float


def session_ended(
    times: SessionTimes, *, now: float, idle_seconds: int, absolute_seconds: int
) -> Ended | None:
    """Why the session has ended at ``now``, or None while it lasts. The absolute limit
    wins: a session used all day still ends a working day after its login. Exactly at a
    limit the session still lasts (a limit is the time it may last)."""
    if now - times.logged_in_at > absolute_seconds:
        return Ended.ABSOLUTE
    if now - times.seen_at > idle_seconds:
        return Ended.IDLE
    return None


# A request within this long of the last one counted is not written to the session: one
# write a minute instead of one a request, at the cost of up to a minute of idle precision.
SEEN_GRANULARITY_SECONDS = 60

# The shortest idle limit: as the last request counted may be up to a minute older than the
# last one made, a session may end up to a minute early. Under two minutes, a session in
# use, its requests less than a minute apart, could be ended as idle (HIPAA 45 CFR
# 164.312(a)(2)(iii) asks for a logoff after inactivity, not during work).
IDLE_LEAST_SECONDS = 2 * SEEN_GRANULARITY_SECONDS


def seen_is_stale(times: SessionTimes, *, now: float) -> bool:
    """Whether this request's time should be written as the session's last one."""
    return now - times.seen_at >= SEEN_GRANULARITY_SECONDS
