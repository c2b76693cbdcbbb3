"""Every facet count is the number of letters its link finds, an active filter's included.
An active filter had listed its other values counted within its own results (with
`category=surgery`, "Pharmaceuticals 97": the surgery letters that also decide a drug), but
a value's link replaces the filter, and found every pharmaceutical letter (1,488). An
active filter now lists its own value alone, counted as the results are; clearing it shows
the others."""

import datetime as dt

import pytest

from openimr.decisions.search import search
from openimr.decisions.search_terms import FILTER_NAMES, parse
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    make_decision(
        specialties=("Pain Medicine", "Anesthesiology"),
        items=[
            item("Lumbar fusion", category="surgery", outcome="overturned", family="odg"),
            item("Tramadol", category="pharmaceuticals", outcome="upheld"),
        ],
    )
    make_decision(
        decided=dt.date(2017, 2, 1),
        priority="expedited",
        specialties=("Anesthesiology",),
        items=[item("Norco", category="pharmaceuticals", outcome="overturned")],
    )
    make_decision(items=[item("Ibuprofen", category="pharmaceuticals", family="acoem")])


ACTIVE = [
    {"category": "surgery"},
    {"outcome": "overturned"},
    {"specialty": "Pain Medicine"},
    {"specialty": "pain medicine"},
    {"family": "odg"},
    {"mtus_based": "no"},
    {"year": "2017"},
    {"priority": "expedited"},
    {"q": "lumbar", "category": "surgery", "specialty": "Anesthesiology"},
]


@pytest.mark.parametrize("active", ACTIVE)
def test_each_value_of_each_facet_counts_the_letters_its_link_finds(corpus, active):
    facets = search(parse(active)).facets
    for name in FILTER_NAMES:
        for value in facets.get(name, ()):
            found = search(parse({**active, name: value.value})).total
            assert value.count == found, (name, value)


@pytest.mark.parametrize("active", ACTIVE)
def test_an_active_filter_lists_its_own_value_alone_counted_as_the_results(corpus, active):
    results = search(parse(active))
    for name in set(active) - {"q"}:
        [value] = results.facets[name]
        assert value.value.lower() == active[name].lower()
        assert value.count == results.total


def test_the_api_lists_an_active_filters_own_value_alone(client, corpus):
    body = client.get("/api/v1/decisions", {"category": "surgery"}).json()
    assert body["facets"]["category"] == [{"value": "surgery", "count": 1}]
    assert {v["value"] for v in body["facets"]["outcome"]} == {"overturned"}


@pytest.mark.parametrize(
    ("params", "facet", "shown"),
    [
        ({"mtus_based": "true"}, "mtus_based", "MTUS-based"),
        ({"mtus_based": "0"}, "mtus_based", "Not MTUS-based"),
        ({"specialty": "PAIN MEDICINE"}, "specialty", "Pain Medicine"),
        ({"category": "Surgery"}, "category", "Surgery"),
    ],
)
def test_the_page_shows_an_active_filters_value_as_chosen_however_it_was_typed(
    client, corpus, params, facet, shown
):
    body = client.get("/decisions/", params).content.decode()
    section = body.split(f'id="facet-{facet}"')[1].split("</section>")[0]
    assert f"<strong>{shown}</strong>" in section
    assert "<a href" not in section.split("</h3>")[1]
