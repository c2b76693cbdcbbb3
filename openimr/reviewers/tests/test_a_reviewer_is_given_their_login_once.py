"""A panel reviewer is linked to the login that opens their workspace; an account already
another reviewer's is refused, and so are unknown names, each changing nothing."""

import pytest
from django.contrib.auth.models import Group, User

from openimr.audit.models import AuditEvent
from openimr.core.errors import Conflict, NotFound
from openimr.reviewers.models import Reviewer
from openimr.reviewers.services import reviewer_account_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel():
    Reviewer.objects.create(reviewer_id="R-1", name="Jane Q. Roe")
    Reviewer.objects.create(reviewer_id="R-2", name="Min Park")
    user = User.objects.create_user("jroe")
    user.groups.add(Group.objects.get_or_create(name="reviewer")[0])
    return user


def test_linking_gives_the_reviewer_the_account_and_is_audited(panel):
    reviewer_account_link(reviewer_id="R-1", username="jroe", actor="clerk")
    assert Reviewer.objects.get(reviewer_id="R-1").user == panel
    event = AuditEvent.objects.get(action="reviewer.account_linked")
    assert (event.object_id, event.detail) == ("R-1", {"username": "jroe"})


def test_an_account_of_another_reviewer_is_refused(panel):
    reviewer_account_link(reviewer_id="R-1", username="jroe", actor="clerk")
    with pytest.raises(Conflict, match="the account jroe belongs to reviewer R-1"):
        reviewer_account_link(reviewer_id="R-2", username="jroe", actor="clerk")
    assert Reviewer.objects.get(reviewer_id="R-2").user is None


@pytest.mark.parametrize(
    ("reviewer_id", "username", "message"),
    [("R-9", "jroe", "no reviewer R-9"), ("R-1", "nobody", "no user nobody")],
)
def test_an_unknown_reviewer_or_account_is_refused(panel, reviewer_id, username, message):
    with pytest.raises(NotFound, match=message):
        reviewer_account_link(reviewer_id=reviewer_id, username=username, actor="clerk")
    assert not Reviewer.objects.filter(user__isnull=False).exists()
