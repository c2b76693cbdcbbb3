"""A panel row that the panel cannot hold, or that would quietly do the wrong thing, is
rejected with its line and column and the others import: a control character or an
over-long value (PostgreSQL refuses the first, the column the second), a reviewer id that
is not a slug, the same reviewer twice in one file (the second replaced the first), and a
verification dated after today (it kept a reviewer "verified" for decades). A POST with no
file says so instead of showing the empty form again."""

import io
from datetime import timedelta

import pytest

from openimr.core.clock import local_date, now
from openimr.core.errors import InvalidInput
from openimr.reviewers import models
from openimr.reviewers.panel_format import panel_from_document
from openimr.reviewers.tests.test_panel_pages import GOOD, HEADER

pytestmark = pytest.mark.django_db


def _row(**changes):
    cells = dict(zip(HEADER.split(","), GOOD.split(","), strict=True))
    cells.update(changes)
    return ",".join(cells.values())


def _import(client, *rows):
    upload = io.BytesIO("\n".join([HEADER, *rows, ""]).encode())
    upload.name = "panel.csv"
    response = client.post("/reviewers/import/", {"panel": upload})
    return response.status_code, response.content.decode()


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"name": "Dr. Ada\x00 Park"}, "line 2: name: holds a control character"),
        ({"name": "A" * 301}, "line 2: name: is 301 characters; at most 300"),
        ({"license_numbers": "A" * 61}, "line 2: license_numbers: is 61 characters; at most 60"),
        ({"reviewer_id": "R 1/x"}, "may hold only letters, digits, hyphens and underscores"),
        ({"affiliations": "paid_by:Acme\x07"}, "line 2: affiliations: holds a control character"),
    ],
)
def test_a_value_the_panel_cannot_hold_is_rejected_at_its_column(
    client, staff_client, changes, said
):
    status, body = _import(client, _row(**changes), _row(reviewer_id="R-2"))
    assert status == 200
    assert said.replace("'", "&#x27;") in body
    assert "<strong>1</strong> imported, <strong>1</strong> rejected" in body
    assert list(models.Reviewer.objects.values_list("reviewer_id", flat=True)) == ["R-2"]


def test_the_same_reviewer_twice_in_one_file_keeps_the_first(client, staff_client):
    _, body = _import(client, _row(), _row(name="Dr. Someone Else"))
    assert "line 3: reviewer_id: &#x27;R-1&#x27; is also on line 2" in body
    assert models.Reviewer.objects.get(reviewer_id="R-1").name == "Dr. Ada Park"


def test_a_verification_after_today_is_rejected(client, staff_client):
    later = (local_date(now()) + timedelta(days=1)).isoformat()
    _, body = _import(client, _row(last_verified=later))
    assert f"line 2: last_verified: {later} is after today" in body
    assert not models.Reviewer.objects.exists()


def test_a_post_without_a_file_says_that_none_was_chosen(client, staff_client):
    response = client.post("/reviewers/import/", {})
    assert response.status_code == 422
    assert "no file was chosen" in response.content.decode()


def test_the_panel_document_refuses_a_control_character_at_its_path():
    doc = {
        "format": "openimr.panel/1",
        "reviewers": [{"reviewer_id": "R-1", "name": "Dr. Ada\x1b Park"}],
    }
    with pytest.raises(InvalidInput) as caught:
        panel_from_document(doc)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("$.reviewers[0].name", "holds a control character")
    ]


@pytest.mark.parametrize("control", ["\u202a", "\u202e", "\u2066", "\u2069"])
def test_a_direction_override_in_a_name_is_rejected_at_its_row_and_column(
    client, staff_client, control
):
    """A right-to-left override makes "Dr. Ada Park" print as another name than the one the
    conflicts are checked against (LC 139.5(d)); core.text refuses it in printed text."""
    status, body = _import(client, _row(name=f"Dr. {control}Ada Park"), _row(reviewer_id="R-2"))
    assert status == 200
    assert "line 2: name: must not contain text-direction controls" in body
    assert "<strong>1</strong> imported, <strong>1</strong> rejected" in body
    assert list(models.Reviewer.objects.values_list("reviewer_id", flat=True)) == ["R-2"]


def test_a_direction_override_in_an_affiliation_is_rejected_in_the_panel_file():
    doc = {"format": "openimr.panel/1", "reviewers": [{"reviewer_id": "R-1", "name": "Ada Park",
           "affiliations": [{"name": "Acme \u202eInsurance", "kind": "paid_by"}]}]}  # fmt: skip
    with pytest.raises(InvalidInput) as caught:
        panel_from_document(doc)
    assert [p.path for p in caught.value.problems] == ["$.reviewers[0].affiliations[0].name"]
