"""The three renderings of one letter say the same words in the same order, and what the
published letters print in fixed words (the seed and the 182 corpus letters: docs/letters.md,
"Against the seed") our letters print in the same words, in every format, and read back.

The fidelity check of session 22 (letters22): the text letter is what the e-mail carries, the HTML what staff
see, the PDF what is served; a difference between them would be a letter that says one
thing to one party and another to the next."""

import html as html_module
import re

import pypdfium2 as pdfium
import pytest

from openimr.cases.interchange import case_from_document
from openimr.letters.parsing import parse_pdf
from openimr.letters.rendering import render

# What only one format prints: the list marks (the text letter's "-" and "1.", the HTML
# list's numbers are its own, the PDF's bullets), taken out of all three alike (a "2014." of
# the prose goes too), and the PDF's page footer (an artifact a screen reader skips:
# "Case Number: CM14-0000001 — Page 1").
_MARK = re.compile(r"^(?:-|•|\d+\.)$")
_FOOTER = re.compile(r"Case Number: \S+ — Page \d+")


def _words(text: str) -> list[str]:
    return [w for w in text.split() if not _MARK.match(w)]


def _text_words(case) -> list[str]:
    return _words(render(case, "text").decode())


def _html_words(case) -> list[str]:
    page = render(case, "html").decode()
    body = re.sub(r"(?s)<head>.*?</head>|<style.*?</style>", " ", page)
    return _words(html_module.unescape(re.sub(r"<[^>]+>", " ", body)))


def _pdf_words(case) -> list[str]:
    pages = [p.get_textpage().get_text_range() for p in pdfium.PdfDocument(render(case, "pdf"))]
    return _words(_FOOTER.sub(" ", " ".join(pages)))


@pytest.fixture(params=["seed", "three items"])
def case(request, seed_doc, three_item_doc):
    return case_from_document(seed_doc if request.param == "seed" else three_item_doc)


def test_the_html_letter_says_word_for_word_what_the_text_letter_says(case):
    assert _html_words(case) == _text_words(case)


def test_the_pdf_letter_says_word_for_word_what_the_text_letter_says(case):
    assert _pdf_words(case) == _text_words(case)


def test_a_side_that_cited_nothing_says_so_in_the_published_words(three_item_doc):
    """The corpus letters' sentence (104 of 182 print it), not one of our own: a reader of the
    public corpus, and any parser of it, knows that sentence means "no source"."""
    assert three_item_doc["items"][2]["claims_administrator_basis"] == []
    case = case_from_document(three_item_doc)
    published = "The Claims Administrator did not cite any medical evidence for its decision."
    for words in (_text_words(case), _html_words(case), _pdf_words(case)):
        assert published in " ".join(words)


def test_the_pdf_reads_back_a_side_that_cited_nothing_as_sure_as_a_citation(three_item_doc):
    parsed = parse_pdf(render(case_from_document(three_item_doc), "pdf"))
    assert parsed.case["items"][2]["claims_administrator_basis"] == []
    assert parsed.confidence["items[2].claims_administrator_basis"] == 1.0
    assert not [w for w in parsed.warnings if "guideline" in w]


def test_each_item_prints_the_seeds_lines_in_the_seeds_order(seed_doc):
    """Verdict line, the claims administrator's guideline, the organization's, the rationale:
    the order of the seed letter's item (and of every corpus letter's)."""
    text = " ".join(_text_words(case_from_document(seed_doc)))
    lines = (
        "Optimum Home Rehab Kit Lumbar Spine: Upheld",
        "Claims Administrator guideline: The Claims Administrator did not base their decision",
        "MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS.",
        "Decision rationale: The progress note dated February 19, 2014",
    )
    at = [text.index(line) for line in lines]
    assert at == sorted(at)


def test_the_reviewer_is_described_without_a_name_in_every_format(three_item_doc):
    """LC 4610.6(f): the letter describes the reviewer's qualifications, never who it is;
    the case format has no reviewer name to leak, so the qualifications are what is checked."""
    case = case_from_document(three_item_doc)
    for words in (_text_words(case), _html_words(case), _pdf_words(case)):
        said = " ".join(words)
        assert "board certified in Orthopedic Surgery" in said
        assert "license to practice in California and Oregon" in said
        assert "Dr." not in said.split("HOW THE IMR FINAL DETERMINATION WAS MADE")[1][:900]
