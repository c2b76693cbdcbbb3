"""A reviewer basis may cite the MTUS and a source outside it, with the reason the other
source was needed (8 CCR 9792.21.1: the MTUS silent on one aspect). The letter then labels
that reason as such, never "Why the MTUS was not used:" under a line saying the decision was
based on the MTUS; a basis without the MTUS keeps that label. An organization's template
written before the new label existed still loads and takes the shipped wording."""

import copy

import pypdfium2 as pdfium
import pytest

from openimr.cases.interchange import case_from_document
from openimr.core.errors import InvalidInput
from openimr.letters.domain.template import DEFAULT_PATH, load_template
from openimr.letters.parsing import parse_pdf, parse_text
from openimr.letters.rendering import render

OLD = "Why the MTUS was not used:"
NEW = "Why a source outside the MTUS was also used:"
MTUS = {"mtus": True, "citation": "MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 8"}
WHY = (
    "The MTUS addresses neck pain but is silent on pillows, so the Official Disability "
    "Guidelines were consulted for that aspect."
)


def fold(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def mixed_doc(three_item_doc):
    """The three-item case with its pillow item decided on the MTUS and the ODG."""
    doc = copy.deepcopy(three_item_doc)
    pillow = doc["items"][2]
    pillow["reviewer_basis"] = [MTUS, *pillow["reviewer_basis"]]
    pillow["why_not_mtus"] = WHY
    return doc


def _old_template(tmp_path, label_line=None):
    """The shipped template as an organization copied it before ``beyond_mtus_label``."""
    lines = DEFAULT_PATH.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [(label_line or "") if line.startswith("beyond_mtus_label") else line for line in lines]
    path = tmp_path / "letter.toml"
    path.write_text("".join(kept), encoding="utf-8")
    return path


def test_a_mixed_basis_labels_its_reason_as_a_source_beside_the_mtus(mixed_doc):
    text = fold(render(case_from_document(mixed_doc), "text").decode("utf-8"))
    assert "openimr guideline: Decision based on MTUS ACOEM Practice Guidelines" in text
    assert f"{NEW} {WHY}" in text
    assert OLD not in text


def test_the_html_letter_labels_it_the_same_way(mixed_doc):
    html = render(case_from_document(mixed_doc), "html").decode("utf-8")
    assert f"<strong>{NEW}</strong>" in html
    assert OLD not in html


def test_the_pdf_letter_labels_it_the_same_way(mixed_doc):
    pdf = render(case_from_document(mixed_doc), "pdf")
    text = fold("\n".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(pdf)))
    assert f"{NEW} {WHY}" in text
    assert OLD not in text


def test_a_basis_without_the_mtus_still_says_why_the_mtus_was_not_used(three_item_doc):
    text = fold(render(case_from_document(three_item_doc), "text").decode("utf-8"))
    assert f"{OLD} {fold(three_item_doc['items'][2]['why_not_mtus'])}" in text
    assert NEW not in text


@pytest.mark.parametrize("fmt", ["text", "pdf"])
def test_the_reason_beside_the_mtus_is_read_back_from_our_letter(mixed_doc, fmt):
    rendered = render(case_from_document(mixed_doc), fmt)
    parsed = parse_pdf(rendered) if fmt == "pdf" else parse_text(rendered.decode("utf-8"))
    items = parsed.case["items"]
    assert [fold(i["why_not_mtus"] or "") for i in items] == ["", "", fold(WHY)]
    assert items[2]["rationale"].startswith(mixed_doc["items"][2]["rationale"][:40])


def test_a_template_written_before_the_new_label_still_renders_with_the_shipped_one(
    tmp_path, mixed_doc
):
    path = _old_template(tmp_path)
    assert "beyond_mtus_label" not in path.read_text(encoding="utf-8")
    assert load_template(path).get("issues.beyond_mtus_label") == NEW
    text = fold(render(case_from_document(mixed_doc), "text", path).decode("utf-8"))
    assert f"{NEW} {WHY}" in text


def test_an_organizations_own_label_for_a_mixed_basis_is_used(tmp_path, mixed_doc):
    path = _old_template(tmp_path, 'beyond_mtus_label = "Other evidence, and why:"\n')
    text = fold(render(case_from_document(mixed_doc), "text", path).decode("utf-8"))
    assert f"Other evidence, and why: {WHY}" in text


def test_a_mistyped_new_label_is_still_refused_naming_it(tmp_path):
    path = _old_template(tmp_path, 'beyond_mtus_lable = "Other evidence, and why:"\n')
    with pytest.raises(InvalidInput) as caught:
        load_template(path)
    assert {p.path for p in caught.value.problems} == {"template.issues.beyond_mtus_lable"}
