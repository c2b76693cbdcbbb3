"""A researcher's tool asks what an export is before fetching it (`curl -I`, `wget
--spider`, a link checker): HEAD answers as GET would, with the type and file name and no
body, and without writing the export; a bad search is refused as GET refuses it. HEAD
answered 405 "Method Not Allowed" (RFC 9110 9.3.2: a server that takes GET takes HEAD)."""

import pytest
from django.core.cache import cache

from openimr.decisions import export
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def letter() -> None:
    cache.clear()
    make_decision(summary="Knee pain.")


class _Counted:
    """The format's writer, keeping each chunk it writes."""

    def __init__(self, writer, written: list[bytes]) -> None:
        self.content_type = writer.content_type
        self.writer, self.written = writer, written

    def stream(self, *args):
        for chunk in self.writer.stream(*args):
            self.written.append(chunk)
            yield chunk


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("csv", "text/csv; charset=utf-8"),
        ("jsonl", "application/jsonl; charset=utf-8"),
        ("parquet", "application/vnd.apache.parquet"),
    ],
)
def test_head_names_the_type_and_file_as_get_does(client, fmt, content_type, monkeypatch):
    written: list[bytes] = []
    monkeypatch.setitem(export.WRITERS, fmt, _Counted(export.WRITERS[fmt], written))
    response = client.head(f"/decisions/export.{fmt}", {"q": "knee"})
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="openimr-decisions.{fmt}"'
    assert b"".join(response.streaming_content) == b""
    assert "Content-Length" not in response  # not 0: the file is not empty
    assert written == []  # nothing of the export was written for a HEAD
    get = client.get(f"/decisions/export.{fmt}", {"q": "knee"})
    assert b"".join(get.streaming_content) and written  # the check sees GET write
    assert (get["Content-Type"], get["Content-Disposition"]) == (
        response["Content-Type"],
        response["Content-Disposition"],
    )


def test_head_of_a_bad_search_is_refused_as_get_is(client):
    response = client.head("/decisions/export.csv", {"outcome": "maybe"})
    assert response.status_code == 400
    assert client.get("/decisions/export.csv", {"outcome": "maybe"}).status_code == 400
