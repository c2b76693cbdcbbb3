"""PDFs carrying active content, written byte by byte: each holds one page of text, and the
scripts, actions or files a reader could run or open. Module level and free of Django, so
that the sandbox's reader can be handed them too."""

import struct

from openimr.records.tests.hostile import _pdf

TEXT = "Progress note: lumbar pain radiating to the left leg"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R%s >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
    b" /Resources << /Font << /F1 5 0 R >> >>%s >>"
)
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def _text(words: str = TEXT) -> bytes:
    return _stream(b"BT /F1 12 Tf 72 700 Td (%s) Tj ET" % words.encode())


def _one_page(catalog: bytes = b"", page: bytes = b"", *more: bytes) -> bytes:
    """Objects 1-5 are the catalog, page tree, page, its text and font; ``more`` are 6 on."""
    return _pdf([CATALOG % catalog, PAGES, PAGE % page, _text(), FONT, *more])


def plain() -> bytes:
    return _one_page()


def scripts() -> bytes:
    """Two scripts: one run on opening (/OpenAction), one in the /Names /JavaScript tree."""
    return _one_page(
        b" /OpenAction 6 0 R /Names << /JavaScript << /Names [(init) 7 0 R] >> >>",
        b"",
        b"<< /S /JavaScript /JS (app.alert\\('opened'\\);) >>",
        b"<< /S /JavaScript /JS (this.exportDataObject\\({cName: 'x'}\\);) >>",
    )


def attachments() -> bytes:
    """Two attached files: one in /Names /EmbeddedFiles, one behind a paperclip annotation."""
    return _one_page(
        b" /Names << /EmbeddedFiles << /Names [(notes.txt) 6 0 R] >> >>",
        b" /Annots [8 0 R]",
        b"<< /Type /Filespec /F (notes.txt) /EF << /F 7 0 R >> >>",
        _stream(b"hello", b" /Type /EmbeddedFile"),
        b"<< /Type /Annot /Subtype /FileAttachment /Rect [72 500 90 520] /FS 9 0 R >>",
        b"<< /Type /Filespec /F (run.bat) /EF << /F 10 0 R >> >>",
        _stream(b"calc.exe", b" /Type /EmbeddedFile"),
    )


def launch_and_page_script() -> bytes:
    """A link that launches a program, and a script the page runs when it is opened (/AA)."""
    return _one_page(
        b"",
        b" /Annots [6 0 R] /AA << /O 7 0 R >>",
        b"<< /Type /Annot /Subtype /Link /Rect [72 600 200 620] /A << /S /Launch /F (calc.exe) >> >>",
        b"<< /S /JavaScript /JS (app.launchURL\\('http://example.invalid'\\);) >>",
    )


FORM_VALUE = "Lumbar MRI approved"


def fillable_form() -> bytes:
    """An AcroForm with one filled text field (its value drawn by its appearance stream)
    and a keystroke script on the field (/AA /K), as form software writes them."""
    appearance = b"BT /F1 10 Tf 2 5 Td (%s) Tj ET" % FORM_VALUE.encode()
    return _one_page(
        b" /AcroForm << /Fields [6 0 R] /DA (/F1 10 Tf 0 g) >>",
        b" /Annots [6 0 R]",
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (decision) /V (%s) /F 4"
        b" /Rect [72 640 272 660] /P 3 0 R /AP << /N 7 0 R >> /AA << /K 8 0 R >> >>"
        % FORM_VALUE.encode(),
        _stream(
            appearance,
            b" /Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /F1 5 0 R >> >>",
        ),
        b"<< /S /JavaScript /JS (AFNumber_Keystroke\\(2, 0, 0, 0, '', true\\);) >>",
    )


def rich_media() -> bytes:
    """A 3D annotation carrying its own scene stream and a screen annotation with a rendition
    action: kinds the count does not look for."""
    return _one_page(
        b"",
        b" /Annots [6 0 R 8 0 R]",
        b"<< /Type /Annot /Subtype /3D /Rect [72 300 272 500] /3DD 7 0 R >>",
        _stream(b"U3D scene", b" /Type /3D /Subtype /U3D"),
        b"<< /Type /Annot /Subtype /Screen /Rect [300 300 500 500]"
        b" /A << /S /Rendition /OP 0 /R << /S /MR /C << /S /MCD /D (movie.swf) >> >> >> >>",
    )


def hidden_opener() -> bytes:
    """A script run on opening, its catalog in a compressed-object stream and its name
    spelled with a #xx escape (/Open#41ction, /Java#53cript): nothing in the raw bytes says
    "OpenAction" or "JavaScript"."""
    packed = {
        1: CATALOG % b" /Open#41ction 6 0 R",
        2: PAGES,
        3: PAGE % b"",
        5: FONT,
        6: b"<< /S /Java#53cript /JS (app.alert\\(1\\)) >>",
    }
    return _object_stream_pdf({4: _text()}, packed)


def _object_stream_pdf(plain_objects: dict[int, bytes], packed: dict[int, bytes]) -> bytes:
    """A PDF 1.5 file: ``packed`` objects in one object stream, found by an xref stream."""
    stream_number = max([*plain_objects, *packed]) + 1
    xref_number = stream_number + 1
    out = bytearray(b"%PDF-1.7\n")
    where: dict[int, tuple[int, int, int]] = {}
    for number, body in sorted(plain_objects.items()):
        where[number] = (1, len(out), 0)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    header, bodies = b"", b""
    for index, (number, body) in enumerate(sorted(packed.items())):
        header += b"%d %d " % (number, len(bodies))
        bodies += body + b"\n"
        where[number] = (2, stream_number, index)
    where[stream_number] = (1, len(out), 0)
    extra = b" /Type /ObjStm /N %d /First %d" % (len(packed), len(header))
    out += b"%d 0 obj\n" % stream_number + _stream(header + bodies, extra) + b"\nendobj\n"
    where[xref_number] = (1, len(out), 0)
    rows = b"".join(
        struct.pack(">BIH", *where.get(n, (0, 0, 65535 if n == 0 else 0)))
        for n in range(xref_number + 1)
    )
    xref_at = len(out)
    extra = b" /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R" % (xref_number + 1)
    out += b"%d 0 obj\n" % xref_number + _stream(rows, extra) + b"\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


LINKED = "https://www.dir.ca.gov/dwc/MTUS/MTUS-Guidelines.html"


def links_and_a_submit() -> bytes:
    """Links of every kind: to a web page, a mail address, a script (javascript:), a file on
    disk (file:), a link whose action also runs a script after it (/Next), and a button that
    sends the form's data to an address (SubmitForm)."""

    def link(rect: bytes, action: bytes) -> bytes:
        return b"<< /Type /Annot /Subtype /Link /Rect [%s] /Border [0 0 0] /A %s >>" % (
            rect,
            action,
        )

    return _one_page(
        b"",
        b" /Annots [6 0 R 7 0 R 8 0 R 9 0 R 10 0 R 11 0 R]",
        link(b"72 600 300 620", b"<< /S /URI /URI (%s) >>" % LINKED.encode()),
        link(b"72 560 300 580", b"<< /S /URI /URI (mailto:records@example.org) >>"),
        link(b"72 520 300 540", b"<< /S /URI /URI (javascript:app.alert\\(1\\)) >>"),
        link(b"72 480 300 500", b"<< /S /URI /URI (file:///C:/Windows/System32/calc.exe) >>"),
        link(
            b"72 440 300 460",
            b"<< /S /URI /URI (https://chained.example/) /Next << /S /JavaScript /JS (1) >> >>",
        ),
        link(
            b"72 400 300 420",
            b"<< /S /SubmitForm /F << /FS /URL /F (https://collector.example/form) >> >>",
        ),
    )


def redrawn_page_with_a_link() -> bytes:
    """A page whose media box starts at 100, 100 and which runs a script when opened (/AA),
    so that the copy redraws it from 0, 0; and a web link over its text."""
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [100 100 712 892] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> /AA << /O 7 0 R >> /Annots [6 0 R] >>"
    )
    return _pdf(
        [
            CATALOG % b"",
            PAGES,
            page,
            _stream(b"BT /F1 12 Tf 172 800 Td (%s) Tj ET" % TEXT.encode()),
            FONT,
            b"<< /Type /Annot /Subtype /Link /Rect [172 795 400 815]"
            b" /A << /S /URI /URI (%s) >> >>" % LINKED.encode(),
            b"<< /S /JavaScript /JS (app.alert\\(1\\);) >>",
        ]
    )
