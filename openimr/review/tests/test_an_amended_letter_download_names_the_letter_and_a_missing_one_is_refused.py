"""QA's download of an amended letter is audited with the letter it gave (its number and
PDF hash); a number with no letter answers 404 and is audited as refused, never as a
download that did not happen."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.letters.models import AmendedLetter
from openimr.review.tests.conftest import CASE, QA_URL, amend_post, login

pytestmark = pytest.mark.django_db


def _amend(client):
    form = client.get(f"{QA_URL}amend/").context["form"]
    rationales = [form.initial[f"rationale_{n}"] for n in range(3)]
    assert (
        amend_post(client, "A typo.", form.initial["summary"] + " ", rationales).status_code == 302
    )
    return AmendedLetter.objects.get()


def _rows(action):
    return list(AuditEvent.objects.filter(action=action, object_id=CASE).values("detail"))


def test_a_download_is_audited_with_the_amended_number_and_its_hash(client, cast, issued):
    login(client, cast.qa)
    amended = _amend(client)
    response = client.get(f"{QA_URL}amended/1.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert _rows("letter.downloaded") == [
        {"detail": {"amended": 1, "pdf_sha256": amended.pdf_sha256}}
    ]


def test_a_missing_amended_letter_is_refused_and_not_logged_as_downloaded(client, cast, issued):
    login(client, cast.qa)
    _amend(client)
    response = client.get(f"{QA_URL}amended/99.pdf")
    assert response.status_code == 404
    assert _rows("letter.downloaded") == []
    assert _rows("letter.downloaded.refused") == [{"detail": {"amended": 99}}]


def test_a_user_who_is_not_qa_is_refused_and_audited(client, cast, issued):
    login(client, cast.qa)
    _amend(client)
    login(client, cast.reviewer)
    assert client.get(f"{QA_URL}amended/1.pdf").status_code == 404
    assert _rows("letter.downloaded") == []
    assert _rows("letter.downloaded.refused") == [{"detail": {"amended": 1}}]
