"""A UR decision PDF past OPENIMR_UPLOAD_MAX_BYTES on the staff application form is dropped
as it streams in, and the application is refused at that field, naming the limit: not
screened as one without its UR decision attached, which would make it ineligible
(8 CCR 9792.10.3)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openimr.cases import models
from openimr.cases.tests.test_intake_pages import form_data
from openimr.records.tests.test_a_file_past_the_size_limit_is_refused_as_it_streams_in import (
    LIMIT,
    SAID,
    big_pdf,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


def test_an_application_whose_ur_pdf_is_past_the_limit_is_refused(client, staff_client, settings):
    settings.OPENIMR_UPLOAD_MAX_BYTES = LIMIT
    upload = SimpleUploadedFile("ur.pdf", big_pdf(), "application/pdf")
    response = client.post("/cases/new/", {**form_data(), "ur_decision_document": upload})
    assert response.status_code == 422
    assert response.context["form"].errors["ur_decision_document"] == [SAID]
    assert not models.Case.objects.exists()
