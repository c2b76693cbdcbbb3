"""QA's checklist looks for each figure of the determination in the records' pages: it read
each record and then its pages apart, two queries a record, 400 on every look at a case
file of 200 records. Every page of every record comes in two queries now, in the case
file's order, and the figures are checked against all of them as before."""

import re
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openimr.cases.models import Case
from openimr.records.models import Record, RecordPage
from openimr.records.selectors import case_page_texts
from openimr.review.tests.conftest import QA_URL, login

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2016, 10, 1, 17, 0).astimezone()


def _records(case_number, count, start=0, served=None):
    """``count`` records of two pages each; served on ``served`` (a day each, by default
    counting back, so that the case file's order is not the order they were stored in)."""
    case = Case.objects.get(case_number=case_number)
    for n in range(start, start + count):
        record = Record.objects.create(
            case=case,
            filename=f"r{n}.pdf",
            file_path=f"records/r{n}.pdf",
            sha256=f"{n:064x}",
            size=1,
            received_at=RECEIVED,
            submitted_by="claims_administrator",
            via="upload",
            received_by="t",
            date_of_service=served or date(2016, 9, 1) - timedelta(days=n),
            status="extracted",
            page_count=2,
        )
        RecordPage.objects.bulk_create(
            RecordPage(record=record, number=p, text=f"record {n} page {p}") for p in (1, 2)
        )


def test_every_page_comes_in_the_case_files_order(in_qa):
    _records(in_qa, 3)  # served 09/01, 08/31, 08/30: the file reads them the other way
    assert case_page_texts(Case.objects.get(case_number=in_qa)) == [
        f"record {n} page {p}" for n in (2, 1, 0) for p in (1, 2)
    ]


def test_the_qa_page_does_not_read_more_as_the_case_file_grows(client, cast, in_qa):
    login(client, cast.qa)
    _records(in_qa, 2)
    client.get(QA_URL)
    with CaptureQueriesContext(connection) as few:
        assert client.get(QA_URL).status_code == 200
    _records(in_qa, 10, start=2)
    with CaptureQueriesContext(connection) as many:
        assert client.get(QA_URL).status_code == 200
    assert len(many) == len(few)


def _unsupported(client):
    return [c.text for c in client.get(QA_URL).context["flags"] if not c.passed]


def test_a_figure_on_the_last_records_page_is_found(client, cast, in_qa):
    login(client, cast.qa)
    _records(in_qa, 5)
    before = _unsupported(client)
    number = next(re.search(r"has the number (\S+)$", t) for t in before if "number" in t)[1]
    # r0 is served last, so its second page is the case file's last page.
    last = RecordPage.objects.get(record__filename="r0.pdf", number=2)
    last.text += f" {number} "
    last.save()
    after = _unsupported(client)
    assert len(after) < len(before)
    assert not any(t.endswith(f"has the number {number}") for t in after)
