"""Reading a PDF letter's tags back as a screen reader does, through pdfium's structure tree
API: each structure element in reading order with the text of its marked content, the
text drawn as page furniture (/Artifact), the document's language and title."""

import ctypes
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
from pypdfium2 import raw

LINE_GAP = 2.0  # points between two baselines of one element's text: a new line


@dataclass
class Tagged:
    """A structure element: its type, its place in the tree (the index of each ancestor
    among its parent's kids: the same element on every page it is on), and its text."""

    kind: str
    path: tuple[int, ...]
    text: str = ""  # white space folded
    marks: list[tuple[int, int]] = field(default_factory=list)  # (page, MCID)
    pages: list[int] = field(default_factory=list)  # the pages whose tree shows it


def _string(fn: Callable[..., int], *args: Any) -> str:
    """A UTF-16 string from a pdfium getter (asked once for the size, once for the text)."""
    size = fn(*args, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    fn(*args, ctypes.cast(buffer, fn.argtypes[len(args)]), size)
    return buffer.raw[: size - 2].decode("utf-16-le")


def _mark_name(mark: Any) -> str:
    """A marked-content tag's name (P, Artifact, ...): this getter reports the size apart."""
    size = ctypes.c_ulong()
    buffer = ctypes.create_string_buffer(256)
    getter = raw.FPDFPageObjMark_GetName
    getter(mark, ctypes.cast(buffer, getter.argtypes[1]), 256, ctypes.byref(size))
    return buffer.raw[: max(size.value - 2, 0)].decode("utf-16-le")


def language(pdf: bytes) -> str:
    """The catalog's /Lang."""
    document = pdfium.PdfDocument(pdf)  # kept open while it is read
    return _string(raw.FPDFCatalog_GetLanguage, document.raw)


def title(pdf: bytes) -> str:
    return str(pdfium.PdfDocument(pdf).get_metadata_dict().get("Title", ""))


def is_tagged(pdf: bytes) -> bool:
    """pdfium's test: a /StructTreeRoot, and /MarkInfo says /Marked true."""
    document = pdfium.PdfDocument(pdf)
    return bool(raw.FPDFCatalog_IsTagged(document.raw))


def _pieces(page: Any) -> Iterator[tuple[int | None, str, float]]:
    """Each text object of the page in drawing order: its MCID (None: in an /Artifact, or
    -1: in no marked content), text and baseline."""
    textpage = page.get_textpage()
    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        marks = [
            _mark_name(raw.FPDFPageObj_GetMark(obj, m))
            for m in range(raw.FPDFPageObj_CountMarks(obj))
        ]
        mcid = None if "Artifact" in marks else raw.FPDFPageObj_GetMarkedContentID(obj)
        matrix = raw.FS_MATRIX()
        raw.FPDFPageObj_GetMatrix(obj, matrix)
        yield mcid, _string(raw.FPDFTextObj_GetText, obj, textpage.raw), matrix.f


def _texts(page: Any) -> tuple[dict[int, str], list[str]]:
    """The text of each MCID of the page, a space between its lines; and the artifacts'."""
    lines: dict[int | None, list[list[str]]] = {}
    last: dict[int | None, float] = {}
    for mcid, text, baseline in _pieces(page):
        if mcid not in last or abs(last[mcid] - baseline) > LINE_GAP:
            lines.setdefault(mcid, []).append([])
        last[mcid] = baseline
        lines[mcid][-1].append(text)
    joined = {
        mcid: " ".join(" ".join("".join(line) for line in found).split())
        for mcid, found in lines.items()
    }
    artifacts = joined.pop(None, None)
    return {mcid: text for mcid, text in joined.items() if mcid is not None}, (
        [artifacts] if artifacts is not None else []
    )


def _walk(
    element: Any, path: tuple[int, ...], page: int, on_page: set[int], found: dict[tuple, Tagged]
) -> None:
    """Record element and those inside it as pdfium shows them on page. pdfium lists all of
    an element's MCIDs on every page it is on, not which page each is on: those of this
    page are those drawn on it."""
    tagged = found.setdefault(path, Tagged(_string(raw.FPDF_StructElement_GetType, element), path))
    tagged.pages.append(page)
    count = raw.FPDF_StructElement_GetMarkedContentIdCount(element)
    for index in range(count):
        mcid = raw.FPDF_StructElement_GetMarkedContentIdAtIndex(element, index)
        if mcid in on_page:
            tagged.marks.append((page, mcid))
    for index in range(raw.FPDF_StructElement_CountChildren(element)):
        kid = raw.FPDF_StructElement_GetChildAtIndex(element, index)
        if kid:  # an element with nothing on this page is not loaded for it
            _walk(kid, (*path, index), page, on_page, found)


def structure(pdf: bytes) -> tuple[list[Tagged], list[str]]:
    """Every structure element in reading order (the tree's order, not the drawing order)
    with the text of its own marked content; and the text of every artifact, page by page."""
    found: dict[tuple, Tagged] = {}
    texts: dict[tuple[int, int], str] = {}
    artifacts: list[str] = []
    for number, page in enumerate(pdfium.PdfDocument(pdf)):
        by_mcid, furniture = _texts(page)
        texts |= {(number, mcid): text for mcid, text in by_mcid.items()}
        artifacts += furniture
        tree = raw.FPDF_StructTree_GetForPage(page.raw)
        try:
            for index in range(raw.FPDF_StructTree_CountChildren(tree)):
                kid = raw.FPDF_StructTree_GetChildAtIndex(tree, index)
                _walk(kid, (index,), number, set(by_mcid), found)
        finally:
            raw.FPDF_StructTree_Close(tree)
    elements = [found[path] for path in sorted(found)]
    owned = [mark for element in elements for mark in element.marks]
    assert len(owned) == len(set(owned)), "an MCID that two elements claim on one page"
    for element in elements:
        # White space folded: pdfium reads a space after some text objects.
        element.text = " ".join(" ".join(texts.pop(mark) for mark in element.marks).split())
    assert not texts, f"marked content no element owns: {texts}"
    return elements, artifacts
