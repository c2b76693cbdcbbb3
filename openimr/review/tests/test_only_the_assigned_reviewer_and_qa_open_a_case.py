"""Roles and access: the assigned reviewer opens their case, QA opens cases in QA, and
everyone else gets 404 (the same as for a case that does not exist), audited."""

import pytest
from django.contrib.auth.models import Group

from openimr.audit.models import AuditEvent
from openimr.review.tests.conftest import CASE, OTHER_CASE, login

pytestmark = pytest.mark.django_db

WORKSPACE = f"/review/{CASE}/"
QA_PAGE = f"/review/qa/{CASE}/"


def test_the_migration_creates_the_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {"intake", "reviewer", "qa"}


def test_the_assigned_reviewer_opens_the_workspace_and_the_view_is_audited(
    client, cast, under_review
):
    response = login(client, cast.reviewer).get(WORKSPACE)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Physical therapy, lumbar spine, 2 times a week for 6 weeks" in body
    assert "Official Disability Guidelines, Low Back - Lumbar &amp; Thoracic" in body
    event = AuditEvent.objects.get(action="review.viewed")
    assert (event.actor, event.object_id) == (cast.reviewer, CASE)


def test_another_reviewer_gets_404_by_url_and_the_refusal_is_audited(client, cast, under_review):
    response = login(client, cast.other_reviewer).get(WORKSPACE)
    assert response.status_code == 404
    assert "Physical therapy" not in response.content.decode()
    refused = AuditEvent.objects.get(action="review.viewed.refused")
    assert (refused.actor, refused.object_id) == (cast.other_reviewer, CASE)
    assert login(client, cast.other_reviewer).get(f"/review/{OTHER_CASE}/").status_code == 200


def test_a_case_that_does_not_exist_gets_the_same_404(client, cast, under_review):
    assert login(client, cast.reviewer).get("/review/CM99-0000000/").status_code == 404
    assert AuditEvent.objects.filter(action="review.viewed.refused").count() == 1


def test_the_intake_clerk_gets_404_on_the_workspace_and_in_qa(client, cast, under_review):
    login(client, cast.clerk)
    assert client.get(WORKSPACE).status_code == 404
    assert client.get("/review/").status_code == 404
    assert client.get("/review/qa/").status_code == 404
    refused = AuditEvent.objects.filter(actor=cast.clerk, action__endswith=".refused")
    assert [(e.action, e.object_id) for e in refused.order_by("id")] == [
        ("review.viewed.refused", under_review),
        ("list.viewed.refused", "review:home"),
        ("list.viewed.refused", "review:qa_home"),
    ]


def test_qa_sees_a_case_only_while_it_is_in_qa(client, cast, under_review):
    login(client, cast.qa)
    assert client.get(QA_PAGE).status_code == 404
    assert client.get(WORKSPACE).status_code == 404
    assert AuditEvent.objects.filter(action="review.qa_viewed.refused").count() == 1


def test_qa_opens_a_case_in_qa_and_the_view_is_audited(client, cast, in_qa):
    response = login(client, cast.qa).get(QA_PAGE)
    assert response.status_code == 200
    assert "Checklist" in response.content.decode()
    assert AuditEvent.objects.filter(action="review.qa_viewed", actor=cast.qa).count() == 1


def test_the_administrator_does_qa_but_never_decides_for_the_reviewer(client, cast, in_qa):
    login(client, cast.admin)
    assert client.get(QA_PAGE).status_code == 200
    assert client.get(WORKSPACE).status_code == 404


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_and_nothing_is_audited(
    client, under_review
):
    for url in (WORKSPACE, QA_PAGE, "/review/", "/review/qa/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")
    assert not AuditEvent.objects.filter(action__startswith="review.").exists()


def test_the_reviewer_lists_only_their_own_cases(client, cast, under_review):
    body = login(client, cast.reviewer).get("/review/").content.decode()
    assert CASE in body
    assert OTHER_CASE not in body


def test_a_reviewer_reads_another_case_file_by_record_url_and_gets_404(client, cast, under_review):
    response = login(client, cast.other_reviewer).get(f"{WORKSPACE}records/1/")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="record.viewed.refused").count() == 1
