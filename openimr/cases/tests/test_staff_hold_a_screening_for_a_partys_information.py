"""Staff ask a party the application names for what screening needs (8 CCR 9792.10.3(c)):
the case is held in screening, the request is served on the party with a copy to the
employee, and the party has 5 business days (5 more days when mailed, CCP 1013(a)); staff
record the answer, then the outcome. Bad input and a case that cannot be asked write
nothing."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from openimr.audit.models import AuditEvent
from openimr.cases import models, selectors, services
from openimr.cases.clocks import open_deadlines
from openimr.cases.domain.eligibility import Outcome
from openimr.cases.domain.lifecycle import State
from openimr.cases.tests.conftest import filed
from openimr.core.errors import InvalidInput
from openimr.letters.models import LetterService

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)  # Wednesday, 10 a.m. in California
ASKED = RECEIVED + timedelta(hours=1)
NEED = "The written UR decision of March 1, 2024 was not attached: please send a copy."
NAME = "eligibility_information_due"


@pytest.fixture
def eligible(application_doc):
    return filed(application_doc, at=RECEIVED)


def _ask(row, party="claims_administrator", text=NEED, at=ASKED):
    return services.case_information_request(row=row, party=party, text=text, actor="clerk", at=at)


def _events(row, action):
    return list(AuditEvent.objects.filter(object_id=row.case_number, action=action).order_by("id"))


def _written():
    return (
        AuditEvent.objects.count(),
        models.Notice.objects.count(),
        LetterService.objects.count(),
    )


def test_asking_a_deferred_case_holds_it_in_screening_and_starts_the_clock(deferred):
    assert deferred.state == "deferred"
    _ask(deferred)
    deferred.refresh_from_db()
    assert deferred.state == "screening"
    assert deferred.information_requested_at == ASKED
    # The application gives the claims administrator no e-mail address: the request is
    # mailed, so 5 business days to March 27, 5 days more, past Cesar Chavez Day (April 1).
    assert deferred.information_method == "mail"
    assert deferred.next_due_name == NAME
    # The whole last day is the party's: the queue's instant is its end in California.
    assert deferred.next_due_at == datetime(2024, 4, 3, 6, 59, 59, 999_999, tzinfo=UTC)
    assert [(d.name, d.due) for d in open_deadlines(deferred)] == [(NAME, date(2024, 4, 2))]
    [moved] = _events(deferred, "case.transition")[-1:]
    assert (moved.detail["from"], moved.detail["to"]) == ("deferred", "screening")
    [asked] = _events(deferred, "case.information_requested")
    assert (asked.detail["party"], asked.detail["text"]) == ("claims_administrator", NEED)


def test_the_request_is_served_on_the_party_asked_and_a_copy_on_the_employee(deferred):
    notice = _ask(deferred)
    assert notice.kind == "information_request"
    assert notice.title == "Request for Information About Eligibility"
    served = {s.party_role: s.method for s in notice.services.all()}
    assert served == {"claims_administrator": "mail", "employee": "email"}
    text = " ".join(notice.text.split())
    assert NEED in text
    assert "asks the claims administrator (State Compensation Insurance Fund) for" in text
    assert "A copy of this request is sent to the employee" in text
    assert "by April 2, 2024" in text
    assert "eligibility will be decided on what is on file" in text
    assert "on hold" in text
    assert "P.O. Box" in text  # where to send it
    assert {"notice": "information_request"}.items() <= _events(deferred, "case.notice")[
        -1
    ].detail.items()


def test_the_employee_asked_is_served_once_by_email_and_has_the_shorter_clock(ineligible):
    assert ineligible.state == "ineligible"
    notice = _ask(ineligible, party="employee", text="Please sign the application.")
    ineligible.refresh_from_db()
    assert ineligible.state == "screening"
    assert ineligible.information_method == "electronic"
    assert [(s.party_role, s.method) for s in notice.services.all()] == [("employee", "email")]
    assert "A copy of this request" not in notice.text
    assert open_deadlines(ineligible)[0].due == date(2024, 3, 27)


def test_a_second_request_restarts_the_clock_from_itself(deferred):
    _ask(deferred)
    later = ASKED + timedelta(days=6)  # Tuesday March 26
    services.case_information_request(
        row=deferred, party="requesting_physician", text="Your chart note.", actor="c", at=later
    )
    deferred.refresh_from_db()
    assert deferred.information_requested_at == later
    assert len(_events(deferred, "case.information_requested")) == 2
    # Still screening: the second request moves nothing.
    assert [e.detail["to"] for e in _events(deferred, "case.transition")].count("screening") == 2
    assert open_deadlines(deferred)[0].due == date(2024, 4, 8)  # mailed, from the 26th


@pytest.mark.parametrize("reach", ["eligible", "assigned", "withdrawn"])
def test_a_case_whose_screening_is_settled_cannot_be_asked(eligible, reach):
    if reach == "assigned":
        services.case_assign(row=eligible, actor="clerk", at=ASKED)
    if reach == "withdrawn":
        services.case_close(row=eligible, target=State.WITHDRAWN, actor="clerk", note="by letter")
    eligible.refresh_from_db()
    before = _written()
    with pytest.raises(InvalidInput) as refused:
        _ask(eligible)
    [problem] = refused.value.problems
    assert problem.path == "$.state"
    assert f"the case is {reach}" in problem.message
    eligible.refresh_from_db()
    assert eligible.state == reach and eligible.information_requested_at is None
    assert _written() == before


@pytest.mark.parametrize(
    ("party", "text", "path", "said"),
    [
        ("", NEED, "$.party", "choose the party"),
        ("attorney", NEED, "$.party", "not a party the application names"),
        ("employer", NEED, "$.party", "not a party the application names"),
        ("employee", "", "$.text", "write what is needed"),
        ("employee", "   \n", "$.text", "write what is needed"),
        ("employee", "x" * 2001, "$.text", "2000 characters"),
        ("employee", "send\x00it", "$.text", "control characters"),
        ("employee", "reversed \u202etxet", "$.text", "text-direction"),
    ],
)
def test_bad_input_is_refused_at_its_field_and_nothing_is_written(
    deferred, party, text, path, said
):
    before = _written()
    with pytest.raises(InvalidInput) as refused:
        _ask(deferred, party=party, text=text)
    [problem] = refused.value.problems
    assert problem.path == path
    assert said in problem.message
    deferred.refresh_from_db()
    assert deferred.state == "deferred" and deferred.information_requested_at is None
    assert _written() == before


def test_every_problem_is_named_at_once(eligible):
    with pytest.raises(InvalidInput) as refused:
        _ask(eligible, party="", text="")
    assert [p.path for p in refused.value.problems] == ["$.state", "$.party", "$.text"]


def test_a_request_up_to_the_limit_over_several_lines_is_taken(deferred):
    text = ("Please send the signed application.\r\n\tAnd the UR decision." + "." * 2000)[:2000]
    notice = _ask(deferred, text=text)
    assert notice.facts["information"] == text


def test_recording_the_answer_meets_the_clock_and_keeps_the_case_held(deferred):
    _ask(deferred)
    services.case_information_received(
        row=deferred, note="UR decision received by fax.", actor="clerk", at=ASKED
    )
    deferred.refresh_from_db()
    assert deferred.state == "screening"
    assert deferred.information_answered_at == ASKED
    assert open_deadlines(deferred) == []
    assert (deferred.next_due_at, deferred.next_due_name) == (None, "")
    [row] = selectors.deadline_rows(deferred, at=ASKED)
    assert (row["name"], row["status"]) == (NAME, "met")
    [received] = _events(deferred, "case.information_received")
    assert received.detail["text"] == "UR decision received by fax."


@pytest.mark.parametrize(
    ("note", "said"),
    [("", "say what was received"), ("x" * 2001, "2000 characters"), ("a\x07b", "control")],
)
def test_a_bad_note_is_refused_at_its_field(deferred, note, said):
    _ask(deferred)
    before = _written()
    with pytest.raises(InvalidInput) as refused:
        services.case_information_received(row=deferred, note=note, actor="clerk")
    [problem] = refused.value.problems
    assert (problem.path, said in problem.message) == ("$.note", True)
    deferred.refresh_from_db()
    assert deferred.information_answered_at is None and _written() == before


def test_no_answer_can_be_recorded_when_none_is_awaited(deferred):
    with pytest.raises(InvalidInput) as refused:
        services.case_information_received(row=deferred, note="Got it.", actor="clerk")
    assert refused.value.problems[0].path == "$.state"
    _ask(deferred)
    services.case_information_received(row=deferred, note="Got it.", actor="clerk")
    with pytest.raises(InvalidInput):
        services.case_information_received(row=deferred, note="Again.", actor="clerk")


def test_the_outcome_of_a_held_case_starts_the_notice_of_assignment_clock(deferred):
    _ask(deferred)
    services.application_override(
        row=deferred,
        outcome=Outcome.ELIGIBLE,
        reason="The claims administrator accepted liability in writing.",
        actor="clerk",
        at=ASKED + timedelta(days=1),
    )
    deferred.refresh_from_db()
    assert deferred.state == "eligible"
    assert deferred.next_due_name == "noarfi_due"
    rows = {r["name"]: r["status"] for r in selectors.deadline_rows(deferred, at=ASKED)}
    assert rows[NAME] == "met"
    # One move out of screening, none into it: the case was already held there.
    moves = [(e.detail["from"], e.detail["to"]) for e in _events(deferred, "case.transition")]
    assert moves[-2:] == [("deferred", "screening"), ("screening", "eligible")]


def test_a_held_case_found_ineligible_is_served_the_notice_as_today(deferred):
    _ask(deferred)
    services.application_override(
        row=deferred,
        outcome=Outcome.INELIGIBLE,
        reason="No UR decision arrived within the time given.",
        actor="clerk",
    )
    deferred.refresh_from_db()
    assert deferred.state == "ineligible"
    assert open_deadlines(deferred) == []
    kinds = list(deferred.notices.values_list("kind", flat=True))
    assert kinds[-2:] == ["information_request", "ineligible"]


def test_the_held_case_is_on_the_work_queue_by_its_clock(deferred, eligible):
    _ask(deferred)
    with time_machine.travel(datetime(2024, 3, 21, 17, tzinfo=UTC), tick=False):
        queue = selectors.work_queue()
        held = next(row for row in queue if row.pk == deferred.pk)
        assert held.next_due_name == NAME
        assert deferred.pk not in {r.pk for r in selectors.work_queue(status="at_risk")}
    with time_machine.travel(datetime(2024, 4, 1, 17, tzinfo=UTC), tick=False):
        assert deferred.pk in {r.pk for r in selectors.work_queue(status="at_risk")}
    with time_machine.travel(datetime(2024, 4, 3, 17, tzinfo=UTC), tick=False):
        assert deferred.pk in {r.pk for r in selectors.work_queue(status="overdue")}
        assert selectors.queue_counts()["overdue"] >= 1
