"""The clinical summary editor: drafted from the records when empty, edited freely, each
sentence keeping the record pages it came from."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.models import Case
from openimr.review.models import Determination
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


def _save(client, text):
    return client.post(URL, {"action": "summary", "summary": text})


def test_an_empty_summary_is_prefilled_with_the_draft_and_its_page_markers(
    client, cast, under_review, records_layer
):
    body = login(client, cast.reviewer).get(URL).content.decode()
    assert (
        "This 52 year old female was injured on August 3, 2015 while lifting boxes. [[7 p1]]"
        in body
    )
    assert "Progress note" in body


def test_accepting_the_draft_stores_the_clean_text_and_each_sentence_source(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    draft = client.get(URL).context["summary_form"].initial["summary"]
    response = _save(client, draft)
    assert response.status_code == 302
    row = Case.objects.get(case_number=CASE)
    assert row.clinical_summary.startswith("This 52 year old female was injured on August 3, 2015")
    assert "[[" not in row.clinical_summary
    sources = Determination.objects.get(case=row).summary_sources
    assert [s["sources"] for s in sources] == [
        [{"document_id": "7", "page": 1}],
        [{"document_id": "7", "page": 2}],
    ]
    assert row.state == "in_review"
    assert AuditEvent.objects.filter(action="case.summary_saved", object_id=CASE).exists()


def test_an_edited_draft_sentence_keeps_the_pages_it_was_drafted_from(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    client.get(URL)
    edited = (
        "This 52-year-old woman was injured on August 3, 2015 while lifting boxes at work. "
        "She has had no surgery."
    )
    _save(client, edited)
    sources = Determination.objects.get(case__case_number=CASE).summary_sources
    assert sources[0]["sources"] == [{"document_id": "7", "page": 1}]
    assert sources[1] == {"text": "She has had no surgery.", "sources": []}


def test_a_marker_naming_no_page_of_the_case_file_is_refused_and_nothing_changes(
    client, cast, under_review, records_layer
):
    login(client, cast.reviewer)
    response = _save(client, "The MRI showed a disc protrusion at L4-5. [[7 p9]]")
    assert response.status_code == 422
    assert "[[7 p9]] names no page of this case file" in response.content.decode()
    assert Case.objects.get(case_number=CASE).clinical_summary is None
    assert not Determination.objects.filter(case__case_number=CASE).exists()


def test_the_reviewer_reads_a_record_page_with_the_marker_that_cites_it(
    client, cast, under_review, records_layer
):
    response = login(client, cast.reviewer).get(f"{URL}records/7/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "positive straight-leg raise" in body
    assert "[[7 p2]]" in body
    assert AuditEvent.objects.filter(action="record.viewed", actor=cast.reviewer).count() == 1


def test_a_record_of_another_case_file_is_404(client, cast, under_review, records_layer):
    assert login(client, cast.reviewer).get(f"{URL}records/8/").status_code == 404


def test_the_case_file_search_finds_the_page(client, cast, under_review, records_layer):
    body = login(client, cast.reviewer).get(URL, {"q": "ankle reflex"}).content.decode()
    assert f"/review/{CASE}/records/7/#page-2" in body
