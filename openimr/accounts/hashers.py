"""Passwords hashed after Unicode normalisation (NFKC), so that one typed on another keyboard
or system still matches: "café" arrives composed (é, one code point) from most keyboards
and decomposed (e and a combining accent) from some, and a full-width digit from an East
Asian input method; each is the same password to the person typing it. NIST SP 800-63B
5.1.1.2 (verifiers SHOULD apply NFKC or NFKD normalisation before hashing)."""

import unicodedata

from django.contrib.auth.hashers import Argon2PasswordHasher


def password_normalized(password: str) -> str:
    return unicodedata.normalize("NFKC", password)


class NfkcArgon2PasswordHasher(Argon2PasswordHasher):
    """Django's Argon2id hasher (the same ``argon2`` algorithm and stored format) over the
    NFKC form of the password. A hash made before normalisation, of a password whose NFKC
    form differs, still checks as typed then; the next login re-hashes nothing, since the
    parameters did not change, but the next password set is normalised."""

    def encode(self, password: str, salt: str) -> str:
        return super().encode(password_normalized(password), salt)

    def verify(self, password: str, encoded: str) -> bool:
        normal = password_normalized(password)
        if super().verify(normal, encoded):
            return True
        return normal != password and super().verify(password, encoded)
