"""A database whose ingests already read a failed file again and parsed it: the migration
that adds ``resolved_at`` marks those failures resolved (at the time of that later read), so
the staff list drops them at the upgrade, not only for files read after it. A failure whose
path never parsed since, or parsed only before it failed, stays listed."""

from datetime import UTC, datetime

import pytest

from openimr.decisions.ingest_selectors import failed_sources
from openimr.decisions.models import SourceFile
from tests.migrating import back_at, migrate_to

BEFORE = [("decisions", "0010_search_specialty_as_typed")]
AFTER = [("decisions", "0011_failures_resolved_by_a_later_read")]


def _at(hour: int) -> datetime:
    return datetime(2026, 11, 1, hour, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_the_failures_read_again_and_parsed_are_marked_resolved():
    with back_at(BEFORE) as apps:
        old = apps.get_model("decisions", "SourceFile")
        rows = [
            ("fixed.pdf", "failed", 1),
            ("fixed.pdf", "parsed", 2),
            ("fixed.pdf", "parsed", 3),
            ("broken.pdf", "failed", 1),
            ("broke-later.pdf", "parsed", 1),
            ("broke-later.pdf", "failed", 2),
        ]
        for n, (name, status, hour) in enumerate(rows):
            old.objects.create(
                sha256=f"{n:064x}", name=name, size=1, status=status, seen_at=_at(hour)
            )
        migrate_to(AFTER)
        fixed = SourceFile.objects.get(name="fixed.pdf", status="failed")
        assert fixed.resolved_at == _at(2)
        assert sorted(s.name for s in failed_sources()) == ["broke-later.pdf", "broken.pdf"]
