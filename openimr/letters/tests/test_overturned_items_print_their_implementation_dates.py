"""An overturned item prints the dates the claims administrator must authorize or pay by
(8 CCR 9792.10.7(a)), counted from service of the letter."""

from datetime import date

from openimr.cases.interchange import case_from_document
from openimr.letters.domain.extras import LetterExtras
from openimr.letters.render.text import render_text
from openimr.letters.rendering import letter_for
from openimr.letters.services import deadline_sentences
from openimr.review.domain.implementation import Served, Service


def test_a_mailed_letter_counts_from_its_presumed_receipt(three_item_doc):
    case = case_from_document(three_item_doc)
    found = deadline_sentences(case, Served(date(2026, 11, 24), Service.MAIL))
    assert found[0].startswith("Overturned items must be authorized by December 4, 2026")
    assert found[1].startswith("Overturned items already provided must be paid for by")


def test_the_dates_follow_the_overturned_note_in_the_letter(three_item_doc):
    case = case_from_document(three_item_doc)
    sentences = deadline_sentences(case, Served(date(2026, 11, 24), Service.ELECTRONIC))
    text = " ".join(render_text(letter_for(case, extras=LetterExtras(deadlines=sentences))).split())
    assert "must be authorized by December 3, 2026 (5 working days" in text


def test_an_upheld_only_case_has_no_implementation_date(seed_doc):
    case = case_from_document(seed_doc)
    assert deadline_sentences(case, Served(date(2026, 11, 24), Service.MAIL)) == ()
