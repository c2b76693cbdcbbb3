"""A PDF carrying scripts, launch actions or attached files is accepted (it is evidence), and
what it carries is counted when it arrives, kept on the record, written in the trail and
shown to staff. A fillable form is a record like any other."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.records.domain.active_content import ActiveContent, Form
from openimr.records.pdf import pdf_read
from openimr.records.tests import active_pdfs

pytestmark = pytest.mark.django_db

FOUND = [
    (active_pdfs.plain, ActiveContent()),
    (active_pdfs.scripts, ActiveContent(javascript=2)),
    (active_pdfs.attachments, ActiveContent(attachments=2)),
    (active_pdfs.launch_and_page_script, ActiveContent(javascript=1, launch=1)),
    (active_pdfs.fillable_form, ActiveContent(javascript=1, form=Form.ACROFORM)),
    (active_pdfs.hidden_opener, ActiveContent(javascript=1)),
    # A rendition plays a media clip, and may carry a script: counted as opening a file.
    (active_pdfs.rich_media, ActiveContent(launch=1)),
    # Web links are not counted; the SubmitForm, which sends data out, is; so is the script
    # chained after a web link (/Next).
    (active_pdfs.links_and_a_submit, ActiveContent(javascript=1, submit=1)),
]


@pytest.mark.parametrize(("build", "expected"), FOUND, ids=[b.__name__ for b, _ in FOUND])
def test_each_kind_of_active_content_is_counted(build, expected):
    assert pdf_read(build(), path="$").active == expected


def test_the_count_is_kept_on_the_record_and_in_the_trail(receive):
    record = receive(data=active_pdfs.scripts())
    assert record.status == "extracted"
    assert record.active_content == {
        "javascript": 2,
        "launch": 0,
        "attachments": 0,
        "form": "",
        "submit": 0,
    }
    event = AuditEvent.objects.get(action="record.received")
    assert event.detail["active_content"]["javascript"] == 2


def test_a_record_without_any_says_none_and_its_trail_has_no_count(receive):
    record = receive(data=active_pdfs.plain())
    assert record.active_content_words == ""
    assert "active_content" not in AuditEvent.objects.get(action="record.received").detail


def test_a_fillable_form_is_accepted_and_read(receive):
    record = receive(data=active_pdfs.fillable_form(), filename="rfa.pdf")
    assert record.status == "extracted" and record.page_count == 1
    assert record.active_content["form"] == "acroform"


def test_staff_see_what_the_pdf_contains_on_the_case_file_and_the_record(
    client, staff_client, receive, case
):
    record = receive(data=active_pdfs.attachments())
    listing = client.get(f"/records/{case.case_number}/").content.decode()
    assert "This PDF contains 2 attached files" in listing
    page = client.get(f"/records/{case.case_number}/{record.pk}/").content.decode()
    assert "This PDF contains 2 attached files." in page
    assert f'href="/records/{case.case_number}/{record.pk}/original.pdf"' in page


def test_a_record_read_before_the_check_is_counted_when_read_again(
    client, staff_client, receive, case
):
    record = receive(data=active_pdfs.launch_and_page_script())
    type(record).objects.filter(pk=record.pk).update(active_content=None)
    page = client.get(f"/records/{case.case_number}/{record.pk}/").content.decode()
    assert "not checked yet" in page
    client.post(f"/records/{case.case_number}/{record.pk}/extract/")
    record.refresh_from_db()
    assert record.active_content_words == (
        "this PDF contains JavaScript (1 script) and 1 action that starts a program or opens a file"
    )
