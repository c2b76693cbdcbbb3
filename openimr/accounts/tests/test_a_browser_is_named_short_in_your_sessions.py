""" "Your sessions" names each session's browser short ("Firefox 128 on Windows"), so a
person tells their sessions apart and notices one they do not know; a header it does not
recognize is shown cut, never dropped."""

import pytest

from openimr.accounts.domain.user_agent import SHOWN_MOST, browser_summary
from openimr.accounts.tests.sessions_helpers import CHROME, FIREFOX, SAFARI

EDGE = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87"
)
MAC_SAFARI = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Safari/605.1.15"
)
ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.6478.122 Mobile Safari/537.36"
)


@pytest.mark.parametrize(
    ("header", "shown"),
    [
        (FIREFOX, "Firefox 128 on Windows"),
        (SAFARI, "Safari 17 on iPhone"),
        (CHROME, "Chrome 126 on Linux"),
        (EDGE, "Edge 126 on Windows"),
        (MAC_SAFARI, "Safari 17 on macOS"),
        (ANDROID, "Chrome 126 on Android"),
        ("curl/8.5.0", "curl 8"),
        ("", "Unknown browser"),
        ("   ", "Unknown browser"),
        ("SomeTool", "SomeTool"),
    ],
)
def test_a_known_browser_is_named_with_its_version_and_system(header, shown):
    assert browser_summary(header) == shown


def test_an_unknown_long_header_is_cut_saying_so():
    shown = browser_summary("x" * 500)
    assert len(shown) == SHOWN_MOST and shown.endswith("…")
