"""A text letter saved by a Windows editor as "Unicode" (UTF-16, with or without its byte
order mark), as UTF-8 with a BOM or as Windows-1252 reads as the same letter saved as UTF-8:
decoded as Latin-1, a UTF-16 letter's BOM became "ÿþ" before the first line and the letter
lost its case number (filed as UNNUMBERED-...), and Windows-1252's curly quotes and dashes
became control characters."""

import pytest

from openimr.decisions.tests.ingest_files import real_pdfs, text_of
from openimr.letters.parsing.sandboxed import letter_text, parse_letter


@pytest.fixture(scope="module")
def letter() -> tuple[str, str]:
    pdf = real_pdfs(3)[2]
    return pdf.stem, text_of(pdf.read_bytes())


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"]
)
def test_a_text_letter_reads_the_same_in_every_encoding_an_editor_saves(letter, encoding):
    number, text = letter
    data = (text + "\nThe reviewer’s note – “as written”.").encode(encoding, errors="replace")
    assert letter_text(data) == data.decode(encoding)
    assert parse_letter(data).case["case_number"] == number


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_letter_parses_as_its_utf8_copy(letter, encoding):
    _, text = letter
    assert parse_letter(text.encode(encoding)).case == parse_letter(text.encode()).case


def test_latin1_text_with_a_nul_byte_is_still_read_as_latin1():
    data = "Décision\x00 upheld".encode("latin-1")
    assert letter_text(data) == data.decode("latin-1")
