"""A correction is served again on every party (LC 4610.6(f)). Its e-mail carried the first
letter's subject and attachment name ("Final Determination Letter, case …", "…-FDL.pdf"):
a party's inbox held two messages that read the same, and a saved attachment overwrote
the first letter's file. The amended letter's e-mail now says it is an amendment."""

import pytest
from django.core import mail

from openimr.cases.models import Case
from openimr.review.tests.conftest import CASE, QA_URL, amend_post, application_of, login

pytestmark = pytest.mark.django_db
ADDRESS = "claims@example.org"


@pytest.fixture
def emailed(client, cast, in_qa, django_capture_on_commit_callbacks):
    row = Case.objects.get(case_number=CASE)
    application_of(employee_name=row.employee_name or "", claims_administrator_email=ADDRESS)
    login(client, cast.qa)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(QA_URL, {"action": "approve"})
    return client


def _amend(client, capture):
    form = client.get(f"{QA_URL}amend/").context["form"]
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    summary = form.initial["summary"].replace("52", "53", 1)
    with capture(execute=True):
        response = amend_post(client, "The employee's age was misstated.", summary, rationales)
    assert response.status_code == 302


def test_the_amended_letters_email_says_it_is_an_amendment(
    emailed, django_capture_on_commit_callbacks
):
    _amend(emailed, django_capture_on_commit_callbacks)
    first, amended = (m for m in mail.outbox if m.to == [ADDRESS])
    assert first.subject == f"Final Determination Letter, case {CASE}"
    assert amended.subject == f"Amended Final Determination Letter (amendment 1), case {CASE}"
    assert first.attachments[0][0] == f"{CASE}-FDL.pdf"
    assert amended.attachments[0][0] == f"{CASE}-FDL-amended-1.pdf"
    assert amended.body.splitlines()[1] == "Amended Final Determination Letter"
