"""A specialty filter naming a specialty no published letter holds (a misspelling: "Pain
Medcine") lists nothing, as it should, but the page had said only "No decision matches",
which reads as "no Pain Medicine reviewer decided such a case". It now says that no letter
names that specialty, so the visitor looks at the spelling."""

import pytest

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters() -> None:
    make_decision(summary="Knee pain.", specialties=("Pain Medicine",))


def test_an_unknown_specialty_is_named_as_unknown(client, letters):
    body = client.get("/decisions/", {"specialty": "Pain Medcine"}).content.decode()
    assert (
        '<p class="muted" id="unknown-specialty">No published letter names the reviewer '
        "specialty “Pain Medcine”: check its spelling, or clear the filter to see the "
        "specialties the letters name.</p>"
    ) in body


def test_a_known_specialty_with_no_match_for_the_words_says_nothing_of_the_kind(client, letters):
    body = client.get("/decisions/", {"specialty": "pain medicine", "q": "shoulder"}).content
    assert b"unknown-specialty" not in body
    assert "No decision matches" in body.decode()
