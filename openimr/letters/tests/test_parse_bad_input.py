"""What cannot be read says why, and raises nothing but LetterUnreadable; a truncated letter
keeps what it has and says what is missing."""

import io
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

from openimr.cases.interchange import schema_problems
from openimr.core.errors import OpenIMRError
from openimr.letters.parsing import LetterUnreadable, parse_pdf, parse_text
from openimr.letters.tests.test_parse_support import corpus_or_skip, corpus_text


def _pdf(draw, **options) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, **options)
    draw(page)
    page.showPage()
    page.save()
    return out.getvalue()


def test_an_encrypted_pdf_is_refused_as_encrypted():
    data = _pdf(
        lambda c: c.drawString(72, 700, "IMR ISSUES, DECISIONS AND RATIONALES"), encrypt="pw"
    )
    with pytest.raises(LetterUnreadable, match="encrypted PDF"):
        parse_pdf(data)


@pytest.mark.parametrize("damage", ["truncated", "zeroed"])
def test_a_damaged_pdf_is_refused_as_damaged(damage):
    data = (corpus_or_skip() / "CM16-0219557.pdf").read_bytes()
    broken = data[: len(data) // 2] if damage == "truncated" else data[:200] + bytes(len(data))
    with pytest.raises(LetterUnreadable, match="damaged PDF"):
        parse_pdf(broken)


def test_a_file_that_is_not_a_pdf_is_refused_by_parse_pdf():
    with pytest.raises(LetterUnreadable, match="not a PDF"):
        parse_pdf(b"Case Number: CM16-0219557")


def test_a_scanned_letter_without_a_text_layer_is_refused_as_such():
    def shapes(page):
        page.rect(72, 72, 300, 400, fill=1)
        page.circle(300, 600, 60)
        page.line(72, 700, 500, 700)

    with pytest.raises(LetterUnreadable, match="no text layer"):
        parse_pdf(_pdf(shapes))


def test_a_pdf_that_is_not_a_letter_is_refused_as_not_a_letter():
    def report(page):
        page.drawString(72, 700, "Quarterly sales report for the western region, in dollars.")

    with pytest.raises(LetterUnreadable, match="not a letter"):
        parse_pdf(_pdf(report))


@pytest.mark.parametrize(
    "text",
    ["", "   \n\f  ", "Dear customer, your parcel is on its way.", "Upheld"],
)
def test_text_that_is_not_a_letter_is_refused_as_not_a_letter(text):
    with pytest.raises(LetterUnreadable, match="not a letter"):
        parse_text(text)


def test_the_refusal_is_one_of_the_projects_errors():
    assert issubclass(LetterUnreadable, OpenIMRError)


def test_a_letter_cut_off_in_its_second_item_keeps_the_first_and_warns():
    text = corpus_text("CM16-0230651")
    cut = text[: text.index("Decision rationale", text.index("EMG/NCV of the upper extremities:"))]
    parsed = parse_text(cut)
    items = parsed.case["items"]
    assert [i["treatment"] for i in items] == [
        "EMG/NCV of the lower extremities",
        "EMG/NCV of the upper extremities",
    ]
    assert items[0]["rationale"] and items[1]["rationale"] is None
    assert "truncated: no decision rationale for item 2" in parsed.warnings
    assert parsed.confidence["items[1].rationale"] == 0.0
    assert parsed.case["dates"]["decision"] == "2017-01-09"
    assert schema_problems(parsed.case) == []


def test_a_letter_cut_off_before_its_decisions_keeps_its_header_and_warns():
    text = corpus_text("CM16-0219557")
    parsed = parse_text(text[: text.index("IMR ISSUES")])
    assert parsed.case["case_number"] == "CM16-0219557"
    assert parsed.case["reviewer"]["licensed_in"] == ["TX", "NY", "CA"]
    assert "truncated: no disputed item and decision found" in parsed.warnings
    assert parsed.case["items"][0]["decision"] is None
    assert schema_problems(parsed.case) == []


def test_a_letter_missing_a_header_date_says_which():
    text = corpus_text("CM16-0219557").replace("Date Assigned: 11/18/2016", "")
    parsed = parse_text(text)
    assert parsed.case["dates"]["assigned"] is None
    assert "no date assigned in the letter" in parsed.warnings
    assert parsed.confidence["dates.assigned"] == 0.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_pdf_damaged_anywhere_gives_a_letter_or_says_why(data):
    pdf = _letter_pdf()
    at = data.draw(st.integers(0, len(pdf) - 1))
    junk = data.draw(st.binary(min_size=1, max_size=64))
    cut = data.draw(st.booleans())
    damaged = pdf[:at] + junk + (b"" if cut else pdf[at + len(junk) :])
    try:
        parsed = parse_pdf(damaged)
    except LetterUnreadable as exc:
        assert str(exc)
        return
    assert schema_problems(parsed.case) == []


@cache
def _letter_pdf() -> bytes:
    from openimr.cases.interchange import case_from_file
    from openimr.letters.rendering import render

    demo = Path(__file__).resolve().parents[2] / "demo" / "cases" / "cm17-0512345.json"
    return render(case_from_file(demo), "pdf")
