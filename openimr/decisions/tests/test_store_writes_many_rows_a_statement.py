"""The store writes a batch's items, specialties and source files many rows to an INSERT on
SQLite (``openimr.core.db``), not one statement a row: every row still arrives, with its own
columns, in the search index too, and a row the database refuses fails the whole batch."""

import math

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from openimr.core.db import values_insert
from openimr.decisions.models import Decision, DecisionItem, DecisionSpecialty, Source
from openimr.decisions.search import search
from openimr.decisions.search_terms import SearchQuery
from openimr.decisions.services import decision_rows, decisions_store

pytestmark = pytest.mark.django_db

LETTERS = 120  # 360 items of 12 columns: several statements at 999 parameters each


def _document(n: int) -> dict:
    return {
        "schema": "openimr.case/1",
        "case_number": f"CM17-{n:07d}",
        "dates": {"decision": "2017-05-02"},
        "reviewer": {"specialties": ["Pain Medicine", f"Specialty {n}"]},
        "clinical_summary": f"Letter {n}.",
        "items": [
            {"treatment": f"Treatment {n}-{k}", "decision": "upheld", "rationale": f"rx{n}x{k}"}
            for k in range(3)
        ],
    }


def _stored_batch() -> list[int]:
    rows = [
        decision_rows(
            document=_document(n),
            source=Source.PUBLISHED,
            layout="fdl-2016",
            content_sha256=f"{n:064d}",
        )
        for n in range(LETTERS)
    ]
    return decisions_store(rows)


def test_every_item_and_specialty_of_a_large_batch_is_stored_with_its_own_columns():
    keys = _stored_batch()
    numbers = dict(Decision.objects.filter(pk__in=keys).values_list("pk", "case_number"))
    items = DecisionItem.objects.filter(decision__in=keys)
    assert sorted((numbers[i.decision_id], i.position, i.treatment) for i in items) == [
        (f"CM17-{n:07d}", k, f"Treatment {n}-{k}") for n in range(LETTERS) for k in range(3)
    ]
    specialties = DecisionSpecialty.objects.filter(decision__in=keys)
    assert sorted((numbers[s.decision_id], s.specialty) for s in specialties) == sorted(
        (f"CM17-{n:07d}", name)
        for n in range(LETTERS)
        for name in ("Pain Medicine", f"Specialty {n}")
    )
    # The index holds each letter's own items: a rationale's word finds its letter alone.
    assert [h.case_number for h in search(SearchQuery(text="rx57x2")).hits] == ["CM17-0000057"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL writes rows by COPY")
def test_sqlite_writes_the_items_in_a_few_statements_not_one_a_row():
    with CaptureQueriesContext(connection) as queries:
        _stored_batch()
    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "decisions_decisionitem"')]
    width = len([f for f in DecisionItem._meta.concrete_fields if not f.primary_key])
    rows_a_statement = connection.features.max_query_params // width
    assert len(inserts) == math.ceil(LETTERS * 3 / rows_a_statement) > 1


def test_a_row_the_database_refuses_fails_the_whole_insert():
    [key] = _stored_batch()[:1]
    DecisionItem.objects.filter(decision_id=key).delete()
    rows = [
        {"decision_id": key, "position": n, "treatment": "x", "category": "other"}
        for n in range(200)
    ]
    rows[150]["position"] = 3  # a second item at position 3: item_position_once refuses it
    with pytest.raises(IntegrityError), transaction.atomic():
        values_insert(DecisionItem, rows)
    assert not DecisionItem.objects.filter(decision_id=key).exists()
