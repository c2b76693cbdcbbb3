"""A password with an accented letter or a full-width digit matches however the keyboard
sent it: composed or decomposed, full-width or ASCII (NFKC, NIST SP 800-63B 5.1.1.2). Under
the real hasher (Argon2id), not the suite's quick one."""

import unicodedata

import pytest
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import User

import config.settings as production

COMPOSED = unicodedata.normalize("NFC", "café-au-lait-2024")
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)
FULL_WIDTH = COMPOSED.replace("2024", "２０２４")


@pytest.fixture
def real_hashing(settings):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS


@pytest.mark.parametrize(
    ("set_as", "typed"), [(COMPOSED, DECOMPOSED), (DECOMPOSED, COMPOSED), (COMPOSED, FULL_WIDTH)]
)
def test_the_same_password_in_another_form_matches(real_hashing, set_as, typed):
    assert set_as != typed
    assert check_password(typed, make_password(set_as))


def test_another_password_still_does_not(real_hashing):
    assert not check_password("cafe-au-lait-2024", make_password(COMPOSED))


def test_a_hash_made_before_normalisation_still_checks_as_typed(real_hashing):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    hasher = Argon2PasswordHasher()
    before = hasher.encode(DECOMPOSED, hasher.salt())
    assert check_password(DECOMPOSED, before)


@pytest.mark.django_db
def test_a_person_logs_in_with_the_password_typed_the_other_way(real_hashing, client):
    User.objects.create_user("somebody", password=COMPOSED)
    response = client.post("/login/", {"username": "somebody", "password": DECOMPOSED})
    assert response.status_code == 302
