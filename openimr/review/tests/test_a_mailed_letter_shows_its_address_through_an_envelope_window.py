"""The Final Determination Letter mailed to a party (LC 4610.6(f)) used to print as issued,
with no address: staff addressed each envelope by hand from the print queue. The copy the
print queue opens is now set again from the letter's kept content with the party's name and
postal address on its first page, where a #10 envelope's window shows them, and says
every word the issued letter says. The issued PDF (its hash the parties can check), the
e-mailed copy and the published, de-identified decision carry no address block."""

import hashlib
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from openimr.cases.models import Case
from openimr.decisions.models import Decision
from openimr.letters.models import IssuedLetter, LetterService
from openimr.letters.services import letter_issue
from openimr.letters.tests.pdf_reading import in_window, occurrences
from openimr.letters.tests.pdf_structure import is_tagged, structure
from openimr.review.tests.conftest import CASE, application_of, login

pytestmark = pytest.mark.django_db
QUEUE = "/review/print-queue/"
BOX, CITY = "PO Box 8192", "Pleasanton, CA 94588"


def _issue(capture, **addresses):
    row = Case.objects.get(case_number=CASE)
    application_of(
        employee_name=row.employee_name or "",
        **{f"{party}_address": address for party, address in addresses.items()},
    )
    with capture(execute=True):
        letter_issue(case_number=CASE, actor="qa-doc")
    return {s.party_role: s for s in LetterService.objects.all()}


@pytest.fixture
def served(in_qa, django_capture_on_commit_callbacks):
    return _issue(django_capture_on_commit_callbacks, claims_administrator=f"{BOX}\n{CITY}")


def _stored() -> bytes:
    letter = IssuedLetter.objects.get(case__case_number=CASE)
    return (Path(settings.MEDIA_ROOT) / letter.pdf_path).read_bytes()


def _read(pdf):
    return [(e.kind, e.text) for e in structure(pdf)[0]]


def test_the_mailed_letter_shows_the_address_in_the_window_and_says_what_was_issued(
    client, cast, served
):
    payer = served["claims_administrator"]
    response = login(client, cast.clerk).get(f"{QUEUE}{payer.pk}/letter.pdf")
    assert response.status_code == 200
    mailed = response.content
    assert in_window(mailed, BOX) and in_window(mailed, CITY) and is_tagged(mailed)
    block = ("P", f"{payer.party_name} {BOX} {CITY}")
    read = _read(mailed)
    assert read[read.index(block) - 1][0] == "H1"  # read after the title
    read.remove(block)
    assert read == _read(_stored())  # every word the issued letter says, and no other


def test_the_issued_emailed_and_published_letters_carry_no_address(client, cast, served):
    letter = IssuedLetter.objects.get(case__case_number=CASE)
    stored = _stored()
    assert hashlib.sha256(stored).hexdigest() == letter.pdf_sha256
    assert not occurrences(stored, BOX)
    for message in mail.outbox:  # a party that gave an e-mail address, if any
        for _, content, _ in message.attachments:
            assert content == stored
    published = Decision.objects.get(case_number=CASE)
    assert BOX not in json.dumps(published.document) + published.clinical_summary


def test_a_party_with_no_address_on_file_is_mailed_the_letter_as_issued(client, cast, served):
    # Staff type where they mailed it only when they mark it printed, after printing.
    employer = served["employer"]
    assert employer.needs_address
    pdf = login(client, cast.clerk).get(f"{QUEUE}{employer.pk}/letter.pdf").content
    assert pdf == _stored()


def test_a_letter_issued_before_its_content_was_kept_is_mailed_as_issued(client, cast, served):
    IssuedLetter.objects.filter(case__case_number=CASE).update(content={})
    payer = served["claims_administrator"]
    pdf = login(client, cast.clerk).get(f"{QUEUE}{payer.pk}/letter.pdf").content
    assert pdf == _stored()
