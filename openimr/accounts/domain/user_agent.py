"""A browser's User-Agent header said short, for "Your sessions": which browser on which
system ("Firefox 128 on Windows"), enough for a person to tell their own sessions apart
and to notice one they do not know. HIPAA 45 CFR 164.308(a)(5)(ii)(C) (log-in monitoring:
a person sees where their account is signed in)."""

import re

SHOWN_MOST = 60  # characters of a header no rule below recognizes

# First match wins: Edge and Opera also say "Chrome", Chrome also says "Safari".
_BROWSERS = (
    ("Edge", r"Edg(?:e|A|iOS)?/(\d+)"),
    ("Opera", r"(?:OPR|Opera)/(\d+)"),
    ("Firefox", r"(?:Firefox|FxiOS)/(\d+)"),
    ("Chrome", r"(?:Chrome|CriOS)/(\d+)"),
    ("Safari", r"Version/(\d+)[.\d]* (?:Mobile/\S+ )?Safari/"),
    ("curl", r"^curl/(\d+)"),
)
# iPhone and Android before macOS and Linux: their headers also say "Mac OS X", "Linux".
_SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("ChromeOS", "CrOS"),
    ("Windows", "Windows"),
    ("macOS", "Mac OS X"),
    ("Linux", "Linux"),
)


def browser_summary(user_agent: str) -> str:
    """``Mozilla/5.0 (Windows NT 10.0; ...) Gecko/20100101 Firefox/128.0`` -> "Firefox 128
    on Windows"; a header not recognized is shown itself, cut to ``SHOWN_MOST`` characters
    with "…"; none at all is "Unknown browser"."""
    text = " ".join(user_agent.split())
    if not text:
        return "Unknown browser"
    browser = next(
        (f"{name} {m.group(1)}" for name, rx in _BROWSERS if (m := re.search(rx, text))), None
    )
    system = next((name for name, marker in _SYSTEMS if marker in text), None)
    if browser is None:
        return text if len(text) <= SHOWN_MOST else text[: SHOWN_MOST - 1] + "…"
    return f"{browser} on {system}" if system else browser
