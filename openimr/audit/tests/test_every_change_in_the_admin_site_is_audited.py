"""A superuser's adds, changes and deletes in the Django admin site (/admin/) each write one
audit event naming the actor, the model and the object, with what changed, in the
transaction of the change: a change that fails leaves neither the change nor its event."""

import json

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.audit import admin_log
from openimr.audit.admin_log import AuditedModelAdmin
from openimr.audit.models import AuditEvent
from openimr.audit.selectors import trail_verify
from openimr.audit.tests.admin_forms import shown_form_data
from openimr.reviewers.models import Reviewer, SpecialtyRule

pytestmark = pytest.mark.django_db


def _admin_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action__startswith="admin."))


def _change(client, url: str, **changes) -> None:
    data = {**shown_form_data(client.get(url)), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_adding_a_group_writes_one_event_naming_the_admin_and_the_group(admin_client, admin_user):
    response = admin_client.post("/admin/auth/group/add/", {"name": "auditors"})
    assert response.status_code == 302

    group = Group.objects.get(name="auditors")
    [event] = _admin_events()
    assert (event.action, event.object_type, event.object_id) == (
        "admin.added",
        "auth.group",
        str(group.pk),
    )
    assert (event.actor_id, event.actor_label, event.role) == (admin_user.pk, "admin", "admin")
    assert event.detail["object"] == "auditors"
    assert event.detail["values"]["name"] == {"from": None, "to": "auditors"}
    assert event.request_id


def test_changing_a_users_groups_records_the_groups_before_and_after(admin_client):
    clerk = User.objects.create_user("clerk", password="a-long-test-password")
    clerk.groups.add(Group.objects.get_or_create(name="intake")[0])
    qa = Group.objects.get_or_create(name="qa")[0]

    _change(admin_client, f"/admin/auth/user/{clerk.pk}/change/", groups=[str(qa.pk)])

    assert list(clerk.groups.values_list("name", flat=True)) == ["qa"]
    [event] = _admin_events()
    assert (event.action, event.object_type, event.object_id) == (
        "admin.changed",
        "auth.user",
        str(clerk.pk),
    )
    assert event.detail["changes"] == [{"changed": {"fields": ["Groups"]}}]
    assert event.detail["values"] == {"groups": {"from": ["intake"], "to": ["qa"]}}


def test_editing_a_reviewer_on_the_panel_records_the_field_and_its_values(admin_client):
    reviewer = Reviewer.objects.create(reviewer_id="r-07", name="Dr. Ana Ruiz", weekly_hours=20)

    _change(admin_client, f"/admin/reviewers/reviewer/{reviewer.pk}/change/", active="")

    [event] = _admin_events()
    assert (event.action, event.object_type, event.object_id) == (
        "admin.changed",
        "reviewers.reviewer",
        str(reviewer.pk),
    )
    assert event.detail["values"] == {"active": {"from": True, "to": False}}
    assert event.detail["object"] == "r-07 Dr. Ana Ruiz"


def test_a_specialty_rules_key_is_recorded_as_changed_not_hidden_as_a_secret(admin_client):
    # Its name says "key", but it is the keyword the rule applies to: staff must see it.
    rule = SpecialtyRule.objects.create(
        kind="keyword", key="laminectomy", specialties=["Orthopedic Surgery"]
    )

    _change(admin_client, f"/admin/reviewers/specialtyrule/{rule.pk}/change/", key="fusion")

    [event] = _admin_events()
    assert event.detail["values"]["key"] == {"from": "laminectomy", "to": "fusion"}


def test_deleting_a_users_second_factor_device_is_audited(admin_client):
    clerk = User.objects.create_user("clerk", password="a-long-test-password")
    device = TOTPDevice.objects.create(user=clerk, name="lost phone", confirmed=True)

    response = admin_client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    [event] = _admin_events()
    assert (event.action, event.object_type, event.object_id) == (
        "admin.deleted",
        "otp_totp.totpdevice",
        str(device.pk),
    )
    assert event.detail == {"object": "lost phone (clerk)"}
    assert device.key not in json.dumps(event.detail)


def test_deleting_several_objects_at_once_writes_one_event_each(admin_client):
    groups = [Group.objects.create(name=f"team {n}") for n in range(3)]

    response = admin_client.post(
        "/admin/auth/group/",
        {"action": "delete_selected", "_selected_action": [g.pk for g in groups], "post": "yes"},
    )

    assert response.status_code == 302
    assert not Group.objects.filter(name__startswith="team ").exists()
    events = _admin_events()
    assert {(e.action, e.object_id) for e in events} == {
        ("admin.deleted", str(g.pk)) for g in groups
    }
    assert trail_verify().ok


def test_a_password_set_in_the_admin_is_named_but_never_recorded(admin_client):
    response = admin_client.post(
        "/admin/auth/user/add/",
        {
            "username": "newclerk",
            "usable_password": "true",
            "password1": "Correct-horse-battery-9",
            "password2": "Correct-horse-battery-9",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="newclerk")
    response = admin_client.post(
        f"/admin/auth/user/{user.pk}/password/",
        {
            "usable_password": "true",
            "password1": "Other-staple-77x",
            "password2": "Other-staple-77x",
        },
    )
    assert response.status_code == 302

    added, changed = _admin_events()
    assert (added.action, changed.action) == ("admin.added", "admin.changed")
    assert changed.detail["changes"] == [{"changed": {"fields": ["password"]}}]
    user.refresh_from_db()
    trail = json.dumps([added.detail, changed.detail])
    for secret in ("Correct-horse-battery-9", "Other-staple-77x", user.password):
        assert secret not in trail
    assert added.detail["values"]["password1"] == "(secret)"


def test_a_change_whose_event_cannot_be_written_is_not_made(admin_client, monkeypatch):
    group = Group.objects.create(name="night shift")

    def refuse(events):
        raise RuntimeError("the audit trail is unavailable")

    monkeypatch.setattr(admin_log, "audit_save", refuse)
    with pytest.raises(RuntimeError, match="unavailable"):
        _change(admin_client, f"/admin/auth/group/{group.pk}/change/", name="everyone")

    group.refresh_from_db()
    assert group.name == "night shift"
    assert not LogEntry.objects.exists()
    assert not _admin_events()


def test_a_change_that_fails_after_it_was_logged_leaves_no_event(admin_client, monkeypatch):
    group = Group.objects.create(name="night shift")
    group_admin = admin.site._registry[Group]

    def fail(request, obj):
        raise RuntimeError("the response could not be built")

    monkeypatch.setattr(group_admin, "response_change", fail)
    with pytest.raises(RuntimeError, match="could not be built"):
        _change(admin_client, f"/admin/auth/group/{group.pk}/change/", name="everyone")

    group.refresh_from_db()
    assert group.name == "night shift"
    assert not _admin_events()


def test_every_model_in_the_admin_site_is_served_by_an_audited_admin():
    registry = admin.site._registry
    assert {User, Group, TOTPDevice, Reviewer} <= set(registry)
    unaudited = [m._meta.label for m, a in registry.items() if not isinstance(a, AuditedModelAdmin)]
    assert unaudited == []
