"""A signed-in user's pages and an API token's answers carry protected health information:
each says ``Cache-Control: private, no-store``, so the browser keeps no copy after sign-out
for the next person at the desk. The public's pages (de-identified) keep their validators
and may be cached."""

import pytest
from django.contrib.auth.models import User

from openimr.api.services import token_create

pytestmark = pytest.mark.django_db


def test_a_staff_page_is_not_kept(client, staff_client):
    answer = client.get("/cases/")
    assert answer.status_code == 200
    assert answer["Cache-Control"] == "private, no-store"


def test_an_api_answer_to_a_token_is_not_kept(client):
    User.objects.create_user("golden-claims", is_staff=True)
    token = token_create(
        name="golden-portal", username="golden-claims", administrator="Golden State Claims"
    )
    answer = client.get(
        "/api/v1/cases/CM16-0400101/documents", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 404
    assert answer["Cache-Control"] == "private, no-store"


def test_the_publics_search_page_may_be_kept(client):
    answer = client.get("/decisions/")
    assert answer.status_code == 200
    assert "no-store" not in answer.get("Cache-Control", "")
    assert answer.has_header("ETag")


def test_a_view_that_sets_its_own_policy_keeps_it(client, staff_client):
    # The two-factor set-up page holds a secret and says no-store itself; the status page
    # uses never_cache: neither is overwritten.
    answer = client.get("/status/")
    assert "no-store" in answer["Cache-Control"]
    assert "max-age=0" in answer["Cache-Control"]
