"""A panel row whose count cannot be a count is refused at its line and column, and the
other rows import. The year practice began typed in ``years_in_practice`` (2008) was taken
as 2008 years, more than the five LC 139.5(c) requires, so a reviewer of any experience
qualified; and any count past 32767 (a capacity of 40000, a pasted number) passed the
importer and broke on PostgreSQL's column in the middle of the file: a server error, the
rows before it stored and the rows after it not read. Years are at most 80, the other
counts at most 1000, in the CSV and in the panel file."""

import pytest

from openimr.core.errors import InvalidInput
from openimr.reviewers import models
from openimr.reviewers.panel_format import panel_from_document
from openimr.reviewers.tests.test_the_panel_import_refuses_what_the_panel_cannot_hold import (
    _import,
    _row,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("column", "typed", "said"),
    [
        ("years_in_practice", "2008", "is not a whole number of years from 0 to 80"),
        ("years_in_practice", "40000", "is not a whole number of years from 0 to 80"),
        ("capacity_per_week", "40000", "is not a whole number from 0 to 1000"),
        ("open_sanctions", "5000", "is not a whole number from 0 to 1000"),
    ],
)
def test_a_count_no_reviewer_can_have_is_refused_and_the_other_rows_import(
    client, staff_client, column, typed, said
):
    status, body = _import(
        client,
        _row(reviewer_id="R-1"),
        _row(reviewer_id="R-2", **{column: typed}),
        _row(reviewer_id="R-3"),
    )
    assert status == 200
    assert f"line 3: {column}: &#x27;{typed}&#x27; {said}" in body
    assert "<strong>2</strong> imported, <strong>1</strong> rejected" in body
    assert list(models.Reviewer.objects.values_list("reviewer_id", flat=True)) == ["R-1", "R-3"]


def test_eighty_years_and_a_thousand_cases_still_import(client, staff_client):
    _import(client, _row(years_in_practice="80", capacity_per_week="1000"))
    stored = models.Reviewer.objects.get(reviewer_id="R-1")
    assert (stored.years_in_practice, stored.capacity_per_week) == (80, 1000)


def test_the_panel_document_refuses_such_a_count_at_its_path():
    doc = {
        "format": "openimr.panel/1",
        "reviewers": [
            {"reviewer_id": "R-1", "name": "Dr. Ada Park", "years_in_practice": 2008},
            {"reviewer_id": "R-2", "name": "Dr. Bo Li", "capacity_per_week": 40000},
        ],
    }
    with pytest.raises(InvalidInput) as caught:
        panel_from_document(doc)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("$.reviewers[0].years_in_practice", "must be at most 80"),
        ("$.reviewers[1].capacity_per_week", "must be at most 1000"),
    ]
