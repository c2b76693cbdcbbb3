"""What a form's text may hold: what a served notice can print as the parties will read it.

Control characters other than tab and line breaks are never typed on a form (a NUL cannot
even be stored in a PostgreSQL text column), in either the C0 or the C1 range; a
text-direction embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) makes a name
or reason print in another order than it was written."""

import re
import unicodedata

from openimr.core.text import has_control_character

_DIRECTION = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def unprintable(text: str) -> str | None:
    """What is wrong with ``text`` as a form's text (see the module), or None."""
    if has_control_character(text, allowed="\t\n\r"):
        return "must not contain control characters"
    if _DIRECTION.search(text):
        return "must not contain text-direction controls (U+202A to U+202E, U+2066 to U+2069)"
    return None


def is_invisible(text: str) -> bool:
    """True when nothing of ``text`` would show on a page: only spaces and zero-width or
    other format characters (``"\\u200b"``), so it names no one."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)
