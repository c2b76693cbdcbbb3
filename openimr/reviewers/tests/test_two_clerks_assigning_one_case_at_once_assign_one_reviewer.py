"""Two intake clerks press "Assign a reviewer" on the same case a moment apart (two app
servers, two processes, one database). The assignment asked whether the case already had a
reviewer without holding the case, so on PostgreSQL both clerks read "none", both matched,
and the case got two reviewers for the same items, each asked to attest and each later
deciding them: the IMRO designates one expert reviewer for a case (LC 139.5(d);
8 CCR 9792.10.6), and two proposals also took two weekly slots of the panel. The
assignment now holds the case's row while it asks and writes: the second clerk waits for
the first and is told the case already has a reviewer. On SQLite and PostgreSQL."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cases.tests.intake_racing import database_back, database_url, racer
from openimr.reviewers import models, services
from openimr.reviewers.panel_format import panel_from_json

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[3]
CASE = "CM26-0000001"
AT = datetime(2026, 11, 26, 18, tzinfo=UTC)
RACE_SECONDS = 90


def stored_panel_and_case(number: str) -> None:
    """The demo panel (when not stored yet) and an eligible case numbered ``number``."""
    if not models.Reviewer.objects.exists():
        panel = (ROOT / "openimr" / "demo" / "panel.json").read_text(encoding="utf-8")
        for reviewer in panel_from_json(panel).values():
            services.reviewer_store(reviewer=reviewer, actor="test")
    doc = json.loads((ROOT / "tests" / "data" / "case-for-matching.json").read_text("utf-8"))
    doc["case_number"], doc["dates"]["decision"] = number, None
    for item in doc["items"]:
        item.update(decision=None, rationale=None)
    case_import(case=case_from_document(doc), actor="test")


@pytest.fixture
def assignable_case() -> None:
    stored_panel_and_case(CASE)


def two_clerks(folder: Path, cases: dict[str, str], waits_in: str = "services") -> list[dict]:
    """What each clerk printed, assigning ``cases[clerk]`` at the same moment."""
    path = folder / "race.json"
    given = {"cases": cases, "at": AT.isoformat(), "waits_in": waits_in}
    path.write_text(json.dumps(given), encoding="utf-8")
    url = database_url(folder)
    module = "openimr.reviewers.tests.assign_racing"
    clerks = [
        racer(module, role, other, path, folder, url=url)
        for role, other in (("clerk-a", "clerk-b"), ("clerk-b", "clerk-a"))
    ]
    said = [json.loads(c.communicate(timeout=RACE_SECONDS)[0].splitlines()[-1]) for c in clerks]
    database_back(folder)
    return said


def test_two_clerks_assigning_one_case_at_once_assign_one_reviewer(tmp_path, assignable_case):
    said = two_clerks(tmp_path, {"clerk-a": CASE, "clerk-b": CASE})

    assert sorted(next(iter(s)) for s in said) == ["done", "refused"], said
    [refused] = [s["refused"] for s in said if "refused" in s]
    assert f"case {CASE} already has a reviewer" in refused
    rows = models.Assignment.objects.filter(case__case_number=CASE)
    [done] = [s["done"] for s in said if "done" in s]
    assert [r.reviewer.reviewer_id for r in rows] == done
    assert all(r.status == models.Assignment.PROPOSED for r in rows)
