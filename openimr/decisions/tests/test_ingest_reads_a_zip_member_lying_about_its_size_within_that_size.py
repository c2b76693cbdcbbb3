"""A zip member whose declared size is small but whose data decompresses to far more (a zip
bomb that lies: the size check reads the archive's directory) fails on its CRC, and the
main process never holds much of it. zipfile's read() of a whole member decompressed
everything before cutting it to the declared size: 64 MB here, and gigabytes from a few
megabytes of archive, past every size limit of the ingest. A deflated member is read a
megabyte at a time; a bzip2 one (316 bytes hold 256 MB of zeros) 64 compressed bytes at a
time, which hold a few of its blocks of at most 46 MB each, whatever the whole holds."""

import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from openimr.decisions.models import SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import generated_texts

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
DECLARED = 100
# Megabytes held: what each member holds, and at most what the ingest may hold reading it
# (its own objects, Django's and the sandbox readers' pipes, stay well under 16 MB).
DEFLATED = (zipfile.ZIP_DEFLATED, 64, 16)
BZIP2 = (zipfile.ZIP_BZIP2, 256, 128)


def _lying_member(archive: zipfile.ZipFile, name: str, megabytes: int) -> None:
    """``name`` holding that many megabytes of zero bytes, written a megabyte at a time."""
    with archive.open(name, "w") as member:
        for _ in range(megabytes):
            member.write(bytes(MB))


def _declare(path: Path, name: str, size: int) -> None:
    """Writes ``size`` as the member's uncompressed size in its local and central headers."""
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(name).header_offset
    data = bytearray(path.read_bytes())
    data[local + 22 : local + 26] = struct.pack("<I", size)
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = struct.pack("<I", size)
    path.write_bytes(bytes(data))


def _archive(tmp_path: Path, name: str, compression: int, megabytes: int) -> Path:
    (_, letter), *_ = generated_texts(1)
    path = tmp_path / "letters.zip"
    with zipfile.ZipFile(path, "w", compression) as archive:
        archive.writestr("good.txt", letter)
        _lying_member(archive, name, megabytes)
    _declare(path, name, DECLARED)
    return path


def _ingested_holding(path: Path) -> tuple[int, int, int]:
    """(parsed, failed, the most bytes the main process held at once)."""
    tracemalloc.start()
    try:
        summary = corpus_ingest([path], actor="test", workers=1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return summary.parsed, summary.failed, peak


@pytest.mark.parametrize(("compression", "megabytes", "held"), [DEFLATED, BZIP2])
def test_a_member_holding_more_than_it_declares_fails_without_being_held(
    tmp_path, compression, megabytes, held
):
    archive = _archive(tmp_path, "bomb.txt", compression, megabytes)
    parsed, failed, peak = _ingested_holding(archive)
    assert (parsed, failed) == (1, 1)
    error = SourceFile.objects.get(name__endswith="bomb.txt").error
    assert error == "unreadable zip member: BadZipFile: Bad CRC-32 for file 'bomb.txt'"
    assert peak < held * MB


def test_a_zip_inside_a_zip_holding_more_than_it_declares_fails_without_being_held(tmp_path):
    compression, megabytes, held = DEFLATED
    archive = _archive(tmp_path, "2016-03.zip", compression, megabytes)
    parsed, failed, peak = _ingested_holding(archive)
    assert (parsed, failed) == (1, 1)
    error = SourceFile.objects.get(name__endswith="2016-03.zip").error
    assert error == ("not a readable zip archive: BadZipFile: Bad CRC-32 for file '2016-03.zip'")
    assert peak < held * MB
