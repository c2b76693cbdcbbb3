"""The copy a reader gets keeps the record's links to web pages and mail addresses, where
they were on the page, and no other link: not a script (javascript:), a file (file:), a
form's submission, nor a script chained after a kept link (docs/records.md)."""

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from openimr.records.domain.active_content import ActiveContent, link_kept
from openimr.records.pdf import pdf_copy_without_active_content, pdf_read
from openimr.records.tests import active_pdfs


def _links(data: bytes) -> list[tuple[tuple[float, float, float, float], str]]:
    """Each link of the first page as a reader finds it: its rectangle and address."""
    document = pdfium.PdfDocument(data)
    page, found = document[0], []
    position, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        size = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, size)
        rect = pdfium_c.FS_RECTF()
        pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect))
        box = (rect.left, rect.bottom, rect.right, rect.top)
        found.append((box, buffer.raw[: size - 1].decode()))
    return found


def test_web_and_mail_links_are_kept_where_they_were():
    copy = pdf_copy_without_active_content(active_pdfs.links_and_a_submit(), path="file")
    assert _links(copy) == [
        ((72, 600, 300, 620), active_pdfs.LINKED),
        ((72, 560, 300, 580), "mailto:records@example.org"),
        ((72, 440, 300, 460), "https://chained.example/"),
    ]


def test_nothing_else_of_a_link_comes_along():
    copy = pdf_copy_without_active_content(active_pdfs.links_and_a_submit(), path="file")
    assert pdf_read(copy, path="$").active == ActiveContent()
    assert re.findall(rb"javascript:|file:|SubmitForm|/Next|/JS\b|collector", copy) == []
    # Each link is bare: its type, rectangle, no border, and an address.
    assert re.findall(rb"/Border\[ 0 0 0\]", copy) == [b"/Border[ 0 0 0]"] * 3


def test_a_redrawn_page_keeps_its_link_over_the_same_words():
    copy = pdf_copy_without_active_content(active_pdfs.redrawn_page_with_a_link(), path="f")
    assert b"/AA" not in copy  # the page was redrawn, from 0, 0
    assert _links(copy) == [((72, 695, 300, 715), active_pdfs.LINKED)]
    page = pdfium.PdfDocument(copy)[0]
    text = page.get_textpage()
    assert text.get_text_bounded(72, 695, 300, 715).startswith("Progress note")


@pytest.mark.parametrize(
    ("uri", "kept"),
    [
        ("https://www.dir.ca.gov/dwc/MTUS/MTUS-Guidelines.html", True),
        ("HTTP://Example.org/a?b=c#d", True),
        ("mailto:records@example.org", True),
        ("javascript:app.alert(1)", False),
        ("JavaScript:void(0)", False),
        ("file:///C:/Windows/System32/calc.exe", False),
        ("\\\\server\\share\\run.exe", False),
        ("smb://server/share", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("http:///no-host", False),
        ("mailto:", False),
        ("https://exa mple.org/", False),
        ("https://example.org/\x00.pdf", False),
        ("https://exämple.org/", False),
        ("https://[::1", False),
        ("https://example.org/" + "a" * 2100, False),
        ("", False),
    ],
)
def test_only_plain_web_and_mail_addresses_are_kept(uri, kept):
    assert link_kept(uri) is kept
