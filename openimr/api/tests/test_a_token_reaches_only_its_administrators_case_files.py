"""A token reaches the case file (GET and POST /api/v1/cases/{n}/documents) only of cases
linked to the claims administrator its account is registered as: another administrator's
case, or one linked to none, answers 404 as for no such case, audited, and stores nothing.
Cases are linked when filed by a registered account, when imported naming a registered
administrator (any spelling of the same words), and when the administrator is registered
after they arrived."""

import base64
import copy

import pytest
from django.contrib.auth.models import User

from conftest import make_pdf
from openimr.api.services import token_create
from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case
from openimr.cases.services import administrator_register, case_import
from openimr.core.errors import Conflict, InvalidInput
from openimr.records.models import Record

pytestmark = pytest.mark.django_db
GOLDEN, OTHER, NOBODY = "CM16-0400101", "CM16-0400201", "CM16-0400301"


def _import(doc, number, administrator):
    doc = copy.deepcopy(doc)
    doc.update(case_number=number, claims_administrator={"name": administrator})
    case_import(case=case_from_document(doc), actor="test")


@pytest.fixture
def tokens():
    for name in ("golden-claims", "pacific-claims"):
        User.objects.create_user(name, is_staff=True)
    return {
        "golden": token_create(
            name="golden-portal", username="golden-claims", administrator="Golden State Claims"
        ),
        "pacific": token_create(
            name="pacific-portal", username="pacific-claims", administrator="Pacific Comp"
        ),
    }


@pytest.fixture
def cases(tokens, three_item_doc):
    _import(three_item_doc, GOLDEN, "GOLDEN STATE CLAIMS")
    _import(three_item_doc, OTHER, "Pacific Comp.")
    _import(three_item_doc, NOBODY, "Golden State Claims Services")  # other words: not Golden


def _document():
    return {
        "filename": "note.pdf",
        "content_base64": base64.b64encode(make_pdf("A progress note.")).decode(),
        "submitted_by": "claims_administrator",
    }


def _get(client, token, number):
    return client.get(f"/api/v1/cases/{number}/documents", headers=_auth(token))


def _post(client, token, number):
    url = f"/api/v1/cases/{number}/documents"
    return client.post(url, _document(), content_type="application/json", headers=_auth(token))


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_a_token_reads_and_sends_records_for_its_administrators_case(client, tokens, cases):
    assert _post(client, tokens["golden"], GOLDEN).status_code == 201
    listed = _get(client, tokens["golden"], GOLDEN)
    assert listed.status_code == 200 and [r["filename"] for r in listed.json()] == ["note.pdf"]


@pytest.mark.parametrize("number", [OTHER, NOBODY])
def test_another_administrators_case_or_an_unlinked_one_is_404_audited(
    client, tokens, cases, number
):
    assert _post(client, tokens["golden"], number).status_code == 404
    response = _get(client, tokens["golden"], number)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert Record.objects.count() == 0
    refused = AuditEvent.objects.filter(object_id=number, action__endswith=".refused")
    assert sorted(refused.values_list("action", flat=True)) == [
        "case_file.viewed.refused",
        "record.upload.refused",
    ]
    assert set(refused.values_list("actor_label", flat=True)) == {"golden-claims"}


def test_an_unlinked_case_is_linked_when_its_administrator_registers(tokens, three_item_doc):
    _import(three_item_doc, NOBODY, "Golden State Claims Services, Inc.")
    _import(three_item_doc, OTHER, "golden state claims services inc")
    User.objects.create_user("gscs-claims", is_staff=True)
    done = administrator_register(
        name="Golden State Claims Services Inc", username="gscs-claims", actor="clerk"
    )
    assert done.cases_linked == 2
    linked = Case.objects.filter(claims_administrator__account__username="gscs-claims")
    assert set(linked.values_list("case_number", flat=True)) == {NOBODY, OTHER}
    event = AuditEvent.objects.get(action="claims_administrator.registered", actor_label="clerk")
    assert event.detail["cases_linked"] == 2


def test_a_case_filed_by_a_registered_account_is_linked_to_its_administrator(
    client, tokens, application_doc
):
    filed = client.post(
        "/api/v1/applications",
        application_doc,
        content_type="application/json",
        headers=_auth(tokens["pacific"]),
    )
    number = filed.json()["case_number"]
    assert _get(client, tokens["pacific"], number).status_code == 200
    assert _get(client, tokens["golden"], number).status_code == 404


def test_a_case_replaced_to_name_another_administrator_leaves_the_first(
    client, tokens, cases, three_item_doc
):
    doc = copy.deepcopy(three_item_doc)
    doc.update(case_number=GOLDEN, claims_administrator={"name": "Pacific Comp"})
    case_import(case=case_from_document(doc), actor="test", replace=True)
    assert _get(client, tokens["golden"], GOLDEN).status_code == 404
    assert _get(client, tokens["pacific"], GOLDEN).status_code == 200


def test_an_account_acts_for_one_administrator_and_an_administrator_has_one_account(tokens):
    with pytest.raises(Conflict, match="acts for Golden State Claims already"):
        administrator_register(name="Pacific Comp", username="golden-claims", actor="clerk")
    User.objects.create_user("intruder", is_staff=True)
    with pytest.raises(Conflict, match="registered to another account"):
        administrator_register(name="golden state claims", username="intruder", actor="clerk")
    assert not Case.objects.filter(claims_administrator__account__username="intruder").exists()


def test_a_blank_administrator_name_is_refused_and_no_token_is_made(tokens):
    User.objects.create_user("blank-claims", is_staff=True)
    with pytest.raises(InvalidInput) as refused:
        token_create(name="blank", username="blank-claims", administrator=" , ")
    assert refused.value.problems[0].path == "$.administrator"
    assert not User.objects.get(username="blank-claims").api_tokens.exists()
