"""The copy of a letter mailed with an address block is set again from the content kept with
the issued letter (letters/domain/stored.py): kept as JSON and read back, it must be the very
letter issued, or the mailed copy would say something the issued one does not."""

import json

from openimr.cases.interchange import case_from_document
from openimr.letters.domain.stored import letter_from_dict, letter_to_dict
from openimr.letters.rendering import letter_for
from openimr.letters.tests.test_a_request_for_information_prints_what_staff_wrote_line_by_line import (
    _request,
)


def _kept(letter):
    return letter_from_dict(json.loads(json.dumps(letter_to_dict(letter))))


def test_a_letter_with_items_lists_and_cited_paragraphs_reads_back_whole(three_item_doc):
    letter = letter_for(case_from_document(three_item_doc))
    assert _kept(letter) == letter


def test_a_notice_staff_wrote_line_by_line_reads_back_line_by_line():
    notice = _request()
    assert any(b.as_written for s in notice.sections for b in s.blocks if hasattr(b, "as_written"))
    assert _kept(notice) == notice
