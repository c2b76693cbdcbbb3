"""A hand-edited or stale request on the intake pages gets a clear answer, never a server
error: an override to an outcome that does not exist is explained and changes nothing, and a
notice link whose id is not a number is a 404 like any unknown notice."""

import pytest

from openimr.cases import models
from openimr.cases.tests.test_intake_pages import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


@pytest.fixture
def ineligible_case(client, staff_client):
    client.post("/cases/new/", form_data(claim_number="NO-UR-1"))  # no UR decision: ineligible
    return models.Case.objects.get()


def test_an_override_to_an_unknown_outcome_is_explained_and_changes_nothing(
    client, ineligible_case
):
    number = ineligible_case.case_number
    response = client.post(
        f"/cases/{number}/action/",
        {"action": "override", "outcome": "approved", "reason": "UR letter arrived by fax"},
        follow=True,
    )
    assert response.status_code == 200
    assert "is not an outcome" in response.content.decode()
    assert models.Case.objects.get().state == "ineligible"


def test_a_notice_link_with_an_id_that_is_not_a_number_is_not_found(client, ineligible_case):
    number = ineligible_case.case_number
    assert models.Notice.objects.filter(case=ineligible_case).exists()
    for bad in ("abc", "1.5", "-1", " ", "²"):
        assert client.get(f"/cases/{number}/notice.pdf", {"id": bad}).status_code == 404
