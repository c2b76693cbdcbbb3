"""Intake staff see each amended letter of a case on its page and its letter page (number,
date, reason, a link to its PDF), download it audited as the first letter's download is,
and read which letter each service row served."""

import re

import pytest
from django.utils.timezone import localtime

from openimr.audit.models import AuditEvent
from openimr.letters.models import AmendedLetter
from openimr.review.tests.conftest import (  # noqa: F401  (fixtures)
    CASE,
    QA_URL,
    amend_post,
    cast,
    in_qa,
    issued,
    login,
)

pytestmark = pytest.mark.django_db
REASON = "The date of the progress note was misprinted."


@pytest.fixture
def amended(client, cast, issued):  # noqa: F811
    login(client, cast.qa)
    form = client.get(f"{QA_URL}amend/").context["form"]
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    assert amend_post(client, REASON, form.initial["summary"] + " ", rationales).status_code == 302
    login(client, cast.clerk)
    return AmendedLetter.objects.get()


def _text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_case_page_lists_each_amended_letter_with_its_pdf(client, amended):
    body = client.get(f"/cases/{CASE}/").content.decode()
    assert f'href="/cases/{CASE}/amended/1.pdf"' in body
    text = _text(body)
    assert "Amended letter 1" in text
    assert REASON in text
    assert localtime(amended.issued_at).strftime("%m/%d/%Y") in text


def test_the_letter_page_says_it_was_amended_and_links_the_amendment(client, amended):
    body = client.get(f"/cases/{CASE}/letter/").content.decode()
    assert f'href="/cases/{CASE}/amended/1.pdf"' in body
    assert REASON in _text(body)


def test_each_service_row_says_which_letter_it_served(client, amended):
    body = client.get(f"/cases/{CASE}/").content.decode()
    table = body.split('id="services"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr class=\"service.*?</tr>", table, re.S)
    labels = [_text(r).split(" ")[0:3] for r in rows]
    assert ["Final", "Determination", "Letter"] in labels
    assert ["Amended", "letter", "1"] in labels


def test_staff_download_the_amended_pdf_audited_with_which_letter(client, amended):
    response = client.get(f"/cases/{CASE}/amended/1.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'filename="{CASE}-FDL-amended-1.pdf"')
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    rows = AuditEvent.objects.filter(action="letter.downloaded", object_id=CASE)
    assert [r.detail for r in rows] == [{"amended": 1, "pdf_sha256": amended.pdf_sha256}]


def test_a_missing_amended_letter_is_a_404_audited_as_refused(client, amended):
    assert client.get(f"/cases/{CASE}/amended/2.pdf").status_code == 404
    assert not AuditEvent.objects.filter(action="letter.downloaded").exists()
    refused = AuditEvent.objects.get(action="letter.downloaded.refused", object_id=CASE)
    assert refused.detail == {"amended": 2}


def test_a_reviewer_may_not_download_it_through_the_staff_page(client, cast, amended):  # noqa: F811
    login(client, cast.reviewer)
    assert client.get(f"/cases/{CASE}/amended/1.pdf").status_code == 404
    assert not AuditEvent.objects.filter(action="letter.downloaded").exists()
