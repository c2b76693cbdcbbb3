"""A notice served by mail used to print with no address on it: staff copied each party's
address from the print queue onto envelopes by hand. The copy the print queue opens now
carries the party's name and postal address on its first page, where the window of a #10
envelope shows them (letters/render/pdf_window.py); the e-mailed copy and the file copy
carry none."""

import copy
from datetime import UTC, datetime

import pypdfium2 as pdfium
import pytest
from django.core import mail

from openimr.letters.models import LetterService
from openimr.letters.render import pdf_window
from openimr.letters.tests.pdf_reading import in_window, reading
from openimr.letters.tests.pdf_structure import is_tagged, structure
from openimr.review.tests.conftest import login
from openimr.review.tests.test_a_party_with_no_postal_address_is_shown_as_needing_one import (
    _assigned as assigned,
)

pytestmark = pytest.mark.django_db
QUEUE = "/review/print-queue/"
AT = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
STREET = "1200 K Street, Sacramento, CA 95814"


def _assigned(doc, capture):
    with capture(execute=True):  # the e-mails go out
        return assigned(doc)


def _service(row, role):
    return LetterService.objects.get(notice__case=row, notice__kind="noarfi", party_role=role)


def _has_block(pdf):
    """Whether a paragraph of the PDF reads as the employee's address block. The notice's
    own text names her and may give her address, but never as a paragraph of them alone."""
    return ("P", f"Rosa Delgado {STREET}") in [(e.kind, e.text) for e in structure(pdf)[0]]


@pytest.fixture
def mailed_employee(application_doc, django_capture_on_commit_callbacks):
    """The employee gave a postal address and no e-mail address: mailed."""
    doc = copy.deepcopy(application_doc)
    del doc["employee"]["email"]
    return _assigned(doc, django_capture_on_commit_callbacks)


def test_the_print_queues_copy_shows_the_name_and_address_in_the_window(
    client, cast, mailed_employee
):
    row = _service(mailed_employee, "employee")
    response = login(client, cast.clerk).get(f"{QUEUE}{row.pk}/notice.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert in_window(pdf, "Rosa Delgado") and in_window(pdf, STREET) and _has_block(pdf)
    # The notice itself is all there, below the window.
    assert "Notice of Assignment and Request for Information" in reading(pdf)


def test_the_mailed_copy_stays_a_tagged_pdf_its_address_read_after_the_title(
    client, cast, mailed_employee
):
    row = _service(mailed_employee, "employee")
    pdf = login(client, cast.clerk).get(f"{QUEUE}{row.pk}/notice.pdf").content
    assert is_tagged(pdf)
    elements, artifacts = structure(pdf)
    kinds = [(e.kind, e.text) for e in elements if e.text]
    title = next(i for i, (kind, _) in enumerate(kinds) if kind == "H1")
    assert kinds[title + 1] == ("P", f"Rosa Delgado {STREET}")
    assert not [a for a in artifacts if STREET in a]


def test_no_text_of_the_notice_prints_where_the_window_may_show(client, cast, mailed_employee):
    row = _service(mailed_employee, "employee")
    pdf = login(client, cast.clerk).get(f"{QUEUE}{row.pk}/notice.pdf").content
    page = pdfium.PdfDocument(pdf)[0].get_textpage()
    upper, lower = pdf_window.BAND
    for index in range(page.count_chars()):
        left, bottom, right, top = page.get_charbox(index)
        if bottom < upper and top > lower and right > left:  # a drawn glyph in the band
            assert left >= pdf_window.LEFT - 1 and right <= pdf_window.RIGHT + 1
            assert bottom >= pdf_window.BOTTOM - 1 and top <= pdf_window.TOP + 1


def test_the_emailed_and_file_copies_carry_no_address(
    client, cast, application_doc, django_capture_on_commit_callbacks
):
    row = _assigned(application_doc, django_capture_on_commit_callbacks)
    emailed = _service(row, "employee")
    assert emailed.method == "email" and emailed.postal_address == STREET
    (message,) = [m for m in mail.outbox if "Notice of Assignment" in m.subject]
    (attached,) = [content for _, content, kind in message.attachments if kind.endswith("pdf")]
    assert not _has_block(attached)
    login(client, cast.clerk)
    url = f"/cases/{row.case_number}/notice.pdf?id={emailed.notice_id}"
    party_copy = client.get(f"{url}&party=employee").content
    assert attached == party_copy
    assert not _has_block(party_copy) and not _has_block(client.get(url).content)


def test_a_party_with_no_address_on_file_gets_its_copy_without_a_block(
    client, cast, mailed_employee
):
    # Until staff type its address on the queue's row, before printing (the test of
    # staff typing a missing address before printing), the copy has no block.
    row = _service(mailed_employee, "requesting_physician")
    assert row.needs_address
    login(client, cast.clerk)
    pdf = client.get(f"{QUEUE}{row.pk}/notice.pdf").content
    url = f"/cases/{mailed_employee.case_number}/notice.pdf?id={row.notice_id}"
    assert pdf == client.get(f"{url}&party=requesting_physician").content


def test_an_address_too_long_for_the_window_is_said_on_the_queue(client, cast, mailed_employee):
    row = _service(mailed_employee, "employee")
    row.postal_address = "\n".join(f"Line {n} of a long address" for n in range(9))
    row.save(update_fields=["postal_address"])
    response = login(client, cast.clerk).get(f"{QUEUE}{row.pk}/notice.pdf", follow=True)
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == QUEUE
    assert "Not printed: the name and address take 10 lines of the envelope window" in body


def test_a_letters_row_or_one_printed_is_not_a_notice_to_print(client, cast, mailed_employee):
    row = _service(mailed_employee, "employee")
    login(client, cast.clerk)
    client.post(f"{QUEUE}{row.pk}/printed/")
    assert client.get(f"{QUEUE}{row.pk}/notice.pdf").status_code == 404
