"""A query parameter an operation does not declare is refused 422 at its name on every
GET of the API, as the lists refused one: the single items (an application, a case's
status, a decision, a reviewer's determination) dropped it and answered 200, so a client
asking `/applications/{case_number}?fields=deadlines` or `/decisions/{case_number}?page=2`
read the whole answer as what it had asked for. The refused read is not audited: nothing
was read."""

import pytest

from openimr.api.auth import OPERATION_SCOPES
from openimr.api.services import token_create
from openimr.api.tests.conftest import ADMINISTRATOR
from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db
CASE = "CM16-0400101"


@pytest.fixture(autouse=True)
def _case(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")


@pytest.fixture
def every_scope(django_user_model) -> dict[str, str]:
    django_user_model.objects.create_user("portal", is_staff=True)
    scopes = tuple(sorted(set(OPERATION_SCOPES.values())))
    token = token_create(name="all", username="portal", scopes=scopes, administrator=ADMINISTRATOR)
    return {"Authorization": f"Bearer {token}"}


def _reads(client) -> list[str]:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    return [p.replace("{case_number}", CASE) for p, item in paths.items() if "get" in item]


def test_each_get_refuses_parameters_it_does_not_declare_naming_each(client, every_scope):
    reads = _reads(client)
    assert len(reads) == 6  # the lists and the single items alike
    for url in reads:
        plain = client.get(url, headers=every_scope)
        asked = client.get(url + "?fields=all&include=x", headers=every_scope)
        assert plain.status_code != 422, url
        assert asked.status_code == 422, url
        paths = [f["path"] for f in asked.json()["error"]["fields"]]
        assert paths == ["$.fields", "$.include"], url


@pytest.mark.parametrize(
    ("url", "item", "audited"),
    [
        (f"/api/v1/applications/{CASE}", "the application", "application.viewed"),
        (f"/api/v1/cases/{CASE}/status", "the case's status", "case.status_viewed"),
    ],
)
def test_a_single_item_says_it_takes_none_and_reads_nothing(
    client, administrator_token, url, item, audited
):
    headers = {"Authorization": f"Bearer {administrator_token}"}
    answer = client.get(url + "?page=2", headers=headers)
    assert answer.status_code == 422
    [field] = answer.json()["error"]["fields"]
    assert field == {
        "path": "$.page",
        "message": f"not a parameter here: {item} takes no query parameters",
    }
    assert not AuditEvent.objects.filter(action__startswith=audited).exists()
    assert client.get(url, headers=headers).status_code == 200
    assert AuditEvent.objects.filter(action=audited).count() == 1
