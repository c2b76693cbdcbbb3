"""Search inside a case file: every page where the words occur, in case-file order, the
first occurrence marked in a snippet that stays plain text."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import
from openimr.records import selectors, services
from openimr.records.tests.receiving import PROGRESS_NOTE, pdf_of

pytestmark = pytest.mark.django_db


def test_the_page_with_the_words_is_found_and_the_match_marked(receive, case):
    record = receive(*PROGRESS_NOTE)
    [hit] = selectors.case_search(case, "HOME REHAB kit")
    assert (hit.record_id, hit.page, hit.anchor) == (record.pk, 2, "page-2")
    assert hit.match == "Home Rehab Kit"
    assert hit.before.endswith("Request an Optimum ")
    assert hit.record_title == record.display_title


def test_words_broken_across_lines_are_found(receive, case):
    receive("The patient reports low back\npain since the fall.")
    [hit] = selectors.case_search(case, "low back pain")
    assert hit.match == "low back pain"


def test_each_page_is_one_hit_counting_its_matches(receive, case):
    receive("Knee pain. The knee is swollen. KNEE brace.", "Nothing here.", "Left knee.")
    hits = selectors.case_search(case, "knee")
    assert [(h.page, h.matches) for h in hits] == [(1, 3), (3, 1)]


def test_a_query_of_one_character_or_none_finds_nothing(receive, case):
    receive(*PROGRESS_NOTE)
    assert selectors.case_search(case, "a") == []
    assert selectors.case_search(case, "   ") == []


def test_another_case_file_is_not_searched(receive, case, seed_doc):
    case_import(case=case_from_document(seed_doc), actor="test")
    other = case_row(seed_doc["case_number"])
    services.record_receive(
        case=other,
        data=pdf_of("Lumbar MRI requested."),
        filename="other.pdf",
        submitted_by="employee",
        via=services.Via.UPLOAD,
        actor="clerk",
    )
    assert selectors.case_search(case, "lumbar MRI") == []
    assert len(selectors.case_search(other, "lumbar MRI")) == 1


def test_markup_in_a_record_stays_text_on_the_page(client, staff_client, receive, case):
    receive("Patient wrote <script>alert(1)</script> on the intake form.")
    body = client.get(f"/records/{case.case_number}/", {"q": "alert"}).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in body
