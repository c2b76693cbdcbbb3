"""Staff see the files ingest could not read, with the reason; nobody else sees the page."""

import pytest
from django.contrib.auth import get_user_model
from django.shortcuts import resolve_url

from openimr.decisions.services import corpus_ingest

pytestmark = pytest.mark.django_db
URL = "/decisions/failures/"


@pytest.fixture
def failed(tmp_path):
    (tmp_path / "shopping.txt").write_text("eggs, milk and flour", encoding="utf-8")
    (tmp_path / "locked.pdf").write_bytes(b"%PDF-1.7 not really a PDF")
    corpus_ingest([tmp_path], actor="test")


def test_staff_see_each_failed_file_with_its_reason(client, staff_client, failed):
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "shopping.txt" in page and "not a letter" in page
    assert "locked.pdf" in page and "damaged PDF" in page
    assert "2 source files failed" in page


def test_the_page_says_so_when_nothing_failed(client, staff_client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "No failures." in response.content.decode()


def test_a_visitor_is_sent_to_log_in(client, failed, settings):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"{resolve_url(settings.LOGIN_URL)}?next={URL}"


def test_a_user_without_a_staff_role_gets_not_found(client, failed):
    user = get_user_model().objects.create_user("someone", password="a-long-test-password")
    client.force_login(user)
    assert client.get(URL).status_code == 404
