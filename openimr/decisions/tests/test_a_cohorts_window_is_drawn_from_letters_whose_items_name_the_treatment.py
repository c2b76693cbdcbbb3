"""A cohort is drawn from the newest letters naming the treatment (at most WINDOW of them):
letters naming it in their items, not those that mention it only in the case summary ("has
had physical therapy" is history, not the request). Where the summary counted, a full
window of such letters left out older letters that did request it."""

import pytest
from django.template.loader import render_to_string

from openimr.decisions import precedents
from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


def test_letters_mentioning_the_treatment_only_in_the_summary_do_not_fill_the_window(
    monkeypatch,
):
    monkeypatch.setattr(precedents, "WINDOW", 3)
    requested = make_decision(items=[item("Physical therapy 2x6")])
    for _ in range(3):
        make_decision(
            summary="She has had physical therapy and acupuncture without lasting relief.",
            items=[item("MRI of the lumbar spine", category="diagnostics")],
        )
    [found] = precedents_for_case(
        {"items": [{"treatment": "Physical therapy x 8", "category": "rehabilitation"}]}
    )
    assert (found.cohort_size, found.window_full) == (1, False)
    assert found.decisions[0].case_number == requested.case_number


def test_a_full_window_says_which_letters_the_cohort_covers():
    item_ = precedents.ItemPrecedents("Physical therapy", "rehabilitation", 900, 90, (), True)
    context = {"precedents": [(1, item_)], "precedent_min": 20, "precedent_window": 5000}
    panel = render_to_string("decisions/_precedents.html", context)
    assert "(in the 5,000 newest letters whose items name it)" in panel
