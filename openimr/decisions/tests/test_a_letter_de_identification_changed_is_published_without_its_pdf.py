"""An ingested letter whose text de-identification had to change is published without its
PDF: the page, the API and the exports showed "[redacted]" where the letter printed a
telephone number, a date of birth, a claim number, an address or a name after "Patient:",
while /decisions/<case>/letter.pdf served the original file with all of them. A letter it
leaves as it is (every real published letter) keeps its PDF."""

from pathlib import Path

import pytest

from openimr.decisions.models import Decision
from openimr.decisions.services import corpus_ingest
from openimr.decisions.services.ingest import WITHHELD
from openimr.decisions.tests.ingest_files import planted_letter, real_pdfs

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingested(tmp_path: Path) -> None:
    (tmp_path / "planted.pdf").write_bytes(planted_letter("CM16-0999991"))
    (tmp_path / "clean.pdf").write_bytes(real_pdfs(2)[1].read_bytes())
    corpus_ingest([tmp_path], actor="test")


def test_the_letter_is_published_de_identified_without_its_pdf(client, ingested):
    decision = Decision.objects.get(case_number="CM16-0999991")
    assert "[redacted]" in decision.clinical_summary and "555-0142" not in decision.clinical_summary
    assert decision.letter_path == ""
    assert WITHHELD in decision.warnings  # why it has no PDF, for staff
    assert client.get("/decisions/CM16-0999991/letter.pdf").status_code == 404
    page = client.get("/decisions/CM16-0999991/").content.decode()
    assert "letter.pdf" not in page and "[redacted]" in page
    assert client.get("/api/v1/decisions/CM16-0999991").json()["letter_url"] is None


def test_no_planted_identifier_is_served_anywhere(client, ingested):
    served = [
        client.get("/decisions/CM16-0999991/").content,
        client.get("/api/v1/decisions/CM16-0999991").content,
        b"".join(client.get("/decisions/export.jsonl").streaming_content),
    ]
    for identifier in ("John Doe", "01/02/1960", "123-45-6789", "ZX-998877", "555-0142"):
        assert all(identifier.encode() not in body for body in served), identifier


def test_a_letter_de_identification_leaves_as_it_is_keeps_its_pdf(client, ingested):
    clean = real_pdfs(2)[1]
    decision = Decision.objects.get(case_number=clean.stem)
    assert decision.letter_path
    response = client.get(f"/decisions/{clean.stem}/letter.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == clean.read_bytes()
