"""The timeline's "What" column showed the audit trail's codes ("case.transition: received
→ screening", "case.reviewer_assigned") and its deadlines table wrote "Nov. 30, 2026" where
every other table writes 11/30/2026. It now says what happened in words, keeps the code
beside them for the audit trail, and writes dates as the work queue does."""

import re
from types import SimpleNamespace

import pytest

from openimr.cases import models
from openimr.cases.templatetags.case_tags import event_words
from openimr.cases.tests.test_intake_pages import form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


def test_the_timeline_says_each_move_and_notice_in_words_beside_its_code(client, staff_client):
    client.post("/cases/new/", {**form_data(), "ur_decision_document": upload()})
    number = models.Case.objects.get().case_number
    client.post(f"/cases/{number}/action/", {"action": "assign"})
    body = client.get(f"/cases/{number}/timeline/").content.decode()
    what = [cells[2] for cells in _rows(body)]
    assert "Application received" in what[0]
    assert any(w.startswith("Moved from Received to Screening") for w in what)
    assert any(w.startswith("Moved from Screening to Eligible") for w in what)
    assert any(w.startswith("Moved from Eligible to Assigned") for w in what)
    assert any(
        w.startswith("Notice issued: Notice of Assignment and Request for Information")
        for w in what
    )
    assert '<code class="muted">case.transition</code>' in body  # the audit trail's code
    assert "received → screening" not in body


def test_the_deadlines_table_writes_its_dates_as_the_queue_does(client, staff_client):
    client.post("/cases/new/", {**form_data(), "ur_decision_document": upload()})
    number = models.Case.objects.get().case_number
    queue = client.get("/cases/queue/").content.decode()
    body = client.get(f"/cases/{number}/timeline/").content.decode()
    deadlines = body.split('id="deadlines"')[1].split("</table>")[0]
    dues = re.findall(r"<td>(\d\d/\d\d/\d{4} \d\d:\d\d)</td>", deadlines)
    assert dues, deadlines
    assert dues[0] in queue
    assert not re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.? \d", deadlines)


@pytest.mark.parametrize(
    ("action", "detail", "words"),
    [
        ("case.reviewer_assigned", {"reviewers": ["R-1"]}, "Reviewer assigned"),
        (
            "case.information_requested",
            {"party": "claims_administrator"},
            "Information requested (Claims administrator)",
        ),
        (
            "case.notice",
            {"notice": "noarfi", "mailed": "2026-11-30"},
            "Notice issued: Notice of Assignment and Request for Information, mailed 11/30/2026",
        ),
        ("case.transition", {"from": "in_review", "to": "qa"}, "Moved from In review to QA"),
        ("case.something_new", {}, "Something new"),
    ],
)
def test_each_event_reads_in_words_and_an_unknown_one_as_its_code_in_words(action, detail, words):
    assert event_words(SimpleNamespace(action=action, detail=detail)) == words


def _rows(body: str) -> list[list[str]]:
    timeline = body.split("<h2>Timeline</h2>")[1]
    rows = re.findall(r"<tr><td>(.*?)</td></tr>", timeline, flags=re.S)
    return [re.split(r"</td><td>", row) for row in rows]
