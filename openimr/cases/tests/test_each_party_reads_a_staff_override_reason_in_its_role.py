"""Staff who overrule a screening write their reason once, and the notice carrying it is
served on every party; it was printed as staff wrote it, with nothing saying whose
application it was about, while the screening rules' reasons read "Your application ..." to
the worker and "The application filed by the employee, ..." to the claims administrator.
An override's reason is now framed the same way, each party's copy in its role, staff's
words after it as written."""

import pytest
from django.core import mail

from openimr.cases.domain.eligibility import Outcome
from openimr.cases.domain.override import override_reason
from openimr.cases.services import application_override
from openimr.cases.tests.conftest import filed
from openimr.cases.tests.test_each_partys_notice_gives_the_screening_reasons_in_its_own_words import (
    _bodies,
    _every_party,
)
from openimr.core.addressing import READERS, address

WRITTEN = "The UR decision named in it was {withdrawn} by the claims administrator."


@pytest.mark.django_db
@pytest.mark.usefixtures("intake_day")
def test_each_party_reads_the_override_reason_about_the_application_in_its_role(
    application_doc, django_capture_on_commit_callbacks
):
    row = filed(_every_party(application_doc), disputed_other_than_medical_necessity=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application_override(
            row=row, outcome=Outcome.INELIGIBLE, reason=WRITTEN, actor="supervisor"
        )
    bodies = _bodies()
    found = (
        "was screened again by the staff of the IMR organization, who found it not eligible "
        f"for Independent Medical Review, for this reason: {WRITTEN}"
    )
    assert f"Your application {found}" in bodies["employee"]
    assert f"Your client's application {found}" in bodies["attorney"]
    assert (
        f"The application filed by the employee, Rosa Delgado, {found}"
        in bodies["claims_administrator"]
    )
    assert (
        f"The application filed by your patient, Rosa Delgado, {found}"
        in bodies["requesting_physician"]
    )
    row.application.refresh_from_db()
    (reason,) = row.application.reasons
    assert reason["code"] == "staff_override" and reason["text"] == f"Your application {found}"


def test_a_deferral_by_hand_says_the_review_waits_and_staffs_words_stay_as_written():
    reason = override_reason(Outcome.DEFERRED, " Liability for the knee is {disputed}. ")
    for reader in (*READERS, ""):
        read = address(reason.wording, reader, "Rosa Delgado")
        assert read.endswith(
            "who found that its review must wait, for this reason: Liability for the knee is "
            "{disputed}."
        )
    assert address(reason.wording, "", "").startswith("The application filed by the employee")
    with pytest.raises(ValueError, match="eligible gives no reason"):
        override_reason(Outcome.ELIGIBLE, "x")
