"""Provenance in the letter: each cited sentence carries its reference numbers, the HTML
links them to the reference list, and the PDF lists the references."""

from dataclasses import replace

import pypdfium2 as pdfium
import pytest

from openimr.cases.interchange import case_from_document
from openimr.core.errors import InvalidInput
from openimr.letters.domain.extras import LetterExtras, Provenance
from openimr.letters.render.html import render_fragment
from openimr.letters.render.text import render_text
from openimr.letters.rendering import letter_for, render_pdf_bytes
from openimr.review.domain.provenance import Linked, SourceRef

TITLES = {"7": "Progress note, Ramón Ortega-Vásquez, MD, August 30, 2016"}


def _letter(doc, **sources):
    case = case_from_document(doc)
    summary = case.clinical_summary.split("\n\n")[1].split(". ")[0] + "."
    rationale = case.items[1].rationale.split(". ")[1] + "."
    provenance = Provenance(
        summary=(Linked(summary, (SourceRef("7", 2),)),),
        rationales=((), (Linked(rationale, (SourceRef("7", 2), SourceRef("7", 1))),), ()),
        titles=sources.get("titles", TITLES),
    )
    return letter_for(case, extras=LetterExtras(provenance))


def test_a_cited_sentence_ends_with_its_reference_numbers(three_item_doc):
    text = " ".join(render_text(_letter(three_item_doc)).split())
    assert (
        "into the left leg with numbness over the top of the left foot, worse over the previous four weeks. [1]"
        in text
    )
    assert "the treating surgeon is weighing operative options. [1, 2] The request" in text
    assert "The request is medically necessary. [" not in text


def test_the_references_list_the_pages_in_order_of_first_citation(three_item_doc):
    text = render_text(_letter(three_item_doc))
    section = text.split("REFERENCES", 1)[1].split("YOUR RIGHT TO APPEAL")[0]
    assert "1. Progress note, Ramón Ortega-Vásquez, MD, August 30, 2016, page 2" in section
    assert "2. Progress note, Ramón Ortega-Vásquez, MD, August 30, 2016, page 1" in section


def test_the_html_letter_links_each_number_to_its_reference(three_item_doc):
    html = render_fragment(_letter(three_item_doc))
    assert '<a class="cite" href="#ref-1">1</a>' in html
    assert '<li id="ref-2">Progress note' in html


def test_the_pdf_lists_the_references(three_item_doc):
    document = pdfium.PdfDocument(render_pdf_bytes(_letter(three_item_doc)))
    text = " ".join(" ".join(p.get_textpage().get_text_range() for p in document).split())
    assert "REFERENCES" in text and "August 30, 2016, page 2" in text


def test_a_letter_without_sources_has_no_reference_section(three_item_doc):
    assert "REFERENCES" not in render_text(letter_for(case_from_document(three_item_doc)))


def test_a_cited_document_without_a_title_is_refused(three_item_doc):
    with pytest.raises(InvalidInput, match="no title for document 7"):
        _letter(three_item_doc, titles={})


def test_an_amended_letter_says_so_and_names_the_first(three_item_doc):
    from openimr.letters.domain.content import Field

    case = case_from_document(three_item_doc)
    extras = LetterExtras(amends=(Field("Amends", "the letter issued 11/24/2026"),))
    text = render_text(letter_for(replace(case), extras=extras))
    assert text.splitlines()[1] == "Amended Final Determination Letter"
    assert "Amends: the letter issued 11/24/2026" in text
