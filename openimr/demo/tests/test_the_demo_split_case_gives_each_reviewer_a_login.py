"""The demo's case in review is split between two reviewers (`make run` prints both
logins): "reviewer" and "reviewer2" each reach the case, decide their own items and are
refused the other's, and between them decide every item, so the demo can be finished."""

import pytest

from openimr.cases.models import DisputedItem
from openimr.cli import main
from openimr.demo.services import REVIEW_CASE, REVIEWER_LOGINS, demo_load
from openimr.demo.tests.conftest import demo_login
from openimr.reviewers.models import Assignment, Reviewer

pytestmark = pytest.mark.django_db(transaction=True)
URL = f"/review/{REVIEW_CASE}/"
RATIONALE = (
    "The progress notes document chronic pain with functional decline despite conservative "
    "care; the MTUS supports this request, which is medically necessary."
)


def _reviewer(username):
    client, response = demo_login(username)
    assert response.redirect_chain[-1][0] == "/review/"
    assert REVIEW_CASE in response.content.decode()
    return client


def _items_of(username):
    found = Assignment.objects.get(case__case_number=REVIEW_CASE, reviewer__user__username=username)
    assert found.status == Assignment.ATTESTED
    return found.items


def _decide(client, n):
    return client.post(
        URL,
        {
            "action": "item",
            "item": str(n),
            f"item-{n}-decision": "overturned",
            f"item-{n}-basis": "mtus-chronic-pain",
            f"item-{n}-rationale": RATIONALE,
        },
    )


def test_each_reviewer_of_the_split_case_has_their_own_attested_items(demo):
    assert REVIEWER_LOGINS == ("reviewer", "reviewer2")
    mine, theirs = _items_of("reviewer"), _items_of("reviewer2")
    assert mine and theirs and not set(mine) & set(theirs)
    assert set(mine) | set(theirs) == {0, 1}


def test_the_two_reviewer_logins_between_them_decide_every_item(demo):
    clients = {username: _reviewer(username) for username in REVIEWER_LOGINS}
    for username, client in clients.items():
        assert client.get(URL).status_code == 200
        for n in _items_of(username):
            assert _decide(client, n).status_code == 302
    decided = DisputedItem.objects.filter(case__case_number=REVIEW_CASE)
    assert sorted(decided.values_list("decision", flat=True)) == ["overturned", "overturned"]


def test_a_demo_reviewer_is_refused_the_other_reviewers_item(demo):
    client = _reviewer("reviewer")
    other = _items_of("reviewer2")[0]
    response = _decide(client, other)
    assert response.status_code == 422
    assert "assigned to another reviewer" in response.content.decode()
    assert DisputedItem.objects.get(case__case_number=REVIEW_CASE, position=other).decision is None


def test_the_code_command_prints_the_second_reviewers_code(demo, capsys):
    assert main(["demo", "--code", "reviewer2"]) == 0
    code = capsys.readouterr().out.strip()
    assert code.isdigit() and len(code) == 6


def test_a_demo_loaded_before_the_second_login_links_it_on_the_next_load(demo):
    second = Reviewer.objects.get(user__username="reviewer2")
    Reviewer.objects.filter(pk=second.pk).update(user=None)
    demo_load()
    assert Reviewer.objects.get(pk=second.pk).user.username == "reviewer2"
    assert Assignment.objects.filter(case__case_number=REVIEW_CASE).count() == 2
