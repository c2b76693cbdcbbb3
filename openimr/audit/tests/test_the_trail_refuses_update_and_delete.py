"""The database itself refuses to change or delete an audit event, whichever way it is
asked: the ORM, a queryset, raw SQL. Dropping the triggers is what it takes otherwise."""

import pytest
from django.db import IntegrityError, connection, transaction

from openimr.audit import triggers
from openimr.audit.models import AuditEvent
from openimr.audit.tests.tampering import events, tamper

pytestmark = pytest.mark.django_db


def _refused(action) -> str:
    with pytest.raises(IntegrityError) as refusal, transaction.atomic():
        action()
    return str(refusal.value)


def test_the_triggers_are_installed_by_the_migrations():
    assert triggers.installed(connection)


def test_saving_a_changed_event_is_refused():
    [event] = events(1)
    event.detail = {"n": "rewritten"}
    assert "append-only" in _refused(event.save)
    assert AuditEvent.objects.get(pk=event.pk).detail == {"n": 0}


def test_a_queryset_update_is_refused():
    events(2)
    assert "UPDATE refused" in _refused(lambda: AuditEvent.objects.update(actor_label="x"))
    assert not AuditEvent.objects.filter(actor_label="x").exists()


def test_deleting_through_the_orm_is_refused():
    [event] = events(1)
    assert "DELETE refused" in _refused(event.delete)
    assert "DELETE refused" in _refused(AuditEvent.objects.all().delete)
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_raw_sql_update_and_delete_are_refused():
    [event] = events(1)

    def run(sql: str):
        return lambda: connection.cursor().execute(sql, [event.pk])

    assert "refused" in _refused(run("UPDATE audit_auditevent SET action = 'x' WHERE id = %s"))
    assert "refused" in _refused(run("DELETE FROM audit_auditevent WHERE id = %s"))
    assert AuditEvent.objects.get(pk=event.pk).action == "case.step_0"


def test_the_same_update_goes_through_only_with_the_triggers_dropped():
    [event] = events(1)
    tamper(("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", [event.pk]))
    assert AuditEvent.objects.get(pk=event.pk).action == "x"
    assert triggers.installed(connection)
