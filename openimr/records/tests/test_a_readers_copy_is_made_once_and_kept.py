"""The copy a reader gets is made once and kept (docs/records.md): made on every download,
a HEAD request too, it cost 0.28 s for 300 pages each time. It is kept by the record's
content hash and the copy's version, served only while its bytes match the hash in its
name, and a HEAD request answers from what is kept without making one."""

import hashlib
from pathlib import Path

import pytest

from openimr.records import copies, selectors
from openimr.records.tests import active_pdfs

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(monkeypatch):
    """Each copy made, counted."""
    calls: list[int] = []
    real = selectors.pdf_copy_without_active_content

    def counted(data: bytes, *, path: str) -> bytes:
        calls.append(len(data))
        return real(data, path=path)

    monkeypatch.setattr(selectors, "pdf_copy_without_active_content", counted)
    return calls


def _get(client, record) -> bytes:
    response = client.get(f"/records/{record.case.case_number}/{record.pk}/file.pdf")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _kept(settings, record) -> list[Path]:
    return sorted((Path(settings.MEDIA_ROOT) / "record-copies" / record.sha256).glob("*"))


def test_the_second_download_is_the_kept_copy(client, staff_client, receive, made, settings):
    record = receive(data=active_pdfs.links_and_a_submit())
    first, second = _get(client, record), _get(client, record)
    assert first == second and len(made) == 1
    [kept] = _kept(settings, record)
    digest = hashlib.sha256(first).hexdigest()
    assert kept.name == f"{record.sha256}.v{copies.COPY_VERSION}.{digest}.pdf"
    assert b"/SubmitForm" not in first


def test_a_kept_copy_that_no_longer_matches_its_hash_is_made_again(
    client, staff_client, receive, made, settings
):
    record = receive(data=active_pdfs.scripts())
    good = _get(client, record)
    [kept] = _kept(settings, record)
    kept.write_bytes(good.replace(b"%PDF-", b"%PDF-<script>alert(1)</script>", 1))
    again = _get(client, record)
    assert b"<script>" not in again and len(made) == 2
    assert [p.read_bytes() for p in _kept(settings, record)] == [again]


def test_a_copy_of_an_older_version_is_not_served(
    client, staff_client, receive, made, settings, monkeypatch
):
    record = receive(data=active_pdfs.scripts())
    _get(client, record)
    monkeypatch.setattr(copies, "COPY_VERSION", copies.COPY_VERSION + 1)
    _get(client, record)
    assert len(made) == 2
    assert [p.name.split(".")[1] for p in _kept(settings, record)] == [f"v{copies.COPY_VERSION}"]


def test_a_head_request_makes_no_copy_and_says_its_size_once_kept(
    client, staff_client, receive, made
):
    record = receive(data=active_pdfs.scripts())
    url = f"/records/{record.case.case_number}/{record.pk}/file.pdf"
    before = client.head(url)
    assert before.status_code == 200 and made == []
    assert before["Content-Type"] == "application/pdf"
    assert before["Content-Disposition"] == 'attachment; filename="record.pdf"'
    assert "Content-Length" not in before  # not 0: the PDF is not empty
    body = _get(client, record)
    assert client.head(url)["Content-Length"] == str(len(body))
    assert len(made) == 1
    original = client.head(f"/records/{record.case.case_number}/{record.pk}/original.pdf")
    assert original["Content-Length"] == str(record.size)
    assert len(made) == 1
