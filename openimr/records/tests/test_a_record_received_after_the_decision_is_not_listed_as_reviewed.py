"""The letter says the expert reviewer considered every document it lists. A record that
arrives after the reviewer decided (while the determination is in QA, or after it issued)
was never before the reviewer: the letter leaves it out, until QA returns the case to
review and the reviewer decides again with it in the file."""

from datetime import timedelta
from pathlib import Path

import pytest

from openimr.cases.models import Case
from openimr.cases.selectors import case_row
from openimr.core.clock import now
from openimr.letters.selectors import letter_html_for
from openimr.records import selectors
from openimr.records.domain.pages import PAGE_BREAK

pytestmark = pytest.mark.django_db
DEMO = Path(__file__).resolve().parents[2] / "demo" / "records" / "CM16-0400101"
NUMBER = "CM16-0400101"


def _demo(name: str) -> list[str]:
    return (DEMO / name).read_text(encoding="utf-8").split(PAGE_BREAK)


def _decided(at):
    Case.objects.filter(case_number=NUMBER).update(decided_at=at)
    return case_row(NUMBER)


def test_a_record_received_in_qa_is_not_in_the_letters_documents_reviewed(receive):
    receive(*_demo("01-progress-note-2016-06-14.txt"), filename="reviewed.pdf")
    receive(*_demo("02-physical-therapy-discharge-summary.txt"), filename="late.pdf")
    late_arrival = selectors.case_file(case_row(NUMBER))[1].received_at
    row = _decided(late_arrival - timedelta(microseconds=1))

    titles = [d.title for d in selectors.documents_reviewed(row)]
    assert titles == ["Progress note"]
    _, html = letter_html_for(NUMBER)
    assert "Physical therapy discharge summary" not in html
    assert "Progress note" in html
    # The case file itself still shows both records to staff.
    assert len(selectors.case_file(row)) == 2


def test_every_record_is_listed_before_the_decision_and_after_a_return_to_review(receive):
    receive(*_demo("01-progress-note-2016-06-14.txt"), filename="reviewed.pdf")
    receive(*_demo("02-physical-therapy-discharge-summary.txt"), filename="late.pdf")
    assert len(selectors.documents_reviewed(_decided(None))) == 2
    assert len(selectors.documents_reviewed(_decided(now()))) == 2
