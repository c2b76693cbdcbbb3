"""A reviewer reads the precedents as they expect: the letters on the same treatment and the
case's condition first, then the rest of the cohort, then similar text, each newest decision
date first, whatever order the letters were added to the corpus in (an import of old
letters after new ones). A letter published without a case number or a date (a demo letter,
"UNNUMBERED-" and a hash) reads "Unnumbered letter", "date not stated", not the hash."""

import datetime as dt

import pytest
from django.template.loader import render_to_string

from openimr.decisions.models import Decision
from openimr.decisions.precedents import MIN_COHORT, precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

KNEE = "M17.11 Unilateral primary osteoarthritis, right knee"


def _case(diagnoses=(KNEE,)) -> dict:
    return {
        "case_number": "CM26-0000001",
        "diagnoses": list(diagnoses),
        "clinical_summary": "Injured lifting boxes.",
        "items": [{"treatment": "Naproxen 550mg #60", "category": "pharmaceuticals"}],
    }


def _letter(day: str, summary: str = "Low back pain after lifting.") -> str:
    decided = dt.date.fromisoformat(day)
    found = make_decision(
        items=[item("Naproxen 550mg #90", category="pharmaceuticals")],
        decided=decided,
        summary=summary,
    )
    return found.case_number


def test_each_match_is_listed_newest_decision_first_whatever_order_added():
    # Added in this order: a 2014 letter came in after the 2016 ones (a late import).
    back_2016 = _letter("2016-05-02")
    knee_2015 = _letter("2015-01-20", "Osteoarthritis of the right knee.")
    back_2017 = _letter("2017-02-11")
    knee_2016 = _letter("2016-09-30", "Right knee osteoarthritis, primary.")
    back_2014 = _letter("2014-07-07")
    [found] = precedents_for_case(_case())
    listed = [(p.case_number, p.match) for p in found.decisions]
    condition, treatment = "treatment and condition", "treatment"
    assert listed == [
        (knee_2016, condition),
        (knee_2015, condition),
        (back_2017, treatment),
        (back_2016, treatment),
        (back_2014, treatment),
    ]


def test_a_letter_without_a_number_or_a_date_reads_as_such():
    dated = _letter("2016-05-02")
    bare = make_decision(
        case_number="UNNUMBERED-3F9A0C1B2D4E",
        items=[item("Naproxen 500mg #60", category="pharmaceuticals")],
    )
    Decision.objects.filter(pk=bare.pk).update(decision_date=None, year=None)
    [found] = precedents_for_case(_case(diagnoses=()))
    assert [p.case_number for p in found.decisions] == [dated, bare.case_number]
    assert [p.label for p in found.decisions] == [dated, "Unnumbered letter"]
    html = " ".join(
        render_to_string(
            "decisions/_precedents.html",
            {"precedents": [(1, found)], "precedent_min": MIN_COHORT, "precedent_window": 5000},
        ).split()
    )
    assert "Unnumbered letter</a> date not stated" in html
    assert f"{dated}</a> 05/02/2016" in html
    assert "3F9A0C1B2D4E</a>" not in html and "undated" not in html
    assert f'href="/decisions/{bare.case_number}/"' in html or bare.case_number in html
