"""Migration 0004 links the cases that exist when it runs: an API account whose filings all
name one claims administrator (however spelled), and the only account naming it, becomes
that administrator's, and every case naming it is linked; an account whose filings name
two administrators, or one another account also names, is left for staff to register."""

import copy
import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import User

from openimr.api.services import token_create
from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case, ClaimsAdministrator
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db
migration = importlib.import_module("openimr.cases.migrations.0004_claims_administrator")


def _file(client, token, application_doc, administrator):
    doc = copy.deepcopy(application_doc)
    doc["claims_administrator"] = {"name": administrator}
    response = client.post(
        "/api/v1/applications",
        doc,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201, response.content
    return response.json()["case_number"]


def test_an_unambiguous_filer_is_registered_and_the_cases_naming_it_linked(
    client, application_doc, three_item_doc
):
    for name in ("scif-claims", "mixed-claims"):
        User.objects.create_user(name, is_staff=True)
    scif = token_create(name="scif-portal", username="scif-claims")
    mixed = token_create(name="mixed-portal", username="mixed-claims")
    first = _file(client, scif, application_doc, "State Compensation Insurance Fund")
    second = _file(client, scif, application_doc, "STATE COMPENSATION INSURANCE FUND.")
    both = [
        _file(client, mixed, application_doc, "Zenith Insurance"),
        _file(client, mixed, application_doc, "Republic Indemnity"),
    ]
    imported = copy.deepcopy(three_item_doc)
    imported["claims_administrator"] = {"name": "State Compensation Insurance Fund"}
    case_import(case=case_from_document(imported), actor="test")
    assert not Case.objects.exclude(claims_administrator=None).exists()

    migration.link_existing_cases(apps, None)

    registered = ClaimsAdministrator.objects.get()
    assert registered.account.username == "scif-claims"
    assert registered.name == "State Compensation Insurance Fund"
    linked = set(registered.cases.values_list("case_number", flat=True))
    assert linked == {first, second, imported["case_number"]}
    assert not Case.objects.filter(case_number__in=both).exclude(claims_administrator=None)
