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

Leaving it behind: each page is rebuilt in a new document from its appearance alone. The
page's annotations are first flattened into its content (a filled form's values, a stamp,
a signature's picture stay visible), then the page becomes a form XObject drawn on a blank
page of the same size. Importing the pages (FPDF_ImportPages) was not enough: it leaves the
catalog's /OpenAction, /Names and /AcroForm behind but copies each page's /AA and /Annots,
so page scripts, launch links and attachment annotations came along.
"""

import io
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from openimr.core.errors import InvalidInput, Problem
from openimr.records.domain.active_content import ActiveContent, Form

_JAVASCRIPT = re.compile(rb"/S\s*/JavaScript(?![#\w])")
# Launch starts a program; GoToR and GoToE open another PDF, on disk or embedded.
_LAUNCH = re.compile(rb"/S\s*/(?:Launch|GoToR|GoToE)(?![#\w])")
_ATTACHMENT_ANNOTATION = re.compile(rb"/Subtype\s*/FileAttachment(?![#\w])")
_FORMS = {
    pdfium_c.FORMTYPE_ACRO_FORM: Form.ACROFORM,
    pdfium_c.FORMTYPE_XFA_FULL: Form.XFA,
    pdfium_c.FORMTYPE_XFA_FOREGROUND: Form.XFA,
}


def active_content(document: pdfium.PdfDocument) -> ActiveContent:
    """What in ``document`` a PDF reader could run or open, counted."""
    plain = _saved(document)
    named_scripts = max(pdfium_c.FPDFDoc_GetJavaScriptActionCount(document.raw), 0)
    embedded = max(pdfium_c.FPDFDoc_GetAttachmentCount(document.raw), 0)
    return ActiveContent(
        javascript=max(named_scripts, len(_JAVASCRIPT.findall(plain))),
        launch=len(_LAUNCH.findall(plain)),
        attachments=embedded + len(_ATTACHMENT_ANNOTATION.findall(plain)),
        form=_FORMS.get(pdfium_c.FPDF_GetFormType(document.raw), Form.NONE),
    )


def _saved(document: pdfium.PdfDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_without_active_content(data: bytes, path: str) -> bytes:
    """A copy of the PDF ``data`` with the same pages, as they look, and nothing else: no
    script, action, link, attachment or form field. Run in the sandbox (module level, reads
    no settings); the record's bytes are not changed, only pdfium's copy in memory."""
    try:
        source = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InvalidInput([Problem(path, "the PDF cannot be opened to copy")]) from exc
    copy = pdfium.PdfDocument.new()
    try:
        for index in range(len(source)):
            _page_rebuilt(source, index, copy)
        return _saved(copy)
    except pdfium.PdfiumError as exc:
        raise InvalidInput([Problem(path, "a page of the PDF cannot be copied")]) from exc
    finally:
        copy.close()
        source.close()


def _page_rebuilt(source: pdfium.PdfDocument, index: int, copy: pdfium.PdfDocument) -> None:
    page = source[index]
    # As shown on screen: a hidden annotation stays hidden, a no-print one is still seen.
    pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
    left, bottom, right, top = page.get_mediabox()
    crop = page.get_cropbox()
    rotation = page.get_rotation()
    page.close()
    xobject = source.page_as_xobject(index, copy)
    drawn = xobject.as_pageobject()
    rebuilt = copy.new_page(right - left, top - bottom)
    if left or bottom:  # the new page's box starts at 0, 0
        pdfium_c.FPDFPageObj_Transform(drawn.raw, 1, 0, 0, 1, -left, -bottom)
    rebuilt.insert_obj(drawn)
    rebuilt.gen_content()
    if crop != (left, bottom, right, top):
        rebuilt.set_cropbox(crop[0] - left, crop[1] - bottom, crop[2] - left, crop[3] - bottom)
    if rotation:
        rebuilt.set_rotation(rotation)
    rebuilt.close()
    xobject.close()
