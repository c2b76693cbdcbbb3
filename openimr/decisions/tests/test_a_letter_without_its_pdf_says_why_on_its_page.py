"""A published letter whose PDF the page does not offer says why, where the link would be:
its PDF withheld because de-identification changed its text, read from a text copy, or its
file gone. Before, the link was simply absent, and a reader who had seen PDFs on other
letters could not tell a withheld letter from a missing one."""

import pytest

from openimr.decisions.models import PDF_WITHHELD, Decision
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


def _page(client, number: str) -> str:
    response = client.get(f"/decisions/{number}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_letter_whose_pdf_was_withheld_says_its_text_is_the_de_identified_letter(client):
    decision = make_decision(case_number="CM16-0000001")
    Decision.objects.filter(pk=decision.pk).update(warnings=[PDF_WITHHELD])
    page = _page(client, "CM16-0000001")
    assert "The PDF is not published" in page
    assert "de-identified" in page and "letter.pdf" not in page


def test_a_letter_read_from_a_text_copy_says_it_has_no_pdf(client):
    make_decision(case_number="CM16-0000002")
    page = _page(client, "CM16-0000002")
    assert "No PDF: this letter was read from a text copy" in page
    assert "letter.pdf" not in page


def test_a_letter_whose_file_is_gone_says_its_pdf_is_not_available(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    make_decision(case_number="CM16-0000003", letter_path="letters/gone.pdf")
    page = _page(client, "CM16-0000003")
    assert "The PDF of this letter is not available" in page
    assert "letter.pdf" not in page
    assert client.get("/decisions/CM16-0000003/letter.pdf").status_code == 404


def test_a_letter_with_its_pdf_links_it_and_says_nothing_more(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "here.pdf").write_bytes(b"%PDF-1.4 letter")
    make_decision(case_number="CM16-0000004", letter_path="letters/here.pdf")
    page = _page(client, "CM16-0000004")
    assert 'href="/decisions/CM16-0000004/letter.pdf"' in page
    assert "not published" not in page and "No PDF" not in page and "not available" not in page
