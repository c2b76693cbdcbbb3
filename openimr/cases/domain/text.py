"""What a form's text may hold: what a served notice can print as the parties will read it.

Control characters other than tab and line breaks are never typed on a form (a NUL cannot
even be stored in a PostgreSQL text column), in either the C0 or the C1 range; a
text-direction embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) makes a name
or reason print in another order than it was written."""

from openimr.core.errors import Problem
from openimr.core.text import unprintable, without_invisible

__all__ = ["WRITTEN_MAX", "is_invisible", "unprintable", "written_problem"]


def is_invisible(text: str) -> bool:
    """True when nothing of ``text`` would show on a page: only spaces and zero-width or
    other format characters (``"\\u200b"``), so it names no one."""
    return not without_invisible(text).strip()


# As an amended letter's reason (review.forms): a page of a served notice, not a record.
WRITTEN_MAX = 2000


def written_problem(text: str, *, path: str, name: str, missing: str) -> Problem | None:
    """What is wrong with text staff write for a notice to print (an override's reason, what
    a party is asked for, the answer received), at ``path``: ``missing`` when there is none,
    an unprintable character, or more than WRITTEN_MAX characters; None when it may print."""
    if not text.strip():
        message = missing
    elif unprintable(text):
        message = f"{name} {unprintable(text)}"
    elif len(text) > WRITTEN_MAX:
        message = f"{name} is {len(text)} characters; at most {WRITTEN_MAX} characters"
    else:
        return None
    return Problem(path, message)
