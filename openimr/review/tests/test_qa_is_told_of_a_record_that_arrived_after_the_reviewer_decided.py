"""A record that arrives while the determination is in QA was never before the reviewer,
and the letter does not list it unless QA returns the case. Staff were warned at upload;
QA, who alone can return the case, saw nothing of it. The QA checklist now names it, as a
warning that does not hold the letter back."""

from datetime import timedelta

import pytest

from openimr.cases.models import Case
from openimr.core.clock import now
from openimr.review.tests.conftest import CASE, decide_as_published, login, store_record

pytestmark = pytest.mark.django_db
URL = f"/review/qa/{CASE}/"
WARNING = "arrived after the reviewer decided"


@pytest.fixture
def submitted(client, cast, under_review, three_item_doc):
    # Its file completed here yesterday: the document's own day (2016) would make the
    # determination overdue, a refusal this warning must not be confused with.
    Case.objects.filter(case_number=CASE).update(records_complete_at=now() - timedelta(days=1))
    decide_as_published(three_item_doc, cast.reviewer)
    assert (
        login(client, cast.reviewer).post(f"/review/{CASE}/", {"action": "submit"}).status_code
        == 302
    )
    return Case.objects.get(case_number=CASE)


def _record_received(row, *, after):
    record = store_record(CASE, ("PHYSICAL THERAPY NOTE", "Twelve sessions completed."))
    record.title = "Physical therapy note"
    record.received_at = row.decided_at + timedelta(hours=1 if after else -1)
    record.save()
    return record


def test_a_record_received_in_qa_is_named_on_the_checklist(client, cast, submitted):
    _record_received(submitted, after=True)
    body = login(client, cast.qa).get(URL).content.decode()
    assert WARNING in body and "Physical therapy note" in body
    assert 'value="approve" disabled' not in body  # a warning, not a refusal


def test_a_record_the_reviewer_had_is_not_flagged(client, cast, submitted):
    _record_received(submitted, after=False)
    assert WARNING not in login(client, cast.qa).get(URL).content.decode()
