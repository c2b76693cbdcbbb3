"""The case index (``audit_auditeventcase``) is append-only like the events: a row deleted or
rewritten would take a list out of a case's accounting of disclosures (HIPAA 45 CFR
164.528) with every hash of the chain intact, so the database refuses it however it is
asked, as it refuses it for the events (HIPAA 45 CFR 164.312(b))."""

import pytest
from django.db import IntegrityError, connection, transaction

from openimr.audit import triggers
from openimr.audit.models import AuditEventCase
from openimr.audit.selectors import case_trail, trail_verify
from openimr.audit.services import audit_list_viewed
from openimr.audit.tests.tampering import tamper
from tests.migrating import back_at

pytestmark = pytest.mark.django_db
CASE, OTHER = "CM16-0400101", "CM16-0400102"


@pytest.fixture
def row() -> AuditEventCase:
    audit_list_viewed(actor="test", page="cases:queue", cases=[CASE, OTHER])
    return AuditEventCase.objects.get(case_number=CASE)


def _refused(action) -> str:
    with pytest.raises(IntegrityError) as refusal, transaction.atomic():
        action()
    return str(refusal.value)


def _intact(row: AuditEventCase) -> None:
    assert AuditEventCase.objects.filter(pk=row.pk, case_number=CASE).exists()
    assert [e.pk for e in case_trail(CASE)] == [row.event_id]
    assert trail_verify().ok


def test_the_index_triggers_are_installed_by_the_migrations():
    assert triggers.installed(connection, [triggers.INDEX])
    assert triggers.installed(connection)  # both tables


def test_deleting_an_index_row_through_the_orm_is_refused(row):
    assert "case index is append-only: DELETE refused" in _refused(row.delete)
    assert "DELETE refused" in _refused(AuditEventCase.objects.filter(case_number=CASE).delete)
    _intact(row)


def test_changing_an_index_row_is_refused(row):
    row.case_number = "CM16-0400109"
    assert "case index is append-only: UPDATE refused" in _refused(row.save)
    assert "UPDATE refused" in _refused(lambda: AuditEventCase.objects.update(case_number="X"))
    _intact(row)


def test_raw_sql_update_and_delete_of_the_index_are_refused(row):
    def run(sql: str):
        return lambda: connection.cursor().execute(sql, [row.pk])

    assert "refused" in _refused(
        run("UPDATE audit_auditeventcase SET case_number = 'CM16-0400109' WHERE id = %s")
    )
    assert "refused" in _refused(run("DELETE FROM audit_auditeventcase WHERE id = %s"))
    _intact(row)


def test_the_same_delete_goes_through_only_with_the_triggers_dropped(row):
    tamper(("DELETE FROM audit_auditeventcase WHERE id = %s", [row.pk]))
    assert not case_trail(CASE).exists()
    assert [p.kind for p in trail_verify().problems] == ["unindexed"]
    assert triggers.installed(connection)


@pytest.mark.django_db(transaction=True)
def test_undoing_the_migration_frees_the_index_and_keeps_the_events_append_only():
    with back_at([("audit", "0003_events_index_the_cases_they_list")]):
        assert not triggers.installed(connection, [triggers.INDEX])
        assert triggers.installed(connection, [triggers.EVENTS])
    assert triggers.installed(connection)
