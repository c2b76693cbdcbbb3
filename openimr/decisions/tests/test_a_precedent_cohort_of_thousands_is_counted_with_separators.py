"""The precedent panel prints a cohort's size and its overturned count grouped by thousands,
as its window and the other pages' counts are: a common treatment's cohort read "1234
decided items ... 1001 overturned" beside "the 5,000 newest letters"."""

from django.template.loader import render_to_string


def test_a_cohort_of_thousands_and_its_overturned_count_are_grouped():
    cohort = {
        "treatment": "Physical therapy",
        "cohort_size": 1234,
        "regions": [],
        "window_full": True,
        "rate": 0.81,
        "overturned": 1001,
        "percent": 81,
        "decisions": [],
    }
    context = {"precedents": [(1, cohort)], "precedent_min": 10, "precedent_window": 5000}
    html = render_to_string("decisions/_precedents.html", context)
    assert '<strong class="cohort-size">1,234</strong> decided items' in html
    assert "1,001 overturned (81%)" in html
    assert "the 5,000 newest letters" in html
