from datetime import date

import pytest

from openimr.records.domain.dates import find_dates, format_date, parse_date


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("01/02/2015", date(2015, 1, 2)),
        ("1/2/15", date(2015, 1, 2)),
        ("1-2-2015", date(2015, 1, 2)),
        ("10-16-2016", date(2016, 10, 16)),
        ("2015-01-02", date(2015, 1, 2)),
        ("January 2, 2015", date(2015, 1, 2)),
        ("Jan 2, 2015", date(2015, 1, 2)),
        ("Jan. 2, 2015", date(2015, 1, 2)),
        ("Sept 30 2016", date(2016, 9, 30)),
        ("2 January 2015", date(2015, 1, 2)),
        ("March 3rd, 2014", date(2014, 3, 3)),
        # Two-digit years: 00-49 this century, 50-99 the last (birth years).
        ("7/14/13", date(2013, 7, 14)),
        ("11/30/69", date(1969, 11, 30)),
        ("2/9/53", date(1953, 2, 9)),
    ],
)
def test_a_date_is_read_in_each_written_form(written, value):
    assert parse_date(written) == value


@pytest.mark.parametrize(
    "text",
    [
        "BP 120/80",
        "BP 132/84, HR 76, RR 16, Temp 98.6",
        "pain 7/10, 6/10 at best",
        "strength 5/5 and 4+/5",
        "13/02/2015",  # month 13: day-first is not guessed
        "2/30/2015",  # no such day
        "March 2015",  # no day
        "L4-5 and C5-6",
        "visit 8 of 12",
    ],
)
def test_vital_signs_scores_and_impossible_dates_are_not_dates(text):
    assert find_dates(text) == ()


def test_a_blood_pressure_beside_a_date_leaves_only_the_date():
    [found] = find_dates("BP 118/76 on 3/4/2015")
    assert found.value == date(2015, 3, 4)


def test_dates_are_found_in_order_with_their_positions():
    text = "DOB: 4/5/1962  DOS: 02/19/2014"
    found = find_dates(text)
    assert [m.value for m in found] == [date(1962, 4, 5), date(2014, 2, 19)]
    assert text[found[1].start : found[1].end] == "02/19/2014"


def test_parse_date_wants_the_whole_text_to_be_a_date():
    assert parse_date("on 1/2/2015") is None


@pytest.mark.parametrize(
    ("value", "written"),
    [(date(2011, 6, 3), "6/3/2011"), (date(2014, 12, 25), "12/25/2014")],
)
def test_dates_are_written_month_day_year_without_leading_zeros(value, written):
    assert format_date(value) == written
