"""A look at a record from the workspace is audited on that record (``record`` and its id,
with the case number), as the staff's case file audits it, so the trail says which record
was read; a record that is not in the case file is a refusal, never a look. A record of the
case file whose text is not read yet opens (its page says so) rather than answering 404."""

from types import SimpleNamespace

import pytest

from openimr.audit.models import AuditEvent
from openimr.audit.selectors import case_trail
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/records/"


def test_a_record_look_names_the_record_and_shows_in_the_case_trail(
    client, cast, under_review, records_layer
):
    assert login(client, cast.reviewer).get(f"{URL}7/").status_code == 200
    event = AuditEvent.objects.get(action="record.viewed")
    assert (event.actor, event.object_type, event.object_id) == (cast.reviewer, "record", "7")
    assert event.detail["case_number"] == CASE
    assert event in case_trail(CASE)


def test_a_record_not_in_the_case_file_is_a_refusal_and_not_a_look(
    client, cast, under_review, records_layer
):
    assert login(client, cast.reviewer).get(f"{URL}8/").status_code == 404
    assert not AuditEvent.objects.filter(action="record.viewed").exists()
    refused = AuditEvent.objects.get(action="record.viewed.refused")
    assert (refused.object_type, refused.object_id) == ("record", "8")
    assert refused.detail["case_number"] == CASE


def test_a_record_whose_text_is_not_read_yet_opens_and_says_so(
    client, cast, under_review, records_layer
):
    pending = SimpleNamespace(
        pk=9, display_title="Operative report", author=None, date_of_service=None, kind="other",
        page_count=0,
    )  # fmt: skip
    listed = records_layer.case_file
    records_layer.case_file = lambda row: [*listed(row), pending]
    response = login(client, cast.reviewer).get(f"{URL}9/")
    assert response.status_code == 200
    assert "Operative report" in response.content.decode()
    assert "No text has been read from this record yet" in response.content.decode()
    assert AuditEvent.objects.filter(action="record.viewed", object_id="9").count() == 1
