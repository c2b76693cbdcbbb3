"""A database with events written before the chain existed: the migration that adds it
chains them in id order, so `audit verify` passes after the upgrade, and new events link on."""

import pytest
from django.db import connection
from django.utils import timezone

from openimr.audit.selectors import trail_verify
from openimr.audit.tests.tampering import events
from tests.migrating import back_at, migrate_to

BEFORE, AFTER = [("audit", "0001_initial")], [("audit", "0002_chain_role_request_id")]


@pytest.mark.django_db(transaction=True)
def test_old_events_are_chained_by_the_migration():
    with back_at(BEFORE):
        with connection.cursor() as cursor:
            for n in range(4):
                cursor.execute(
                    "INSERT INTO audit_auditevent (at, actor_label, action, object_type, object_id,"
                    " detail) VALUES (%s, 'clerk', 'case.viewed', 'case', %s, %s)",
                    [
                        connection.ops.adapt_datetimefield_value(timezone.now()),
                        f"CM24-000000{n}",
                        f'{{"n": {n}, "q": "x"}}',
                    ],
                )
        migrate_to(AFTER)
    events(2)
    report = trail_verify()
    assert report.ok, report.problems
    assert report.checked == 6
