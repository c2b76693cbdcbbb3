"""QA posts ``action=return`` or ``action=approve``. Any other action (a typo, a missing
field) is refused, 400, naming the two it takes, and the case stays in QA: it is not
returned to the reviewer as if it had been asked."""

import pytest

from openimr.cases.models import Case
from openimr.review.models import QAComment
from openimr.review.tests.conftest import CASE, QA_URL, login

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("action", ["aprove", "", None])
def test_an_unknown_qa_action_changes_nothing(client, cast, in_qa, action):
    data = {"comments": "Please expand the rationale of item 2."}
    if action is not None:
        data["action"] = action
    response = login(client, cast.qa).post(QA_URL, data)
    assert response.status_code == 400
    assert "return or approve" in response.content.decode()
    assert Case.objects.get(case_number=CASE).state == "qa"
    assert not QAComment.objects.exists()


def test_return_still_returns(client, cast, in_qa):
    data = {"action": "return", "comments": "Please expand the rationale of item 2."}
    assert login(client, cast.qa).post(QA_URL, data).status_code == 302
    assert Case.objects.get(case_number=CASE).state == "in_review"
