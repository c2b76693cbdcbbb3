"""A letter whose warnings say its PDF is withheld (de-identification changed its text, so
the PDF still prints what was removed) is not served, even when its row still names a PDF
that is on disk: a row edited by hand, or one stored before ingest emptied the path, had
published the withheld PDF. The address answers 404 as for a letter with no PDF, the page
and the API offer no link, and the page says why."""

import pytest

from openimr.decisions.models import PDF_WITHHELD, Decision
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db
NUMBER = "CM16-0000011"


@pytest.fixture
def withheld_on_disk(settings, tmp_path) -> Decision:
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "named.pdf").write_bytes(b"%PDF-1.4 Dear Mr. Roberts")
    decision = make_decision(case_number=NUMBER, letter_path="letters/named.pdf")
    Decision.objects.filter(pk=decision.pk).update(warnings=[PDF_WITHHELD])
    return decision


def test_the_withheld_pdf_answers_404_as_an_unknown_letter_does(client, withheld_on_disk):
    response = client.get(f"/decisions/{NUMBER}/letter.pdf")
    assert response.status_code == 404
    assert b"Roberts" not in b"".join(getattr(response, "streaming_content", [response.content]))
    assert client.get("/decisions/CM16-0999999/letter.pdf").status_code == 404


def test_the_page_offers_no_link_and_says_the_pdf_is_not_published(client, withheld_on_disk):
    page = client.get(f"/decisions/{NUMBER}/").content.decode()
    assert "letter.pdf" not in page
    assert "The PDF is not published" in page


def test_the_api_gives_no_letter_url(client, withheld_on_disk):
    body = client.get(f"/api/v1/decisions/{NUMBER}").json()
    assert body["letter_url"] is None


def test_the_same_row_without_the_warning_is_served(client, withheld_on_disk):
    Decision.objects.filter(pk=withheld_on_disk.pk).update(warnings=[])
    response = client.get(f"/decisions/{NUMBER}/letter.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
