"""A link checker (or `curl -I`) asks the public pages with HEAD: it gets what GET would
give, without the body, not 405 Method Not Allowed."""

import pytest

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "l.pdf").write_bytes(b"%PDF-1.4 a letter")
    make_decision(case_number="CM16-0000001", letter_path="corpus/l.pdf")


@pytest.mark.parametrize(
    "path",
    [
        "/decisions/",
        "/decisions/?q=pain",
        "/decisions/CM16-0000001/",
        "/decisions/CM16-0000001/letter.pdf",
        "/decisions/analytics/",
        "/decisions/analytics/category.csv",
    ],
)
def test_head_answers_as_get_does(client, letter, path):
    assert client.get(path).status_code == 200
    response = client.head(path)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body == b""


def test_head_of_an_unknown_letter_is_404_as_get_is(client, letter):
    assert client.head("/decisions/CM16-9999999/").status_code == 404
