"""A party asks "where is my case": the page /status/ (the employee, the attorney and the
physician have no account) with the case number, claim number and date of injury, and the
claims administrator's API, GET /api/v1/cases/{n}/status. Both answer the stage, what happens
next under which rule, and the next date due; neither names any party, nor the reviewer."""

import copy
import ipaddress

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.cache import cache

from openimr.api.services import token_create
from openimr.audit.models import AuditEvent
from openimr.cases.domain.lifecycle import State
from openimr.cases.domain.party_status import STAGES, stage_of
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cases.status_views import TRIES_PER_MINUTE
from openimr.cases.tests.conftest import decided_through_intake, filed

pytestmark = pytest.mark.django_db
CLAIM, INJURY = "SCIF-2024-118220", "2023-06-14"
NAMES = ("Rosa Delgado", "Whitcomb", "State Compensation", "Terri Boyd", "Capitol Grocers")


@pytest.fixture(autouse=True)
def _march_20_2024():
    cache.clear()
    with time_machine.travel("2024-03-20 17:00:05Z", tick=False):
        yield
    cache.clear()


def _ask(client, number, claim=CLAIM, injury=INJURY, address="10.0.0.9", **headers):
    body = {"case_number": number, "claim_number": claim, "date_of_injury": injury}
    return client.post("/status/", body, REMOTE_ADDR=address, **headers)


def test_every_state_has_a_stage_with_what_happens_next_and_its_rule():
    assert set(STAGES) == set(State)
    assert all(s.words and s.next and s.source for s in STAGES.values())


def test_the_employee_reads_the_stage_and_next_date_with_no_name_on_the_page(
    client, application_doc
):
    number = filed(application_doc).case_number
    page = _ask(client, number.lower(), claim="scif 2024 118220").content.decode()
    assert stage_of(State.ELIGIBLE).words in page
    assert "Notice of Assignment, by March 21, 2024" in page
    assert "8 CCR 9792.10.4(b)" in page
    assert not [name for name in NAMES if name in page]


def test_the_next_dates_status_reads_as_part_of_its_sentence(client, application_doc):
    # The status page had "(Due within 2 days; 8 CCR ...)": a label written for the start of
    # a table cell, capitalised mid-sentence. The timeline's cell keeps its capital.
    number = filed(application_doc).case_number
    said = " ".join(_ask(client, number).content.decode().split())
    assert "Notice of Assignment, by March 21, 2024 (due within 2 days; 8 CCR" in said


def test_a_case_in_qa_tells_what_comes_next_and_never_who_reviewed_it(client, application_doc):
    from datetime import UTC, datetime

    row = decided_through_intake(application_doc, datetime(2024, 3, 18, 17, tzinfo=UTC))
    page = _ask(client, row.case_number).content.decode()
    assert stage_of(State.QA).words in page
    assert "reviewer" not in page.lower().replace("expert reviewer", "")
    assert not [name for name in NAMES if name in page]


@pytest.mark.parametrize(
    ("claim", "injury"), [("SCIF-2024-999999", INJURY), (CLAIM, "2023-06-15"), ("---", INJURY)]
)
def test_a_wrong_claim_number_or_date_answers_as_no_case_and_is_audited(
    client, application_doc, claim, injury
):
    number = filed(application_doc).case_number
    page = _ask(client, number, claim=claim, injury=injury).content.decode()
    assert "No case matches that case number, claim number and date of injury" in page
    assert stage_of(State.ELIGIBLE).words not in page
    refused = AuditEvent.objects.get(action="case.status_viewed.refused")
    assert refused.object_id == number and claim not in str(refused.detail)


@pytest.mark.parametrize("claim", ["not stated", "0", "WCAB-77-4410-QZ"])
def test_a_case_imported_whole_without_its_claim_number_has_none_to_match(
    client, three_item_doc, claim
):
    case_import(case=case_from_document(three_item_doc), actor="test")
    page = _ask(client, three_item_doc["case_number"], claim=claim, injury="2015-08-03")
    said = " ".join(page.content.decode().split())
    assert "No case matches" in said
    # Said plainly, on every miss alike (no guess learns that the number is an imported case).
    assert "imported whole from another system without its claim number cannot be found" in said
    assert "can be found here only if its claim number came with it" in said
    assert "ask the IMR organization" in said


def test_a_badly_written_date_is_named_at_its_field(client, application_doc):
    number = filed(application_doc).case_number
    page = _ask(client, number, injury="06/14/2023")
    assert page.status_code == 422
    assert "Write the date as YYYY-MM-DD, for example 2023-06-14." in page.content.decode()
    assert not AuditEvent.objects.filter(action__startswith="case.status_viewed").exists()


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("case_number", "", "This field is required."),
        ("claim_number", "SCIF\x00118220", "Null characters are not allowed."),
        ("claim_number", "9" * 101, "at most 100 characters"),
    ],
)
def test_a_missing_or_impossible_field_is_refused_at_it(
    client, application_doc, field, value, said
):
    number = filed(application_doc).case_number
    body = {"case_number": number, "claim_number": CLAIM, "date_of_injury": INJURY} | {field: value}
    page = client.post("/status/", body, REMOTE_ADDR="10.0.0.9")
    assert page.status_code == 422
    assert said in page.content.decode() and f'data-field="{field}"' in page.content.decode()
    assert not AuditEvent.objects.filter(action__startswith="case.status_viewed").exists()


def test_an_address_guessing_claim_numbers_is_made_to_wait(client, application_doc):
    number = filed(application_doc).case_number
    for n in range(TRIES_PER_MINUTE):
        assert _ask(client, number, claim=f"GUESS-{n}").status_code == 200
    held = _ask(client, number)  # the right one, too late
    assert held.status_code == 429 and held["Retry-After"] == "55"
    assert "try again in 55 seconds" in held.content.decode()
    assert _ask(client, number, address="10.0.0.10").status_code == 200


def test_the_claims_administrators_token_reads_the_status_over_the_api(client, application_doc):
    User.objects.create_user("scif", is_staff=True)
    token = token_create(
        name="scif-portal", username="scif", administrator="State Compensation Insurance Fund"
    )
    doc = copy.deepcopy(application_doc)
    number = filed(doc).case_number
    headers = {"Authorization": f"Bearer {token}"}
    answer = client.get(f"/api/v1/cases/{number}/status", headers=headers)
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert (body["state"], body["stage"]) == ("eligible", stage_of(State.ELIGIBLE).words)
    assert body["next_due"]["name"] == "noarfi_due" and body["next_due"]["due"] == "2024-03-21"
    assert not [name for name in NAMES if name in answer.content.decode()]
    User.objects.create_user("pacific", is_staff=True)
    other = token_create(name="pacific-portal", username="pacific", administrator="Pacific Comp")
    refused = client.get(
        f"/api/v1/cases/{number}/status", headers={"Authorization": f"Bearer {other}"}
    )
    assert refused.status_code == 404
    assert AuditEvent.objects.filter(action="case.status_viewed.refused").count() == 1


# A party has no account: the audit event names the address the look-up came from (behind a
# trusted proxy, the client's, not the proxy's) and what the page showed, a wrong look-up the
# address it came from too, so the trail tells who looked at a case and who was guessing at
# it (HIPAA 45 CFR 164.312(b)). The events had neither.


def test_a_look_up_is_audited_with_the_address_and_the_state_and_date_shown(
    client, application_doc
):
    number = filed(application_doc).case_number
    assert _ask(client, number).status_code == 200
    event = AuditEvent.objects.get(action="case.status_viewed", object_id=number)
    assert event.actor_label == "anonymous" and event.role == "public"
    assert event.detail == {
        "via": "status page",
        "client": "10.0.0.9",
        "shown": {"state": "eligible", "next_due": {"name": "noarfi_due", "due": "2024-03-21"}},
    }


def test_a_wrong_look_up_is_audited_with_the_address_it_came_from(client, application_doc):
    number = filed(application_doc).case_number
    _ask(client, number, claim="SCIF-2024-999999", address="10.0.0.77")
    refused = AuditEvent.objects.get(action="case.status_viewed.refused", object_id=number)
    assert refused.detail == {"via": "status page", "client": "10.0.0.77"}


def test_behind_a_trusted_proxy_the_clients_address_is_audited(client, application_doc, settings):
    settings.OPENIMR_TRUSTED_PROXIES = (ipaddress.ip_network("10.0.0.0/8"),)
    number = filed(application_doc).case_number
    _ask(client, number, HTTP_X_FORWARDED_FOR="203.0.113.5")
    event = AuditEvent.objects.get(action="case.status_viewed", object_id=number)
    assert event.detail["client"] == "203.0.113.5"
