"""Staff find a failed file by the name the list shows. A name holding a text-direction
control was shown as it is, so "letter<U+202E>txt.pdf" read "letterfdp.txt" on the page, a
file that is not there; a line break or an escape ran on unseen. Each is shown as its code
(``\\u202e``), the name's other letters as they are."""

import pytest

from openimr.decisions.services import corpus_ingest

pytestmark = pytest.mark.django_db
URL = "/decisions/failures/"


def test_a_direction_control_in_a_name_is_shown_as_its_code(client, staff_client, tmp_path):
    (tmp_path / "letter\u202etxt.pdf").write_bytes(b"%PDF-1.7 not really a PDF")
    corpus_ingest([tmp_path], actor="test")
    page = client.get(URL).content.decode()
    assert "\u202e" not in page
    assert "letter\\u202etxt.pdf" in page


def test_a_line_break_or_an_escape_in_a_name_is_shown_as_its_code(client, staff_client, tmp_path):
    (tmp_path / "two\nlines\x1b[2J.txt").write_text("eggs, milk and flour", encoding="utf-8")
    corpus_ingest([tmp_path], actor="test")
    page = client.get(URL).content.decode()
    assert "two\\u000alines\\u001b[2J.txt" in page
    assert "\x1b" not in page


def test_a_plain_name_with_accents_is_shown_as_it_is(client, staff_client, tmp_path):
    (tmp_path / "Résumé médical.txt").write_text("eggs, milk and flour", encoding="utf-8")
    corpus_ingest([tmp_path], actor="test")
    page = client.get(URL).content.decode()
    assert "/Résumé médical.txt</td>" in page
