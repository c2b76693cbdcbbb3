"""A zip member that cannot be extracted (a damaged one, an encrypted one) or that would
decompress to more than a reader may hold is stored as failed with its reason, unread; the
other letters are stored and a rerun skips it, where it used to end every run with a
traceback (or fill the main process's memory)."""

import zipfile
from pathlib import Path

import pytest

from openimr.decisions.models import SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import generated_texts

pytestmark = pytest.mark.django_db


def _reason(name: str) -> str:
    return SourceFile.objects.get(name__endswith=name, status="failed").error


def _local_header(path: Path, member: str) -> int:
    with zipfile.ZipFile(path) as archive:
        return archive.getinfo(member).header_offset


def _damage(path: Path, member: str) -> None:
    """Changes one byte of the member's data: its CRC no longer matches."""
    data = bytearray(path.read_bytes())
    data[_local_header(path, member) + 30 + len(member) + 10] ^= 0x20
    path.write_bytes(bytes(data))


def _mark_encrypted(path: Path, member: str) -> None:
    """Sets the member's "encrypted" flag in its local and central headers."""
    data = bytearray(path.read_bytes())
    data[_local_header(path, member) + 6] |= 1
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(member)] != member.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 8] |= 1
    path.write_bytes(bytes(data))


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    (_, one), (_, two), (_, three) = generated_texts(3)
    path = tmp_path / "letters.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        out.writestr("good.txt", one)
        out.writestr("damaged.txt", two)
        out.writestr("secret.txt", three)
        out.writestr("huge.pdf", b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024))
    _damage(path, "damaged.txt")
    _mark_encrypted(path, "secret.txt")
    return path


def test_each_unreadable_member_fails_with_why_and_the_good_one_is_stored(archive, settings):
    settings.OPENIMR_PDF_MEMORY_MB = 2
    summary = corpus_ingest([archive], actor="test")
    assert (summary.parsed, summary.failed) == (1, 3)
    assert "CRC" in _reason("damaged.txt")
    assert "encrypted" in _reason("secret.txt")
    assert _reason("huge.pdf") == "too large: 3 MB, more than the 2 MB a reader may use"


def test_a_rerun_skips_the_members_it_could_not_read(archive, settings):
    settings.OPENIMR_PDF_MEMORY_MB = 2
    corpus_ingest([archive], actor="test", workers=2)
    again = corpus_ingest([archive], actor="test", workers=2)
    assert (again.parsed, again.failed, again.skipped) == (0, 0, 4)
    assert SourceFile.objects.count() == 4


def test_an_oversized_file_on_disk_fails_under_its_own_hash(tmp_path, settings):
    settings.OPENIMR_PDF_MEMORY_MB = 1
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (2 * 1024 * 1024))
    summary = corpus_ingest([big], actor="test")
    assert summary.failed == 1
    stored = SourceFile.objects.get()
    assert (stored.size, stored.error.startswith("too large")) == (2 * 1024 * 1024, True)
