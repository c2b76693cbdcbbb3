"""A page asks a user's roles several times (the second factor, the page's own check, the
audit event's role, the navigation): the groups are read once per request, and a change
to them through the same user object is seen at once."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openimr.core.access import INTAKE, QA, user_has_role

pytestmark = pytest.mark.django_db


def test_a_role_given_to_the_same_user_object_is_seen_at_once():
    user = User.objects.create_user("clerk")
    assert not user_has_role(user, INTAKE)
    user.groups.add(Group.objects.get_or_create(name=INTAKE)[0])
    assert user_has_role(user, INTAKE)
    user.groups.clear()
    assert not user_has_role(user, INTAKE)


def test_the_groups_are_read_once_for_many_questions():
    user = User.objects.create_user("clerk")
    user.groups.add(Group.objects.get_or_create(name=INTAKE)[0])
    fresh = User.objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        answers = [user_has_role(fresh, role) for role in (INTAKE, QA, INTAKE, QA)]
    assert answers == [True, False, True, False]
    assert len(queries.captured_queries) == 1


def test_a_staff_page_reads_the_groups_once(client):
    user = User.objects.create_user("clerk")
    user.groups.add(Group.objects.get_or_create(name=INTAKE)[0])
    client.force_login(user)  # with the second factor passed (the root conftest)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/cases/").status_code == 200
    reads = [q for q in queries.captured_queries if '"auth_group"' in q["sql"]]
    assert len(reads) == 1
