"""A refused look is audited with what was asked for, whatever was typed into the address
or the login form: an object named by more characters than the trail's column holds (a
hostile case number in a URL, a long username locked out) is recorded cut to the column,
where PostgreSQL would refuse the row and turn the refusal into a server error."""

import pytest
from django.contrib.auth.models import User

from openimr.audit.models import AuditEvent
from openimr.audit.verify import trail_verify

pytestmark = pytest.mark.django_db
LIMIT = AuditEvent._meta.get_field("object_id").max_length


def test_an_overlong_case_number_in_a_trail_url_is_refused_and_audited(client, staff_client):
    asked = "CM" + "9" * 200

    response = client.get(f"/audit/cases/{asked}/trail.csv")

    assert response.status_code == 404
    event = AuditEvent.objects.get(action="case.trail_exported.refused")
    assert event.object_id == asked[:LIMIT]
    assert trail_verify().ok


def test_a_lockout_of_an_overlong_username_is_audited(client, settings):
    name = "u" * 150
    User.objects.create_user(name, password="a-long-test-password")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked = client.post("/login/", {"username": name, "password": "wrong-password"})

    assert locked.status_code == 429
    event = AuditEvent.objects.filter(action="login.locked_out").latest("id")
    assert event.object_id == name[:LIMIT]
