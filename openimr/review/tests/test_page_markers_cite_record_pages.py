"""Page markers: ``[[<record> p<page>]]`` after a sentence cites a page; the letter prints
the sentence without it."""

from openimr.review.domain.provenance import Linked, SourceRef
from openimr.review.sources import (
    from_json,
    linked_sentences,
    to_json,
    with_markers,
    without_markers,
)


def test_a_marker_after_the_full_stop_belongs_to_the_sentence_before_it():
    found = linked_sentences("Pain is 7/10. [[12 p3]] Exam is normal. [[12 p4]][[9 p1]]")
    assert found == (
        Linked("Pain is 7/10.", (SourceRef("12", 3),)),
        Linked("Exam is normal.", (SourceRef("12", 4), SourceRef("9", 1))),
    )


def test_a_marker_before_the_full_stop_works_the_same():
    assert linked_sentences("Pain is 7/10 [[12 p.3]].")[0] == Linked(
        "Pain is 7/10.", (SourceRef("12", 3),)
    )


def test_the_letter_text_has_no_markers_and_keeps_paragraphs():
    text = "First. [[1 p1]] Second.\n\nThird [[2 p2]]."
    assert without_markers(text) == "First. Second.\n\nThird."


def test_a_sentence_without_a_marker_keeps_the_sources_of_the_draft_it_was_edited_from():
    draft = (Linked("The MRI of 3/1/2016 shows an L4-5 protrusion.", (SourceRef("5", 2),)),)
    found = linked_sentences("The MRI of 3/1/2016 showed an L4-5 disc protrusion.", draft)
    assert found[0].sources == (SourceRef("5", 2),)
    assert linked_sentences("She works as a cashier.", draft)[0].sources == ()


def test_sentences_round_trip_through_json_and_markers():
    sentences = (Linked("A.", (SourceRef("1", 2),)), Linked("B.", ()))
    assert from_json(to_json(sentences)) == sentences
    assert linked_sentences(with_markers(sentences)) == sentences
