"""The copy a reader's machine gets carries none of the original's scripts, actions or
attached files, checked by pdfium and in the bytes themselves, while its pages read the same
(a filled form's values stay on the page); the original is not changed."""

import hashlib
import re

import pypdfium2 as pdfium
import pytest

from openimr.demo.record_files import text_pdf
from openimr.records.domain.active_content import ActiveContent
from openimr.records.pdf import pdf_copy_without_active_content, pdf_read
from openimr.records.tests import active_pdfs

ACTIVE = [
    active_pdfs.scripts,
    active_pdfs.attachments,
    active_pdfs.launch_and_page_script,
    active_pdfs.fillable_form,
    active_pdfs.hidden_opener,
    active_pdfs.rich_media,
]
# Dictionary keys and types a reader acts on; the copy is pdfium's writing, names spelled out.
ACTING = re.compile(
    rb"/(JavaScript|JS|Launch|GoToR|GoToE|AA|OpenAction|EmbeddedFiles?|Annots|AcroForm|XFA"
    rb"|3D|3DD|Screen|Rendition|RichMedia)\b"
)


@pytest.mark.parametrize("build", ACTIVE, ids=[b.__name__ for b in ACTIVE])
def test_the_copy_carries_nothing_a_reader_could_run_or_open(build):
    original = build()
    copy = pdf_copy_without_active_content(original, path="file")
    assert pdf_read(copy, path="$").active == ActiveContent()
    assert ACTING.findall(copy) == []
    document = pdfium.PdfDocument(copy)
    assert pdfium.raw.FPDFDoc_GetJavaScriptActionCount(document.raw) == 0
    assert pdfium.raw.FPDFDoc_GetAttachmentCount(document.raw) == 0
    assert pdfium.raw.FPDFPage_GetAnnotCount(document[0].raw) == 0


@pytest.mark.parametrize("build", ACTIVE, ids=[b.__name__ for b in ACTIVE])
def test_the_copy_reads_as_the_original_does(build):
    original = build()
    before = hashlib.sha256(original).hexdigest()
    copy = pdf_copy_without_active_content(original, path="file")
    pages = pdf_read(copy, path="$").pages
    assert len(pages) == len(pdf_read(original, path="$").pages) == 1
    assert pages[0].startswith(active_pdfs.TEXT)
    assert hashlib.sha256(original).hexdigest() == before


def test_a_filled_forms_values_stay_on_the_page():
    copy = pdf_copy_without_active_content(active_pdfs.fillable_form(), path="file")
    assert active_pdfs.FORM_VALUE in pdf_read(copy, path="$").pages[0]


def _boxes(page: pdfium.PdfPage) -> tuple:
    """The page's size, its crop box from the media box's corner, and its turn."""
    left, bottom, right, top = page.get_mediabox()
    crop = page.get_cropbox()
    return (
        (right - left, top - bottom),
        tuple(round(v - o, 3) for v, o in zip(crop, (left, bottom, left, bottom), strict=True)),
        page.get_rotation(),
    )


# Imported as they are (scripts only in the catalog), or redrawn (a page script, /AA).
BOTH_WAYS = [active_pdfs.scripts, active_pdfs.launch_and_page_script]


@pytest.mark.parametrize("build", BOTH_WAYS, ids=[b.__name__ for b in BOTH_WAYS])
def test_a_page_keeps_its_size_box_and_turn(build):
    turned = build().replace(
        b"/MediaBox [0 0 612 792]", b"/MediaBox [10 20 622 812] /CropBox [40 50 600 800] /Rotate 90"
    )
    original = pdfium.PdfDocument(turned)[0]
    copy = pdfium.PdfDocument(pdf_copy_without_active_content(turned, path="file"))[0]
    assert _boxes(copy) == _boxes(original) == ((612, 792), (30, 30, 590, 780), 90)
    assert copy.get_textpage().get_text_range() == active_pdfs.TEXT


def test_a_long_record_is_copied_with_its_fonts_once():
    # Redrawn page by page into one document, 300 pages took 25 s, and each page carried a
    # copy of the fonts: 40 pages of typescript grew from 50 kB to 900 kB.
    text = "\n".join(f"Line {n}: lumbar paraspinal tenderness." for n in range(40))
    original = text_pdf("\f".join([text] * 40))
    copy = pdf_copy_without_active_content(original, path="file")
    assert len(copy) < 1.2 * len(original)
    assert pdf_read(copy, path="$").pages == pdf_read(original, path="$").pages


def test_a_kind_the_count_does_not_know_is_left_behind_too():
    original = active_pdfs.rich_media()
    # The rendition counts (it opens a media clip); the 3D annotation is a kind it does not name.
    assert pdf_read(original, path="$").active == ActiveContent(launch=1)
    copy = pdf_copy_without_active_content(original, path="file")
    assert ACTING.findall(copy) == []
    assert pdfium.raw.FPDFPage_GetAnnotCount(pdfium.PdfDocument(copy)[0].raw) == 0


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("crop", [b"", b" /CropBox [40 50 600 800]"], ids=["uncropped", "cropped"])
def test_a_redrawn_page_draws_its_words_where_the_original_had_them(rotation, crop):
    # A page script (/AA) makes the copy redraw the page. The redrawn page was moved by its
    # media box's corner twice, and a turned page was turned twice: words off the page.
    placed = active_pdfs.launch_and_page_script().replace(
        b"/MediaBox [0 0 612 792]", b"/MediaBox [10 20 622 812]%s /Rotate %d" % (crop, rotation)
    )
    copy = pdf_copy_without_active_content(placed, path="file")
    assert b"/AA" not in copy

    def first_letter(data):
        page = pdfium.PdfDocument(data)[0]
        left, bottom, _, _ = page.get_mediabox()
        box = page.get_textpage().get_charbox(0)
        return round(box[0] - left, 1), round(box[1] - bottom, 1), page.get_rotation()

    assert first_letter(copy) == first_letter(placed) == (63.0, 680.0, rotation)
