"""Every response carries a request id (the caller's, when it is a safe token), and the
audit events the request wrote carry the same id and the role the actor acted in."""

import pytest

from openimr.audit.middleware import request_id_for
from openimr.audit.models import AuditEvent
from openimr.audit.services import audit_record
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db
CASE = "CM16-0400101"


@pytest.fixture
def case(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    return CASE


def test_the_callers_request_id_is_returned_and_recorded(client, staff_client, case):
    response = client.get(f"/cases/{CASE}/", headers={"X-Request-ID": "lb-7f3a.42"})
    assert response["X-Request-ID"] == "lb-7f3a.42"
    viewed = AuditEvent.objects.get(action="case.viewed")
    assert (viewed.request_id, viewed.role, viewed.actor_label) == ("lb-7f3a.42", "intake", "clerk")


def test_without_one_a_fresh_id_is_made_for_each_request(client, staff_client, case):
    first = client.get(f"/cases/{CASE}/")["X-Request-ID"]
    second = client.get(f"/cases/{CASE}/")["X-Request-ID"]
    assert len(first) == 32 and first != second
    ids = list(AuditEvent.objects.filter(action="case.viewed").values_list("request_id", flat=True))
    assert ids == [first, second]


@pytest.mark.parametrize(
    "unsafe", ["a b", "x\r\nSet-Cookie: y", "a" * 65, "-starts-with-dash", "ünicode", ""]
)
def test_an_unsafe_incoming_id_is_replaced(unsafe):
    replaced = request_id_for(unsafe)
    assert replaced != unsafe and len(replaced) == 32


def test_work_outside_a_request_has_no_request_id_and_the_system_role(case):
    event = audit_record(actor="cli", action="x", object_type="case", object_id=CASE)
    assert (event.request_id, event.role) == ("", "system")


def test_a_refused_look_records_the_role_it_was_refused_to(client, case, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="a-long-test-password")
    client.force_login(user)
    assert client.get(f"/cases/{CASE}/", headers={"X-Request-ID": "r1"}).status_code == 404
    assert AuditEvent.objects.filter(request_id="r1", role="none").exists()
