"""What staff write on a Request for Information About Eligibility is "printed on the request
as written": a numbered list typed one item a line prints one item a line, in the PDF, the
HTML and the text, and a blank line between two paragraphs keeps them apart; each line is
still text, not markup, and a line longer than the page is filled as any paragraph is."""

from dataclasses import replace

import pypdfium2 as pdfium

from openimr.letters.domain.notices import NoticeFacts, as_written, build_information_request
from openimr.letters.domain.template import NOTICES_PATH, load_template
from openimr.letters.render.html import render_fragment
from openimr.letters.render.pdf import render_pdf
from openimr.letters.render.text import render_text
from openimr.letters.tests.test_a_request_for_eligibility_information_says_what_by_when_and_where import (
    FACTS as REQUEST,
)

LIST = (
    "Please send:\r\n"
    "1. The written UR decision of March 1, 2024.\r\n"
    "2. The Request for Authorization it decided.\r\n"
    "3. Proof of its service on the employee.   \r\n"
    "\r\n"
    "\r\n"
    "If any of these does not exist, say so."
)
LINES = [
    "Please send:",
    "1. The written UR decision of March 1, 2024.",
    "2. The Request for Authorization it decided.",
    "3. Proof of its service on the employee.",
    "If any of these does not exist, say so.",
]
FACTS = replace(REQUEST, information=LIST)


def _request(facts: NoticeFacts = FACTS):
    return build_information_request(facts, load_template(None, NOTICES_PATH))


def _pdf_lines(facts: NoticeFacts = FACTS) -> list[str]:
    """The PDF's text as extracted, line by line, each line's blanks folded."""
    pages = pdfium.PdfDocument(render_pdf(_request(facts)))
    text = "\n".join(page.get_textpage().get_text_range() for page in pages)
    return [" ".join(line.split()) for line in text.splitlines()]


def test_each_line_staff_typed_is_a_line_of_the_pdf():
    lines = _pdf_lines()
    start = lines.index(LINES[0])
    assert lines[start : start + 4] == LINES[:4]
    assert LINES[4] in lines[start + 4 :]


def test_each_line_staff_typed_is_a_line_of_the_html():
    html = render_fragment(_request())
    assert "<br>".join(LINES[:4]) in html
    assert f'<p class="body">{LINES[4]}</p>' in html


def test_each_line_staff_typed_is_a_line_of_the_text():
    lines = render_text(_request()).splitlines()
    start = lines.index(LINES[0])
    assert lines[start : start + 6] == [*LINES[:4], "", LINES[4]]


def test_a_blank_line_parts_paragraphs_and_runs_of_blank_lines_count_as_one():
    paragraphs = as_written(LIST)
    assert [p.text for p in paragraphs] == ["\n".join(LINES[:4]), LINES[4]]


def test_each_line_is_escaped_as_text_in_the_html():
    hostile = replace(FACTS, information="1. <b>send</b> & sign\n2. <br>the RFA")
    html = render_fragment(_request(hostile))
    assert "1. &lt;b&gt;send&lt;/b&gt; &amp; sign<br>2. &lt;br&gt;the RFA" in html
    assert "<b>send</b>" not in html


def test_a_line_longer_than_the_page_is_filled_onto_the_next_line():
    long = "2. " + " ".join(["the progress notes of every visit since the injury"] * 4)
    lines = _pdf_lines(replace(FACTS, information=f"1. The UR decision.\n{long}"))
    start = lines.index("1. The UR decision.")
    filled = lines[start + 1 : start + 3]
    assert filled[0].startswith("2. the progress notes") and len(filled[0]) < len(long)
    assert " ".join(filled) == long


def test_a_paragraph_of_other_text_still_folds_its_line_breaks():
    letter = _request()
    intro = letter.section("INFORMATION REQUESTED").blocks[0]
    assert not intro.as_written and intro.lines == [intro.text]
