"""A notice is downloaded (PDF, HTML, text) rebuilt from what was frozen when it was served.
When the organization later changes the wording of its notices, or moves and changes the
address they give, a notice served before must still read as it was served: it is the
record of what each party was told (8 CCR 9792.10.3; 8 CCR 9792.10.4(b))."""

import copy
from datetime import UTC, datetime

import pytest

from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.cases.services import notices
from openimr.letters.domain.template import LetterTemplate
from openimr.letters.render.text import render_text

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
MOVED = "Independent Medical Review, 1 New Street, Fresno, CA 93721"


def _reworded(monkeypatch):
    """The organization's notices.toml as it reads after a later deployment."""
    data = copy.deepcopy(notices._notice_template().data)
    data["organization"]["address"] = MOVED
    data["ineligible"]["title"] = "Notice That Your Application Cannot Go Forward"
    monkeypatch.setattr(notices, "_notice_template", lambda: LetterTemplate(data, "later"))


def _served(doc):
    return services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
    ).application.case


def test_an_ineligibility_notice_keeps_its_wording_and_address(application_doc, monkeypatch):
    del application_doc["ur_decision_document"]
    notice = _served(application_doc).notices.get(kind="ineligible")
    _reworded(monkeypatch)
    rebuilt = render_text(notices.notice_stored_letter(notice))
    assert rebuilt == notice.text
    assert MOVED not in rebuilt


def test_a_notice_of_assignment_keeps_its_address(application_doc, monkeypatch):
    row = _served(application_doc)
    notice = services.case_assign(row=row, actor="clerk", at=RECEIVED)
    _reworded(monkeypatch)
    assert render_text(notices.notice_stored_letter(notice)) == notice.text


def test_a_notice_issued_after_the_change_reads_the_new_wording(application_doc, monkeypatch):
    _reworded(monkeypatch)
    del application_doc["ur_decision_document"]
    notice = _served(application_doc).notices.get(kind="ineligible")
    assert MOVED in notice.text
    assert render_text(notices.notice_stored_letter(notice)) == notice.text
