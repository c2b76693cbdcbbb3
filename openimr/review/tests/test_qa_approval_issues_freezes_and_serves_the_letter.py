"""QA's checklist and approval: a blocking check holds the letter back; approving issues it
(frozen PDF and text with their hash), serves every party and shows the implementation
deadlines of an overturned item."""

import hashlib

import pytest
import time_machine
from django.core import mail

from openimr.audit.models import AuditEvent
from openimr.cases.models import Case, DisputedItem
from openimr.letters.models import IssuedLetter, LetterService
from openimr.review.models import QAComment
from openimr.review.tests.conftest import CASE, application_of, login

pytestmark = pytest.mark.django_db
URL = f"/review/qa/{CASE}/"
ISSUE_DAY = "2026-11-24 18:00Z"  # a Tuesday; Thanksgiving is Thursday the 26th


def test_the_checklist_shows_each_check_with_its_source(client, cast, in_qa):
    body = login(client, cast.qa).get(URL).content.decode()
    assert "every basis keeps the evidence hierarchy" in body
    assert "LC 4610.5(c)(2); 8 CCR 9792.21.1" in body
    assert "the reviewer&#x27;s identity appears nowhere" in body
    assert "Approve and issue the letter" in body


def test_each_checks_result_is_said_in_words_not_only_a_symbol(client, cast, in_qa):
    # A screen reader read "✓" as "check mark" or nothing; the word says what it means.
    item = DisputedItem.objects.get(case__case_number=CASE, position=0)
    item.rationale += " Signed, Jane Q. Roe."
    item.save()
    body = login(client, cast.qa).get(URL).content.decode()
    results = [row.split("</td>")[0] for row in body.split('<tr class="check ')[1:]]
    assert '<span class="visually-hidden">passed</span>' in " ".join(results)
    assert '<span class="visually-hidden">failed</span>' in " ".join(results)
    assert all('aria-hidden="true"' in cell for cell in results)


def test_the_reviewer_name_in_a_rationale_blocks_approval_and_nothing_is_issued(
    client, cast, in_qa
):
    item = DisputedItem.objects.get(case__case_number=CASE, position=0)
    item.rationale += " Signed, Jane Q. Roe."
    item.save()
    login(client, cast.qa)
    assert (
        "the reviewer&#x27;s name appears in the rationale of item 1"
        in client.get(URL).content.decode()
    )
    response = client.post(URL, {"action": "approve"})
    assert response.status_code == 422
    assert "the checklist is not complete: nothing was issued" in response.content.decode()
    assert not IssuedLetter.objects.exists()
    assert Case.objects.get(case_number=CASE).state == "qa"


def test_figures_no_record_supports_are_flagged_for_qa(client, cast, in_qa, records_layer):
    body = login(client, cast.qa).get(URL).content.decode()
    assert "no record reviewed has the" in body


@time_machine.travel(ISSUE_DAY, tick=False)
def test_approving_issues_the_letter_and_serves_every_party(
    client, cast, in_qa, django_capture_on_commit_callbacks
):
    application_of(employee_name="Zoë Łukasiewicz", employee_email="zoe@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, cast.qa).post(URL, {"action": "approve", "comments": "Clear."})
    assert response.status_code == 302
    issued = IssuedLetter.objects.get(case__case_number=CASE)
    assert Case.objects.get(case_number=CASE).state == "issued"
    assert "MRI of the lumbar spine without contrast: Overturned" in issued.text
    assert "must be authorized by December 4, 2026" in " ".join(issued.text.split())
    services = {s.party_role: s for s in LetterService.objects.all()}
    assert services["employee"].method == "email" and services["employee"].sent_at is not None
    assert services["claims_administrator"].method == "mail"
    assert services["claims_administrator"].printed_at is None  # waiting in the print queue
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["zoe@example.org"]
    assert mail.outbox[0].attachments[0][0] == f"{CASE}-FDL.pdf"
    assert QAComment.objects.get().outcome == "approved"
    assert AuditEvent.objects.filter(action="review.approved", actor=cast.qa).count() == 1
    pdf = client.get(f"{URL}letter.pdf")
    assert hashlib.sha256(b"".join(pdf.streaming_content)).hexdigest() == issued.pdf_sha256


def test_an_upheld_only_letter_names_no_implementation_deadline(client, cast, in_qa):
    DisputedItem.objects.filter(case__case_number=CASE).update(decision="upheld")
    login(client, cast.qa).post(URL, {"action": "approve"})
    assert "must be authorized by" not in IssuedLetter.objects.get().text


def test_an_issued_case_is_no_longer_in_the_qa_queue(client, cast, in_qa):
    login(client, cast.qa).post(URL, {"action": "approve"})
    assert CASE not in client.get("/review/qa/").content.decode()
    assert client.post(URL, {"action": "approve"}).status_code == 409
    assert IssuedLetter.objects.count() == 1


def test_figures_the_case_itself_supplies_are_not_flagged(client, cast, in_qa, records_layer):
    row = Case.objects.get(case_number=CASE)
    row.clinical_summary += " A request was made for physical therapy, 2 times a week for 6 weeks."
    row.save()
    body = login(client, cast.qa).get(URL).content.decode()
    assert "&quot;6 weeks&quot; in the clinical summary" not in body
    assert "&quot;2 times&quot; in the clinical summary" not in body
