"""A browser never sends a chosen file twice: when the web form is refused for another
field, the UR decision PDF the clerk chose is gone from the page. Sent again without it,
the corrected application was filed and screened ineligible, the UR decision "not
attached" (8 CCR 9792.10.3). The refused page therefore says at the file field that the
PDF, by its name, was not kept and must be chosen again; a PDF refused for itself keeps
its own reason alone."""

import io

import pytest

from conftest import make_pdf
from openimr.cases import models
from openimr.cases.tests.test_intake_pages import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


def _file(data, name="ur-decision-2024-03-01.pdf"):
    chosen = io.BytesIO(data)
    chosen.name = name
    return chosen


def _at_the_file_field(body):
    return [line for line in body.splitlines() if 'data-field="ur_decision_document"' in line]


def test_a_form_refused_for_a_date_asks_for_the_chosen_pdf_again(client, staff_client):
    data = {**form_data(date_of_injury="2023-02-30"), "ur_decision_document": _file(make_pdf())}
    response = client.post("/cases/new/", data)
    assert response.status_code == 422
    said = _at_the_file_field(response.content.decode())
    assert len(said) == 1
    assert "ur-decision-2024-03-01.pdf was not kept" in said[0]
    assert "choose it again" in said[0]
    assert models.Case.objects.count() == 0


def test_a_form_refused_by_the_service_asks_for_the_chosen_pdf_again(client, staff_client):
    # The schema passes; the day of receipt is checked by the service.
    data = {**form_data(ur_decision_date="2024-03-21"), "ur_decision_document": _file(make_pdf())}
    response = client.post("/cases/new/", data)
    assert response.status_code == 422
    assert "choose it again" in " ".join(_at_the_file_field(response.content.decode()))


def test_a_pdf_refused_for_itself_gives_only_its_own_reason(client, staff_client):
    data = {**form_data(), "ur_decision_document": _file(b"not a pdf at all", "ur.pdf")}
    response = client.post("/cases/new/", data)
    assert response.status_code == 422
    said = " ".join(_at_the_file_field(response.content.decode()))
    assert "PDF" in said and "choose it again" not in said


def test_a_form_refused_without_a_chosen_pdf_says_nothing_at_the_file_field(client, staff_client):
    response = client.post("/cases/new/", form_data(date_of_injury="2023-02-30"))
    assert response.status_code == 422
    assert _at_the_file_field(response.content.decode()) == []
