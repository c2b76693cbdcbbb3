"""The PDF letter as a tagged PDF (ISO 32000-1 §14.7-14.8; PDF/UA-1, ISO 14289-1 §7), so that a
screen reader reads a blind worker's determination as headings, paragraphs and lists in
reading order, in English, under its title, and skips the page furniture.

reportlab has no tagging API. pdf.py builds the letter's structure here while it sets the
letter (an Element per heading, paragraph, list entry), gives each drawn line the leaf
element its text belongs to, and asks Tags for the operators that open and close marked
content around it as it draws: a run of lines of one element on one page is one marked-
content sequence (``/P <</MCID n>> BDC ... EMC``); the footer is an ``/Artifact``. On save,
install writes the structure tree (StructTreeRoot, a StructElem per element, the ParentTree
from each page's MCIDs back to their elements), each page's /StructParents, and the
catalog's /MarkInfo, /ViewerPreferences and XMP title. Everything is numbered in the order
it is made, so identical letters still give identical bytes.
"""

import re
from collections.abc import Iterator
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFPage,
    PDFStream,
    PDFtrue,
)

from openimr.letters.render.pdf_fonts import TEXT_OF

LANGUAGE = "en-US"  # every letter and notice is written in English (letters/templates)
# A PDF 1.7 feature (the footer artifact's /Subtype): the file says which version it needs.
PDF_VERSION = (1, 7)
FOOTER = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
# The letters of the scripts written right to left (as pdf_scripts reads them).
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# A page's dictionary keys reportlab writes, and the one tagging adds (§14.7.4.4).
PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents"]


class Element:
    """A structure element: its standard type (§14.8.4: H1, P, L, LI, Lbl, LBody, ...), the
    elements inside it in reading order, and for a leaf, its marked content as (page index,
    MCID) in drawing order, then that of each of its parts."""

    __slots__ = ("attributes", "kids", "kind", "marks", "owner", "parts")

    def __init__(self, kind: str, attributes: dict[str, str] | None = None) -> None:
        self.kind = kind
        self.attributes = attributes or {}
        self.kids: list[Element] = []
        self.marks: list[tuple[int, int]] = []
        self.parts: list[Element] = []
        self.owner = self

    def part(self) -> "Element":
        """A part of this leaf set in its own column (a header field's label, its value):
        drawn row by row, interleaved with the other parts, but read after the parts
        before it, whole. Its marked content belongs to this element."""
        piece = Element(self.kind)
        piece.owner = self
        self.parts.append(piece)
        return piece

    def content(self) -> list[tuple[int, int]]:
        """(page index, MCID) of the element's marked content, in reading order."""
        return [mark for piece in [self, *self.parts] for mark in piece.marks]

    def add(self, kind: str, **attributes: str) -> "Element":
        """A new element at the end of this one."""
        kid = Element(kind, attributes)
        self.kids.append(kid)
        return kid

    def shown(self) -> bool:
        """Whether anything of the element is on a page: one that is not (an empty
        paragraph sets no line) is left out of the tree rather than read as nothing."""
        return bool(self.content()) or any(kid.shown() for kid in self.kids)


class Tags:
    """The letter's structure and the marked content drawn for it, page by page."""

    def __init__(self) -> None:
        self.document = Element("Document")
        self.pages: list[list[Element | None]] = []  # each page's elements, by MCID
        self._open: Element | None = None
        self._artifact = False

    def page(self) -> None:
        """A new page starts: its MCIDs count from 0 (§14.7.4.4), or on from the last page's
        when it goes on with the paragraph that page ended with (see enter)."""
        self.pages.append([])

    def enter(self, element: Element | None) -> list[str]:
        """The operators that put what is drawn next in element's content, or in the page
        furniture for None. A line of the element just drawn continues its sequence."""
        if element is None:
            if self._artifact:
                return []
            ops = self.close()
            self._artifact = True
            return [*ops, FOOTER]
        if element is self._open:
            return []
        ops = self.close()
        owners = self.pages[-1]
        if not owners and len(self.pages) > 1 and self.pages[-2][-1:] == [element.owner]:
            # A paragraph split by a page break: its MCIDs on each page are numbers no other
            # element has on the other page. pdfium lists an element's MCIDs without their
            # pages, and a reader that maps a page's MCIDs to the elements it shows (Chrome's)
            # would otherwise give this page's text of the same number to both.
            owners.extend([None] * len(self.pages[-2]))
        mcid = len(owners)
        owners.append(element.owner)
        element.marks.append((len(self.pages) - 1, mcid))
        self._open = element
        return [*ops, f"/{element.kind} <</MCID {mcid}>> BDC"]

    def close(self) -> list[str]:
        """The operator that ends the open sequence, if one is open (before a page ends)."""
        if self._open is None and not self._artifact:
            return []
        self._open, self._artifact = None, False
        return ["EMC"]

    def install(self, canvas: Any, title: str) -> None:
        """Write the tree into canvas's document, once every page is drawn (before save)."""
        doc = canvas._doc
        # The Document element even when nothing is drawn: the root always has its kid.
        elements = [self.document, *(e for kid in self.document.kids for e in _walk(kid))]
        root = _Written()
        written = {id(element): _Written() for element in elements}
        # All registered first, so that each has its number for the text of the others.
        root_number = _number(doc, root, "StructTreeRoot")
        numbers = {
            id(element): _number(doc, written[id(element)], f"StructElem{n}")
            for n, element in enumerate(elements)
        }
        pages = [_number(doc, page, None) for page in doc.Pages.pages]
        for element, parent in _parents(self.document, root_number, numbers):
            written[id(element)].text = _element(element, parent, numbers, pages)
        trees = " ".join(
            f"{n} [ {' '.join(f'{numbers[id(e)]} 0 R' if e else 'null' for e in owners)} ]"
            for n, owners in enumerate(self.pages)
        )
        root.text = (
            f"<< /Type /StructTreeRoot /K {numbers[id(self.document)]} 0 R"
            f" /ParentTree << /Nums [ {trees} ] >> /ParentTreeNextKey {len(self.pages)} >>"
        )
        for number, page in enumerate(doc.Pages.pages):
            # reportlab writes only the keys its PDFPage lists: this page lists one more.
            page.__NoDefault__ = PAGE_KEYS
            page.StructParents = number
        catalog = doc.Catalog
        catalog.StructTreeRoot = PDFObjectReference("StructTreeRoot")
        catalog.MarkInfo = PDFDictionary({"Marked": PDFtrue})
        catalog.Metadata = _metadata(title)
        canvas.setViewerPreference("DisplayDocTitle", PDFtrue)


def actual_text(drawn: str) -> str | None:
    """The /ActualText (§14.9.4; PDF/UA-1 §7.21.7) of a shaped piece (pdf_shaping) one of
    whose glyphs maps to no character: a Khmer split vowel (ើ in ណើត) or Thai sara am (ำ)
    is one character drawn as two glyphs, and the second reads as nothing. The span gives
    the piece's characters as typed, so that a reader has text for every glyph drawn.
    None for any other piece: its glyphs map to its characters one by one, and a reader
    that has each glyph's box (pdfium's) keeps them. Not for a right-to-left piece: pdfium
    reorders a span's text by its own guess of the line's direction, as if it were drawn
    order, and would read the name's words reversed (docs/letters.md)."""
    reads = [TEXT_OF.get(ord(char), char) for char in drawn]
    if "" not in reads:
        return None
    spoken = "".join(reads)
    if _RIGHT_TO_LEFT.search(spoken):
        return None
    return "<FEFF" + spoken.encode("utf-16-be").hex().upper() + ">"


class _Written(PDFObject):
    """An object whose text is written here, not composed of reportlab's PDF objects:
    formatting a hundred small dictionaries name by name took as long as the rest of the
    letter (docs/benchmarks.md)."""

    text = ""

    def format(self, document: Any) -> bytes:
        return self.text.encode("ascii")


def _number(doc: Any, obj: Any, name: str | None) -> int:
    """obj's object number in doc, registering it under name if it is new."""
    ref = doc.Reference(obj, name)
    return int(doc.idToObjectNumberAndVersion[ref.name][0])


def _walk(element: Element) -> Iterator[Element]:
    if element.shown():
        yield element
        for kid in element.kids:
            yield from _walk(kid)


def _parents(
    element: Element, parent: int, numbers: dict[int, int]
) -> Iterator[tuple[Element, int]]:
    if id(element) in numbers:
        yield element, parent
        for kid in element.kids:
            yield from _parents(kid, numbers[id(element)], numbers)


def _element(element: Element, parent: int, numbers: dict[int, int], pages: list[int]) -> str:
    """A StructElem (§14.7.2, Table 323): a leaf's kids are its MCIDs, on its first page
    (/Pg) as numbers and on a later page as marked-content references (/MCR)."""
    entries = [f"/Type /StructElem /S /{element.kind} /P {parent} 0 R"]
    if element.attributes:
        pairs = " ".join(f"/{k} /{v}" for k, v in element.attributes.items())
        entries.append(f"/A << {pairs} >>")
    content = element.content()
    if content:
        first = content[0][0]
        kids = [
            str(mcid) if page == first else f"<< /Type /MCR /Pg {pages[page]} 0 R /MCID {mcid} >>"
            for page, mcid in content
        ]
        entries.append(f"/Pg {pages[first]} 0 R")
    else:
        kids = [f"{numbers[id(kid)]} 0 R" for kid in element.kids if id(kid) in numbers]
    entries.append(f"/K [ {' '.join(kids)} ]")
    return f"<< {' '.join(entries)} >>"


def _metadata(title: str) -> PDFStream:
    """The XMP packet with the document's title (dc:title), which PDF/UA requires besides the
    Info dictionary's (ISO 14289-1 §7.1). Uncompressed, so that a tool that does not parse
    the PDF still finds it."""
    packet = "\n".join(
        [
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
            "<dc:format>application/pdf</dc:format>",
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li>'
            "</rdf:Alt></dc:title>",
            f"<dc:language><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>",
            "</rdf:Description>",
            "</rdf:RDF>",
            "</x:xmpmeta>",
            '<?xpacket end="w"?>',
        ]
    )
    # No filter: reportlab compresses only page content and font files.
    return PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        packet.encode("utf-8"),
    )
