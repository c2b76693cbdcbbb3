"""A refused print mark names the party as the queue does ("the claims administrator"), not
by its stored code ("claims_administrator")."""

import pytest

from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
QUEUE = "/review/print-queue/"
# Where staff mailed a party with no postal address on file (required to mark it printed).
MAILED = {"postal_address": "1 Capitol Mall, Sacramento, CA 95814"}


@pytest.fixture
def administrator_mailed(in_qa):
    letter_issue(case_number=CASE, actor="qa-doc")
    return LetterService.objects.get(party_role="claims_administrator")


def test_a_second_mark_names_the_claims_administrator_in_words(client, cast, administrator_mailed):
    login(client, cast.clerk).post(f"{QUEUE}{administrator_mailed.pk}/printed/", MAILED)
    body = client.post(f"{QUEUE}{administrator_mailed.pk}/printed/", MAILED, follow=True).content
    assert "the letter for the claims administrator was already marked printed" in body.decode()
    assert "claims_administrator" not in body.decode()


def test_an_e_mailed_party_is_named_in_words(client, cast, administrator_mailed):
    LetterService.objects.filter(pk=administrator_mailed.pk).update(method=LetterService.EMAIL)
    response = login(client, cast.clerk).post(
        f"{QUEUE}{administrator_mailed.pk}/printed/", MAILED, follow=True
    )
    assert "the claims administrator is served by e-mail" in response.content.decode()
