"""The panel import page names a rejected row's line once per problem ("line 3:
license_states: ..."), not twice ("line 3: line 3: ..."), as the import command prints it."""

import io

import pytest

from openimr.reviewers.tests.test_panel_pages import BAD, GOOD, HEADER

pytestmark = pytest.mark.django_db


def test_a_rejected_row_names_its_line_once(client, staff_client):
    upload = io.BytesIO(f"{HEADER}\n{GOOD}\n{BAD}\n".encode())
    upload.name = "panel.csv"
    body = client.post("/reviewers/import/", {"panel": upload}).content.decode()
    assert "line 3: license_states: &#x27;ZZ&#x27; is not a US state code" in body
    assert "line 3: line 3" not in body
