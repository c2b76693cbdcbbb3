"""Two intake batches (two app servers on one PostgreSQL) whose filings cross New Year in
opposite orders both commit, each case number given once. Each year has its own
case-number counter row, locked until the batch commits; bumped in filing order, batch A
(December 31, then January 1) held the old year's counter and waited for the new year's
while batch B (January 1, then December 31) held the new year's and waited for the old
one's, and PostgreSQL ended one with "deadlock detected". The counters are now taken all
at once, in the years' order, before any is bumped."""

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.db import connection

from conftest import make_pdf
from openimr.cases.models import Application, CaseNumberCounter
from openimr.cases.tests.intake_racing import racer

RACER = "openimr.cases.tests.counter_racing"

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite admits one writer at a time: no deadlock"
)
RACE_SECONDS = 60
OLD_YEAR = datetime(2024, 12, 31, 18, tzinfo=UTC)  # 10 a.m. in California
NEW_YEAR = datetime(2025, 1, 2, 18, tzinfo=UTC)


def _with_ur(doc: dict, batch: str) -> dict:
    # A UR decision PDF of each batch's own: batches sharing a file wait for each other at
    # its lock (files_held) before they reach the counters.
    text = f"Utilization Review Determination for claim {doc['claim_number']}, batch {batch}."
    upload = {"filename": "ur.pdf", "content_base64": base64.b64encode(make_pdf(text)).decode()}
    return dict(doc, ur_decision_document=upload)


def _batch(folder: Path, role: str, filed: list[tuple[datetime, dict]]) -> Path:
    path = folder / f"{role}.json"
    given = [{"at": at.isoformat(), "application": doc} for at, doc in filed]
    path.write_text(json.dumps(given), encoding="utf-8")
    return path


@pytest.mark.django_db(transaction=True)
def test_two_batches_across_new_year_in_opposite_order_both_commit(application_doc, tmp_path):
    # Both years' counters exist, as they do after the first filing of each year.
    CaseNumberCounter.objects.create(prefix="CM24-", last=41)
    CaseNumberCounter.objects.create(prefix="CM25-", last=7)
    old, new = (dict(application_doc, claim_number=c) for c in ("RACE-OLD", "RACE-NEW"))
    a = [(OLD_YEAR, _with_ur(old, "a")), (NEW_YEAR, _with_ur(new, "a"))]
    b = [(NEW_YEAR, _with_ur(new, "b")), (OLD_YEAR, _with_ur(old, "b"))]
    racers = [
        racer(RACER, "a", "b", _batch(tmp_path, "a", a), tmp_path),
        racer(RACER, "b", "a", _batch(tmp_path, "b", b), tmp_path),
    ]
    results = [json.loads(p.communicate(timeout=RACE_SECONDS)[0].splitlines()[-1]) for p in racers]

    assert [sorted(r) for r in results] == [["cases"], ["cases"]], results
    numbers = [n for r in results for n in r["cases"]]
    # Each batch's numbers in its filing order, each year's counter bumped twice.
    assert [n[:5] for n in results[0]["cases"]] == ["CM24-", "CM25-"]
    assert [n[:5] for n in results[1]["cases"]] == ["CM25-", "CM24-"]
    assert sorted(numbers) == ["CM24-0000042", "CM24-0000043", "CM25-0000008", "CM25-0000009"]
    assert Application.objects.count() == 4
    assert dict(CaseNumberCounter.objects.values_list("prefix", "last")) == {
        "CM24-": 43,
        "CM25-": 9,
    }
