"""How the password-reset page and e-mail say how long the link works
(``PASSWORD_RESET_TIMEOUT``, config/settings.py: HIPAA 45 CFR 164.308(a)(5)(ii)(D))."""


def lifetime_words(seconds: int) -> str:
    """``3600`` -> "1 hour", ``5400`` -> "90 minutes", ``172800`` -> "2 days": the unit the
    span is a whole number of, largest first, so the page never rounds the real limit."""
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return f"{seconds} second{'' if seconds == 1 else 's'}"
