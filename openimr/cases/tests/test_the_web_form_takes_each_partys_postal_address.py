"""The staff web form has a labelled postal address field for the claims administrator, the
requesting physician and the attorney, as DWC Form IMR does, and for the employer, who is
served the letter by mail; what it takes is stored with the application, and a bad address
is shown at its own field with nothing stored."""

import pytest

from openimr.cases import models
from openimr.cases.tests.test_intake_pages import form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]

TYPED = {
    "claims_administrator_address": "PO Box 8192\r\nPleasanton, CA 94588",
    "physician_address": "2801 K Street, Suite 300\r\nSacramento, CA 95816",
    "attorney_name": "Mara Quintero, Esq.",
    "attorney_address": "455 Capitol Mall, Suite 801\r\nSacramento, CA 95814",
    "employer_address": "8900 Elk Grove Boulevard\r\nElk Grove, CA 95624",
}
LABELS = (
    ("claims_administrator_address", "Claims administrator&#x27;s postal address"),
    ("physician_address", "Requesting physician&#x27;s postal address"),
    ("attorney_address", "Attorney&#x27;s postal address"),
    ("employer_address", "Employer&#x27;s postal address"),
)


def test_each_address_field_is_on_the_form_with_its_label(client, staff_client):
    body = client.get("/cases/new/").content.decode()
    for name, label in LABELS:
        assert f'<label for="id_{name}">{label}</label>' in body
        assert f'<textarea name="{name}"' in body


def test_the_addresses_typed_are_stored_with_the_application(client, staff_client):
    client.post("/cases/new/", {**form_data(**TYPED), "ur_decision_document": upload()})
    stored = models.Application.objects.get()
    assert (
        stored.claims_administrator_address,
        stored.requesting_physician_address,
        stored.attorney_address,
        stored.employer_address,
    ) == (
        TYPED["claims_administrator_address"],
        TYPED["physician_address"],
        TYPED["attorney_address"],
        TYPED["employer_address"],
    )


@pytest.mark.parametrize(
    ("field", "value", "shown_at", "message"),
    [
        ("physician_address", "x" * 501, "physician_address", "at most 500 characters"),
        (
            "claims_administrator_address",
            "PO Box\x1b 8192",
            "claims_administrator_address",
            "must not contain control characters",
        ),
        ("attorney_name", "", "attorney_name", "required when the attorney&#x27;s address"),
        ("employer_name", "", "employer_name", "required when the employer&#x27;s address"),
        ("employer_address", "8900 Elk\x1b Grove", "employer_address", "control characters"),
    ],
)
def test_a_bad_address_is_shown_at_its_field_and_nothing_is_stored(
    client, staff_client, field, value, shown_at, message
):
    data = {**form_data(**TYPED), field: value, "ur_decision_document": upload()}
    response = client.post("/cases/new/", data)
    assert response.status_code == 422
    body = response.content.decode()
    error = body[body.index(f'id="id_{shown_at}_error"') :]
    assert f'data-field="{shown_at}"' in error[:400] and message in error[:400]
    assert "The application was not saved" in body
    assert not models.Case.objects.exists() and not models.Application.objects.exists()
