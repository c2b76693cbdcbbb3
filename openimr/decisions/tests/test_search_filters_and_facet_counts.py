"""Filters narrow the results (all item filters on the same item) and each filter's values
are counted over the current result set, each as many letters as its link finds."""

import datetime as dt

import pytest

from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    make_decision(
        case_number="CM14-0000001",
        decided=dt.date(2014, 5, 1),
        priority="expedited",
        specialties=("Pain Medicine",),
        items=[item("Tramadol", category="pharmaceuticals", outcome="overturned", family="odg")],
    )
    make_decision(
        case_number="CM16-0000002",
        items=[
            item("Norco", category="pharmaceuticals", outcome="upheld", family="mtus"),
            item("Knee MRI", category="diagnostics", outcome="overturned", family="acoem"),
        ],
    )
    make_decision(case_number="CM16-0000003", items=[item(outcome="upheld", family="other")])


def numbers(**params: str) -> list[str]:
    return sorted(h.case_number for h in search(parse(params)).hits)


def test_each_filter_narrows_the_results(corpus):
    assert numbers(outcome="overturned") == ["CM14-0000001", "CM16-0000002"]
    assert numbers(category="diagnostics") == ["CM16-0000002"]
    assert numbers(specialty="Pain Medicine") == ["CM14-0000001"]
    assert numbers(family="acoem") == ["CM16-0000002"]
    assert numbers(family="other") == ["CM16-0000003"]
    assert numbers(mtus_based="no") == ["CM14-0000001", "CM16-0000002", "CM16-0000003"]
    assert numbers(mtus_based="yes") == ["CM16-0000002"]
    assert numbers(year="2014") == ["CM14-0000001"]
    assert numbers(priority="expedited") == ["CM14-0000001"]


def test_item_filters_must_hold_for_the_same_item(corpus):
    # CM16-0000002 has an overturned item and a pharmaceutical item, but not one item both.
    assert numbers(outcome="overturned", category="pharmaceuticals") == ["CM14-0000001"]
    assert numbers(outcome="upheld", family="mtus") == ["CM16-0000002"]
    assert numbers(outcome="overturned", family="mtus") == []


def test_filters_combine_with_words(corpus):
    assert numbers(q="norco", outcome="overturned") == ["CM16-0000002"]
    assert numbers(q="norco", year="2014") == []


def test_facets_count_decisions_per_value_over_the_results(corpus):
    facets = search(parse({"category": "pharmaceuticals"})).facets
    # The active filter lists its own value alone (another value's link replaces it).
    assert {v.value: v.count for v in facets["category"]} == {"pharmaceuticals": 2}
    # Item values are counted on the items that pass the other item filters: CM16-0000002's
    # overturned item is its knee MRI, not a pharmaceutical, so it is not counted here.
    assert {v.value: v.count for v in facets["outcome"]} == {"overturned": 1, "upheld": 1}
    assert {v.value: v.count for v in facets["year"]} == {"2016": 1, "2014": 1}
    assert {v.value: v.count for v in facets["family"]} == {"odg": 1, "mtus": 1}
    assert {v.value: v.count for v in facets["priority"]} == {"expedited": 1, "standard": 1}


def test_a_search_without_facets_skips_them_but_counts_the_total(corpus):
    results = search(parse({"outcome": "upheld"}), facets=False)
    assert results.facets == {} and results.total == 2


@pytest.mark.parametrize(
    "active",
    [{}, {"category": "pharmaceuticals"}, {"outcome": "overturned"}, {"family": "mtus"}],
)
def test_each_facet_value_counts_the_letters_its_link_finds(corpus, active):
    facets = search(parse(active)).facets
    for name in ("outcome", "category", "family", "mtus_based"):
        for value in facets.get(name, ()):
            found = search(parse({**active, name: value.value})).total
            assert value.count == found, (active, name, value)
