"""Without words, a search lists the letters newest decision first, undated ones last,
however the corpus was filled. A filtered search had sorted by date only the 2,000 most
recently added matches (the ranked window), so a backlog of older letters ingested after
the newer ones filled the first pages ("outcome=upheld", newest first, opened on 2013
letters) and the 2016 letters came after them, on both databases. It now reads every
counted match in date order, and so does a search whose words are too common to rank."""

import datetime as dt

import pytest

from openimr.decisions import search_sql
from openimr.decisions.models import Decision
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

# Added in this order: the 2016 letters first, then a backlog of older ones.
ADDED = [
    ("CM16-0000001", dt.date(2016, 5, 2)),
    ("CM16-0000002", dt.date(2016, 9, 30)),
    ("CM16-0000003", dt.date(2016, 9, 30)),
    ("CM13-0000004", dt.date(2013, 11, 4)),
    ("CM14-0000005", None),
    ("CM13-0000006", dt.date(2013, 12, 1)),
    ("CM14-0000007", dt.date(2014, 1, 15)),
]
NEWEST_FIRST = [
    "CM16-0000003",
    "CM16-0000002",
    "CM16-0000001",
    "CM14-0000007",
    "CM13-0000006",
    "CM13-0000004",
    "CM14-0000005",
]


@pytest.fixture
def backlog(monkeypatch) -> None:
    # Two ranked, as if the corpus held thousands: the window is smaller than the matches.
    monkeypatch.setattr(search_sql, "RANK_WINDOW", 2)
    for number, decided in ADDED:
        letter = make_decision(case_number=number, decided=decided or dt.date(2014, 3, 3))
        if decided is None:
            Decision.objects.filter(pk=letter.pk).update(decision_date=None)


def listed(**params: str) -> list[str]:
    found = []
    for page in (1, 2, 3):
        hits = search(parse({**params, "per_page": "3", "page": str(page)})).hits
        found += [hit.case_number for hit in hits]
    return found


@pytest.mark.parametrize(
    "params", [{"outcome": "upheld"}, {"priority": "standard", "category": "rehabilitation"}]
)
def test_a_filter_alone_lists_newest_decision_first_across_every_page(backlog, params):
    assert listed(**params) == NEWEST_FIRST


@pytest.mark.parametrize(
    ("year", "expected"),
    [("2013", ["CM13-0000006", "CM13-0000004"]), ("2016", NEWEST_FIRST[:3]), ("2015", [])],
)
def test_a_year_lists_its_letters_newest_decision_first(backlog, year, expected):
    assert listed(year=year) == expected


def test_the_page_and_the_api_open_on_the_latest_decided(client, backlog):
    body = client.get("/decisions/", {"outcome": "upheld", "per_page": "2"}).content.decode()
    assert body.index("CM16-0000003") < body.index("CM16-0000002")
    assert "CM13-" not in body
    data = client.get("/api/v1/decisions", {"outcome": "upheld", "per_page": "2"}).json()
    assert [h["case_number"] for h in data["results"]] == NEWEST_FIRST[:2]


def test_a_search_of_words_too_common_to_rank_lists_newest_first(backlog, monkeypatch):
    from openimr.decisions import search as module

    monkeypatch.setattr(module, "COUNT_CAP", 5)  # more matches than counted: no ranking
    numbers = [h.case_number for h in search(parse({"q": "back pain", "per_page": "3"})).hits]
    # The five most recently added (the counted ones), newest decision first.
    assert numbers == ["CM16-0000003", "CM14-0000007", "CM13-0000006"]
