"""Django's flush (run after every transactional test) empties the audit table too, on
SQLite as on PostgreSQL, and leaves the table append-only afterwards."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection

from openimr.audit import triggers
from openimr.audit.models import AuditEvent
from openimr.audit.selectors import trail_verify
from openimr.audit.tests.tampering import events


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_trail_and_the_triggers_stay():
    events(3)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    assert triggers.installed(connection)
    [event] = events(1)
    assert event.prev_hash == ""  # a new chain, which verifies
    assert trail_verify().ok
    with pytest.raises(IntegrityError):
        AuditEvent.objects.filter(pk=event.pk).delete()
