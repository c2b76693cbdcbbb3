"""QA is a second physician's check of a determination before its letter issues. An account
that holds both roles (the admin site lets a group be added to anyone) and reviewed the
case could approve its own determination, and the letter issued with no check at all. Such
a QA physician is refused, 409 saying another QA physician must act, and nothing is issued
or returned; any other QA physician approves as before."""

import pytest
from django.contrib.auth.models import Group

from openimr.cases.models import Case
from openimr.letters.models import IssuedLetter
from openimr.review.models import QAComment
from openimr.review.tests.conftest import QA_URL, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer_also_in_qa(cast, in_qa):
    cast.reviewer.groups.add(Group.objects.get(name="qa"))
    return cast.reviewer


@pytest.mark.parametrize(
    "post", [{"action": "approve"}, {"action": "return", "comments": "Cite the MTUS page."}]
)
def test_the_reviewer_of_the_case_is_refused_and_nothing_changes(client, reviewer_also_in_qa, post):
    response = login(client, reviewer_also_in_qa).post(QA_URL, post)
    assert response.status_code == 409
    assert "another QA physician" in response.content.decode()
    assert not IssuedLetter.objects.exists()
    assert not QAComment.objects.exists()
    assert Case.objects.get().state == "qa"


def test_another_qa_physician_approves_as_before(client, cast, reviewer_also_in_qa):
    response = login(client, cast.qa).post(QA_URL, {"action": "approve"})
    assert response.status_code == 302
    assert IssuedLetter.objects.filter(case__case_number=Case.objects.get().case_number).exists()
