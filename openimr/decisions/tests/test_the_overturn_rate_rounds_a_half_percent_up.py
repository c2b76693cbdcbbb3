"""The precedent panel's overturn rate is a whole percent, rounded half up as people read a
percentage: 5 of 40 overturned (12.5%) reads 13%, as 15 of 40 (37.5%) reads 38%; Django's
``widthratio`` rounds halves to even and showed 12% and 38%."""

import pytest
from django.template.loader import render_to_string

from openimr.decisions.precedents import MIN_COHORT, ItemPrecedents


def _panel(decided: int, overturned: int) -> str:
    item = ItemPrecedents("Acupuncture x 6", "acupuncture", decided, overturned, ())
    context = {"precedents": [(1, item)], "precedent_min": MIN_COHORT, "precedent_window": 5000}
    return render_to_string("decisions/_precedents.html", context)


@pytest.mark.parametrize(
    ("decided", "overturned", "shown"),
    [
        (40, 5, "13%"),
        (40, 15, "38%"),
        (40, 1, "3%"),
        (200, 1, "1%"),
        (21, 7, "33%"),
        (20, 20, "100%"),
    ],
)
def test_the_panel_shows_the_rate_rounded_half_up(decided, overturned, shown):
    assert f"{overturned} overturned ({shown})" in _panel(decided, overturned)


def test_a_cohort_below_the_floor_shows_no_percent():
    item = ItemPrecedents("Acupuncture x 6", "acupuncture", MIN_COHORT - 1, 5, ())
    assert item.percent is None
    assert "no rate" in _panel(MIN_COHORT - 1, 5)
