"""The PDF letter says what the content says, in a font that keeps every name intact.

Pure tests: no database. Text is read back with pdfium, the way a reader's viewer or a
search index would see it, and compared with runs of white space folded. The typesetter's
line breaking and page filling are also tested on their own, at the end.
"""

import ctypes
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from openimr.cases.interchange import case_from_file
from openimr.core.case import Case, Employee, Physician
from openimr.letters.domain.content import HEADINGS
from openimr.letters.render.pdf import BOLD, FAMILY, render_pdf
from openimr.letters.render.pdf_layout import Line, Row, Span, paginate, text_width, wrap
from openimr.letters.rendering import letter_for, render

SEED = Path(__file__).resolve().parents[2] / "demo" / "cases" / "seed-90bd304bc794ee83.json"
INCH = 72.0
PAGE_WIDTH = 8.5 * INCH
FOOTER_TOP = 0.8 * INCH  # the footer is below this; body text is above the 1-inch margin


@pytest.fixture(scope="module")
def seed() -> Case:
    return case_from_file(SEED)


def fold(text: str) -> str:
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    return fold("\n".join(page.get_textpage().get_text_range() for page in document))


def body_text(pdf: bytes) -> str:
    """The text without the page footers: a paragraph that runs over a page break reads on
    as one, as it does for a reader turning the page."""
    document = pdfium.PdfDocument(pdf)
    pages = (page.get_textpage().get_text_bounded(bottom=FOOTER_TOP) for page in document)
    return fold("\n".join(pages))


def page_count(pdf: bytes) -> int:
    return len(pdfium.PdfDocument(pdf))


def font_at(textpage: pdfium.PdfTextPage, index: int) -> str:
    size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, None, 0, None)
    name = ctypes.create_string_buffer(size)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, size, None)
    return name.value.decode()


def fonts_of(pdf: bytes, phrase: str) -> set[str]:
    """The faces the first occurrence of phrase is drawn in."""
    for page in pdfium.PdfDocument(pdf):
        textpage = page.get_textpage()
        start = textpage.get_text_range().find(phrase)
        if start >= 0:
            chars = range(start, start + len(phrase))
            return {font_at(textpage, i) for i in chars if not phrase[i - start].isspace()}
    raise AssertionError(f"{phrase!r} not in the PDF")


def long_case(seed: Case, copies: int) -> Case:
    paragraph = fold(seed.clinical_summary or "")
    return replace(seed, clinical_summary="\n\n".join([paragraph] * copies))


def test_seed_letter_has_every_heading_in_order(seed: Case) -> None:
    text = pdf_text(render(seed, "pdf"))
    positions = [text.find(heading) for heading in HEADINGS]
    assert -1 not in positions, dict(zip(HEADINGS, positions, strict=True))
    assert positions == sorted(positions)


def test_seed_letter_has_the_item_guidelines_and_rationale(seed: Case) -> None:
    text = pdf_text(render(seed, "pdf"))
    assert "Optimum Home Rehab Kit Lumbar Spine: Upheld" in text
    assert "Claims Administrator guideline:" in text
    assert "MAXIMUS guideline:" in text
    rationale = fold(seed.items[0].rationale or "")
    assert f"Decision rationale: {rationale}" in body_text(render(seed, "pdf"))


def test_seed_letter_metadata_names_the_case_and_organization(seed: Case) -> None:
    metadata = pdfium.PdfDocument(render(seed, "pdf")).get_metadata_dict()
    assert metadata["Title"] == "Final Determination Letter — CM14-0000001"
    assert metadata["Author"] == "MAXIMUS Federal Services"


def test_names_outside_latin1_survive_in_liberation_serif(seed: Case) -> None:
    case = replace(
        seed,
        employee=Employee("Zoë Łukasiewicz", 47),
        requesting_physician=Physician("Dr. Ægir Øvergård"),
    )
    pdf = render(case, "pdf")
    served = pdf_text(pdf).split("PARTIES SERVED", 1)[1]
    assert "Employee: Zoë Łukasiewicz" in served
    assert "Requesting physician: Dr. Ægir Øvergård" in served
    assert b"LiberationSerif" in pdf
    assert b"Helvetica" not in pdf and b"Times-Roman" not in pdf


def test_the_same_letter_gives_the_same_bytes(seed: Case) -> None:
    letter = letter_for(seed)
    assert render_pdf(letter) == render_pdf(letter)


def test_long_summary_runs_over_pages_with_numbered_footers(seed: Case) -> None:
    pdf = render(long_case(seed, 40), "pdf")
    text = pdf_text(pdf)
    assert page_count(pdf) >= 3
    assert "Case Number: CM14-0000001 — Page 1" in text
    assert "Case Number: CM14-0000001 — Page 3" in text


def test_markup_in_clinical_text_is_printed_literally(seed: Case) -> None:
    rationale = "Reviewed <b>not bold</b> & <font> then &amp; and <br/> as typed."
    case = replace(seed, items=(replace(seed.items[0], rationale=rationale),))
    text = body_text(render(case, "pdf"))
    assert f"Decision rationale: {rationale}" in text


def test_labels_items_and_headings_are_bold_and_the_rest_regular(seed: Case) -> None:
    pdf = render(seed, "pdf")
    assert fonts_of(pdf, "Decision rationale:") == {"LiberationSerif-Bold"}
    assert fonts_of(pdf, "Optimum Home Rehab Kit Lumbar Spine: Upheld") == {"LiberationSerif-Bold"}
    assert fonts_of(pdf, "CLINICAL CASE SUMMARY") == {"LiberationSerif-Bold"}
    rationale = " ".join((seed.items[0].rationale or "").split()[:4])
    assert fonts_of(pdf, rationale) == {"LiberationSerif"}


def test_no_page_ends_with_a_heading(seed: Case) -> None:
    # A summary growing about a line at a time moves each later heading down line by line.
    words = fold(seed.clinical_summary or "").split() * 6
    for lines in range(48):
        case = replace(seed, clinical_summary=" ".join(words[: 16 * lines + 1]))
        for page in pdfium.PdfDocument(render(case, "pdf")):
            last = page.get_textpage().get_text_bounded(bottom=FOOTER_TOP).splitlines()[-1]
            assert last.strip() not in HEADINGS, f"{lines} lines: page ends with {last}"


def test_every_character_stays_within_the_margins(seed: Case) -> None:
    word = "Lumbosacral" * 40  # wider than a line: split by characters
    case = replace(seed, items=(replace(seed.items[0], rationale=f"See {word} here."),))
    pdf = render(case, "pdf")
    assert word in "".join(body_text(pdf).split())
    for page in pdfium.PdfDocument(pdf):
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars())]
        # Generated line breaks, and the space that ends a wrapped line (it tells a reader
        # the paragraph goes on), draw nothing on the paper.
        boxes = [box for box, c in zip(boxes, text, strict=True) if not c.isspace()]
        assert min(left for left, *_ in boxes) >= INCH - 0.5
        assert max(right for _, _, right, _ in boxes) <= PAGE_WIDTH - INCH + 0.5


def test_names_in_other_scripts_keep_every_character(seed: Case) -> None:
    case = replace(
        seed,
        employee=Employee("Nguyễn Văn An", 47),
        requesting_physician=Physician("Dr. Σοφία Παπαδοπούλου"),
    )
    served = pdf_text(render(case, "pdf")).split("PARTIES SERVED", 1)[1]
    assert "Employee: Nguyễn Văn An" in served
    assert "Requesting physician: Dr. Σοφία Παπαδοπούλου" in served


def test_letters_rendered_in_between_change_nothing(seed: Case) -> None:
    # Embedded font subsets are kept between letters: another letter must not leak in.
    letter = letter_for(seed)
    first = render_pdf(letter)
    render(replace(seed, employee=Employee("Ђорђе Ивановић", 40)), "pdf")
    assert render_pdf(letter) == first


def test_a_label_and_its_text_share_lines_in_their_own_faces() -> None:
    lines = wrap([Span(BOLD, "Decision rationale:"), Span(FAMILY, "word " * 60)], 10.5, 468)
    assert lines[0][0] == (BOLD, "Decision rationale: ")
    assert lines[0][1][0] == FAMILY and lines[0][1][1].startswith("word word")
    assert all(len(line) == 1 and line[0][0] == FAMILY for line in lines[1:])
    assert sum(text.count("word") for line in lines for _, text in line) == 60


def test_lines_are_filled_greedily_and_never_overflow() -> None:
    text = "lorem ipsum dolor sit amet consectetur adipiscing elit " * 20
    lines = wrap([Span(FAMILY, text)], 10.5, 200)
    widths = [text_width(line[0][1], FAMILY, 10.5) for line in lines]
    assert max(widths) <= 200
    # Greedy: the next line's first word would not have fitted on this one.
    for width, after in zip(widths, lines[1:], strict=False):
        first = after[0][1].split()[0]
        assert width + text_width(f" {first}", FAMILY, 10.5) > 200


def test_a_word_wider_than_the_line_is_split_by_characters() -> None:
    lines = wrap([Span(FAMILY, "a " + "x" * 300 + " b")], 10.5, 100)
    texts = [line[0][1] for line in lines]
    assert texts[0] == "a"
    assert "".join(texts[1:]).replace(" ", "") == "x" * 300 + "b"
    assert all(text_width(t, FAMILY, 10.5) <= 100 for t in texts)


def row(keep: int = 0, space: float = 0.0) -> Row:
    return Row((Line(72, ((FAMILY, "text"),)),), 10, 12, space, keep)


def test_a_kept_row_moves_to_the_next_page_with_the_rows_it_keeps() -> None:
    # Room for 10 rows of 12 points: a heading (keep 2) as the 9th would end the page.
    rows = [row() for _ in range(8)] + [row(keep=2), row(), row()]
    pages = paginate(rows, top=192, bottom=72)
    assert [len(page) for page in pages] == [8, 3]
    assert pages[1][0].row is rows[8]


def test_space_above_a_row_is_dropped_at_the_top_of_a_page() -> None:
    rows = [row() for _ in range(10)] + [row(space=30)]
    pages = paginate(rows, top=192, bottom=72)
    assert [len(page) for page in pages] == [10, 1]
    assert pages[1][0].baseline == 192 - 10
