"""When wrong second-factor codes lock the second factor.

NIST SP 800-63B 5.2.2 (rate limiting): a verifier limits consecutive failed authentication
attempts on one authenticator to no more than 100. The pause after each wrong code
(openimr.accounts.domain.code_pause) slows a guesser but never stops one: at its cap of
256 s a six-digit code could be tried some 330 times a day for ever. After
``LOCK_AFTER_WRONG_CODES`` wrong codes in a row the second factor takes no code until an
administrator unlocks it; a right code before that starts the count again. HIPAA 45 CFR
164.312(d) (person or entity authentication)."""

LOCK_AFTER_WRONG_CODES = 100


def locks_now(wrong_codes_in_a_row: int, limit: int = LOCK_AFTER_WRONG_CODES) -> bool:
    """Whether the wrong code just counted, the ``wrong_codes_in_a_row``-th, locks the second
    factor: the ``limit``-th does (NIST SP 800-63B 5.2.2: no more than ``limit`` failed
    attempts), each one past it finds it locked already."""
    return wrong_codes_in_a_row >= limit
