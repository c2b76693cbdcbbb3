"""Each chart's CSV opens in a spreadsheet as the page shows it: UTF-8 with a byte-order
mark (Excel reads a CSV without one in the legacy code page, and "Médecine physique" came
out as "MÃ©decine physique"), numbers as bare numbers, and a file name saying what it holds
and the California day its figures were taken (every file had been "imr-<chart>.csv", so two
days' downloads of one chart overwrote each other and "imr-over_time.csv" said little)."""

import csv
import datetime as dt
import io
from unittest import mock

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

# 23:30 on 27 November in California is already the 28th in UTC.
EVENING = dt.datetime(2026, 11, 28, 7, 30, tzinfo=dt.UTC)


@pytest.fixture
def corpus() -> None:
    cache.clear()
    make_decision(
        decided=dt.date(2016, 1, 20),
        specialties=("Médecine physique",),
        items=[item(outcome="overturned")] + [item(outcome="upheld")] * 19,
    )


def test_the_csv_starts_with_a_byte_order_mark_and_reads_back_in_utf8(client, corpus):
    raw = client.get("/decisions/analytics/specialty.csv").content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [
        ["specialty", "count", "overturned", "rate"],
        ["Médecine physique", "20", "1", "0.0500"],
    ]


@pytest.mark.parametrize(
    ("chart", "first"),
    [("category", "category"), ("family", "family"), ("specialty", "specialty"),
     ("over_time", "month"), ("letters", "month"), ("applications", "month")],
)  # fmt: skip
def test_the_first_column_is_named_for_what_it_holds(client, corpus, capsys, chart, first):
    # As `corpus stats --by FIELD` heads its table; it had been "key".
    body = client.get(f"/decisions/analytics/{chart}.csv").content.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(body)))[0] == first


def test_numbers_are_bare_numbers_not_text(client, corpus):
    body = client.get("/decisions/analytics/category.csv").content.decode("utf-8-sig")
    # No thousands separator, no percent sign, no quotes: a spreadsheet reads numbers.
    assert body.splitlines()[1] == "rehabilitation,20,1,0.0500"


@pytest.mark.parametrize(
    ("chart", "name"),
    [
        ("letters", "imr-letters-per-month-2026-11-27.csv"),
        ("applications", "imr-applications-per-month-2026-11-27.csv"),
        ("category", "imr-overturn-rate-by-treatment-category-2026-11-27.csv"),
        ("family", "imr-overturn-rate-by-guideline-family-2026-11-27.csv"),
        ("specialty", "imr-overturn-rate-by-reviewer-specialty-2026-11-27.csv"),
        ("over_time", "imr-overturn-rate-per-month-2026-11-27.csv"),
    ],
)
def test_the_file_name_says_what_and_the_california_day(client, corpus, chart, name):
    with mock.patch("openimr.decisions.analytics_views.now", return_value=EVENING):
        response = client.get(f"/decisions/analytics/{chart}.csv")
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
