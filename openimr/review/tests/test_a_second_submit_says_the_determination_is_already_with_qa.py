"""A determination already sent to QA (the other reviewer of a split case submitted it, or a
second tab) is not submitted again: the answer says where it is in words, not as a
transition between state codes, and nothing changes."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.models import Case
from openimr.review.tests.conftest import CASE, decide_as_published, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


def test_a_second_submit_is_refused_saying_the_determination_is_with_qa(
    client, cast, under_review, three_item_doc
):
    decide_as_published(three_item_doc, cast.reviewer)
    login(client, cast.reviewer)
    assert client.post(URL, {"action": "submit"}).status_code == 302
    decided_at = Case.objects.get(case_number=CASE).decided_at
    response = client.post(URL, {"action": "submit"})
    body = response.content.decode()
    assert response.status_code == 409
    assert "already with quality assurance" in body
    assert "cannot become" not in body
    assert Case.objects.get(case_number=CASE).decided_at == decided_at
    assert AuditEvent.objects.filter(action="review.submitted").count() == 1
