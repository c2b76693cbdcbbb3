"""Migration 0008 writes SQLite's filter tags with a cheaper expression: the index rows of a
batch (the store's own index statement) and of every other writer (the triggers) hold the
same tags, word for word and space for space, as 0004's expression gives for the same
rows, for items with every outcome, basis and combination of guideline families."""

import importlib
import itertools
from typing import Any

import pytest
from django.db import connection

from openimr.decisions.models import Decision, Source
from openimr.decisions.services import DecisionRows, SourceRead, decision_rows, sources_store

pytestmark = pytest.mark.django_db

_0004 = importlib.import_module("openimr.decisions.migrations.0004_search_tags_everywhere")
FAMILIES = ("mtus", "acoem", "odg", "other")
CATEGORIES = ("pharmaceuticals", "rehabilitation", "dmepos")


def _item(position: int, outcome: str, mtus: bool, families: tuple[str, ...]) -> dict[str, Any]:
    return {
        "position": position,
        "treatment": f"Treatment {position}",
        "category": CATEGORIES[position % len(CATEGORIES)],
        "outcome": outcome,
        "mtus_based": mtus,
        **{f"cites_{family}": family in families for family in FAMILIES},
        "rationale": "",
    }


def _combinations() -> list[tuple[str, bool, tuple[str, ...]]]:
    families = [c for n in range(5) for c in itertools.combinations(FAMILIES, n)]
    return list(itertools.product(("upheld", "overturned", ""), (True, False), families))


def _reads() -> list[SourceRead]:
    """Letters of one to four items each, every combination once, and one with none."""
    combos, reads, sizes = _combinations(), [], itertools.cycle((1, 3, 2, 4))
    while combos:
        size = next(sizes)
        taken, combos = combos[:size], combos[size:]
        reads.append(_read(len(reads), [_item(n, *c) for n, c in enumerate(taken)]))
    return [*reads, _read(len(reads), [])]


def _read(n: int, items: list[dict[str, Any]]) -> SourceRead:
    number = f"CM17-{n:07d}"
    document = {
        "case_number": number,
        "priority": ("standard", "expedited", "")[n % 3],
        "dates": {"decision": "2017-05-02"} if n % 4 else {},
        "reviewer": {"specialties": ["Pain Medicine", "Internal Medicine"][: n % 3]},
        "clinical_summary": f"Letter {n}.",
    }
    rows = decision_rows(
        document=document, source=Source.PUBLISHED, layout="test", content_sha256=number
    )
    rows = DecisionRows(rows.columns, items, rows.specialties)
    return SourceRead(f"{number}.txt", f"{number:0>64}", 100, "test", rows=rows)


def _tags_pairs() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT s.tags, {_0004.SQLITE_TAGS.format(d='d')} FROM decisions_decision d "
            "JOIN decisions_search s ON s.rowid = d.id ORDER BY d.id"
        )
        return cursor.fetchall()


@pytest.fixture(autouse=True)
def _sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's tags are 0004's own expression")


def test_a_batch_indexes_the_tags_0004_spelled_out():
    reads = _reads()
    sources_store(reads=reads, actor="test")
    pairs = _tags_pairs()
    assert len(pairs) == len(reads) == 40
    assert [written for written, _ in pairs] == [expected for _, expected in pairs]
    assert any("it_oupheld_myes_fodg" in written for written, _ in pairs)


def test_the_triggers_rewrite_the_same_tags_on_any_change():
    sources_store(reads=_reads(), actor="test")
    batch = _tags_pairs()
    Decision.objects.update(clinical_summary="Changed.")  # every row rewritten by trigger
    pairs = _tags_pairs()
    assert [written for written, _ in pairs] == [expected for _, expected in pairs]
    assert pairs == batch
