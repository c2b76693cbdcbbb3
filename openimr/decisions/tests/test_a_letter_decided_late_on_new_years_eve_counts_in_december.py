"""A determination made at 11:30 pm on 31 December in California (already 1 January in UTC)
is published with California's date, and the statistics count it in December and in that
year, as the law counts days in local dates (openimr.core.clock.local_date); nothing on
the way re-reads the instant in UTC."""

import json
from pathlib import Path

import pytest
import time_machine
from django.core.cache import cache

from openimr.cases import services as cases
from openimr.cases.intake_schema import parse_application
from openimr.cli import main
from openimr.core.case import Decision as Outcome
from openimr.decisions import analytics
from openimr.decisions.models import Decision
from openimr.letters.services import letter_issue
from openimr.reviewers import services as reviewers
from openimr.reviewers.panel_format import panel_from_json

pytestmark = pytest.mark.django_db(transaction=True)
DEMO_PANEL = Path(__file__).resolve().parents[2] / "demo" / "panel.json"
NEW_YEARS_EVE_LATE = "2027-01-01 07:30Z"  # 23:30 on 31 December 2026 in California


@pytest.fixture
def published(application_doc) -> None:
    for reviewer in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        reviewers.reviewer_store(reviewer=reviewer, actor="test")
    with time_machine.travel("2026-12-14 17:00Z", tick=False):
        doc = application_doc
        doc["ur_decision"]["date"], doc["signature"]["date"] = "2026-12-01", "2026-12-10"
        row = cases.application_submit(
            form=parse_application(doc), via="api", actor="portal", client="portal"
        ).application.case
        cases.case_assign(row=row, actor="clerk")
        cases.case_records_complete(row=row, actor="clerk")
        [assignment] = reviewers.reviewer_assign(case_number=row.case_number, actor="clerk")
        reviewers.assignment_attest(
            assignment_id=assignment.pk, actor="reviewer", no_conflict=True, statement=""
        )
        row.refresh_from_db()
        cases.case_begin_review(row=row, actor="reviewer")
    with time_machine.travel(NEW_YEARS_EVE_LATE, tick=False):
        decided = [(Outcome.OVERTURNED, "Findings support it."), (Outcome.UPHELD, "Too many.")]
        cases.case_submit_decision(row=row, actor="reviewer", decisions=decided)
        letter_issue(case_number=row.case_number, actor="qa")
    cache.clear()


def test_the_decision_is_counted_in_december(published, capsys):
    (decision,) = Decision.objects.all()
    assert (decision.decision_date.isoformat(), decision.year) == ("2026-12-31", 2026)
    assert [(t.key, t.count) for t in analytics.letters_per_month()] == [("2026-12", 1)]
    assert main(["corpus", "stats", "--by", "year", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [(r["key"], r["count"]) for r in rows] == [("2026", 2)]
