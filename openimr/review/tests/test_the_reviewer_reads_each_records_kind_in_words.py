"""The workspace's case file and the record page named a record's kind by its code
("progress_note"); the staff case file says "Progress note". Both reviewer pages now do."""

import pytest

from openimr.review.tests.conftest import CASE, login, store_record

pytestmark = pytest.mark.django_db


def test_the_workspace_and_the_record_page_name_the_kind_in_words(client, cast, under_review):
    record = store_record(CASE, ("PROGRESS NOTE", "Plan: MRI."))
    login(client, cast.reviewer)
    workspace = client.get(f"/review/{CASE}/").content.decode()
    page = client.get(f"/review/{CASE}/records/{record.pk}/").content.decode()
    assert "<td>Progress note</td>" in workspace
    assert "· Progress note</p>" in page
    for body in (workspace, page):
        assert "progress_note" not in body
