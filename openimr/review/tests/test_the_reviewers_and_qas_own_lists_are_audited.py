"""The reviewer's and QA physician's own work lists show the cases assigned to them and were
not audited: a case's trail could not show that a reviewer had it on their list. Each
showing is now ``list.viewed`` naming the page and the cases it listed, in each case's own
trail, and a refusal is ``list.viewed.refused`` (HIPAA 45 CFR 164.312(b), 164.528)."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.audit.selectors import case_trail
from openimr.review.tests.conftest import CASE, OTHER_CASE, login

pytestmark = pytest.mark.django_db


def _lists(page: str) -> list[tuple[str, list[str]]]:
    found = AuditEvent.objects.filter(action="list.viewed", object_id=page).order_by("id")
    return [(e.actor_label, e.detail["cases"]) for e in found]


def test_the_reviewers_list_names_their_own_case_only(client, cast, under_review):
    assert login(client, cast.reviewer).get("/review/").status_code == 200
    assert _lists("review:home") == [("jroe", [CASE])]
    assert [e.object_id for e in case_trail(CASE) if e.action == "list.viewed"] == ["review:home"]
    assert not [e for e in case_trail(OTHER_CASE) if e.action == "list.viewed"]


def test_the_qa_list_names_the_cases_waiting_for_qa(client, cast, in_qa):
    assert login(client, cast.qa).get("/review/qa/").status_code == 200
    assert _lists("review:qa_home") == [("qa-doc", [CASE])]


def test_a_reviewer_asking_for_the_qa_list_is_refused_and_recorded(client, cast, in_qa):
    assert login(client, cast.reviewer).get("/review/qa/").status_code == 404
    refused = AuditEvent.objects.get(action="list.viewed.refused")
    assert (refused.actor_label, refused.object_id) == ("jroe", "review:qa_home")
    assert not _lists("review:qa_home")
