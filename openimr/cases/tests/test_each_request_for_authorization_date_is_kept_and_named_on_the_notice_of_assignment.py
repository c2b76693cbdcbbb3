"""The Notice of Assignment identifies each disputed treatment by the date of its Request for
Authorization "if available" (8 CCR 9792.10.4(b)(2)). The date is optional on the
application, may differ per item, is kept with the application and the case's items, goes
out in the case's `openimr.case/1` export, and the notice says "not stated" where it is
unknown. A notice issued before the date was kept still reads as it was issued."""

from datetime import UTC, date, datetime

import pytest

from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.cases.interchange import case_to_json
from openimr.cases.mapping import case_from_row
from openimr.cases.services.notices import notice_stored_letter
from openimr.letters.render.text import render_text

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
ASSIGNED = datetime(2024, 3, 21, 16, 0, tzinfo=UTC)


def _assigned(doc):
    row = services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
    ).application.case
    services.case_assign(row=row, actor="clerk", at=ASSIGNED)
    return row


@pytest.fixture
def one_rfa_date(application_doc):
    application_doc["treatments"][0]["rfa_date"] = "2024-02-20"
    return application_doc


def test_the_notice_names_the_rfa_date_of_an_item_and_says_not_stated_for_the_other(one_rfa_date):
    notice = _assigned(one_rfa_date).notices.get(kind="noarfi")
    text = " ".join(notice.text.split())  # the text renderer wraps long lines
    assert (
        "MRI of the right knee without contrast "
        "(date of the Request for Authorization: February 20, 2024)"
    ) in text
    assert (
        "Physical therapy, right knee, 12 sessions "
        "(date of the Request for Authorization: not stated)"
    ) in text
    # The other facts that identify the disputed treatment stand in the header.
    assert "Dr. Alan Whitcomb" in text and "March 1, 2024" in text


def test_the_date_is_kept_with_the_application_and_the_case_items(one_rfa_date):
    row = _assigned(one_rfa_date)
    kept = [t.rfa_date for t in row.application.treatments.all()]
    assert kept == [date(2024, 2, 20), None]
    assert [i.rfa_date for i in row.items.all()] == [date(2024, 2, 20), None]


def test_the_case_export_carries_the_date_only_where_it_is_known(one_rfa_date):
    row = _assigned(one_rfa_date)
    exported = case_to_json(case_from_row(row))
    assert '"rfa_date": "2024-02-20"' in exported
    assert exported.count('"rfa_date"') == 1


def test_a_notice_issued_before_rfa_dates_were_kept_reads_as_it_was_issued(application_doc):
    notice = _assigned(application_doc).notices.get(kind="noarfi")
    assert "not stated)" in notice.text  # every item: the application gave no RFA date
    facts = dict(notice.facts)
    del facts["rfa_dates"]  # the facts as a notice of last month froze them
    notice.facts = facts
    rebuilt = render_text(notice_stored_letter(notice))
    assert "Request for Authorization" not in rebuilt
    assert "MRI of the right knee without contrast" in rebuilt


def test_the_stored_notice_rebuilds_to_the_same_text(one_rfa_date):
    notice = _assigned(one_rfa_date).notices.get(kind="noarfi")
    assert render_text(notice_stored_letter(models.Notice.objects.get(pk=notice.pk))) == (
        notice.text
    )


def test_the_case_page_shows_each_items_date_or_not_stated(client, staff_client, one_rfa_date):
    row = _assigned(one_rfa_date)
    body = client.get(f"/cases/{row.case_number}/").content.decode()
    assert "<dt>Request for Authorization</dt><dd>02/20/2024</dd>" in body
    assert "<dt>Request for Authorization</dt><dd>not stated</dd>" in body
