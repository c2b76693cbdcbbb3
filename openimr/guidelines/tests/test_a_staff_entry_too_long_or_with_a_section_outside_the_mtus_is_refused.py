"""A staff entry is stored in columns of fixed width, and only the MTUS is adopted by an 8 CCR
section: a value longer than its column, or a section on a guideline outside the MTUS (which
the reviewer's list would show as if adopted), is refused at its field, nothing stored."""

import pytest

from openimr.guidelines.models import StaffEntry
from openimr.guidelines.tests.test_staff_add_catalog_entries import assert_refused

pytestmark = pytest.mark.django_db
STUDY = {
    "id": "study-knee-2024",
    "family": "peer_reviewed",
    "title": "A randomized trial of home exercise kits",
    "part": "",
    "edition": "2024",
    "section": "",
    "aliases": "",
}


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"title": "T" * 301}, "$.title", "at most 300 characters"),
        ({"id": "a" * 81}, "$.id", "at most 80 characters"),
        ({"part": "P" * 301}, "$.part", "at most 300 characters"),
        ({"edition": "9" * 101}, "$.edition", "at most 100 characters"),
        ({"section": "9792.24.2"}, "$.section", "only an MTUS entry"),
        ({"family": "odg", "section": "9792.24.2"}, "$.section", "only an MTUS entry"),
    ],
)
def test_the_entry_is_refused_at_its_field_and_nothing_is_stored(
    client, staff_client, change, path, message
):
    assert_refused(client, {**STUDY, **change}, path, message)


def test_values_at_the_limits_and_an_mtus_section_are_accepted(client, staff_client):
    entry = {**STUDY, "id": "a" * 80, "title": "T" * 300, "edition": "9" * 100}
    assert client.post("/guidelines/", entry).status_code == 302
    mtus = {**STUDY, "id": "mtus-new-part", "family": "mtus", "section": "9792.24.5"}
    assert client.post("/guidelines/", mtus).status_code == 302
    assert StaffEntry.objects.count() == 2
