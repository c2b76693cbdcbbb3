"""Two intake batches (two app servers on one PostgreSQL) that carry the same UR decision
PDFs in opposite order both commit. Each stored file is held by an advisory lock until its
batch commits; taken as each file was written, batch A held file 1 and waited for file 2
while batch B held file 2 and waited for file 1, and PostgreSQL ended one with "deadlock
detected". The locks are now taken all at once, in the files' order, before anything is
written. Batches filed in the same year had been kept apart by the case-number counter's
row lock; batches on either side of New Year's midnight (two counters) were not."""

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from conftest import make_pdf
from openimr.cases.models import Application
from openimr.cases.tests.intake_racing import racer

RACER = "openimr.cases.tests.intake_racing"

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite admits one writer at a time: no deadlock"
)
RACE_SECONDS = 60
YEARS = {
    "the same year": (
        datetime(2024, 12, 30, 18, tzinfo=UTC),
        datetime(2024, 12, 30, 18, tzinfo=UTC),
    ),
    "either side of New Year": (
        datetime(2024, 12, 31, 18, tzinfo=UTC),
        datetime(2025, 1, 1, 18, tzinfo=UTC),
    ),
}


def _batch(folder: Path, role: str, at: datetime, docs: list[dict]) -> Path:
    path = folder / f"{role}.json"
    path.write_text(json.dumps({"at": at.isoformat(), "applications": docs}), encoding="utf-8")
    return path


@pytest.mark.parametrize("years", list(YEARS))
@pytest.mark.django_db(transaction=True)
def test_two_batches_of_the_same_ur_pdfs_in_opposite_order_both_commit(
    application_doc, tmp_path, years
):
    docs = []
    for claim in ("RACE-1", "RACE-2"):
        pdf = make_pdf(f"Utilization Review Determination for claim {claim}: not certified.")
        upload = {"filename": "ur.pdf", "content_base64": base64.b64encode(pdf).decode()}
        docs.append(dict(application_doc, claim_number=claim, ur_decision_document=upload))
    first_at, second_at = YEARS[years]
    racers = [
        racer(RACER, "a", "b", _batch(tmp_path, "a", first_at, docs), tmp_path),
        racer(RACER, "b", "a", _batch(tmp_path, "b", second_at, docs[::-1]), tmp_path),
    ]
    results = [json.loads(p.communicate(timeout=RACE_SECONDS)[0].splitlines()[-1]) for p in racers]

    assert [sorted(r) for r in results] == [["cases"], ["cases"]], results
    assert Application.objects.count() == 4
    stored = sorted(p for p in (Path(settings.MEDIA_ROOT) / "ur-decisions").iterdir())
    assert len(stored) == 2
