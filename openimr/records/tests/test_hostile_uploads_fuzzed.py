"""A bounded fuzz run of the upload path: a real record's PDF, damaged at random (bytes
changed, cut short, bytes inserted, a stretch deleted or repeated), is either stored as a
record or refused with InvalidInput at the file's field, never another exception; a
refusal stores nothing. Bounded to a few dozen files so that it runs in seconds."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from openimr.core.errors import InvalidInput
from openimr.demo.record_files import text_pdf
from openimr.records import services
from openimr.records.models import Record
from openimr.records.tests.receiving import stored_files

pytestmark = pytest.mark.django_db
DEMO = Path(__file__).resolve().parents[2] / "demo" / "records" / "CM16-0400101"
ORIGINAL = text_pdf((DEMO / "01-progress-note-2016-06-14.txt").read_text(encoding="utf-8"))


@st.composite
def damaged(draw) -> bytes:
    data = bytearray(ORIGINAL)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        if not data:
            break
        at = draw(st.integers(min_value=0, max_value=len(data) - 1))
        span = draw(st.integers(min_value=1, max_value=64))
        how = draw(st.sampled_from(["change", "cut", "insert", "delete", "repeat"]))
        if how == "change":
            data[at : at + span] = draw(st.binary(min_size=span, max_size=span))
        elif how == "cut":
            del data[max(at, 1) :]
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=span))
        elif how == "delete":
            del data[at : at + span]
        else:
            data[at:at] = data[at : at + span]
    return bytes(data)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=damaged())
def test_a_damaged_pdf_is_stored_or_refused_never_a_crash(case, settings_, data):
    before = (Record.objects.count(), len(stored_files(settings_.MEDIA_ROOT)))
    try:
        record = services.record_receive(
            case=case,
            data=data,
            filename="fuzzed.pdf",
            submitted_by=services.Party.CLAIMS_ADMINISTRATOR,
            via=services.Via.UPLOAD,
            actor="clerk",
        )
    except InvalidInput as refused:
        event(f"refused: {refused.problems[0].message[:40]}")
        assert [p.path for p in refused.problems] == ["$.content_base64"]
        assert refused.problems[0].message.startswith("the ")
        assert (Record.objects.count(), len(stored_files(settings_.MEDIA_ROOT))) == before
        return
    event(f"stored, extraction {record.status}")
    assert Record.objects.filter(pk=record.pk, sha256=record.sha256).exists()
    assert record.status in {"extracted", "failed"}


@pytest.fixture
def settings_(settings):
    return settings
