"""From the case list a clerk lands on the case record; the actions (notice, records
complete, assign a reviewer) are on the timeline and the upload form on the case file.
Each of the three pages links to the other two, so no step needs a URL typed by hand."""

import pytest

pytestmark = pytest.mark.django_db

CASE = "CM16-0400101"
RECORD, TIMELINE, CASE_FILE = f"/cases/{CASE}/", f"/cases/{CASE}/timeline/", f"/records/{CASE}/"


def test_the_case_record_links_to_the_timeline_and_to_the_case_file(client, staff_client, case):
    body = client.get(RECORD).content.decode()
    assert f'href="{TIMELINE}"' in body
    assert f'href="{CASE_FILE}"' in body


def test_the_timeline_links_to_the_case_file(client, staff_client, case):
    body = client.get(TIMELINE).content.decode()
    assert f'href="{CASE_FILE}"' in body
    assert f'href="{RECORD}"' in body


def test_the_case_file_links_to_the_timeline(client, staff_client, case):
    body = client.get(CASE_FILE).content.decode()
    assert f'href="{TIMELINE}"' in body
    assert f'href="{RECORD}"' in body
