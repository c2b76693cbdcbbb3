"""A letter's PDF → its text (pypdfium2), then ``parse_text``.

pdfium is not thread-safe, hence the lock (ingest runs it in worker processes, where the
lock costs nothing). A PDF that cannot be read says why: encrypted, damaged, no text layer
(a scan), or too large for a letter.
"""

import threading

import pypdfium2 as pdfium

from openimr.letters.parsing.assemble import parse_text
from openimr.letters.parsing.contract import LetterUnreadable, ParsedLetter

_PDFIUM = threading.Lock()
# A letter runs to a few pages; these bound what a hostile file can make us extract.
MAX_PAGES = 200
MAX_CHARACTERS = 2_000_000
# Fewer visible characters than this per page: a scan, or pages of images.
MIN_CHARACTERS_PER_PAGE = 20


def _open(data: bytes) -> pdfium.PdfDocument:
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise LetterUnreadable("not a PDF: the file does not start with %PDF-")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LetterUnreadable("encrypted PDF: it needs a password to open") from exc
        raise LetterUnreadable(f"damaged PDF: pdfium cannot open it ({exc})") from exc


def _pages(document: pdfium.PdfDocument) -> list[str]:
    count = len(document)
    if count == 0:
        raise LetterUnreadable("damaged PDF: it has no pages")
    if count > MAX_PAGES:
        raise LetterUnreadable(f"not a letter: the PDF has {count:,} pages (limit {MAX_PAGES})")
    texts, total = [], 0
    for index in range(count):
        page = document[index]
        textpage = page.get_textpage()
        try:
            total += textpage.count_chars()
            if total > MAX_CHARACTERS:
                raise LetterUnreadable(
                    f"not a letter: more than {MAX_CHARACTERS:,} characters of text "
                    f"by page {index + 1}"
                )
            texts.append(textpage.get_text_range())
        finally:
            textpage.close()
            page.close()
    return texts


def extract_text(data: bytes) -> str:
    """The PDF's text, pages separated by form feeds, as pdfium extracts it."""
    with _PDFIUM:
        document = _open(data)
        try:
            pages = _pages(document)
        except pdfium.PdfiumError as exc:
            raise LetterUnreadable(f"damaged PDF: a page cannot be read ({exc})") from exc
        finally:
            document.close()
    visible = _visible(pages, MIN_CHARACTERS_PER_PAGE * len(pages))
    if visible < MIN_CHARACTERS_PER_PAGE * len(pages):
        raise LetterUnreadable(
            f"no text layer: {len(pages)} page(s) with {visible} characters of text "
            "(a scanned letter needs OCR first)"
        )
    return "\f".join(pages)


def _visible(pages: list[str], enough: int) -> int:
    """The pages' characters other than white space, counted a slice at a time until there
    are ``enough``: a letter's first lines settle it, and counting every page of it took as
    long as a tenth of its parse."""
    count = 0
    for page in pages:
        for start in range(0, len(page), _SLICE):
            count += len("".join(page[start : start + _SLICE].split()))
            if count >= enough:
                return count
    return count


_SLICE = 512


def parse_pdf(data: bytes) -> ParsedLetter:
    """Extract the letter's text and parse it; LetterUnreadable says why when it cannot."""
    return parse_text(extract_text(data))
