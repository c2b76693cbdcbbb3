"""A month the timeliness page cannot count is refused at its parameter (400), never a
server error: a year at the end of the calendar, a month with a stray line break (the CSV's
file name is built from it), digits other than 0-9, or a month not written YYYY-MM."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("?from=9999-12&to=9999-12", "from: 9999-12 is not a month from 1900-01 to 2999-12"),
        ("?from=0001-01&to=0001-02", "from: 0001-01 is not a month from 1900-01 to 2999-12"),
        ("?from=2026-01&to=3000-01", "to: 3000-01 is not a month from 1900-01 to 2999-12"),
        ("?from=2026-01%0A&to=2026-02&format=csv", r"from: &#x27;2026-01\n&#x27; is not a month"),
        ("?from=2026-01&to=%202026-02&format=csv", "to: &#x27; 2026-02&#x27; is not a month"),
        (
            "?from=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-01&to=2026-02",
            "from: &#x27;２０２６-01&#x27; is not a month written YYYY-MM",
        ),
        ("?from=2026-1&to=2026-02", "from: &#x27;2026-1&#x27; is not a month written YYYY-MM"),
        ("?from=%2B2026-01&to=2026-02", "from: &#x27;+2026-01&#x27; is not a month written"),
    ],
)
def test_a_month_that_cannot_be_counted_is_named_not_a_server_error(
    client, staff_client, query, said
):
    response = client.get(f"/cases/timeliness/{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert said in response.content.decode()


def test_the_first_and_last_months_it_counts_are_taken(client, staff_client):
    assert client.get("/cases/timeliness/?from=1900-01&to=1900-12").status_code == 200
    csv = client.get("/cases/timeliness/?from=2999-01&to=2999-12&format=csv")
    assert csv.status_code == 200
    assert csv["Content-Disposition"] == 'attachment; filename="timeliness-2999-01-to-2999-12.csv"'
