"""A clerk who presses "Submit" twice (a double click, or the browser's resend after a slow
answer) sends the same form twice. Each rendering of the form carries its own submission
key, the idempotency key the API takes: the second copy lands on the case the first made,
and says so, instead of a second case that screening would find a duplicate of the first
(8 CCR 9792.10.3) and send the parties an ineligibility notice for."""

import pytest

from openimr.cases import models
from openimr.cases.tests.test_intake_pages import form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


def _key(client) -> str:
    body = client.get("/cases/new/").content.decode()
    return body.split('name="submission" value="')[1].split('"')[0]


def test_the_same_form_sent_twice_makes_one_case(client, staff_client):
    key = _key(client)
    first = client.post(
        "/cases/new/", {**form_data(), "submission": key, "ur_decision_document": upload()}
    )
    again = client.post(
        "/cases/new/",
        {**form_data(), "submission": key, "ur_decision_document": upload()},
        follow=True,
    )
    case = models.Case.objects.get()
    assert first.status_code == 302 and first["Location"] == f"/cases/{case.case_number}/timeline/"
    assert again.redirect_chain[-1][0] == f"/cases/{case.case_number}/timeline/"
    assert f"already received as case {case.case_number}" in again.content.decode()
    assert not models.Notice.objects.filter(kind="ineligible").exists()


def test_each_rendering_of_the_form_is_a_new_submission(client, staff_client):
    assert _key(client) != _key(client)
    for _ in range(2):  # the same applicant's second application, typed again
        client.post(
            "/cases/new/",
            {**form_data(), "submission": _key(client), "ur_decision_document": upload()},
        )
    assert models.Case.objects.count() == 2


def test_a_refused_form_keeps_its_key_for_the_corrected_copy(client, staff_client):
    key = _key(client)
    refused = client.post("/cases/new/", {**form_data(employee_name=""), "submission": key})
    assert refused.status_code == 422
    assert f'name="submission" value="{key}"' in refused.content.decode()
