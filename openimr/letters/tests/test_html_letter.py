from dataclasses import replace

from openimr.cases.interchange import case_from_document
from openimr.letters.rendering import render


def test_html_letter_escapes_names_and_clinical_text(three_item_doc):
    case = case_from_document(three_item_doc)
    case = replace(case, employee=replace(case.employee, name='<script>alert("x")</script>'))
    html = render(case, "html").decode()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_html_letter_has_the_sections_and_item_lines(three_item_doc):
    html = render(case_from_document(three_item_doc), "html").decode()
    assert "<h2>IMR ISSUES, DECISIONS AND RATIONALES</h2>" in html
    assert "MRI of the lumbar spine without contrast: Overturned" in html
    assert "<strong>Decision rationale:</strong>" in html
    assert html.startswith("<!DOCTYPE html>")
