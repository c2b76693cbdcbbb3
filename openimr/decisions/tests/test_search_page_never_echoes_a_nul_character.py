"""A NUL typed into the search box (or into the address) is searched as a space, and the
page shows it as one: a NUL in HTML is shown by browsers as a replacement character."""

import pytest

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


def test_the_query_is_shown_without_its_nul(client):
    make_decision(summary="Knee pain after a fall.")
    response = client.get("/decisions/?q=knee%00pain")
    body = response.content.decode()
    assert response.status_code == 200
    assert "\x00" not in body
    assert "1 decision matching “knee pain”" in body
    assert 'value="knee pain"' in body


def test_a_refused_search_shows_no_nul_either(client):
    response = client.get("/decisions/?q=knee%00&year=soon")
    assert response.status_code == 400
    assert "\x00" not in response.content.decode()
