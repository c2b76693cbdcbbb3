"""A case with no record received yet lists the documents of its index in the workspace; it
named their kind by its code ("rfa", "ur_determination"). It says the staff pages' words."""

import pytest

from openimr.review.case_file import RecordLine, _record
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db


def test_the_workspace_lists_the_indexed_documents_with_their_kind_in_words(
    client, cast, under_review
):
    login(client, cast.reviewer)
    body = client.get(f"/review/{CASE}/").content.decode()
    assert "<td>Request for authorization</td>" in body
    assert "<td>UR determination</td>" in body
    assert "<td>rfa</td>" not in body
    assert "<td>ur_determination</td>" not in body


def test_a_record_line_says_the_kind_in_the_one_tables_words():
    line = _record({"pk": 1, "title": "RFA", "kind": "rfa"})
    assert isinstance(line, RecordLine)
    assert line.kind_label == "Request for authorization"
