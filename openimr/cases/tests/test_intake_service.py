"""An application becomes a screened case with its clocks running, or is refused whole."""

import copy
from datetime import UTC, date, datetime

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases import models, services
from openimr.cases.domain.eligibility import Outcome
from openimr.cases.domain.lifecycle import IllegalTransition, State
from openimr.cases.intake_schema import parse_application
from openimr.core.clock import CALIFORNIA
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)  # 10:00 in California


def _submit(doc, at=RECEIVED, key=None, client="test-client"):
    return services.application_submit(
        form=parse_application(doc),
        via="api",
        actor="clerk",
        client=client,
        idempotency_key=key,
        at=at,
    )


def test_an_eligible_application_becomes_a_case_with_the_notice_of_assignment_due(application_doc):
    submitted = _submit(application_doc)
    row = submitted.application.case
    assert row.case_number == "CM24-0000001"
    assert (row.state, submitted.application.outcome) == ("eligible", "eligible")
    assert row.next_due_name == "noarfi_due"
    assert row.next_due_at.astimezone(CALIFORNIA).date() == date(2024, 3, 21)  # 1 business day
    assert [i.treatment for i in row.items.all()] == [
        t["treatment"] for t in application_doc["treatments"]
    ]
    assert submitted.application.ur_decision_pages == 1
    assert "MRI right knee not certified" in submitted.application.ur_decision_text


def test_every_step_is_in_the_audit_trail_with_actor_and_time(application_doc):
    row = _submit(application_doc).application.case
    actions = list(
        AuditEvent.objects.filter(object_id=row.case_number).values_list(
            "action", "actor_label", "at"
        )
    )
    assert [a[0] for a in actions] == ["case.received", "case.transition", "case.transition"]
    assert {a[1] for a in actions} == {"clerk"}
    assert {a[2] for a in actions} == {RECEIVED}


def test_case_numbers_count_up_within_the_year(application_doc):
    first = _submit(application_doc).application.case.case_number
    other = copy.deepcopy(application_doc)
    other["claim_number"] = "OTHER-1"
    second = _submit(other).application.case.case_number
    assert (first, second) == ("CM24-0000001", "CM24-0000002")


def test_an_ineligible_application_gets_its_reasons_and_a_served_notice(application_doc):
    del application_doc["signature"]
    del application_doc["ur_decision_document"]
    app = _submit(application_doc, at=datetime(2024, 4, 20, 17, tzinfo=UTC)).application
    assert app.outcome == "ineligible"
    assert {r["code"] for r in app.reasons} == {"unsigned", "no_ur_decision", "late"}
    assert app.last_day_to_file == date(2024, 4, 5)
    notice = app.case.notices.get()
    assert notice.kind == "ineligible"
    assert "April 5, 2024" in notice.text
    served = {(s.party_role, s.method) for s in notice.services.all()}
    # The employee gave an e-mail address, the claims administrator none: it is mailed.
    assert ("employee", "email") in served and ("claims_administrator", "mail") in served
    assert app.case.next_due_at is None


def test_an_ineligible_notice_goes_by_email_to_each_party_that_gave_an_address(application_doc):
    del application_doc["signature"]
    application_doc["requesting_physician"]["email"] = "office@clinic.example"
    app = _submit(application_doc).application
    served = {s.party_role: s.method for s in app.case.notices.get().services.all()}
    assert served["requesting_physician"] == "email"
    del application_doc["requesting_physician"]["email"]
    application_doc["claim_number"] = "ANOTHER-1"
    other = _submit(application_doc, key="another").application
    served = {s.party_role: s.method for s in other.case.notices.get().services.all()}
    assert served["requesting_physician"] == "mail"


def test_the_same_application_twice_is_screened_as_a_duplicate(application_doc):
    _submit(application_doc)
    second = _submit(application_doc).application
    assert second.outcome == "ineligible"
    assert [r["code"] for r in second.reasons] == ["duplicate"]


def test_the_same_idempotency_key_returns_the_first_case_and_stores_nothing_new(application_doc):
    first = _submit(application_doc, key="k-1")
    again = _submit(application_doc, key="k-1")
    assert again.replayed and again.application.pk == first.application.pk
    assert models.Case.objects.count() == 1


def test_a_key_is_per_client(application_doc):
    _submit(application_doc, key="k-1", client="a")
    assert not _submit(application_doc, key="k-1", client="b").replayed


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "must not be empty"),
        ("%%%not base64", "is not valid base64"),
        ("aGVsbG8gd29ybGQ=", "not a PDF"),
        ("JVBERi0xLjQKZ2FyYmFnZQ==", "cannot be opened"),
    ],
    ids=["empty", "not base64", "not a pdf", "damaged pdf"],
)
def test_a_bad_upload_is_refused_and_nothing_is_stored(application_doc, content, message):
    application_doc["ur_decision_document"]["content_base64"] = content
    with pytest.raises(InvalidInput) as caught:
        _submit(application_doc)
    assert message in str(caught.value.problems[0].message)
    assert caught.value.problems[0].path.startswith("$.ur_decision_document")
    assert models.Case.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_an_oversized_upload_is_refused(application_doc, settings):
    settings.OPENIMR_UPLOAD_MAX_BYTES = 100
    with pytest.raises(InvalidInput, match="the limit is 100"):
        _submit(application_doc)
    assert models.Case.objects.count() == 0


def test_an_encrypted_pdf_is_refused(application_doc):
    import base64
    import io

    import pypdfium2  # noqa: F401  (the reader that must refuse it)
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    page.drawString(72, 720, "locked")
    page.save()
    application_doc["ur_decision_document"]["content_base64"] = base64.b64encode(
        buffer.getvalue()
    ).decode()
    with pytest.raises(InvalidInput, match="encrypted"):
        _submit(application_doc)


def test_the_whole_flow_moves_the_clocks(application_doc):
    application_doc["claims_administrator"]["email"] = "claims@example.org"  # sent by e-mail
    row = _submit(application_doc).application.case
    services.case_assign(row=row, actor="clerk", at=datetime(2024, 3, 21, 16, tzinfo=UTC))
    assert (row.state, row.next_due_name) == ("assigned", "records_due")
    assert row.notices.filter(kind="noarfi").count() == 1
    assert "April 2, 2024" in row.notices.get(kind="noarfi").text  # 12 days after electronic notice
    services.case_records_complete(row=row, actor="clerk", at=datetime(2024, 3, 28, 16, tzinfo=UTC))
    assert row.next_due_name == "determination_due"
    # 30 days from 3/28 is Saturday 4/27, which rolls to Monday 4/29 (CCP 12a)
    assert row.next_due_at.astimezone(CALIFORNIA).date() == date(2024, 4, 29)
    services.case_begin_review(row=row, actor="reviewer", at=datetime(2024, 4, 1, 16, tzinfo=UTC))
    assert row.state == "in_review"


def test_conversion_to_expedited_recomputes_the_determination_clock(application_doc):
    row = _submit(application_doc).application.case
    services.case_assign(row=row, actor="clerk", at=datetime(2024, 3, 21, 16, tzinfo=UTC))
    services.case_records_complete(row=row, actor="clerk", at=datetime(2024, 3, 28, 16, tzinfo=UTC))
    services.case_convert_expedited(
        row=row,
        actor="clerk",
        note="Physician certified an imminent threat",
        at=datetime(2024, 4, 1, 16, tzinfo=UTC),
    )
    assert row.priority == "expedited"
    assert row.next_due_at.astimezone(CALIFORNIA).date() == date(2024, 4, 4)  # 3 days after 4/1


def test_termination_stops_every_clock(application_doc):
    row = _submit(application_doc).application.case
    services.case_close(
        row=row, target=State.TERMINATED, actor="clerk", note="Authorized by the insurer"
    )
    assert (row.state, row.next_due_at) == ("terminated", None)
    with pytest.raises(IllegalTransition):
        services.case_assign(row=row, actor="clerk")


def test_override_needs_a_written_reason_and_is_audited(application_doc):
    del application_doc["signature"]
    row = _submit(application_doc).application.case
    with pytest.raises(InvalidInput, match="written reason"):
        services.application_override(
            row=row, outcome=Outcome.ELIGIBLE, reason=" ", actor="supervisor"
        )
    services.application_override(
        row=row,
        outcome=Outcome.ELIGIBLE,
        reason="Signed form found in the mail",
        actor="supervisor",
    )
    row.refresh_from_db()
    assert row.state == "eligible" and row.application.override_by == "supervisor"
    assert AuditEvent.objects.filter(
        actor_label="supervisor", detail__note__startswith="override"
    ).exists()


def test_an_illegal_move_changes_nothing(application_doc):
    row = _submit(application_doc).application.case
    with pytest.raises(IllegalTransition):
        services.case_records_complete(row=row, actor="clerk")
    row.refresh_from_db()
    assert row.state == "eligible" and row.records_complete_at is None
