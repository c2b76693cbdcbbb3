"""POST /api/v1/cases/{n}/authorizations: the claims administrator the case is linked to
reports that it authorized disputed treatment before the determination (8 CCR 9792.10.6(a)).
Every item authorized terminates the review; some leave the dispute and the review goes on
with the others. Bad input is refused at its field and nothing is stored."""

import json

import pytest
import time_machine
from django.contrib.auth.models import User

from conftest import intake_clerk
from openimr.api.services import token_create
from openimr.audit.models import AuditEvent
from openimr.cases import models
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db
PAYER = "State Compensation Insurance Fund"
MRI = "MRI of the right knee without contrast"
PT = "Physical therapy, right knee, 12 sessions"


@pytest.fixture(autouse=True)
def _march_20_2024():
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        yield


@pytest.fixture
def payer():
    User.objects.create_user("scif", is_staff=True)
    return token_create(name="scif-portal", username="scif", administrator=PAYER)


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def filed(client, payer, application_doc):
    answer = client.post(
        "/api/v1/applications",
        application_doc,
        content_type="application/json",
        headers=_auth(payer),
    )
    assert answer.status_code == 201, answer.content
    return answer.json()["case_number"]


def _report(client, token, number, treatments, on="2024-03-19"):
    body = {"treatments": treatments, "authorized_on": on}
    return client.post(
        f"/api/v1/cases/{number}/authorizations",
        json.dumps(body),
        content_type="application/json",
        headers=_auth(token),
    )


def test_one_item_authorized_leaves_the_dispute_and_the_review_goes_on(client, payer, filed):
    answer = _report(client, payer, filed, ["mri of the right knee, without contrast"])
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert (body["effect"], body["state"], body["authorized"]) == (
        "items_removed",
        "eligible",
        [MRI],
    )
    assert body["still_disputed"] == [PT]
    row = models.Case.objects.get(case_number=filed)
    assert [(i.position, i.treatment) for i in row.items.all()] == [(0, PT)]
    (kept,) = row.authorized_items.all()
    assert (kept.treatment, kept.position_was, str(kept.authorized_on)) == (MRI, 0, "2024-03-19")
    event = AuditEvent.objects.get(action="case.items_authorized", object_id=filed)
    assert event.detail["items"] == [MRI]
    retried = _report(client, payer, filed, [MRI])
    assert retried.status_code == 422
    assert retried.json()["error"]["fields"] == [
        {
            "path": "$.treatments[0]",
            "message": "was reported authorized already (on 2024-03-19) and is no longer disputed",
        }
    ]


def test_every_item_authorized_terminates_the_review_and_stops_its_clocks(client, payer, filed):
    answer = _report(client, payer, filed, [PT, MRI])
    assert answer.status_code == 201, answer.content
    assert (answer.json()["effect"], answer.json()["state"]) == ("terminated", "terminated")
    row = models.Case.objects.get(case_number=filed)
    assert row.state == "terminated" and row.terminated_at is not None
    assert row.next_due_at is None
    assert row.items.count() == 2  # a terminated case keeps what was disputed
    event = AuditEvent.objects.get(
        action="case.transition", object_id=filed, detail__to="terminated"
    )
    assert event.detail["note"].startswith("The claims administrator reported that it authorized")
    assert event.actor.username == "scif"


def test_every_problem_is_named_at_its_field_and_nothing_is_stored(client, payer, filed):
    answer = _report(
        client,
        payer,
        filed,
        ["Knee surgery", MRI, "MRI, of the right knee without CONTRAST"],
        "2024-03-21",
    )
    assert answer.status_code == 422
    fields = {f["path"]: f["message"] for f in answer.json()["error"]["fields"]}
    assert fields["$.treatments[0]"].startswith("is not a disputed item of this case (its items: ")
    assert fields["$.treatments[2]"] == "is named twice"
    assert fields["$.authorized_on"] == "is after today (2024-03-20)"
    before_ur = _report(client, payer, filed, [MRI], "2024-02-01")
    assert before_ur.json()["error"]["fields"][0]["path"] == "$.authorized_on"
    assert "before the UR decision" in before_ur.json()["error"]["fields"][0]["message"]
    empty = _report(client, payer, filed, [])
    assert empty.json()["error"]["fields"][0]["path"] == "$.treatments"
    assert models.Case.objects.get(case_number=filed).items.count() == 2
    assert not models.AuthorizedItem.objects.exists()


def test_an_unknown_field_or_a_bad_date_is_refused_422(client, payer, filed):
    url = f"/api/v1/cases/{filed}/authorizations"
    body = {"treatments": [MRI], "authorized_on": "yesterday", "note": "x"}
    answer = client.post(
        url, json.dumps(body), content_type="application/json", headers=_auth(payer)
    )
    assert answer.status_code == 422
    paths = {f["path"] for f in answer.json()["error"]["fields"]}
    assert {"$.authorized_on", "$.note"} <= paths


def test_another_administrators_token_gets_404_audited_and_staff_403(client, filed):
    User.objects.create_user("pacific", is_staff=True)
    other = token_create(name="pacific-portal", username="pacific", administrator="Pacific Comp")
    assert _report(client, other, filed, [MRI]).status_code == 404
    assert AuditEvent.objects.filter(action="case.authorization_reported.refused").count() == 1
    intake_clerk()
    staff = token_create(name="intake-tool", username="clerk", scopes=("authorizations:write",))
    refused = _report(client, staff, filed, [MRI])
    assert refused.status_code == 403
    assert "timeline" in refused.json()["error"]["message"]
    assert models.Case.objects.get(case_number=filed).state == "eligible"


def test_a_token_without_the_scope_is_refused_403(client, filed):
    narrow = token_create(name="narrow", username="scif", scopes=("applications:read",))
    assert _report(client, narrow, filed, [MRI]).status_code == 403


def test_a_closed_case_takes_no_report(client, payer, filed):
    assert _report(client, payer, filed, [MRI, PT]).status_code == 201
    again = _report(client, payer, filed, [MRI])
    assert again.status_code == 409
    assert again.json()["error"]["message"] == (
        f"case {filed} is terminated: there is no review left to end"
    )


def test_a_case_in_review_ends_only_whole(client, three_item_doc):
    User.objects.create_user("golden", is_staff=True)
    token = token_create(
        name="golden-portal", username="golden", administrator="Golden State Claims Services Inc"
    )
    three_item_doc["dates"]["decision"] = None
    for item in three_item_doc["items"]:
        item["decision"] = None
        item["rationale"] = None
    case_import(case=case_from_document(three_item_doc), actor="test")
    number = three_item_doc["case_number"]
    first = three_item_doc["items"][0]["treatment"]
    partial = _report(client, token, number, [first], "2016-10-01")
    assert partial.status_code == 409
    assert "only before review begins" in partial.json()["error"]["message"]
    every = [i["treatment"] for i in three_item_doc["items"]]
    assert _report(client, token, number, every, "2016-10-01").json()["state"] == "terminated"


def test_the_notice_of_assignment_after_names_only_the_treatment_still_disputed(
    client, payer, filed, django_capture_on_commit_callbacks
):
    from openimr.cases.services import case_assign

    assert _report(client, payer, filed, [MRI]).status_code == 201
    row = models.Case.objects.get(case_number=filed)
    with django_capture_on_commit_callbacks(execute=True):
        notice = case_assign(row=row, actor="clerk")
    text = " ".join(notice.text.split())
    assert PT in text and MRI not in text


def test_a_token_made_before_authorization_reports_is_told_why_and_what_to_do(client, payer, filed):
    # A token made before the scope existed holds the four it was granted then; no upgrade
    # widens it (docs/api.md), and its refusal says how to get one that has it.
    old = token_create(
        name="scif-2025",
        username="scif",
        scopes=("applications:write", "applications:read", "documents:write", "documents:read"),
    )
    answer = _report(client, old, filed, [MRI])
    assert answer.status_code == 403
    error = answer.json()["error"]
    assert error["code"] == "forbidden"
    assert error["message"] == (
        "this token lacks the scope authorizations:write, which POST "
        "/cases/{case_number}/authorizations needs; tokens made before the API took "
        "authorization reports do not have it, and no upgrade widens a token: ask the IMR "
        "organization for a new token with that scope"
    )
    assert not models.AuthorizedItem.objects.filter(case__case_number=filed).exists()
