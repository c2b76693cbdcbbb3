"""Passwords are stored as Argon2id hashes under the real settings (the suite itself hashes
with a quicker one: see the root conftest)."""

from django.contrib.auth.hashers import check_password, identify_hasher, make_password

import config.settings as production


def test_the_real_settings_hash_with_argon2_first(settings):
    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    stored = make_password("a-long-test-password")
    assert stored.startswith("argon2$argon2id$")
    assert identify_hasher(stored).algorithm == "argon2"
    assert check_password("a-long-test-password", stored)
    assert not check_password("a-wrong-password", stored)


def test_an_older_pbkdf2_hash_still_checks_so_it_can_be_upgraded(settings):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    old = make_password("a-long-test-password", hasher="pbkdf2_sha256")
    assert check_password("a-long-test-password", old)
