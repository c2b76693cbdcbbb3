"""Every party is served the notice of ineligibility or deferral, but its reasons were
written to the worker ("Your application was not signed. It must be signed by you") on every
copy. A reason now keeps its wording with the placeholders of the notices
(`openimr.core.addressing.addressed`), and each party's copy reads it in its role; a notice
issued before, or an application screened before, reads as the worker was told it."""

import copy
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from django.core import mail

from openimr.cases.domain.eligibility import (
    AuthorizedTreatment,
    ScreeningContext,
    already_authorized,
)
from openimr.cases.domain.lifecycle import State
from openimr.cases.services.notices import notice_build, notice_stored_letter
from openimr.cases.tests.conftest import filed
from openimr.cases.tests.notice_facts import notice_facts
from openimr.cases.tests.test_eligibility import EARLIER, GOOD, PROGRAM
from openimr.core.addressing import READERS, address
from openimr.letters.domain.notices import build_screening_notice
from openimr.letters.domain.template import NOTICES_PATH, load_template
from openimr.letters.render.text import render_text

EMAILS = {
    "employee": "rosa.delgado@example.org",
    "attorney": "counsel@example.org",
    "claims_administrator": "claims@example.org",
    "requesting_physician": "whitcomb@example.org",
}
AT = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


def _every_party(doc):
    doc = copy.deepcopy(doc)
    doc["attorney"] = {"name": "Lena Ortiz", "email": EMAILS["attorney"]}
    doc["claims_administrator"]["email"] = EMAILS["claims_administrator"]
    doc["requesting_physician"]["email"] = EMAILS["requesting_physician"]
    return doc


def _bodies():
    return {
        role: " ".join(m.body.split())
        for role, address_ in EMAILS.items()
        for m in mail.outbox
        if m.to == [address_]
    }


def _flat(text):
    return " ".join(text.split())


def _filed_and_served(doc, capture, **changes):
    """The application filed by every party, its notices sent; the row and each party's mail."""
    with capture(execute=True):
        row = filed(_every_party(doc), **changes)
    return row, _bodies()


@pytest.mark.django_db
@pytest.mark.usefixtures("intake_day")
def test_each_party_reads_why_the_application_is_ineligible_in_its_role(
    application_doc, django_capture_on_commit_callbacks
):
    row, bodies = _filed_and_served(
        application_doc, django_capture_on_commit_callbacks, signature=None
    )
    assert row.state == "ineligible" and set(bodies) == set(EMAILS)
    assert (
        "Your application was not signed. It must be signed by you, or for you by an attorney"
        in bodies["employee"]
    )
    assert (
        "Your client's application was not signed. It must be signed by the employee, or for "
        "the employee by an attorney" in bodies["attorney"]
    )
    assert (
        "The application filed by the employee, Rosa Delgado, was not signed. It must be "
        "signed by the employee" in bodies["claims_administrator"]
    )
    assert (
        "The application filed by your patient, Rosa Delgado, was not signed."
        in bodies["requesting_physician"]
    )
    for role in ("claims_administrator", "requesting_physician"):
        assert "your application" not in bodies[role].lower()
        assert "signed by you" not in bodies[role]
    notice = row.notices.get(kind="ineligible")
    assert "The application filed by the employee, Rosa Delgado, was not signed." in _flat(
        notice.text
    )
    # Downloaded again, each party's copy reads as it was served.
    served = _flat(render_text(notice_stored_letter(notice, "attorney")))
    assert "Your client's application was not signed." in served
    # Staff and the API still read the worker's text.
    assert row.application.reasons[0]["text"].startswith("Your application was not signed.")


@pytest.mark.django_db
@pytest.mark.usefixtures("intake_day")
def test_the_claims_administrator_reads_that_it_disputes_liability_and_may_agree_to_go_ahead(
    application_doc, django_capture_on_commit_callbacks
):
    row, bodies = _filed_and_served(
        application_doc,
        django_capture_on_commit_callbacks,
        disputed_other_than_medical_necessity=True,
    )
    assert row.state == "deferred"
    assert "is disputed by you, for a reason other than" in bodies["claims_administrator"]
    assert "settled; you may instead agree to go ahead." in bodies["claims_administrator"]
    for role in ("employee", "attorney", "requesting_physician"):
        assert "is disputed by the claims administrator, for a reason" in bodies[role]
        assert "the claims administrator may instead agree to go ahead" in bodies[role]


@pytest.mark.django_db
@pytest.mark.usefixtures("intake_day")
def test_an_application_screened_before_the_wordings_were_kept_reads_as_the_worker_was_told(
    application_doc,
):
    row = filed(application_doc, signature=None)
    stored = row.application
    # As an application screened before this change stored its reasons: text, no wording.
    stored.reasons = [
        {"code": "unsigned", "text": "Your application {unsigned} was not signed.", "source": "x"}
    ]
    stored.save(update_fields=["reasons"])
    notice, _ = notice_build(row=row, kind="ineligible", at=AT)
    letter = notice_stored_letter(notice, "claims_administrator")
    assert "Your application {unsigned} was not signed." in _flat(render_text(letter))


def test_a_notice_issued_before_reads_its_reasons_as_issued_on_every_copy():
    facts = notice_facts(
        reasons=("Your application was not signed {sic}.",),
    )
    template = load_template(None, NOTICES_PATH)
    for reader in (*READERS, ""):
        text = _flat(render_text(build_screening_notice(facts, template, "ineligible", reader)))
        assert "Your application was not signed {sic}." in text


def test_a_treatment_written_with_braces_prints_as_written_for_every_party():
    on_file = _authorized("MRI {L4-L5}")
    context = ScreeningContext(received=(on_file,))
    (reason,) = already_authorized(_disputing("MRI {L4-L5}"), context, PROGRAM)
    assert "the request for MRI {L4-L5} was authorized on May 8, 2024" in reason.text
    for reader in (*READERS, ""):
        read = address(reason.wording, reader, "Rosa Delgado")
        assert "MRI {L4-L5}" in read and "{employee}" not in read
    assert "the employee may contact you." in address(reason.wording, "claims_administrator", "")


def _authorized(treatment):
    return replace(
        EARLIER,
        treatments=(treatment,),
        state=State.ELIGIBLE,
        authorized=(AuthorizedTreatment(treatment, date(2024, 5, 8)),),
    )


def _disputing(treatment):
    return replace(GOOD, treatments=(replace(GOOD.treatments[0], treatment=treatment),))
