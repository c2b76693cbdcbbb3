"""GET /api/v1/applications/{n} once the Final Determination Letter has issued: the claims
administrator, who must authorize an overturned item within 5 working days of receiving the
letter, or pay within 20 days for services already rendered (8 CCR 9792.10.7(a)), and may
appeal within 30 days (LC 4610.6(h)), read each item's outcome and those dates, counted from
the letter's service on it. Before, the answer said only "issued" with no deadline at all, so
an integration polling it learned neither the outcome nor the dates it must act by."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from openimr.cases import models, services
from openimr.core.case import Decision
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue, letter_service_mark_printed

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)  # Wednesday, 10 a.m. in California
ISSUED = datetime(2024, 3, 25, 17, 0, tzinfo=UTC)  # Monday


def _issued(client, token, doc, capture, decisions, email="imr@golden.test") -> str:
    doc = json.loads(json.dumps(doc))
    doc["claims_administrator"] = {"name": "Golden State Claims Services Inc", "email": email}
    with time_machine.travel(RECEIVED, tick=False):
        filed = client.post(
            "/api/v1/applications",
            data=json.dumps(doc),
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        )
    assert filed.status_code == 201, filed.content
    row = models.Case.objects.get(case_number=filed.json()["case_number"])
    with time_machine.travel(RECEIVED + timedelta(days=1), tick=False):
        services.case_assign(row=row, actor="clerk", at=RECEIVED + timedelta(days=1))
    services.case_records_complete(row=row, actor="clerk", at=RECEIVED + timedelta(days=2))
    services.case_begin_review(row=row, actor="clerk", at=RECEIVED + timedelta(days=3))
    services.case_submit_decision(
        row=row, decisions=decisions, actor="reviewer", at=RECEIVED + timedelta(days=4)
    )
    with time_machine.travel(ISSUED, tick=False), capture(execute=True):
        letter_issue(case_number=row.case_number, actor="qa")
    return row.case_number


def _read(client, token, number):
    response = client.get(
        f"/api/v1/applications/{number}", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200, response.content
    return response.json()


SPLIT = [(Decision.OVERTURNED, "Supported."), (Decision.UPHELD, "Not supported.")]


def test_an_overturned_item_comes_with_the_dates_to_authorize_or_pay_by(
    client, administrator_token, application_doc, django_capture_on_commit_callbacks
):
    number = _issued(
        client, administrator_token, application_doc, django_capture_on_commit_callbacks, SPLIT
    )
    determination = _read(client, administrator_token, number)["determination"]
    assert determination["issued_on"] == "2024-03-25"
    assert [(i["treatment"], i["outcome"]) for i in determination["items"]] == [
        ("MRI of the right knee without contrast", "overturned"),
        ("Physical therapy, right knee, 12 sessions", "upheld"),
    ]
    assert determination["served"] == {"on": "2024-03-25", "method": "electronic"}
    due = {d["name"]: (d["due"], d["source"]) for d in determination["deadlines"]}
    # 5 working days after March 25, 2024 skip Cesar Chavez Day (observed Monday April 1).
    assert due["authorize_by"] == ("2024-04-02", "8 CCR 9792.10.7(a)")
    assert due["reimburse_by"][0] == "2024-04-15"  # 20 days: April 14 is a Sunday
    assert due["appeal_by"][0] == "2024-04-24"


def test_an_upheld_only_determination_has_only_the_appeal_date(
    client, administrator_token, application_doc, django_capture_on_commit_callbacks
):
    upheld = [(Decision.UPHELD, "Not supported.")] * 2
    number = _issued(
        client, administrator_token, application_doc, django_capture_on_commit_callbacks, upheld
    )
    determination = _read(client, administrator_token, number)["determination"]
    assert [d["name"] for d in determination["deadlines"]] == ["appeal_by"]


def test_a_mailed_letter_counts_from_its_mailing_and_presumed_receipt(
    client, administrator_token, application_doc, django_capture_on_commit_callbacks
):
    number = _issued(
        client,
        administrator_token,
        application_doc,
        django_capture_on_commit_callbacks,
        SPLIT,
        email=None,
    )
    before = _read(client, administrator_token, number)["determination"]
    # Not mailed yet: no receipt to count from, and no date the letter cannot stand behind.
    assert (before["served"], before["deadlines"]) == (None, [])
    row = LetterService.objects.get(
        case__case_number=number, party_role="claims_administrator", notice=None
    )
    mailed = datetime(2024, 3, 27, 17, 0, tzinfo=UTC)
    with time_machine.travel(mailed, tick=False):
        letter_service_mark_printed(
            service_id=row.pk, actor="clerk", postal_address="P.O. Box 1\nLA"
        )
    after = _read(client, administrator_token, number)["determination"]
    assert after["served"] == {"on": "2024-03-27", "method": "mail"}
    due = {d["name"]: d["due"] for d in after["deadlines"]}
    # Received April 1 (5 days after mailing, CCP 1013(a)); 5 working days: April 8.
    assert due["authorize_by"] == "2024-04-08"
    assert due["appeal_by"] == "2024-05-01"  # 35 days after mailing


def test_before_the_letter_there_is_no_determination(client, token, application_doc):
    with time_machine.travel(RECEIVED, tick=False):
        filed = client.post(
            "/api/v1/applications",
            data=json.dumps(application_doc),
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert filed.json()["determination"] is None
