"""A screen reader user hears what a statistics chart shows, not only its name: each chart
(an image named by its title) is described by one visible sentence under it, with the
highest and lowest values and the span of months, as a sighted reader takes them from the
bars (WCAG 1.1.1). Before, it heard the title twice and had to open the data table and read
every row to learn that any category stood out."""

import datetime as dt

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import item, make_decision
from tests.a11y_html import Page, parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_report() -> None:
    cache.clear()


@pytest.fixture
def analytics(client) -> Page:
    # Injections: 20 of 40 overturned (50%); surgery 10 of 50 (20%); rehabilitation 0 of 1,
    # too few for a rate (domain/cohort.py), so neither the highest nor the lowest.
    plan = [("injections", 20, 40), ("surgery", 10, 50), ("rehabilitation", 0, 1)]
    month = iter([dt.date(2016, 1, 5), dt.date(2016, 3, 9), dt.date(2016, 3, 20)])
    for category, overturned, count in plan:
        outcomes = ["overturned"] * overturned + ["upheld"] * (count - overturned)
        items = [item(f"T{n}", category=category, outcome=o) for n, o in enumerate(outcomes)]
        make_decision(items=items, decided=next(month))
    return parse(client.get("/decisions/analytics/").content.decode())


def _description(page: Page, chart: str) -> str:
    section = page.by_id(f"chart-{chart}")
    assert section is not None
    (svg,) = [e for e in page.all("svg") if f"chart-{chart}" in _ids_around(page, e)]
    described = page.by_id(svg.attrs.get("aria-describedby", ""))
    assert described is not None, f"the {chart} chart is described by nothing"
    return text(described)


def _ids_around(page: Page, svg) -> str:
    index = page.elements.index(svg)
    sections = [e for e in page.elements[:index] if e.tag == "section"]
    return sections[-1].attrs.get("id", "") if sections else ""


def test_a_rate_chart_is_described_by_its_highest_and_lowest_rate(analytics):
    assert _description(analytics, "category") == (
        "Highest overturn rate: Injections, 50.0% of 40 items decided. "
        "Lowest: Surgery, 20.0% of 50."
    )


def test_a_monthly_tally_is_described_by_its_span_and_its_busiest_month(analytics):
    assert _description(analytics, "letters") == (
        "3 letters from 2016-01 to 2016-03. Most in 2016-03: 2. Fewest in 2016-02: 0."
    )


def test_the_rate_over_time_is_described_by_its_first_last_and_extremes(analytics):
    assert _description(analytics, "over_time") == (
        "From 50.0% in 2016-01 to 19.6% in 2016-03. "
        "Highest 50.0% in 2016-01; lowest 19.6% in 2016-03."
    )


def test_every_drawn_chart_has_a_description(analytics):
    for chart in ("letters", "category", "family", "specialty", "over_time"):
        assert _description(analytics, chart)


def test_the_specialty_charts_sentence_names_only_the_specialties_it_draws(client):
    # Fifteen specialties with 21 items each are drawn; a sixteenth with 20, all overturned,
    # is in the table only, and would have been read out as the highest.
    for n in range(15):
        outcomes = ["overturned"] * (10 if n == 3 else 0) + ["upheld"] * (
            21 - (10 if n == 3 else 0)
        )
        items = [item(f"T{k}", outcome=o) for k, o in enumerate(outcomes)]
        make_decision(items=items, specialties=(f"Specialty {n:02d}",))
    make_decision(items=[item(outcome="overturned")] * 20, specialties=("Rare Specialty",))
    page = parse(client.get("/decisions/analytics/").content.decode())
    assert _description(page, "specialty") == (
        "Highest overturn rate: Specialty 03, 47.6% of 21 items decided. "
        "Lowest: Specialty 00, 0.0% of 21."
    )


def test_a_chart_with_too_few_items_for_any_rate_says_so(client):
    make_decision(items=[item(outcome="overturned")], specialties=("Neurology",))
    page = parse(client.get("/decisions/analytics/").content.decode())
    assert _description(page, "specialty") == (
        "No overturn rate shown: every row has fewer than 20 decided items."
    )
    assert _description(page, "over_time") == (
        "No overturn rate shown: every month has fewer than 20 decided items."
    )


def test_each_data_tables_disclosure_names_its_chart(analytics):
    # Six buttons all named "Data table" told a screen reader user, moving from control to
    # control, nothing of which chart's table each one opens (WCAG 2.4.6), as the CSV links
    # once did.
    names = [text(s) for s in analytics.all("summary")]
    assert names[0] == "Data table “Final Determination Letters per month”"
    assert len(set(names)) == len(names) == 6
