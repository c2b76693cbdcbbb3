"""The workspace reads the case file through the records app's selectors: the records, a
page with the marker that cites it, and the summary drafted from the extracted pages."""

import pytest

from openimr.review.tests.conftest import CASE, OTHER_CASE, login, store_record

pytestmark = pytest.mark.django_db
NOTE = (
    "PROGRESS NOTE\nDate of service: 08/30/2016\nSubjective: Low back pain radiating to the "
    "left leg.\nObjective: Positive straight-leg raise on the left.\n"
    "Ramón Ortega-Vásquez, MD"
)


@pytest.fixture
def record(under_review):
    return store_record(CASE, (NOTE,))


def test_the_case_file_lists_the_records_with_links_to_their_pages(client, cast, record):
    body = login(client, cast.reviewer).get(f"/review/{CASE}/").content.decode()
    assert f"/review/{CASE}/records/{record.pk}/" in body
    assert "Ramón Ortega-Vásquez, MD" in body


def test_a_record_page_shows_its_text_and_its_marker(client, cast, record):
    body = login(client, cast.reviewer).get(f"/review/{CASE}/records/{record.pk}/").content.decode()
    assert "Positive straight-leg raise on the left." in body
    assert f"[[{record.pk} p1]]" in body


def test_a_record_of_another_case_is_404_even_for_its_own_reviewer(client, cast, record):
    url = f"/review/{OTHER_CASE}/records/{record.pk}/"
    assert login(client, cast.other_reviewer).get(url).status_code == 404


def test_the_drafted_summary_cites_the_record(client, cast, record):
    login(client, cast.reviewer)
    drafted = client.get(f"/review/{CASE}/").context["summary_form"].initial["summary"]
    assert f"[[{record.pk} p1]]" in drafted
