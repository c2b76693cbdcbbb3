"""The claims administrator's records are due 15 days after a mailed Notice of Assignment and
12 days after one sent electronically (8 CCR 9792.10.5(a)(1)). The notice's service on the
claims administrator must say the same method the case's records clock counts from, or the
case page shows a party served electronically and a deadline counted for mail."""

from datetime import UTC, datetime

import pytest

from openimr.cases import models, services
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.intake_schema import parse_application

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
ASSIGNED = datetime(2024, 3, 21, 16, 0, tzinfo=UTC)


def _served_on_the_claims_administrator(doc, method):
    row = services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
    ).application.case
    notice = services.case_assign(row=row, actor="clerk", method=method, at=ASSIGNED)
    row.refresh_from_db()
    service = models.NoticeService.objects.get(notice=notice, party_role="claims administrator")
    return row.noarfi_method, service.method


def test_a_mailed_notice_of_assignment_is_recorded_as_mailed_to_the_claims_administrator(
    application_doc,
):
    assert _served_on_the_claims_administrator(application_doc, ServiceMethod.MAIL) == (
        "mail",
        "mail",
    )


def test_an_electronic_notice_of_assignment_is_recorded_as_sent_electronically(
    application_doc,
):
    assert _served_on_the_claims_administrator(application_doc, ServiceMethod.ELECTRONIC) == (
        "electronic",
        "electronic",
    )


def test_the_screening_notices_still_reach_the_claims_administrator_electronically(
    application_doc,
):
    del application_doc["ur_decision_document"]
    row = services.application_submit(
        form=parse_application(application_doc),
        via="api",
        actor="clerk",
        client="t",
        at=RECEIVED,
    ).application.case
    notice = row.notices.get(kind="ineligible")
    service = notice.services.get(party_role="claims administrator")
    assert service.method == "electronic"
