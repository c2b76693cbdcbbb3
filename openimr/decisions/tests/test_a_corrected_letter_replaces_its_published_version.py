"""A corrected (amended) letter replaces the published version of its decision: the public
corpus had kept the first letter's wording after a correction, so search and the public page
showed what the IMRO had since corrected. Publishing again changes nothing, and `openimr
corpus publish` catches up a correction whose publication failed."""

from dataclasses import replace

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cli import main
from openimr.decisions.models import Decision
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.services import decisions_publish
from openimr.letters.selectors import current_case
from openimr.letters.services import letter_amend, letter_issue

pytestmark = pytest.mark.django_db
NUMBER = "CM16-0400101"
CORRECTED = "Corrected: the straight-leg raise was positive on the right at 40 degrees."


@pytest.fixture
def issued(three_item_doc, django_capture_on_commit_callbacks):
    case_import(case=case_from_document(three_item_doc), actor="test")
    with django_capture_on_commit_callbacks(execute=True):
        letter_issue(case_number=NUMBER, actor="qa")


def _correct(summary_tail: str) -> None:
    case = current_case(NUMBER)
    assert case is not None
    corrected = replace(case, clinical_summary=f"{case.clinical_summary} {summary_tail}")
    letter_amend(case_number=NUMBER, corrected=corrected, reason="a clinical fact", actor="qa")


def found(words: str) -> list[str]:
    return [hit.case_number for hit in search(parse({"q": words})).hits]


def test_the_correction_is_what_the_corpus_shows(issued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _correct(CORRECTED)
    (decision,) = Decision.objects.filter(case_number=NUMBER)
    assert CORRECTED in decision.clinical_summary
    assert found("Corrected straight-leg") == [NUMBER]
    event = AuditEvent.objects.get(action="decision.republished")
    assert event.object_id == NUMBER


def test_a_second_correction_builds_on_the_first(issued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _correct(CORRECTED)
        _correct("Second correction.")
    summary = Decision.objects.get(case_number=NUMBER).clinical_summary
    assert CORRECTED in summary and "Second correction." in summary


def test_publishing_the_same_letter_again_changes_nothing(issued):
    before = Decision.objects.get(case_number=NUMBER).pk
    outcome = decisions_publish(case_numbers=[NUMBER], actor="qa")
    assert (outcome.published, outcome.already) == ([], [NUMBER])
    assert Decision.objects.get(case_number=NUMBER).pk == before


def test_corpus_publish_catches_up_a_correction_not_yet_published(issued, capsys):
    _correct(CORRECTED)  # its on-commit publication never ran, as if it had failed
    assert CORRECTED not in Decision.objects.get(case_number=NUMBER).clinical_summary
    assert main(["corpus", "publish"]) == 0
    assert CORRECTED in Decision.objects.get(case_number=NUMBER).clinical_summary
