"""The claims administrator reported one of two disputed treatments authorized: it left the
dispute and the review went on with the other (8 CCR 9792.10.6(a)). A new application for
that treatment was screened out as a ``duplicate`` ("That application is the one we
review"), though nobody reviews it: it is now ``already_authorized``, naming the treatment
and the day it was authorized; a treatment still in dispute is still a duplicate."""

import copy
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
import time_machine

from openimr.cases import services
from openimr.cases.domain.authorization import AuthorizationReport
from openimr.cases.domain.eligibility import AuthorizedTreatment, ScreeningContext, screen
from openimr.cases.domain.lifecycle import State
from openimr.cases.tests.conftest import filed
from openimr.cases.tests.test_eligibility import EARLIER, GOOD, PROGRAM

MRI = "MRI of the right knee without contrast"
PT = "Physical therapy, right knee, 12 sessions"
LATER = datetime(2024, 3, 22, 17, 0, tzinfo=UTC)


def _only(doc, *treatments):
    doc = copy.deepcopy(doc)
    doc["treatments"] = [t for t in doc["treatments"] if t["treatment"] in treatments]
    return doc


@pytest.fixture
def mri_authorized(application_doc):
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        first = filed(application_doc)
        report = AuthorizationReport((MRI,), date(2024, 3, 19))
        services.case_authorization_report(
            case_number=first.case_number, report=report, actor="scif"
        )
    first.refresh_from_db()
    assert (first.state, [i.treatment for i in first.items.all()]) == ("eligible", [PT])
    return first


def _again(doc):
    with time_machine.travel(LATER, tick=False):
        return filed(doc, at=LATER)


def said_authorized(again, on_file):
    """The one reason ``again`` was screened out for: the MRI authorized out of ``on_file``."""
    assert again.state == "ineligible"
    (reason,) = again.application.reasons
    assert reason["code"] == "already_authorized"
    assert f"reference {on_file.case_number}." in reason["text"]
    assert (
        f"The claims administrator reported that the request for {MRI} was authorized on "
        "March 19, 2024, so it is no longer in dispute" in reason["text"]
    )
    return reason


@pytest.mark.django_db
def test_a_new_application_for_the_authorized_treatment_alone_says_it_was_authorized(
    application_doc, mri_authorized
):
    reason = said_authorized(_again(_only(application_doc, MRI)), mri_authorized)
    assert "If the treatment has not been given, you may contact the claims" in reason["text"]
    assert "the one we review" not in reason["text"]
    assert reason["source"] == "8 CCR 9792.10.6(a); 8 CCR 9792.10.3(a)(2)"


@pytest.mark.django_db
def test_a_new_application_for_both_is_a_duplicate_for_the_one_still_disputed(
    application_doc, mri_authorized
):
    again = _again(application_doc)
    assert [r["code"] for r in again.application.reasons] == ["duplicate", "already_authorized"]
    assert MRI in again.application.reasons[1]["text"]
    still = _again(_only(application_doc, PT))
    assert [r["code"] for r in still.application.reasons] == ["duplicate"]


AUTHORIZED = (AuthorizedTreatment("physical therapy x 12", date(2024, 5, 8)),)


@pytest.mark.parametrize(
    ("state", "codes"),
    [
        (None, ["already_authorized"]),
        (State.SCREENING, ["already_authorized"]),
        (State.ELIGIBLE, ["already_authorized"]),
        (State.IN_REVIEW, ["already_authorized"]),
        (State.QA, ["already_authorized"]),
        (State.ISSUED, ["already_authorized"]),  # decided the rest; this one left before
        (State.TERMINATED, ["already_authorized"]),  # one reason for the whole review
    ],
)
def test_a_treatment_authorized_out_of_a_case_on_file_is_never_its_duplicate(state, codes):
    # GOOD disputes MRI and physical therapy; EARLIER physical therapy and acupuncture.
    on_file = replace(EARLIER, state=state, authorized=AUTHORIZED, ended_on=date(2024, 5, 15))
    result = screen(GOOD, ScreeningContext(received=(on_file,)), PROGRAM)
    assert [r.code for r in result.reasons] == codes
    (reason,) = result.reasons
    if state is not State.TERMINATED:
        assert "the request for physical therapy x 12 was authorized on May 8, 2024" in (
            reason.text
        )


def test_a_treatment_still_disputed_beside_one_authorized_is_a_duplicate():
    both = replace(EARLIER, state=State.ELIGIBLE, authorized=AUTHORIZED)
    acupuncture = replace(GOOD, treatments=(replace(GOOD.treatments[0], treatment="Acupuncture"),))
    result = screen(acupuncture, ScreeningContext(received=(both,)), PROGRAM)
    assert [r.code for r in result.reasons] == ["duplicate"]


def test_an_authorized_treatment_on_another_ur_decision_is_no_reason():
    other = replace(EARLIER, ur_decision_date=date(2024, 4, 2), authorized=AUTHORIZED)
    assert screen(GOOD, ScreeningContext(received=(other,)), PROGRAM).reasons == ()
