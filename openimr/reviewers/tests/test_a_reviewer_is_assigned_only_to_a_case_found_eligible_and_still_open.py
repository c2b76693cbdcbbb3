"""A reviewer is assigned to a case the Administrative Director found eligible
(8 CCR 9792.10.4(a)): an ineligible, deferred or closed case is refused with a Conflict
naming its state, and no assignment or audit row is written."""

import copy
from datetime import UTC, datetime

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases import services as case_services
from openimr.cases.intake_schema import parse_application
from openimr.core.errors import Conflict
from openimr.reviewers import models, services
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.tests.test_assignment_service import DEMO_PANEL

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


@pytest.fixture
def panel():
    for reviewer in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        services.reviewer_store(reviewer=reviewer, actor="test")


def _received(doc):
    (stored,) = case_services.applications_receive(
        filings=[case_services.Filing(parse_application(doc), RECEIVED)],
        via="api",
        actor="clerk",
        client="test",
    )
    return stored.case.case_number


def _ineligible(doc):
    doc = copy.deepcopy(doc)
    del doc["ur_decision_document"]
    return doc


def _deferred(doc):
    doc = copy.deepcopy(doc)
    doc["disputed_other_than_medical_necessity"] = True
    return doc


@pytest.mark.parametrize(
    ("make", "words"),
    [(_ineligible, "an ineligible case"), (_deferred, "a deferred case")],
)
def test_a_case_screened_out_or_deferred_is_refused_naming_its_state(
    panel, application_doc, make, words
):
    number = _received(make(application_doc))
    with pytest.raises(Conflict, match=words):
        services.reviewer_assign(case_number=number, actor="clerk")
    assert not models.Assignment.objects.exists()
    assert not AuditEvent.objects.filter(action="case.reviewer_assigned").exists()


def test_the_staff_page_says_why_and_assigns_nobody(panel, application_doc, client):
    from conftest import intake_clerk

    client.force_login(intake_clerk())
    number = _received(_deferred(application_doc))
    response = client.post(f"/reviewers/assign/{number}/", follow=True)
    assert "a deferred case" in response.content.decode()
    assert not models.Assignment.objects.exists()
