"""What the workspace and the letter read from the case file: the records by date of
service, a summary draft whose sentences cite record pages, and every record listed by
title, author and date for the letter's documents reviewed."""

from datetime import date
from pathlib import Path

import pytest

from openimr.core.case import Document, DocumentKind
from openimr.core.errors import NotFound
from openimr.records import selectors, services
from openimr.records.domain.pages import PAGE_BREAK
from openimr.records.tests.receiving import DUMMY, PROGRESS_NOTE

pytestmark = pytest.mark.django_db
DEMO = Path(__file__).resolve().parents[2] / "demo" / "records" / "CM16-0400101"


def _demo(name: str) -> list[str]:
    return (DEMO / name).read_text(encoding="utf-8").split(PAGE_BREAK)


@pytest.fixture
def three(receive):
    later = receive(*_demo("03-progress-note-2016-08-30.txt"), filename="later.pdf")
    undated = receive("A note in nobody's hand, of no date.", filename="undated.pdf")
    earlier = receive(*_demo("01-progress-note-2016-06-14.txt"), filename="earlier.pdf")
    return earlier, later, undated


def test_the_case_file_runs_by_date_of_service_undated_last(three, case):
    assert [r.filename for r in selectors.case_file(case)] == [
        "earlier.pdf",
        "later.pdf",
        "undated.pdf",
    ]


def test_record_pages_refuse_a_record_of_another_case(three, case, seed_doc):
    from openimr.cases.interchange import case_from_document
    from openimr.cases.selectors import case_row
    from openimr.cases.services import case_import

    case_import(case=case_from_document(seed_doc), actor="test")
    later = three[1]
    assert [p.number for p in selectors.record_pages(str(later.pk), case)] == [1, 2]
    with pytest.raises(NotFound):
        selectors.record_pages(later.pk, case_row(seed_doc["case_number"]))
    with pytest.raises(NotFound):
        selectors.record_pages("not-a-number", case)


def test_the_draft_cites_pages_of_the_records(three, case):
    draft = selectors.summary_draft(case)
    assert draft.text.startswith("The injured worker is a 52 year old female")
    cited = {ref.document_id for s in draft.sentences for ref in s.sources}
    assert cited and cited <= {str(r.pk) for r in three}
    assert draft.facts["latest_note_date"] == "2016-08-30"


def test_a_record_not_yet_read_is_left_out_of_the_draft(receive, case, settings):
    settings.TASKS = DUMMY
    receive(*PROGRESS_NOTE)
    assert selectors.summary_draft(case).facts.get("latest_note_date") is None


def test_documents_reviewed_lists_every_record_by_title_author_and_date(three, case):
    undated = three[2]
    services.record_edit(
        record=undated,
        kind="correspondence",
        author="",
        date_of_service=None,
        title="Letter from the employee",
        actor="clerk",
    )
    listed = selectors.documents_reviewed(case)
    assert len(listed) == 3 and all(isinstance(d, Document) for d in listed)
    assert listed[0].date == date(2016, 6, 14) and listed[1].date == date(2016, 8, 30)
    assert listed[0].kind is DocumentKind.PROGRESS_NOTE and listed[0].author
    assert listed[2] == Document(
        title="Letter from the employee", author=None, date=None, kind=DocumentKind.CORRESPONDENCE
    )
