"""Serving one letter from the print queue reads that service's row and its case's letters,
not the whole queue: the answer is the queue's own for each letter in it, a row not in the
queue (printed, a notice's, no such row) is still refused, and the number of queries does
not grow as the queue does. A staff member opening a letter in a queue of thousands waited
on every queued case's letters."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case
from openimr.cases.services import case_import
from openimr.core.errors import NotFound
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue
from openimr.review import selectors
from openimr.review.tests.conftest import CASE, undecided

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailed(in_qa):
    letter_issue(case_number=CASE, actor="qa-doc")
    return list(LetterService.objects.filter(method=LetterService.MAIL).order_by("pk"))


def _queries(service_id):
    with CaptureQueriesContext(connection) as seen:
        selectors.queued_letter_pdf(service_id)
    return len(seen)


def _grow_the_queue(doc, cases):
    """``cases`` more cases, each with a letter to mail in the queue."""
    for n in range(cases):
        number = f"CM16-04002{n:02d}"
        case_import(case=case_from_document(undecided(doc, number)), actor="test")
        LetterService.objects.create(
            case=Case.objects.get(case_number=number),
            pdf_sha256=f"{n:064x}",
            party_role="employee",
            party_name="A Worker",
            method=LetterService.MAIL,
            served_on=date(2016, 10, 1),
        )


def test_each_letter_in_the_queue_is_served_as_the_queue_lists_it(mailed):
    queue = [q for q in selectors.print_queue()[0] if q["letter"] is not None]
    assert len(queue) == len(mailed) >= 2
    for queued in queue:
        service = queued["service"]
        name = f"{CASE}-{service.party_role}-{service.pdf_sha256[:8]}.pdf"
        assert selectors.queued_letter_pdf(service.pk) == (CASE, name, queued["letter"][1])


def test_a_row_not_in_the_queue_is_refused(mailed):
    printed, emailed = mailed[0], mailed[1]
    LetterService.objects.filter(pk=printed.pk).update(printed_at=timezone.now())
    LetterService.objects.filter(pk=emailed.pk).update(method=LetterService.EMAIL)
    for service_id in (printed.pk, emailed.pk, 999_999):
        with pytest.raises(NotFound, match=f"no letter to print for service {service_id}"):
            selectors.queued_letter_pdf(service_id)


def test_a_queued_row_serving_no_letter_of_its_case_is_refused(mailed, three_item_doc):
    _grow_the_queue(three_item_doc, 1)  # its hash names no letter: as a notice's row
    stray = LetterService.objects.get(case__case_number="CM16-0400200")
    with pytest.raises(NotFound):
        selectors.queued_letter_pdf(stray.pk)


def test_the_queries_do_not_grow_with_the_queue(mailed, three_item_doc):
    wanted = mailed[0].pk
    before = _queries(wanted)
    _grow_the_queue(three_item_doc, 6)
    assert selectors.print_queue()[1].total == len(mailed) + 6
    assert _queries(wanted) == before <= 3
