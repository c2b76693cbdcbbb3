"""/healthz/ answers "ok" to anyone, without a login and without touching the database, so a
load balancer can poll it; it only reads."""

import pytest


@pytest.mark.django_db
def test_a_visitor_who_is_not_logged_in_gets_ok(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


def test_a_post_is_refused(client):
    assert client.post("/healthz/").status_code == 405
