"""Each rerun of `openimr demo` sent every demo record again: the same bytes are one record,
but each receipt wrote a `record.received_again` event, 19 a run. A record the case already
holds is not sent again; the trail says nothing new."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.records.models import Record

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_second_load_writes_no_record_event(demo):
    from openimr.demo.services import demo_load

    records = Record.objects.count()
    events = AuditEvent.objects.filter(action__startswith="record.").count()
    assert records > 0
    demo_load()
    assert Record.objects.count() == records
    assert not AuditEvent.objects.filter(action="record.received_again").exists()
    assert AuditEvent.objects.filter(action__startswith="record.").count() == events
