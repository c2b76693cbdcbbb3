"""Staff pages, the staff API and the command line open a case by its number written in any
letter case, as the public side does: cm16-0400101 is the case CM16-0400101, not "no case".
A number no case has still answers 404, naming it in capitals as a case the user may not see
is named, so the answer tells nothing of which it is."""

import json

import pytest

from conftest import intake_clerk
from openimr.api.services import token_create
from openimr.api.tests.conftest import ADMINISTRATOR
from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cli import main
from openimr.core.case_numbers import case_number_spellings

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    return "CM16-0400101"


@pytest.mark.parametrize("path", ["/cases/{}/", "/cases/{}/timeline/", "/records/{}/"])
def test_a_staff_page_opens_the_case_typed_in_lower_case(client, case, path):
    client.force_login(intake_clerk())
    response = client.get(path.format(case.lower()))
    assert response.status_code == 200
    assert case in response.content.decode()


def test_the_documents_api_lists_the_case_typed_in_lower_case(client, case, django_user_model):
    django_user_model.objects.create_user("claims-portal", is_staff=True)
    token = token_create(name="portal", username="claims-portal", administrator=ADMINISTRATOR)
    response = client.get(
        f"/api/v1/cases/{case.lower()}/documents", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200, response.content
    viewed = AuditEvent.objects.filter(action="case_file.viewed").last()
    assert viewed is not None and viewed.object_id == case


def test_the_applications_api_reads_a_filed_case_typed_in_lower_case(client, application_doc):
    client.force_login(intake_clerk())
    filed = client.post(
        "/api/v1/applications", json.dumps(application_doc), content_type="application/json"
    ).json()["case_number"]
    response = client.get(f"/api/v1/applications/{filed.lower()}")
    assert response.status_code == 200, response.content
    assert response.json()["case_number"] == filed


def test_a_number_no_case_has_still_answers_404(client, case):
    client.force_login(intake_clerk())
    response = client.get("/api/v1/applications/cm99-0000001")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "no case CM99-0000001"
    assert client.get("/cases/cm99-0000001/").status_code == 404


def test_a_case_the_token_may_not_see_answers_as_one_that_does_not_exist(
    client, case, application_doc, django_user_model
):
    django_user_model.objects.create_user("other-claims", is_staff=True)
    token = token_create(name="other", username="other-claims")
    bearer = {"Authorization": f"Bearer {token}"}
    hidden = client.get(f"/api/v1/applications/{case.lower()}", headers=bearer)
    missing = client.get("/api/v1/applications/cm99-0000001", headers=bearer)
    assert hidden.status_code == missing.status_code == 404
    said = [r.json()["error"]["message"] for r in (hidden, missing)]
    assert said == [f"no case {case}", "no case CM99-0000001"]


def test_the_cli_shows_the_clocks_of_the_case_typed_in_lower_case(case, capsys):
    assert main(["clocks", "show", case.lower()]) == 0
    assert capsys.readouterr().out.startswith(case)


@pytest.mark.parametrize(
    ("typed", "spellings"),
    [
        ("CM16-0400101", ("CM16-0400101",)),
        ("cm16-0400101", ("cm16-0400101", "CM16-0400101")),
        ("(cm16-0400101).", ("cm16-0400101", "CM16-0400101")),
        ("knee", ()),
        ("cm16 0400101", ()),
    ],
)
def test_a_typed_number_is_looked_up_as_typed_then_in_capitals(typed, spellings):
    assert case_number_spellings(typed) == spellings
