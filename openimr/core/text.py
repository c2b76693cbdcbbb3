"""Characters no input of openimr holds."""


def has_control_character(text: str, *, allowed: str = "") -> bool:
    """Whether ``text`` holds a control character (Unicode category Cc: C0, DEL and C1) other
    than those in ``allowed``. PostgreSQL cannot store or compare text holding a NUL, and the
    others garble what a page, a letter or the audit trail prints."""
    return any((c <= "\x1f" or "\x7f" <= c <= "\x9f") and c not in allowed for c in text)
