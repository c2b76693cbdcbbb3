"""A panel reviewer's login must be an account in the reviewer role, and in no role that
opens every case's file: linking a reviewer to an intake clerk's account, the
administrator's, or one with no role is refused, by the service and in the admin site,
naming the account and its roles, and changes nothing. Such a link let the reviewer read
the files of cases they are conflicted on (LC 139.5(d); HIPAA 45 CFR 164.502(b)), or gave
them a login that opens no reviewer page."""

import pytest
from django.contrib.auth.models import Group, User

from openimr.audit.models import AuditEvent
from openimr.audit.tests.admin_forms import shown_form_data
from openimr.core.errors import Conflict
from openimr.reviewers.domain.account import reviewer_account_refusal
from openimr.reviewers.models import Reviewer
from openimr.reviewers.services import reviewer_account_link

NO_ROLE = (
    "the account {} is not in the reviewer role (its roles: {}): add it to the reviewer "
    "group, or link the reviewer to an account in it"
)
SUPERUSER = (
    "the account {} is a superuser (the administrator), which opens every case's file: "
    "link the reviewer to an account in the reviewer role"
)
INTAKE_TOO = (
    "the account {} is in the intake role too, which opens every case's file: link the "
    "reviewer to an account in the reviewer role without it"
)


# The accounts of the fixture below that may not be R-1's login, and why.
REFUSED = [
    ("clerk", NO_ROLE.format("clerk", "intake")),
    ("root", SUPERUSER.format("root")),
    ("both", INTAKE_TOO.format("both")),
]


@pytest.mark.parametrize(
    ("groups", "superuser", "refusal"),
    [
        (["reviewer"], False, None),
        (["reviewer", "qa"], False, None),
        (["reviewer", "other-group"], False, None),
        ([], False, NO_ROLE.format("pat", "none")),
        (["intake"], False, NO_ROLE.format("pat", "intake")),
        (["qa", "intake", "other-group"], False, NO_ROLE.format("pat", "intake, qa")),
        (["intake", "reviewer"], False, INTAKE_TOO.format("pat")),
        ([], True, SUPERUSER.format("pat")),
        (["reviewer"], True, SUPERUSER.format("pat")),
    ],
)
def test_which_accounts_may_be_a_reviewers_login(groups, superuser, refusal):
    assert reviewer_account_refusal("pat", groups, superuser=superuser) == refusal


def _account(username: str, *groups: str, superuser: bool = False) -> User:
    user = User.objects.create_user(username, is_superuser=superuser, is_staff=superuser)
    user.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in groups))
    return user


@pytest.fixture
def accounts(db):
    Reviewer.objects.create(reviewer_id="R-1", name="Jane Q. Roe", weekly_hours=20)
    return {
        "jroe": _account("jroe", "reviewer"),
        "clerk": _account("clerk", "intake"),
        "root": _account("root", superuser=True),
        "both": _account("both", "intake", "reviewer"),
    }


@pytest.mark.parametrize(("username", "refusal"), REFUSED)
def test_the_service_refuses_an_account_not_a_reviewers(accounts, username, refusal):
    with pytest.raises(Conflict) as refused:
        reviewer_account_link(reviewer_id="R-1", username=username, actor="clerk")
    assert str(refused.value) == refusal
    assert Reviewer.objects.get(reviewer_id="R-1").user is None
    assert not AuditEvent.objects.filter(action="reviewer.account_linked").exists()


def _link_in_admin(client, user):
    url = f"/admin/reviewers/reviewer/{Reviewer.objects.get(reviewer_id='R-1').pk}/change/"
    data = shown_form_data(client.get(url))
    data["user"] = str(user.pk)
    return client.post(url, data)


@pytest.mark.parametrize(("username", "refusal"), REFUSED)
def test_the_admin_site_refuses_it_at_the_field(admin_client, accounts, username, refusal):
    answer = _link_in_admin(admin_client, accounts[username])
    assert answer.status_code == 200
    errors = answer.context["adminform"].form.errors["user"]
    assert errors == [refusal[:1].upper() + refusal[1:] + "."]
    assert Reviewer.objects.get(reviewer_id="R-1").user is None


def test_the_admin_site_links_an_account_in_the_reviewer_role(admin_client, accounts):
    assert _link_in_admin(admin_client, accounts["jroe"]).status_code == 302
    assert Reviewer.objects.get(reviewer_id="R-1").user == accounts["jroe"]


def test_a_link_made_before_the_check_does_not_block_editing_the_rest(admin_client, accounts):
    Reviewer.objects.filter(reviewer_id="R-1").update(user=accounts["clerk"])
    url = f"/admin/reviewers/reviewer/{Reviewer.objects.get(reviewer_id='R-1').pk}/change/"
    data = shown_form_data(admin_client.get(url))
    data["weekly_hours"] = "25"
    assert admin_client.post(url, data).status_code == 302
    assert Reviewer.objects.get(reviewer_id="R-1").weekly_hours == 25
