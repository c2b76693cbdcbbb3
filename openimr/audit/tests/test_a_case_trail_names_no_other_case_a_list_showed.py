"""A case's exported trail is its accounting of disclosures (HIPAA 45 CFR 164.528), handed
to the case's worker: a staff list's event there names only this case and how many others
the list showed, never their numbers (minimum necessary, 45 CFR 164.502(b)). What is
stored and hashed is unchanged, so the chain still verifies and the rest of the trail (and
`openimr audit verify`) keeps every case the list showed."""

import csv
import io
import json

import pytest

from openimr.audit.domain.one_case_trail import one_case_detail
from openimr.audit.models import AuditEvent
from openimr.audit.selectors import case_trail, trail_verify
from openimr.audit.services import audit_list_viewed
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import

CASE = "CM16-0400101"
OTHERS = [f"CM16-04002{n:02d}" for n in range(49)]
URL = f"/audit/cases/{CASE}/trail"


@pytest.mark.parametrize(
    ("detail", "page", "shown"),
    [
        # The work queue: its filters stay, the 49 other numbers go.
        (
            {"cases": [CASE, *OTHERS], "state": "QA", "priority": "", "status": "late"},
            "cases:queue",
            {
                "cases": [CASE],
                "state": "QA",
                "priority": "",
                "status": "late",
                "other_cases": 49,
                "shown": "in the work queue with 49 other cases",
                "withheld": ["cases"],
            },
        ),
        # The case list's search may be another person's name: withheld too.
        (
            {"cases": [OTHERS[0], CASE], "query": "Garcia"},
            "cases:list",
            {
                "cases": [CASE],
                "other_cases": 1,
                "shown": "in the case list with 1 other case",
                "withheld": ["cases", "query"],
            },
        ),
        # A key nobody has said names no one is withheld until someone does.
        (
            {"cases": [CASE], "messages": 3, "new_key": "x"},
            "review:outbox",
            {
                "cases": [CASE],
                "messages": 3,
                "other_cases": 0,
                "shown": "in the outbox with 0 other cases",
                "withheld": ["new_key"],
            },
        ),
        # Nothing to withhold: as stored.
        ({"cases": [CASE], "messages": 2}, "review:outbox", {"cases": [CASE], "messages": 2}),
        ({"cases": [CASE]}, "review:home", {"cases": [CASE]}),
        # Not a list: as stored.
        ({"format": "csv"}, CASE, {"format": "csv"}),
        ({"from": "RECEIVED", "to": "SCREENED"}, CASE, {"from": "RECEIVED", "to": "SCREENED"}),
        # A page not named yet is named by its id.
        (
            {"cases": [CASE, OTHERS[0], OTHERS[0]]},
            "review:new_page",
            {
                "cases": [CASE],
                "other_cases": 1,
                "shown": "in review:new_page with 1 other case",
                "withheld": ["cases"],
            },
        ),
    ],
)
def test_a_list_event_names_only_the_case_whose_trail_it_is(detail, page, shown):
    assert one_case_detail(detail, CASE, page) == shown


def test_an_event_listing_only_other_cases_names_none_of_them():
    assert one_case_detail({"cases": OTHERS[:2]}, CASE, "cases:list")["cases"] == []


@pytest.fixture
def listed(three_item_doc) -> AuditEvent:
    case_import(case=case_from_document(three_item_doc), actor="test")
    return audit_list_viewed(
        actor="test", page="cases:queue", cases=[*OTHERS, CASE], detail={"state": "QA"}
    )


@pytest.mark.django_db
def test_the_json_trail_shows_the_list_without_the_other_cases(client, staff_client, listed):
    response = client.get(f"{URL}.json")
    assert response.status_code == 200
    assert not any(n in response.content.decode() for n in OTHERS)
    [row] = [e for e in response.json()["events"] if e["action"] == "list.viewed"]
    assert row["detail"]["cases"] == [CASE] and row["detail"]["other_cases"] == 49
    assert row["detail"]["shown"] == "in the work queue with 49 other cases"
    assert row["detail"]["state"] == "QA"
    # The row is the stored event's: its place and hashes, and the chain verifies.
    assert (row["id"], row["prev_hash"], row["hash"]) == (listed.pk, listed.prev_hash, listed.hash)
    assert trail_verify().ok


@pytest.mark.django_db
def test_the_csv_trail_shows_the_list_without_the_other_cases(client, staff_client, listed):
    body = client.get(f"{URL}.csv").content.decode()
    assert not any(n in body for n in OTHERS)
    [row] = [r for r in csv.DictReader(io.StringIO(body)) if r["action"] == "list.viewed"]
    assert json.loads(row["detail"])["other_cases"] == 49


@pytest.mark.django_db
def test_what_is_stored_still_names_every_case_the_list_showed(client, staff_client, listed):
    client.get(f"{URL}.json")
    stored = AuditEvent.objects.get(pk=listed.pk)
    assert stored.detail == {"cases": sorted([*OTHERS, CASE]), "state": "QA"}
    assert stored.hash == listed.hash
    # Each other case's own trail still holds the list, shortened to that case.
    assert [e.pk for e in case_trail(OTHERS[0])] == [listed.pk]
