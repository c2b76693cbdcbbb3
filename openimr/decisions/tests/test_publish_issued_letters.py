"""Issuing a letter (or `openimr corpus publish`) adds it to the corpus de-identified: no party's
name in any column or in its public PDF, and its clinical facts kept."""

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from django.conf import settings

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cli import main
from openimr.decisions.models import Decision
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
NUMBER = "CM16-0400101"
NAMES = ("Łukasiewicz", "Lukasiewicz", "Ortega", "Vásquez", "Mei-Ling", "Chen", "Harbor Freight")


@pytest.fixture
def named_case(three_item_doc):
    """The demo case, whose parties are named, with the names in its free text too."""
    three_item_doc["clinical_summary"] = (
        "Ms. Łukasiewicz (Zoe Lukasiewicz on the RFA, DOB 02/03/1964, phone 415-555-0134) "
        "saw Dr. Ortega-Vásquez; her attorney Mei-Ling Chen wrote to Harbor Freight Logistics. "
        + three_item_doc["clinical_summary"]
    )
    case_import(case=case_from_document(three_item_doc), actor="test")
    return three_item_doc


def _pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    return " ".join(page.get_textpage().get_text_range() for page in document)


def _no_name_in(text: str) -> None:
    assert [name for name in NAMES if name.lower() in text.lower()] == []


def test_issuing_a_letter_publishes_it_de_identified_after_commit(
    named_case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter_issue(case_number=NUMBER, actor="qa")
    decision = Decision.objects.get(case_number=NUMBER)
    assert decision.source == "issued"
    _no_name_in(json.dumps(decision.document, ensure_ascii=False))
    _no_name_in(decision.clinical_summary + " ".join(i.rationale for i in decision.items.all()))
    assert "415-555-0134" not in decision.clinical_summary
    assert "the injured worker" in decision.clinical_summary
    assert decision.items.count() == len(named_case["items"])
    assert str(decision.injury_date) == named_case["dates"]["injury"]


def test_the_public_pdf_is_rendered_from_the_de_identified_case(
    named_case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        issued = letter_issue(case_number=NUMBER, actor="qa")
    decision = Decision.objects.get(case_number=NUMBER)
    public = Path(settings.MEDIA_ROOT) / decision.letter_path
    assert decision.letter_path != issued.pdf_path
    assert "Łukasiewicz" in _pdf_text(Path(settings.MEDIA_ROOT) / issued.pdf_path)
    text = _pdf_text(public)
    _no_name_in(text)
    assert "MRI of the lumbar spine without contrast" in text


def test_publishing_writes_an_audit_event_per_letter(
    named_case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter_issue(case_number=NUMBER, actor="qa")
    event = AuditEvent.objects.get(action="decision.published")
    assert (event.object_id, event.actor_label) == (NUMBER, "qa")


def test_corpus_publish_catches_up_on_letters_issued_but_not_yet_published(named_case, capsys):
    letter_issue(case_number=NUMBER, actor="qa")  # its on-commit publication never ran
    assert not Decision.objects.exists()
    assert main(["corpus", "publish"]) == 0
    assert "published 1" in capsys.readouterr().out
    assert Decision.objects.filter(case_number=NUMBER, source="issued").count() == 1
    assert main(["corpus", "publish"]) == 0
    assert "published 0" in capsys.readouterr().out
    assert Decision.objects.count() == 1


def test_a_failure_to_publish_leaves_the_letter_issued(
    named_case, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("openimr.decisions.services.publish.decisions_publish", broken)
    with django_capture_on_commit_callbacks(execute=True):
        issued = letter_issue(case_number=NUMBER, actor="qa")
    assert issued.pk is not None
    assert not Decision.objects.exists()
    assert f"publishing case {NUMBER} to the corpus failed" in caplog.text


def test_publishing_a_case_without_an_issued_letter_is_refused_and_publishes_nothing(
    named_case, capsys
):
    letter_issue(case_number=NUMBER, actor="qa")
    assert main(["corpus", "publish", NUMBER, "CM99-0000001"]) == 2
    assert "CM99-0000001: has no issued letter to publish" in capsys.readouterr().err
    assert not Decision.objects.exists()
