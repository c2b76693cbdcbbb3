"""A case withdrawn before its Notice of Assignment was sent showed that notice's clock as
"Met" on its timeline (and `met` in `clocks show` and the API): every clock of a closed case
was called met. A clock is met when the fact that meets it is recorded; one the case closed
before is "stopped"."""

import pytest

from openimr.cases import selectors, services
from openimr.cases.domain.lifecycle import State
from openimr.cases.tests.conftest import filed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


def _statuses(row):
    return {d["name"]: d["status"] for d in selectors.deadline_rows(row)}


def test_a_notice_never_sent_before_the_withdrawal_is_stopped(
    client, staff_client, application_doc
):
    row = filed(application_doc)
    services.case_close(row=row, target=State.WITHDRAWN, actor="clerk", note="worker withdrew")
    assert _statuses(row) == {"noarfi_due": "stopped"}
    body = client.get(f"/cases/{row.case_number}/timeline/").content.decode()
    deadlines = body.split('id="deadlines"')[1].split("</table>")[0]
    assert "Stopped: the case closed first" in deadlines and ">Met<" not in deadlines


def test_a_notice_sent_before_the_withdrawal_stays_met_and_its_records_stopped(application_doc):
    row = filed(application_doc)
    services.case_assign(row=row, actor="clerk")
    services.case_close(row=row, target=State.WITHDRAWN, actor="clerk", note="worker withdrew")
    assert _statuses(row) == {"noarfi_due": "met", "records_due": "stopped"}


def test_an_open_case_keeps_its_running_statuses(application_doc):
    row = filed(application_doc)
    services.case_assign(row=row, actor="clerk")
    assert _statuses(row) == {"noarfi_due": "met", "records_due": "on_track"}
