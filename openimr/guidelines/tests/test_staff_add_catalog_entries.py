"""Staff add a guideline the shipped catalog lacks; reviewers can then cite it. A bad entry
is refused field by field and nothing is stored; only staff reach the page."""

import pytest
from django.contrib.auth.models import User

from openimr.audit.models import AuditEvent
from openimr.guidelines.models import StaffEntry
from openimr.guidelines.selectors import guideline_catalog
from openimr.review.forms import basis_choices

pytestmark = pytest.mark.django_db
ODG_2025 = {
    "id": "odg-low-back-2025",
    "family": "odg",
    "title": "Official Disability Guidelines",
    "part": "Low Back",
    "edition": "2025",
    "section": "",
    "aliases": "ODG",
}


def test_an_added_entry_is_in_the_catalog_reviewers_choose_from(client, staff_client):
    response = client.post("/guidelines/", ODG_2025)
    assert response.status_code == 302
    entry = guideline_catalog().get("odg-low-back-2025")
    assert entry is not None and entry.aliases == ("ODG",)
    choices = [value for _, group in basis_choices(guideline_catalog()) for value, _ in group]
    assert "odg-low-back-2025" in choices
    event = AuditEvent.objects.get(action="guideline.added")
    assert (event.actor_label, event.object_id) == ("clerk", "odg-low-back-2025")
    assert "Official Disability Guidelines" in client.get("/guidelines/").content.decode()


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"family": "blog"}, "$.family", "must be one of"),
        ({"title": "  "}, "$.title", "must not be empty"),
        ({"id": "Has Spaces"}, "$.id", "lower-case words"),
        ({"id": "mtus"}, "$.id", "already has an entry"),
        ({"family": "mtus", "section": ""}, "$.section", "8 CCR section"),
    ],
)
def test_a_bad_entry_is_refused_at_its_field_and_nothing_is_stored(
    client, staff_client, change, path, message
):
    assert_refused(client, {**ODG_2025, **change}, path, message)


def assert_refused(client, entry, path, message):
    """The entry is refused with 422 naming ``path`` and ``message``; nothing is stored."""
    response = client.post("/guidelines/", entry)
    assert response.status_code == 422
    body = response.content.decode()
    assert path in body and message in body
    assert StaffEntry.objects.count() == 0
    assert not AuditEvent.objects.filter(action="guideline.added").exists()


def test_someone_not_staff_gets_404_and_adds_nothing(client):
    client.force_login(User.objects.create_user("worker", password="pw-123456789"))
    assert client.get("/guidelines/").status_code == 404
    assert client.post("/guidelines/", ODG_2025).status_code == 404
    assert StaffEntry.objects.count() == 0
