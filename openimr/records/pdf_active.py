"""Active content in a PDF found, and a copy made without it, by pdfium in the sandbox's
reader process (`openimr.core.sandbox`): the same reader, under the same limits, that reads
a record's text. The rule of which copy a reader gets is `domain/active_content.py`.

Finding it: pdfium's API counts the document-level JavaScript (the /Names /JavaScript tree),
the embedded files (/Names /EmbeddedFiles) and the form type, but has no getter for an
action run on opening (/OpenAction), by a page or field event (/AA) or behind a link. It
parses them all the same, and a copy it saves writes every object out plainly: object
streams unpacked, names with #xx escapes spelled out, each action dictionary as
``/S/JavaScript``. The actions are counted by their type in that copy, so an action hidden in
an object stream or spelled ``/Java#53cript`` is counted too (docs/decisions/0011).

Leaving it behind: on pdfium's copy of the document in memory, each page's annotations are
flattened into its content (a filled form's values, a stamp, a signature's picture stay
visible) and then removed, links, form fields and file attachments with them; the pages are
then imported into a new document (FPDF_ImportPages), which leaves the catalog's
/OpenAction, /Names (scripts, embedded files) and /AcroForm behind and copies fonts and
images once. The import does copy each page's own /AA (a script run when the page opens),
and pdfium has no call that removes a key: when the copy, as pdfium writes it, still names
one, every page is redrawn instead, as a form XObject on a blank page of the same size,
which carries nothing of the page's dictionary (`_pages_redrawn`).

Links to web pages and mail addresses are read before the annotations go and written anew
into the copy, bare (pdf_links.py); no other link, and no form field, comes back: pdfium
cannot make a form field, and keeping the original's would keep the field's own scripts
(docs/decisions/0011).
"""

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from openimr.core.errors import InvalidInput, Problem
from openimr.records.domain.active_content import ActiveContent, Form
from openimr.records.pdf_links import Link, links_added, saved, web_links

# The copy's version: part of a cached copy's key (selectors.record_file_served), raised
# whenever what the copy keeps or leaves changes, so that no copy made the old way is served.
COPY_VERSION = 2

_JAVASCRIPT = re.compile(rb"/S\s*/JavaScript(?![#\w])")
# Launch starts a program; GoToR and GoToE open another PDF, on disk or embedded; ImportData
# reads a file into the form; Rendition plays a media clip (and may carry a script, /JS).
_LAUNCH = re.compile(rb"/S\s*/(?:Launch|GoToR|GoToE|ImportData|Rendition)(?![#\w])")
# SubmitForm sends the form's data out to an address (domain/active_content.py).
_SUBMIT = re.compile(rb"/S\s*/SubmitForm(?![#\w])")
_ATTACHMENT_ANNOTATION = re.compile(rb"/Subtype\s*/FileAttachment(?![#\w])")
_FORMS = {
    pdfium_c.FORMTYPE_ACRO_FORM: Form.ACROFORM,
    pdfium_c.FORMTYPE_XFA_FULL: Form.XFA,
    pdfium_c.FORMTYPE_XFA_FOREGROUND: Form.XFA,
}


def active_content(document: pdfium.PdfDocument) -> ActiveContent:
    """What in ``document`` a PDF reader could run or open, counted."""
    plain = saved(document)
    named_scripts = max(pdfium_c.FPDFDoc_GetJavaScriptActionCount(document.raw), 0)
    embedded = max(pdfium_c.FPDFDoc_GetAttachmentCount(document.raw), 0)
    return ActiveContent(
        javascript=max(named_scripts, len(_JAVASCRIPT.findall(plain))),
        launch=len(_LAUNCH.findall(plain)),
        attachments=embedded + len(_ATTACHMENT_ANNOTATION.findall(plain)),
        form=_FORMS.get(pdfium_c.FPDF_GetFormType(document.raw), Form.NONE),
        submit=len(_SUBMIT.findall(plain)),
    )


def pdf_without_active_content(data: bytes, path: str) -> bytes:
    """A copy of the PDF ``data`` with the same pages, as they look, and their links to web
    pages and mail addresses, and nothing else: no script, other action or link, attachment
    or form field. Run in the sandbox (module level, reads no settings); the record's bytes
    are not changed, only pdfium's copy in memory."""
    try:
        source = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InvalidInput([Problem(path, "the PDF cannot be opened to copy")]) from exc
    try:
        links = {index: _annotations_flattened(source, index) for index in range(len(source))}
        copy = _pages_imported(source)
        shift: dict[int, tuple[float, float]] = {}
        # A page's own /AA came along (or a name spelled like one): redraw every page,
        # which keeps nothing of a page's dictionary by construction.
        if _ACTING.search(copy):
            copy, shift = _pages_redrawn(source), _origins(source)
        kept = {index: found for index, found in links.items() if found}
        return links_added(copy, kept, shift) if kept else copy
    except pdfium.PdfiumError as exc:
        raise InvalidInput([Problem(path, "a page of the PDF cannot be copied")]) from exc
    finally:
        source.close()


# What may act in an imported copy, as pdfium writes it: an action of a type a reader runs,
# additional actions (/AA), and what the import should have left behind. A resource that
# happens to carry one of these names only sends the copy down the slower path.
_ACTING = re.compile(
    rb"/(?:S\s*/(?:JavaScript|Launch|GoToR|GoToE|URI|SubmitForm|ImportData|Rendition)"
    rb"|AA|Annots|AcroForm|EmbeddedFiles?|OpenAction)(?![#\w])"
)


def _annotations_flattened(source: pdfium.PdfDocument, index: int) -> tuple[Link, ...]:
    """The page's annotations drawn into its content as shown on screen (a filled form's
    values, a stamp, a signature's picture stay visible), then every annotation removed: a
    link, a form field, a file attachment are gone before the page is copied. Returns the
    page's web links, read first, for the copy to have anew."""
    page = source[index]
    try:
        links = web_links(source, page)
        media, crop = page.get_mediabox(), page.get_cropbox()
        flattened = pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
        if flattened == pdfium_c.FLATTEN_SUCCESS:  # it sets the media box to the crop box
            page.set_mediabox(*media)
            page.set_cropbox(*crop)
        for annotation in reversed(range(pdfium_c.FPDFPage_GetAnnotCount(page.raw))):
            pdfium_c.FPDFPage_RemoveAnnot(page.raw, annotation)
        return links
    finally:
        page.close()


def _origins(source: pdfium.PdfDocument) -> dict[int, tuple[float, float]]:
    """Where each page's media box starts: a redrawn page starts at 0, 0 (_page_redrawn)."""
    origins = {}
    for index in range(len(source)):
        page = source[index]
        left, bottom, _, _ = page.get_mediabox()
        origins[index] = (left, bottom)
        page.close()
    return origins


def _pages_imported(source: pdfium.PdfDocument) -> bytes:
    """The pages imported into a new document (FPDF_ImportPages): the catalog's scripts,
    opening action, attachments and form stay behind, the pages' fonts and images are
    copied once. A page's own /AA comes along, which the caller checks."""
    copy = pdfium.PdfDocument.new()
    try:
        copy.import_pages(source)
        return saved(copy)
    finally:
        copy.close()


def _pages_redrawn(source: pdfium.PdfDocument) -> bytes:
    """Each page drawn as a form XObject on a blank page of the same size, box and turn,
    which carries nothing of the page's dictionary. Each through a document of its own:
    drawn into one document, each page took longer than the last (300 pages: 25 s),
    though a page's fonts are then copied once for each page."""
    copy = pdfium.PdfDocument.new()
    try:
        for index in range(len(source)):
            single = pdfium.PdfDocument.new()
            try:
                _page_redrawn(source, index, single)
                copy.import_pages(single)
            finally:
                single.close()
        return saved(copy)
    finally:
        copy.close()


def _page_redrawn(source: pdfium.PdfDocument, index: int, copy: pdfium.PdfDocument) -> None:
    page = source[index]
    left, bottom, right, top = page.get_mediabox()
    crop = page.get_cropbox()
    rotation = page.get_rotation()
    page.close()
    xobject = source.page_as_xobject(index, copy)
    drawn = xobject.as_pageobject()
    rebuilt = copy.new_page(right - left, top - bottom)
    box = _clipped(crop, (left, bottom, right, top))
    pdfium_c.FPDFPageObj_Transform(drawn.raw, *_page_matrix_undone(rotation, box, left, bottom))
    rebuilt.insert_obj(drawn)
    rebuilt.gen_content()
    if crop != (left, bottom, right, top):
        rebuilt.set_cropbox(crop[0] - left, crop[1] - bottom, crop[2] - left, crop[3] - bottom)
    if rotation:
        rebuilt.set_rotation(rotation)
    rebuilt.close()
    xobject.close()


def _clipped(crop: tuple[float, ...], media: tuple[float, ...]) -> tuple[float, ...]:
    return (
        max(crop[0], media[0]),
        max(crop[1], media[1]),
        min(crop[2], media[2]),
        min(crop[3], media[3]),
    )


def _page_matrix_undone(
    rotation: int, box: tuple[float, ...], left: float, bottom: float
) -> tuple[float, float, float, float, float, float]:
    """The matrix that puts a page drawn as an XObject back where the page had it, on a new
    page whose media box starts at 0, 0. pdfium gives the XObject the page's display matrix
    (CPDF_Page::GetPageMatrix: moved to the crop box's corner and turned by /Rotate); the
    new page keeps the /Rotate, so that matrix is undone, then the media box moved to 0, 0.
    Without it a page with a media box off 0, 0 was drawn that far off, and a turned page
    was turned twice, its text partly off the page."""
    x0, y0, x1, y1 = box
    return {
        0: (1, 0, 0, 1, x0 - left, y0 - bottom),
        90: (0, 1, -1, 0, x1 - left, y0 - bottom),
        180: (-1, 0, 0, -1, x1 - left, y1 - bottom),
        270: (0, -1, 1, 0, x0 - left, y1 - bottom),
    }[rotation % 360]
