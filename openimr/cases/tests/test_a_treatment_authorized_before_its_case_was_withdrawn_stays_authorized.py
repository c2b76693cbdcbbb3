"""The claims administrator reported one of two disputed treatments authorized; the worker
then withdrew the case. A new application for the authorized treatment was found eligible, as
if nothing had happened: a withdrawn case was not held at all. The authorization is the
administrator's, and the withdrawal takes back the request for review, not the
authorization (8 CCR 9792.10.6(a)): the new application is ``already_authorized``, naming the
treatment and the day; a treatment the withdrawn case still disputed is free to be asked
again, as the withdrawn case is nobody's review (no ``duplicate``)."""

from dataclasses import replace
from datetime import date

import pytest
import time_machine

from openimr.cases import services
from openimr.cases.domain.eligibility import AuthorizedTreatment, ScreeningContext, screen
from openimr.cases.domain.lifecycle import State
from openimr.cases.tests.test_a_new_application_for_a_treatment_reported_authorized_says_so import (
    MRI,
    PT,
    _again,
    _only,
    mri_authorized,  # noqa: F401 (a fixture)
    said_authorized,
)
from openimr.cases.tests.test_eligibility import EARLIER, GOOD, PROGRAM


@pytest.fixture
def withdrawn(mri_authorized):  # noqa: F811
    with time_machine.travel("2024-03-21 17:00Z", tick=False):
        services.case_close(
            row=mri_authorized, target=State.WITHDRAWN, actor="clerk", note="the worker withdrew"
        )
    mri_authorized.refresh_from_db()
    assert mri_authorized.state == "withdrawn"
    return mri_authorized


@pytest.mark.django_db
def test_a_new_application_for_the_treatment_authorized_before_the_withdrawal_says_so(
    application_doc, withdrawn
):
    said_authorized(_again(_only(application_doc, MRI)), withdrawn)


@pytest.mark.django_db
def test_the_treatment_the_withdrawn_case_still_disputed_may_be_asked_again(
    application_doc, withdrawn
):
    both = _again(application_doc)
    assert [r["code"] for r in both.application.reasons] == ["already_authorized"]
    assert _again(_only(application_doc, PT)).state == "eligible"


def test_a_withdrawn_case_holds_its_authorized_treatment_and_is_no_ones_review():
    # GOOD disputes MRI and physical therapy; EARLIER physical therapy and acupuncture.
    authorized = (AuthorizedTreatment("physical therapy x 12", date(2024, 5, 8)),)
    on_file = replace(EARLIER, state=State.WITHDRAWN, authorized=authorized)
    (reason,) = screen(GOOD, ScreeningContext(received=(on_file,)), PROGRAM).reasons
    assert reason.code == "already_authorized"
    assert "the request for physical therapy x 12 was authorized on May 8, 2024" in reason.text
    nothing_authorized = replace(on_file, authorized=())
    assert screen(GOOD, ScreeningContext(received=(nothing_authorized,)), PROGRAM).reasons == ()
