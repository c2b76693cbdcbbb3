"""The panel page's "Assignable" column counts leave and a full week as matching does: a
reviewer on leave today had read "Yes" there while `reviewers match` passed them over."""

import pytest
import time_machine

from openimr.reviewers import services
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.tests.builders import DEMO_PANEL

pytestmark = pytest.mark.django_db


def panel_row(client, reviewer_id: str, day: str) -> str:
    with time_machine.travel(f"{day} 17:00Z", tick=False):
        body = client.get("/reviewers/").content.decode()
    return body.split(reviewer_id)[1].split("</tr>")[0]


@pytest.fixture
def panel():
    for reviewer in panel_from_json(DEMO_PANEL.read_text(encoding="utf-8")).values():
        services.reviewer_store(reviewer=reviewer, actor="test")


def test_a_reviewer_on_leave_today_is_not_assignable(client, staff_client, panel):
    # R-108 is on leave from 2026-11-20 to 2026-12-15 in the demo panel.
    assert "No: On leave from 11/20/2026 to 12/15/2026." in panel_row(client, "R-108", "2026-11-26")


def test_the_same_reviewer_is_assignable_the_day_before_the_leave(client, staff_client, panel):
    assert ">Yes<" in panel_row(client, "R-108", "2026-11-19")
