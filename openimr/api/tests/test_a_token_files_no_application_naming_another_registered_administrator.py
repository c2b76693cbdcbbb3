"""A registered claims administrator's portal files applications for its own claims: the
case is linked to its administrator, and its file opens to that administrator's tokens.
An application that names another registered administrator would have put that
administrator's case, and the records later sent to it, in this portal's hands and out of
the named administrator's: it is refused at the name (422), nothing stored. A name that is
this administrator's own written another way, or one no account is registered for, files
as before."""

import copy

import pytest
from django.contrib.auth.models import User

from openimr.api.services import token_create
from openimr.api.tests.test_applications_api import (  # noqa: F401 (the fixture)
    _received_on_march_20_2024,
    post,
)
from openimr.cases.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def golden():
    for name in ("golden-claims", "pacific-claims"):
        User.objects.create_user(name, is_staff=True)
    token_create(name="pacific-portal", username="pacific-claims", administrator="Pacific Comp")
    return token_create(
        name="golden-portal", username="golden-claims", administrator="Golden State Claims"
    )


def _naming(doc, administrator):
    doc = copy.deepcopy(doc)
    doc["claims_administrator"] = {"name": administrator}
    return doc


def test_an_application_naming_another_registered_administrator_is_refused(
    client, golden, application_doc
):
    response = post(client, golden, _naming(application_doc, "PACIFIC COMP."))

    assert response.status_code == 422, response.content
    (field,) = response.json()["error"]["fields"]
    assert field["path"] == "$.claims_administrator.name"
    assert "Golden State Claims" in field["message"]
    assert not Case.objects.exists()


@pytest.mark.parametrize("name", ["golden state claims", "Golden State Claims Adjusting Unit"])
def test_its_own_name_or_an_unregistered_one_files_linked_to_it(
    client, golden, application_doc, name
):
    response = post(client, golden, _naming(application_doc, name))

    assert response.status_code == 201, response.content
    row = Case.objects.get(case_number=response.json()["case_number"])
    assert row.claims_administrator.name == "Golden State Claims"


def test_the_name_is_listed_with_the_applications_other_problems(client, golden, application_doc):
    doc = _naming(application_doc, "Pacific Comp")
    doc["signature"]["date"] = "2024-03-21"  # the day after it was received
    response = post(client, golden, doc)

    assert response.status_code == 422, response.content
    paths = [f["path"] for f in response.json()["error"]["fields"]]
    assert sorted(paths) == ["$.claims_administrator.name", "$.signature.date"]
