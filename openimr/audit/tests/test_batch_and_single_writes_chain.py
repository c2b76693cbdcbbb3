"""Events written one at a time and in batches join one chain, in the order written, and
the chain head follows; a rolled-back write leaves the chain as it was."""

from itertools import pairwise

import pytest
from django.db import transaction

from openimr.audit import chain
from openimr.audit.models import AuditChainHead, AuditEvent
from openimr.audit.selectors import trail_verify
from openimr.audit.services import audit_event, audit_record, audit_save

pytestmark = pytest.mark.django_db


def _batch(count: int, start: int = 0) -> None:
    audit_save(
        [
            audit_event(actor="system", action="case.x", object_type="case", object_id=str(n))
            for n in range(start, start + count)
        ]
    )


def test_single_and_batch_writes_link_each_event_to_the_one_before():
    audit_record(actor="cli", action="a", object_type="case", object_id="1")
    _batch(3)
    audit_record(actor="cli", action="b", object_type="case", object_id="2")
    rows = list(AuditEvent.objects.order_by("id"))
    assert rows[0].prev_hash == chain.GENESIS
    for before, after in pairwise(rows):
        assert after.prev_hash == before.hash
    assert len({row.hash for row in rows}) == 5
    head = AuditChainHead.objects.get(id=rows[-1].lane)
    assert (head.last_hash, head.length) == (rows[-1].hash, 5)
    assert trail_verify().ok


def test_a_hash_covers_the_stored_content():
    event = audit_record(
        actor="cli", action="a", object_type="case", object_id="1", detail={"k": 1}
    )
    stored = AuditEvent.objects.filter(pk=event.pk).values(*chain.CONTENT).get()
    assert chain.event_hash(event.prev_hash, stored) == event.hash
    assert chain.event_hash(event.prev_hash, {**stored, "detail": {"k": 2}}) != event.hash


def test_a_rolled_back_write_leaves_the_chain_as_it_was():
    _batch(2)
    with pytest.raises(RuntimeError), transaction.atomic():
        _batch(2, start=10)
        raise RuntimeError("the change failed")
    _batch(1, start=20)
    assert AuditEvent.objects.count() == 3
    assert trail_verify().ok


def test_details_are_hashed_as_the_database_gives_them_back():
    # Tuples come back as lists and number keys as strings: hashed in that form at once.
    audit_record(actor="cli", action="a", object_type="case", object_id="1", detail={1: ("x", 2.5)})
    assert AuditEvent.objects.get().detail == {"1": ["x", 2.5]}
    assert trail_verify().ok
