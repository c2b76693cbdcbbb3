"""The work queue names a filter value it does not know instead of ignoring it: an ignored
`status=zzz` listed every open case as if each matched (found in a QA pass)."""

import pytest

from openimr.cases import selectors
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("given", "path"),
    [
        ({"status": "zzz"}, "?status"),
        ({"priority": "urgent"}, "?priority"),
        ({"state": "x"}, "?state"),
    ],
)
def test_an_unknown_filter_value_is_refused_naming_the_values_it_may_take(given, path):
    with pytest.raises(InvalidInput) as refused:
        selectors.work_queue(**given)
    assert refused.value.problems[0].path == path


def test_every_value_the_page_offers_is_accepted():
    selectors.work_queue(status="overdue", priority="expedited", state="eligible")
    selectors.work_queue(status="at_risk", state="withdrawn")


def test_the_page_says_no_case_is_listed_and_why(client, staff_client):
    response = client.get("/cases/queue/", {"status": "zzz"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "No case is listed" in body and "overdue, at_risk" in body
