"""A list the reviewer writes in the summary or a rationale ("1. ...", "- ...", one item a
line, as a browser sends it: CRLF line ends) printed run into one line in the letter: the
save folded every line of a paragraph into one. Each line now stays a line, in the text,
HTML and PDF letters; what the reviewer wrote is still text (escaped, never markup), and
the PDF stays tagged."""

import pypdfium2 as pdfium
import pytest

from openimr.cases.selectors import case_row
from openimr.letters.domain.extras import Citations
from openimr.letters.rendering import render
from openimr.letters.selectors import case_for_letter
from openimr.letters.tests.pdf_structure import is_tagged, structure
from openimr.review.sources import without_markers
from openimr.review.tests.conftest import CASE, item_post, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"
SUMMARY = (
    "She was treated with:\r\n1. Physical therapy, 12 sessions [[d1 p1]]\r\n"
    "2. Naproxen <b>500 mg</b> & ibuprofen\r\n\r\nShe still works."
)
SUMMARY_LINES = [
    "She was treated with:",
    "1. Physical therapy, 12 sessions",
    "2. Naproxen <b>500 mg</b> & ibuprofen",
]
RATIONALE = "Criteria not met:\r\n- no functional goal\r\n- no home exercise trial"
RATIONALE_LINES = ["Criteria not met:", "- no functional goal", "- no home exercise trial"]


@pytest.fixture
def written(client, cast, under_review):
    login(client, cast.reviewer)
    summary = SUMMARY.replace(" [[d1 p1]]", "")  # the case file has no record d1
    assert client.post(URL, {"action": "summary", "summary": summary}).status_code == 302
    assert item_post(client, **{"item-0-rationale": RATIONALE}).status_code == 302
    return case_for_letter(CASE)


def test_the_saved_texts_keep_their_lines(written):
    row = case_row(CASE)
    assert row.clinical_summary == "\n".join(SUMMARY_LINES) + "\n\nShe still works."
    assert written.items[0].rationale == "\n".join(RATIONALE_LINES)


def test_each_line_is_a_line_of_the_text_letter(written):
    lines = render(written, "text").decode().splitlines()
    start = lines.index(SUMMARY_LINES[0])
    assert lines[start : start + 3] == SUMMARY_LINES
    start = lines.index(f"Decision rationale: {RATIONALE_LINES[0]}")
    assert lines[start + 1 : start + 3] == RATIONALE_LINES[1:]


def test_each_line_is_a_line_of_the_html_letter_and_stays_text(written):
    html = render(written, "html").decode()
    assert (
        "She was treated with:<br>1. Physical therapy, 12 sessions<br>"
        "2. Naproxen &lt;b&gt;500 mg&lt;/b&gt; &amp; ibuprofen</p>"
    ) in html
    assert "<b>500" not in html
    assert "Criteria not met:<br>- no functional goal<br>- no home exercise trial</p>" in html


def test_each_line_is_a_line_of_the_tagged_pdf_letter(written):
    pdf = render(written, "pdf")
    text = "\n".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(pdf))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    start = lines.index(SUMMARY_LINES[0])
    assert lines[start : start + 3] == SUMMARY_LINES
    assert RATIONALE_LINES[1] in lines and RATIONALE_LINES[2] in lines
    assert is_tagged(pdf)
    tags, _ = structure(pdf)  # which asserts every marked content has its element
    # The list's lines are the one paragraph the reviewer wrote, read in one breath.
    assert any(t.text.startswith("She was treated with: 1. Physical") for t in tags)


def test_a_marker_on_a_line_leaves_the_line_break_and_the_words():
    assert without_markers(SUMMARY) == "\n".join(SUMMARY_LINES) + "\n\nShe still works."


def test_reference_numbers_keep_the_lines_they_follow():
    refs = Citations({"2. naproxen 500 mg.": (1,)}, ("[1] Note, p. 2",))
    cited = refs.cite("Treated with:\n1. Physical therapy.\n2. Naproxen 500 mg.\n3. Rest.")
    assert cited == "Treated with:\n1. Physical therapy.\n2. Naproxen 500 mg. [1]\n3. Rest."
