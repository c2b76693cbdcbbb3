"""QA returning a case without comments is refused. The refusal was said twice, once as
"$.comments: ..." and once bare; it is said once, naming the field as the form labels it,
and the case stays in QA."""

import pytest

from openimr.cases.models import Case
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/qa/{CASE}/"
MESSAGE = "say what the reviewer should change"


def test_a_return_without_comments_is_said_once_at_the_comments(client, cast, in_qa):
    response = login(client, cast.qa).post(URL, {"action": "return", "comments": "  "})
    body = response.content.decode()
    assert response.status_code == 422
    assert f"Comments to the reviewer: {MESSAGE}" in body
    assert body.count(MESSAGE) == 1
    assert Case.objects.get(case_number=CASE).state == "qa"
