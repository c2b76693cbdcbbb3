"""Events stored before the case index existed: the migration that adds it indexes the
cases each one lists, so a case's trail holds the lists it was shown in before the upgrade
(HIPAA 45 CFR 164.528), and no event, hence no hash, is changed."""

import pytest
from django.db import connection
from django.utils import timezone

from openimr.audit import chain
from openimr.audit.selectors import case_trail, trail_verify
from tests.migrating import back_at, migrate_to

BEFORE = [("audit", "0002_chain_role_request_id")]
AFTER = [("audit", "0003_events_index_the_cases_they_list")]


def _insert_chained(rows: list[tuple[str, str, dict]]) -> None:
    """Events as the application wrote them before the index: chained in lane 1."""
    prev = chain.GENESIS
    with connection.cursor() as cursor:
        for action, object_id, detail in rows:
            event = {"at": timezone.now(), "lane": 1, "actor_id": None, "actor_label": "clerk"}
            event |= {"role": "intake", "request_id": "", "action": action}
            event |= {"object_type": "page", "object_id": object_id, "detail": detail}
            digest = chain.event_hash(prev, event)
            cursor.execute(
                "INSERT INTO audit_auditevent (at, lane, actor_label, role, request_id, action,"
                " object_type, object_id, detail, prev_hash, hash)"
                " VALUES (%s, 1, 'clerk', 'intake', '', %s, 'page', %s, %s, %s, %s)",
                [
                    connection.ops.adapt_datetimefield_value(event["at"]),
                    action,
                    object_id,
                    chain._ENCODER.encode(detail),
                    prev,
                    digest,
                ],
            )
            prev = digest
        cursor.execute(
            "UPDATE audit_auditchainhead SET last_hash = %s, length = %s WHERE id = 1", [prev, 2]
        )


@pytest.mark.django_db(transaction=True)
def test_lists_stored_before_the_upgrade_are_in_each_listed_case_trail():
    with back_at(BEFORE):
        _insert_chained(
            [
                ("list.viewed", "cases:list", {"cases": ["CM24-0000001", "CM24-0000002"]}),
                ("list.viewed", "cases:queue", {"cases": ["CM24-0000002"], "state": "QA"}),
            ]
        )
        migrate_to(AFTER)
        assert [e.object_id for e in case_trail("CM24-0000001")] == ["cases:list"]
        assert [e.object_id for e in case_trail("CM24-0000002")] == ["cases:list", "cases:queue"]
        report = trail_verify()
        assert report.ok, report.problems
