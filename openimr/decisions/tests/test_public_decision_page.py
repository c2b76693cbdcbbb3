"""The public letter page shows the de-identified letter (items, decisions, citations,
rationales, summary, reviewer qualifications) and serves its PDF when there is one."""

import pytest

from openimr.decisions.models import Decision
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


def test_the_letter_page_shows_each_item_with_its_basis_and_rationale(client):
    make_decision(
        case_number="CM16-0000001",
        summary="The employee is a 45 year old with neck pain.",
        specialties=("Physical Medicine & Rehabilitation",),
        items=[
            item(
                "Cervical MRI",
                outcome="overturned",
                family="odg",
                rationale="Red flags are documented.",
            )
        ],
    )
    response = client.get("/decisions/CM16-0000001/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "1. Cervical MRI" in body and "Overturned" in body
    assert "Non-MTUS citation: odg guideline" in body
    assert "Decision based on MTUS: MTUS ACOEM" in body
    assert "Red flags are documented." in body
    assert "The employee is a 45 year old with neck pain." in body
    assert "Physical Medicine &amp; Rehabilitation" in body


def test_names_in_the_stored_document_beyond_the_shown_fields_never_appear(client):
    decision = make_decision(case_number="CM16-0000001")
    decision.document.update(
        employee={"name": "Zebulon Quartermaine"},
        employer={"name": "Acme Widgets"},
        requesting_physician={"name": "Dr. Ophelia Strand"},
    )
    decision.document["reviewer"]["name"] = "Dr. Hidden Reviewer"
    Decision.objects.filter(pk=decision.pk).update(document=decision.document)
    body = client.get("/decisions/CM16-0000001/").content.decode()
    for name in ("Zebulon", "Acme Widgets", "Ophelia", "Hidden Reviewer"):
        assert name not in body


def test_an_unknown_case_number_is_404(client):
    assert client.get("/decisions/CM99-9999999/").status_code == 404


def test_the_pdf_is_served_from_media_root(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "CM16-0000001.pdf").write_bytes(b"%PDF-1.4 letter")
    make_decision(case_number="CM16-0000001", letter_path="letters/CM16-0000001.pdf")
    page = client.get("/decisions/CM16-0000001/").content.decode()
    assert 'href="/decisions/CM16-0000001/letter.pdf"' in page
    response = client.get("/decisions/CM16-0000001/letter.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 letter"


def test_no_pdf_a_missing_file_or_a_path_outside_media_root_is_404(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "secret.pdf").write_bytes(b"%PDF secret")
    make_decision(case_number="CM16-0000001")
    make_decision(case_number="CM16-0000002", letter_path="letters/gone.pdf")
    make_decision(case_number="CM16-0000003", letter_path="../secret.pdf")
    for number in ("CM16-0000001", "CM16-0000002", "CM16-0000003"):
        assert client.get(f"/decisions/{number}/letter.pdf").status_code == 404
    assert "letter.pdf" not in client.get("/decisions/CM16-0000003/").content.decode()
