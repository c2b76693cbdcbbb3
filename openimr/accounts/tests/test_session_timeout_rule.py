"""The session-timeout rule, without a database: idle after OPENIMR_SESSION_IDLE_SECONDS
without a request, absolute OPENIMR_SESSION_SECONDS after login (HIPAA 45 CFR
164.312(a)(2)(iii); NIST SP 800-63B 4.2.3)."""

import pytest

from openimr.accounts.domain.session_timeout import (
    Ended,
    SessionTimes,
    seen_is_stale,
    session_ended,
)

IDLE, ABSOLUTE = 1800, 28800


@pytest.mark.parametrize(
    ("logged_in_at", "seen_at", "now", "expected"),
    [
        (0, 0, 0, None),
        (0, 0, IDLE, None),  # exactly at the limit it still lasts
        (0, 0, IDLE + 1, Ended.IDLE),
        (0, ABSOLUTE - 60, ABSOLUTE, None),  # busy all day, within the day
        (0, ABSOLUTE, ABSOLUTE + 1, Ended.ABSOLUTE),  # busy all day, a day past login
        (0, 0, ABSOLUTE + 1, Ended.ABSOLUTE),  # both passed: the absolute limit is named
    ],
)
def test_a_session_ends_idle_or_a_day_after_login(logged_in_at, seen_at, now, expected):
    times = SessionTimes(logged_in_at=logged_in_at, seen_at=seen_at)
    assert session_ended(times, now=now, idle_seconds=IDLE, absolute_seconds=ABSOLUTE) == expected


@pytest.mark.parametrize(
    ("seen_at", "now", "stale"), [(0, 59, False), (0, 60, True), (0, 61, True)]
)
def test_the_last_request_is_written_once_a_minute(seen_at, now, stale):
    assert seen_is_stale(SessionTimes(logged_in_at=0, seen_at=seen_at), now=now) is stale
