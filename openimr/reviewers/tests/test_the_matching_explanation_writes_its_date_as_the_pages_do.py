"""The timeline's "Why this choice" sentence prints the expected decision date as every
staff page prints a date (MM/DD/YYYY), not in ISO form; the date itself stays a date."""

import json
from datetime import date

from openimr.reviewers.domain.matching import match
from openimr.reviewers.index import PanelIndex
from openimr.reviewers.match_input import match_case_from_document
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.specialty_data import default_specialty_table
from openimr.reviewers.tests.builders import DATA, DEMO_PANEL, TODAY


def test_the_expected_decision_reads_month_day_year_in_the_sentence():
    panel = panel_from_json(DEMO_PANEL.read_text(encoding="utf-8"))
    case = match_case_from_document(
        json.loads((DATA / "case-for-matching.json").read_text(encoding="utf-8"))
    )
    index = PanelIndex(panel.values())
    top = match(case, index, index, default_specialty_table(), TODAY).ranked[0]
    assert top.expected_decision == date(2026, 11, 27)
    assert top.why.endswith("expected decision by 11/27/2026.")
    assert "2026-11-27" not in top.why
