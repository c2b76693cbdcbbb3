"""A claims administrator's token sends the claims administrator's records
(8 CCR 9792.10.5(a)(1)): the medical reports it holds are written by physicians, but it is
the one sending them. Labelled as sent by the employee, the employee's attorney, the
requesting physician or the IMRO's own staff, they would reach the reviewer as the other
side's, or the organization's, own. Refused at `$.submitted_by`, nothing stored; intake
staff, who receive every party's records, still say who sent each one."""

import pytest

from openimr.api.tests.test_a_token_reaches_only_its_administrators_case_files import (  # noqa: F401
    GOLDEN,
    _auth,
    _document,
    cases,
    tokens,
)
from openimr.records.models import Record

pytestmark = pytest.mark.django_db


def _post(client, token, submitted_by):
    url = f"/api/v1/cases/{GOLDEN}/documents"
    body = {**_document(), "submitted_by": submitted_by}
    return client.post(url, body, content_type="application/json", headers=_auth(token))


@pytest.mark.parametrize(
    "party", ["employee", "employee_attorney", "requesting_physician", "imro_staff"]
)
def test_a_record_said_to_come_from_another_party_is_refused(client, tokens, cases, party):  # noqa: F811
    response = _post(client, tokens["golden"], party)

    assert response.status_code == 422, response.content
    (field,) = response.json()["error"]["fields"]
    assert field["path"] == "$.submitted_by"
    assert "claims_administrator" in field["message"]
    assert Record.objects.count() == 0


def test_its_own_records_are_taken(client, tokens, cases):  # noqa: F811
    response = _post(client, tokens["golden"], "claims_administrator")

    assert response.status_code == 201, response.content
    assert Record.objects.get().submitted_by == "claims_administrator"
