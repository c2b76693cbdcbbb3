"""Hostile files and misbehaving functions for the sandbox tests. Module level, and free of
Django models, so that the sandbox's child process can import them by name."""

import os
import time
import zlib
from functools import cache


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@cache
def decompression_bomb(megabytes: int) -> bytes:
    """A one-page PDF whose content stream is ``megabytes`` MB of blanks, FlateDecoded:
    about a thousandth of that on disk, all of it in memory once pdfium opens the page."""
    stream = _blanks_deflated(megabytes)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream",
        ]
    )


def _blanks_deflated(megabytes: int) -> bytes:
    # After a full flush the compressor forgets what came before, so every further megabyte
    # of blanks compresses to the same bytes: packed once and repeated, with the checksum
    # of the whole appended, instead of compressing a gigabyte.
    chunk = b" " * (1024 * 1024)
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    final_empty_block = b"\x03\x00"
    return first + again * (megabytes - 1) + final_empty_block + checksum.to_bytes(4, "big")


def sleeps(data: bytes, seconds: float) -> bytes:
    time.sleep(seconds)
    return data


def spins(data: bytes) -> None:
    while True:
        pass


def aborts(data: bytes) -> None:
    os.abort()


def hoards(data: bytes) -> list[bytes]:
    return [bytes(64 * 1024 * 1024) for _ in range(1000)]


def echoes(data: bytes, *args: object) -> tuple[bytes, tuple[object, ...], int]:
    return data, args, os.getpid()


def breaks(data: bytes) -> None:
    raise ValueError("an unexpected bug")


def burns(data: bytes, seconds: float) -> float:
    """Spends ``seconds`` of CPU time, then says how much this process has used in all."""
    started = time.process_time()
    while time.process_time() - started < seconds:
        pass
    return time.process_time()
