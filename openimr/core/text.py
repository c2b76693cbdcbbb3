"""Characters no input of openimr holds, and file names as text any output holds."""

import re


def has_control_character(text: str, *, allowed: str = "") -> bool:
    """Whether ``text`` holds a control character (Unicode category Cc: C0, DEL and C1) other
    than those in ``allowed``. PostgreSQL cannot store or compare text holding a NUL, and the
    others garble what a page, a letter or the audit trail prints."""
    return any((c <= "\x1f" or "\x7f" <= c <= "\x9f") and c not in allowed for c in text)


def file_name(name: str) -> str:
    """A file name as stored and printed: a byte that is not UTF-8 (which Python keeps as a
    lone surrogate, and neither a database nor a UTF-8 stream takes) written as ``\\xe9``.
    Corpus ingest stores names so and `openimr letter parse` prints them so."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_DIRECTION = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def unprintable(text: str) -> str | None:
    """What is wrong with ``text`` as text a page prints (a notice, a letter), or None:
    control characters other than tab and line breaks, in either the C0 or the C1 range; or
    a text-direction embedding, override or isolate (U+202A-U+202E, U+2066-U+2069), which
    makes a name or a sentence print in another order than it was written."""
    if has_control_character(text, allowed="\t\n\r"):
        return "must not contain control characters"
    if _DIRECTION.search(text):
        return "must not contain text-direction controls (U+202A to U+202E, U+2066 to U+2069)"
    return None
