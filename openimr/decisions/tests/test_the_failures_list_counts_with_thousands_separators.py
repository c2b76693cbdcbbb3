"""The failures list prints its counts as the other pages print theirs, grouped by
thousands: "1,234 source files failed", not "1234", and the limit and the resolved count
alike."""

import datetime as dt

import pytest

from openimr.decisions.models import SourceFile

pytestmark = pytest.mark.django_db
URL = "/decisions/failures/"
SEEN = dt.datetime(2026, 11, 28, 12, tzinfo=dt.UTC)


def _failures(count: int, *, resolved: int = 0, start: int = 0) -> None:
    rows = [
        SourceFile(
            sha256=f"{start + n:064x}",
            name=f"letters/{start + n}.pdf",
            size=10,
            status=SourceFile.Status.FAILED,
            error="not a letter: no case number",
            seen_at=SEEN,
            resolved_at=SEEN if n < resolved else None,
        )
        for n in range(count)
    ]
    SourceFile.objects.bulk_create(rows)


def test_a_total_of_thousands_is_grouped(client, staff_client):
    _failures(1234)
    page = client.get(URL).content.decode()
    assert "1,234 source files failed; the newest 500 are shown." in page
    assert "1234" not in page


def test_a_resolved_count_of_thousands_is_grouped(client, staff_client):
    _failures(1001, resolved=1001)
    _failures(2, start=5000)
    page = client.get(URL).content.decode()
    assert "2 source files failed." in page
    assert "1,001 earlier failures were resolved" in page
