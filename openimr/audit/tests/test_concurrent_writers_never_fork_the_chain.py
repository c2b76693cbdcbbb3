"""Two transactions appending at once (two app servers on one PostgreSQL) each link to a
head no one else holds: neither waits for the other's whole transaction, and the trail
verifies with both committed. SQLite admits one writer at a time, so this is PostgreSQL's."""

import threading

import pytest
from django.db import connection, connections, transaction

from openimr.audit.models import AuditEvent
from openimr.audit.selectors import trail_verify
from openimr.audit.services import audit_event, audit_save

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has one writer at a time"
)


def _write(tag: str, count: int) -> None:
    audit_save(
        [
            audit_event(actor="system", action=f"{tag}.{n}", object_type="case", object_id=tag)
            for n in range(count)
        ]
    )


@pytest.mark.django_db(transaction=True)
def test_a_second_writer_appends_while_the_first_holds_its_lane():
    first_wrote, second_done = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def first() -> None:
        try:
            with transaction.atomic():
                _write("first", 3)
                first_wrote.set()
                # Still open: the second writer must finish without waiting for this one.
                assert second_done.wait(timeout=20)
                _write("first-again", 2)
        except BaseException as exc:
            failures.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=first)
    thread.start()
    assert first_wrote.wait(timeout=20)
    with transaction.atomic():
        _write("second", 4)
    second_done.set()
    thread.join(timeout=30)
    assert failures == []
    lanes = dict(AuditEvent.objects.values_list("object_id", "lane").distinct())
    assert lanes["first"] == lanes["first-again"] != lanes["second"]
    report = trail_verify()
    assert report.ok, report.problems
    assert report.checked == 9
