"""The timeline's buttons are the actions the case's state allows (the lifecycle's one
table): "Convert to expedited" had been offered on every case, an ineligible, terminated or
issued one included, and pressing it there said only "cannot be converted". The services
refuse what the page no longer offers, saying why, and change nothing."""

import pytest

from openimr.cases import models, services
from openimr.cases.domain.lifecycle import State, actions_offered
from openimr.cases.tests.conftest import filed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]

BUTTONS = {
    "assign": "Send notice of assignment",
    "convert": "Convert to expedited",
    "terminate": "Terminate (treatment authorized)",
    "withdraw": "Withdraw (the applicant withdrew)",
}


@pytest.mark.parametrize(
    ("state", "expedited", "offered"),
    [
        (State.SCREENING, False, {"convert", "terminate", "withdraw"}),
        (State.ELIGIBLE, False, {"assign", "convert", "terminate", "withdraw"}),
        (State.ELIGIBLE, True, {"assign", "terminate", "withdraw"}),
        (State.ASSIGNED, False, {"records_complete", "convert", "terminate", "withdraw"}),
        (State.RECORDS_COMPLETE, False, {"begin_review", "convert", "terminate", "withdraw"}),
        (State.QA, False, {"convert", "terminate", "withdraw"}),
        (State.DEFERRED, False, {"terminate", "withdraw"}),
        (State.INELIGIBLE, False, set()),
        (State.ISSUED, False, set()),
        (State.WITHDRAWN, False, set()),
        (State.TERMINATED, False, set()),
    ],
)
def test_the_lifecycle_names_the_actions_each_state_allows(state, expedited, offered):
    assert actions_offered(state, expedited=expedited) == offered


def _buttons(client, number):
    body = client.get(f"/cases/{number}/timeline/").content.decode()
    actions = body.split('id="actions"')[1].split('id="reviewer"')[0]
    return {name for name, words in BUTTONS.items() if words in actions}, actions


def test_an_ineligible_case_offers_no_conversion_nor_closing_only_the_override(
    client, staff_client, ineligible
):
    shown, actions = _buttons(client, ineligible.case_number)
    assert shown == set()
    assert "Override outcome" in actions


def test_an_eligible_case_offers_assignment_conversion_and_closing(
    client, staff_client, application_doc
):
    row = filed(application_doc)
    shown, _ = _buttons(client, row.case_number)
    assert shown == {"assign", "convert", "terminate", "withdraw"}


def test_a_terminated_case_offers_nothing_and_says_why(client, staff_client, application_doc):
    row = filed(application_doc)
    services.case_close(row=row, target=State.TERMINATED, actor="clerk", note="MRI authorized")
    shown, actions = _buttons(client, row.case_number)
    assert shown == set()
    assert "No action applies: the case is terminated." in actions
    body = client.get(f"/cases/{row.case_number}/timeline/").content.decode()
    assert "Assign reviewer</button>" not in body


def test_a_deferred_case_is_not_offered_conversion(client, staff_client, deferred):
    shown, _ = _buttons(client, deferred.case_number)
    assert shown == {"terminate", "withdraw"}


@pytest.mark.parametrize(
    ("fixture", "said"),
    [
        (
            "ineligible",
            "an ineligible case cannot be converted to expedited review: only a case still to "
            "be reviewed or in review can (8 CCR 9792.10.4(c))",
        ),
        (
            "deferred",
            "a deferred case cannot be converted to expedited review: its review waits until "
            "the liability dispute is settled (8 CCR 9792.10.3(d)); screen it again first",
        ),
    ],
)
def test_converting_a_case_its_state_does_not_allow_is_refused_and_serves_no_notice(
    client, staff_client, request, fixture, said
):
    row = request.getfixturevalue(fixture)
    notices = row.notices.count()
    response = client.post(
        f"/cases/{row.case_number}/action/",
        {"action": "convert", "note": "Physician certified an imminent threat"},
        follow=True,
    )
    assert said in response.content.decode()
    row.refresh_from_db()
    assert row.priority == "standard" and row.converted_to_expedited_at is None
    assert row.notices.count() == notices
    assert not models.Notice.objects.filter(case=row, kind="converted").exists()
