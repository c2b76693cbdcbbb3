"""How long the pause after wrong second-factor codes may grow.

django-otp pauses a device ``factor * 2**(n - 1)`` seconds after its n-th wrong code in a
row, with no cap short of a century: someone holding only the password could type a dozen
wrong codes and shut the owner out of the code step for hours (2**11 s is 34 minutes,
2**15 s nine hours) while the owner's phone is right. The pause exists to slow guessing
(NIST SP 800-63B 5.2.2: at most 100 failed attempts before a lockout, and a limit that
must not become a denial of service to the subscriber); a few minutes already holds a
guesser of six-digit codes to a handful of tries an hour. HIPAA 45 CFR 164.308(a)(5)(ii)(D)
(password management) and 164.312(d) (person authentication)."""

PAUSE_MOST_SECONDS = 300  # five minutes

# More failures than django-otp could count: with its throttling off (factor 0) no count
# pauses, so none needs cutting.
NO_CAP = 2**31 - 1


def wrong_codes_counted(factor: int, most_seconds: int = PAUSE_MOST_SECONDS) -> int:
    """The most wrong codes in a row to count: the largest n whose pause, ``factor *
    2**(n - 1)`` seconds, is at most ``most_seconds`` (9 with django-otp's factor 1: 256 s).
    A count past it is cut back to it, so the pause stops doubling there."""
    if factor <= 0:
        return NO_CAP
    counted = 1
    while factor * 2**counted <= most_seconds:
        counted += 1
    return counted
