"""The Final Determination Letter PDF used to be untagged: a screen reader got one run of
text with no headings, no reading order and no language, the case-number footer read in
the middle of a sentence on every page, and a blind worker had no way to move from section
to section of a binding decision. It is now a tagged PDF (ISO 32000-1 §14.8, PDF/UA-1):
read back here through pdfium's structure tree, as an assistive technology reads it."""

import copy
import re
from dataclasses import replace

from openimr.cases.interchange import case_from_document
from openimr.letters.domain.content import Field, Letter, Paragraph, Section
from openimr.letters.render.pdf import render_pdf
from openimr.letters.rendering import letter_for
from openimr.letters.tests.pdf_structure import (
    Tagged,
    is_tagged,
    language,
    structure,
    title,
)

ARABIC = "محمد العلي"
CHINESE = "王小明"


def _fold(text: str) -> str:
    return " ".join(text.split())


def _expected(letter: Letter) -> list[tuple[str, int, str]]:
    """(type, depth, text) of every element a reader should meet, in the letter's order:
    the title and section headings as H1 and H2, an item's verdict line as H3, each header
    field as one paragraph "Label: value", lists as L > LI > Lbl + LBody."""
    title = f"{letter.title} (draft, not issued)" if letter.draft else letter.title
    out = [("Document", 1, ""), ("P", 2, letter.organization), ("H1", 2, title)]
    out += [("P", 2, f"{f.label}: {f.value}") for f in letter.header]
    for section in letter.sections:
        out.append(("H2", 2, section.heading))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                kind = "H3" if block.role == "item" else "P"
                out.append((kind, 2, f"{block.label or ''} {block.text}"))
                continue
            out.append(("L", 2, ""))
            for number, entry in enumerate(block.entries, start=1):
                marker = f"{number}." if block.ordered else "\u2022"
                out += [("LI", 3, ""), ("Lbl", 4, marker), ("LBody", 4, entry)]
    return [(kind, depth, _fold(text)) for kind, depth, text in out]


def _read(elements: list[Tagged]) -> list[tuple[str, int, str]]:
    return [(e.kind, len(e.path), e.text) for e in elements]


def _letter(doc: dict) -> Letter:
    return letter_for(case_from_document(doc))


def test_the_pdf_is_tagged_in_english_and_shows_its_title(three_item_doc):
    letter = _letter(three_item_doc)
    pdf = render_pdf(letter)
    assert is_tagged(pdf)
    assert language(pdf) == "en-US"
    assert title(pdf) == "Final Determination Letter \u2014 CM16-0400101"
    # pdfium reads neither of these: a viewer's title bar shows the title, not the file
    # name (/DisplayDocTitle), and the XMP metadata carries the same title (PDF/UA 7.1).
    assert b"/DisplayDocTitle true" in pdf
    assert (
        '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Final Determination Letter \u2014 CM16-0400101</rdf:li>'.encode()
        in pdf
    )


def test_headings_paragraphs_and_lists_read_in_the_letters_order_with_its_text(
    three_item_doc,
):
    letter = _letter(three_item_doc)
    elements, _ = structure(render_pdf(letter))
    assert _read(elements) == _expected(letter)
    headings = [e.text for e in elements if e.kind == "H2"]
    assert headings == [s.heading for s in letter.sections]
    assert [e.text for e in elements if e.kind == "H3"] == [
        f"{item['treatment']}: {item['decision'].title()}" for item in three_item_doc["items"]
    ]


def test_the_footer_on_every_page_is_furniture_not_text(three_item_doc):
    letter = _letter(three_item_doc)
    elements, artifacts = structure(render_pdf(letter))
    assert artifacts == [f"Case Number: CM16-0400101 \u2014 Page {n}" for n in (1, 2, 3)]
    assert not [e for e in elements if re.search(r"Page \d", e.text)]


def test_a_draft_says_so_in_its_title_and_its_footers_are_furniture(three_item_doc):
    letter = replace(_letter(three_item_doc), draft=True)
    elements, artifacts = structure(render_pdf(letter))
    assert _read(elements) == _expected(letter)
    assert [e.text for e in elements if e.kind == "H1"] == [
        "Final Determination Letter (draft, not issued)"
    ]
    assert all(a.startswith("DRAFT, not issued \u2014 Case Number") for a in artifacts)
    assert not [e for e in elements if "DRAFT" in e.text]


def test_a_paragraph_across_a_page_break_is_one_paragraph():
    long = " ".join(f"Sentence {n} of a rationale that runs over the page." for n in range(150))
    letter = Letter(
        organization="Review Services",
        title="Final Determination Letter",
        case_number="CM16-0400101",
        header=(Field("Case Number", "CM16-0400101"),),
        sections=(Section("IMR ISSUES, DECISIONS AND RATIONALES", (Paragraph(long),)),),
    )
    elements, _ = structure(render_pdf(letter))
    (paragraph,) = [e for e in elements if e.text.startswith("Sentence 0 ")]
    assert {page for page, _ in paragraph.marks} == {0, 1}
    assert paragraph.text == long
    assert _read(elements) == _expected(letter)


def test_a_header_field_whose_label_wraps_reads_label_then_value():
    label = "Reason for amendment given by the claims administrator"
    value = "The first letter named the wrong requesting physician in its list of parties."
    letter = Letter(
        organization="Review Services",
        title="Final Determination Letter",
        case_number="CM16-0400101",
        header=(Field(label, value),),
        sections=(),
    )
    elements, _ = structure(render_pdf(letter))
    # Drawn row by row, label and value side by side; read as the label, then the value.
    assert [e.text for e in elements if e.kind == "P"][1] == f"{label}: {value}"


def test_names_in_arabic_and_chinese_stay_in_their_paragraphs(three_item_doc):
    doc = copy.deepcopy(three_item_doc)
    doc["employee"]["name"] = ARABIC
    doc["requesting_physician"]["name"] = CHINESE
    doc["items"][-1]["treatment"] = f"Consultation with Dr. {ARABIC}"  # a bold line
    elements, artifacts = structure(render_pdf(_letter(doc)))
    # The Arabic words are drawn right to left, in a fallback face (emboldened in the bold
    # line): each word is read inside the element of its line, and in no other.
    for word in ARABIC.split():
        holders = [(e.kind, e.text) for e in elements if word in e.text]
        assert [kind for kind, _ in holders] == ["H3", "LBody"]
        assert holders[0][1].startswith("Consultation with Dr.")
        assert holders[0][1].endswith(": Upheld")
        assert "Employee" in holders[1][1]
        assert not [a for a in artifacts if word in a]
    (physician,) = [e for e in elements if CHINESE in e.text]
    assert physician.kind == "LBody"
    assert physician.text == f"Requesting physician: {CHINESE}, Orthopedic Surgery"
    headings = [e.kind for e in elements if e.kind.startswith("H")]
    assert headings == ["H1", "H2", "H2", "H2", "H3", "H3", "H3", "H2", "H2", "H2"]


def test_a_notice_staff_wrote_line_by_line_reads_as_its_paragraphs():
    from openimr.letters.tests.test_a_request_for_information_prints_what_staff_wrote_line_by_line import (
        LINES,
        _request,
    )

    notice = _request()
    elements, _ = structure(render_pdf(notice))
    assert _read(elements) == _expected(notice)
    # Its lines, drawn one a line, read as one paragraph up to the blank line.
    assert " ".join(LINES[:4]) in [e.text for e in elements if e.kind == "P"]
