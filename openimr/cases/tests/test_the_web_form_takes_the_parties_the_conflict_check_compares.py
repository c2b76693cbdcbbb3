"""The staff web form takes what the API takes for the reviewer's conflict-of-interest check
(LC 139.5(d)): the physician's medical group, the facility, the manufacturer, the UR
organization and UR reviewer; and the claims administrator's agreement to proceed despite a
liability dispute (8 CCR 9792.10.3(d)), without which such an application is deferred."""

import pytest

from openimr.cases import models
from openimr.cases.tests.test_intake_pages import form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]

PARTIES = {
    "medical_group_name": "Coastal Orthopaedic Medical Group",
    "facility_name": "Bayside Surgery Center",
    "manufacturer_name": "Acme Devices",
    "ur_organization_name": "Prime UR Services",
    "ur_reviewer_name": "Dr. Lee Grant",
}


def test_the_further_parties_are_stored_on_the_case(client, staff_client):
    client.post("/cases/new/", {**form_data(**PARTIES), "ur_decision_document": upload()})
    row = models.Case.objects.get()
    assert {name: getattr(row, name) for name in PARTIES} == PARTIES


def test_a_liability_dispute_the_administrator_agrees_to_proceed_with_is_eligible(
    client, staff_client
):
    disputed = form_data(disputed_other_than_medical_necessity="on")
    client.post("/cases/new/", {**disputed, "ur_decision_document": upload()})
    client.post(
        "/cases/new/",
        {
            **disputed,
            "claim_number": "SCIF-OTHER-1",
            "claims_administrator_agrees_to_proceed": "on",
            "ur_decision_document": upload(),
        },
    )
    states = dict(models.Case.objects.values_list("application__claim_number", "state"))
    assert states == {"SCIF-2024-118220": "deferred", "SCIF-OTHER-1": "eligible"}
