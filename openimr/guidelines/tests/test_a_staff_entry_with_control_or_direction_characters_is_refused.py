"""A staff entry's title, part and edition print in the letters that cite it, and its id
and aliases are what reviewers pick it by: a control character (a NUL cannot even be
stored on PostgreSQL) or a text-direction control (which turns a citation backwards on the
published letter) is refused at its field, as an application's texts are, and nothing is
stored."""

import pytest

from openimr.guidelines.tests.test_staff_add_catalog_entries import assert_refused

pytestmark = pytest.mark.django_db
CONTROL = "must not contain control characters"
DIRECTION = "must not contain text-direction controls"
STUDY = {
    "id": "study-knee-2024",
    "family": "peer_reviewed",
    "title": "A randomized trial of home exercise kits",
    "edition": "2024",
    "aliases": "",
}


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"title": "Home exercise\x00 kits"}, "$.title", CONTROL),
        ({"title": "Home exercise \u202ekits"}, "$.title", DIRECTION),
        ({"part": "Knee\x1b[0m"}, "$.part", CONTROL),
        ({"edition": "2024\u2066"}, "$.edition", DIRECTION),
        ({"id": "study-\x07knee"}, "$.id", CONTROL),
        ({"aliases": "home kit, knee\u202d kit"}, "$.aliases[1]", DIRECTION),
    ],
    ids=["title-nul", "title-direction", "part", "edition", "id", "alias"],
)
def test_the_entry_is_refused_at_its_field_and_nothing_is_stored(
    client, staff_client, change, path, message
):
    assert_refused(client, {**STUDY, **change}, path, message)
