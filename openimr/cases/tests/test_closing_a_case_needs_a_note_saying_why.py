"""Withdrawing or terminating a case cannot be undone, so, as the timeline's form says, it
needs a note: who withdrew it, or what the claims administrator authorized (8 CCR
9792.10.6(a)). Without one the case stays open, its clocks running, and the page says why."""

import pytest

from openimr.cases import models
from openimr.cases.tests.test_intake_pages import form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


@pytest.fixture
def number(client, staff_client):
    client.post("/cases/new/", {**form_data(), "ur_decision_document": upload()})
    return models.Case.objects.get().case_number


@pytest.mark.parametrize("action", ["withdraw", "terminate"])
def test_closing_without_a_note_is_refused_and_the_case_stays_open(client, number, action):
    response = client.post(f"/cases/{number}/action/", {"action": action, "note": " "}, follow=True)
    assert "closing a case needs a note saying" in response.content.decode()
    row = models.Case.objects.get()
    assert row.state == "eligible" and row.next_due_at is not None


def test_closing_with_a_note_records_it(client, number):
    note = "The employee withdrew the application by phone"
    client.post(f"/cases/{number}/action/", {"action": "withdraw", "note": note})
    assert models.Case.objects.get().state == "withdrawn"
    assert note in client.get(f"/cases/{number}/timeline/").content.decode()
