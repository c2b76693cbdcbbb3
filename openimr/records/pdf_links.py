"""The web links of a record's PDF, read from the original and put back into the copy a
reader gets (pdf_active.py). Run in the sandbox's reader process, like the copy.

Why put back, not keep: the copy leaves every annotation behind, links with them, because an
annotation carries what a reader may act on (a link's action may run a script after it,
``/Next``; its dictionary may carry more). A link is read here as pdfium resolves it (its
rectangle, and the address of a URI action), judged by ``link_kept``
(`domain/active_content.py`: http, https and mailto only), and written anew into the copy as
a bare link annotation: a rectangle, no border, and a URI action that holds the address and
nothing else.
"""

import ctypes
import io
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from openimr.records.domain.active_content import MAX_LINK, link_kept


@dataclass(frozen=True)
class Link:
    left: float
    bottom: float
    right: float
    top: float
    uri: str


def web_links(document: pdfium.PdfDocument, page: pdfium.PdfPage) -> tuple[Link, ...]:
    """The page's links whose action opens an address ``link_kept`` keeps, in page order."""
    found = []
    position, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        uri = _uri(document, action)
        rect = pdfium_c.FS_RECTF()
        if uri and link_kept(uri) and pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            found.append(Link(rect.left, rect.bottom, rect.right, rect.top, uri))
    return tuple(found)


def _uri(document: pdfium.PdfDocument, action: pdfium_c.FPDF_ACTION) -> str | None:
    size = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
    if size <= 1 or size > MAX_LINK + 1:  # the size counts the closing NUL
        return None
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, size)
    # pdfium gives the bytes as written; link_kept takes printable ASCII only.
    return buffer.raw[: size - 1].decode("latin-1")


def links_added(
    data: bytes, links: dict[int, tuple[Link, ...]], shift: dict[int, tuple[float, float]]
) -> bytes:
    """The PDF ``data`` (a copy) with ``links`` (by page index) written onto its pages, each
    moved by ``shift`` (a page redrawn from its origin at 0, 0)."""
    copy = pdfium.PdfDocument(data)
    try:
        for index, found in links.items():
            page = copy[index]
            dx, dy = shift.get(index, (0.0, 0.0))
            try:
                for link in found:
                    _link_written(page, link, dx, dy)
            finally:
                page.close()
        return saved(copy)
    finally:
        copy.close()


def _link_written(page: pdfium.PdfPage, link: Link, dx: float, dy: float) -> None:
    annotation = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_LINK)
    if not annotation:
        raise pdfium.PdfiumError("a link could not be written")
    try:
        rect = pdfium_c.FS_RECTF(link.left - dx, link.top - dy, link.right - dx, link.bottom - dy)
        written = (
            pdfium_c.FPDFAnnot_SetRect(annotation, ctypes.byref(rect))
            and pdfium_c.FPDFAnnot_SetURI(annotation, link.uri.encode("ascii"))
            # The standard's default border is a solid line; the original drew none.
            and pdfium_c.FPDFAnnot_SetBorder(annotation, 0, 0, 0)
        )
        if not written:
            raise pdfium.PdfiumError("a link could not be written")
    finally:
        pdfium_c.FPDFPage_CloseAnnot(annotation)


def saved(document: pdfium.PdfDocument) -> bytes:
    """The document as pdfium writes it."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
