"""The index follows every write. The store (ingest and publication) indexes each batch's
decisions itself, once each, after their items and specialties; the database's triggers
index every other writer (the ORM, bulk inserts, raw SQL) and every change and delete, so
changed rows are found by their new text only and deleted rows are gone."""

from typing import Any

import psycopg
import pytest
from django.db import IntegrityError, connection, transaction

from openimr.cases.interchange import case_from_document
from openimr.decisions.models import Decision, DecisionItem, DecisionSpecialty, Source
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.services import (
    SourceRead,
    decision_rows,
    decisions_publish_cases,
    decisions_store,
    sources_store,
)
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


def numbers(**params: str) -> list[str]:
    return sorted(h.case_number for h in search(parse(params)).hits)


def letter(number: str, summary: str, *items: tuple[str, str, str, str]) -> dict[str, Any]:
    """An ``openimr.case/1`` document; each item is (treatment, category, outcome, citation)."""
    return {
        "schema": "openimr.case/1",
        "case_number": number,
        "priority": "expedited",
        "dates": {"decision": "2017-05-02"},
        "reviewer": {"specialties": ["Pain Medicine", "Anesthesiology"], "licensed_in": ["CA"]},
        "clinical_summary": summary,
        "items": [
            {
                "treatment": treatment,
                "category": category,
                "decision": outcome,
                "reviewer_basis": [{"mtus": False, "citation": citation}],
                "rationale": f"The {treatment.lower()} request was reviewed.",
            }
            for treatment, category, outcome, citation in items
        ],
    }


THREE_ITEMS = (
    ("Lidocaine patch", "pharmaceuticals", "upheld", "ODG Pain chapter"),
    ("Aquatic therapy", "rehabilitation", "overturned", "ACOEM Chapter 12"),
    ("Hot tub", "dmepos", "overturned", "Official Disability Guidelines"),
)


def read(document: dict[str, Any]) -> SourceRead:
    number = document["case_number"]
    rows = decision_rows(
        document=document, source=Source.PUBLISHED, layout="test", content_sha256=number * 4
    )
    return SourceRead(f"{number}.txt", f"{number:0>64}", 100, "test", rows=rows)


def ingest(*documents: dict[str, Any]) -> None:
    sources_store(reads=[read(d) for d in documents], actor="test")


def index_row(decision_id: int) -> Any:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT summary, items, tags FROM decisions_search WHERE rowid = %s", [decision_id]
            )
        else:
            cursor.execute(
                "SELECT document::text FROM decisions_search WHERE decision_id = %s", [decision_id]
            )
        return cursor.fetchall()


def index_size() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM decisions_search")
        return int(cursor.fetchone()[0])


def test_a_batch_ingested_is_found_by_its_words_items_and_filters():
    ingest(
        letter("CM17-0000001", "Chronic lumbar radiculopathy.", *THREE_ITEMS),
        letter("CM17-0000002", "Shoulder impingement.", THREE_ITEMS[0]),
    )
    assert numbers(q="radiculopathy") == ["CM17-0000001"]
    assert numbers(q="hot tub reviewed") == ["CM17-0000001"]
    assert numbers(q="lidocaine") == ["CM17-0000001", "CM17-0000002"]
    assert numbers(category="dmepos", outcome="overturned", family="odg") == ["CM17-0000001"]
    assert numbers(category="pharmaceuticals", outcome="overturned") == []
    assert numbers(specialty="Anesthesiology", year="2017", priority="expedited") == [
        "CM17-0000001",
        "CM17-0000002",
    ]


def test_a_letter_published_here_is_found_by_its_words_and_filters(three_item_doc):
    decisions_publish_cases(cases=[case_from_document(three_item_doc)], actor="qa", pdf=False)
    assert numbers(q="cervical pillow", category="dmepos", outcome="upheld") == ["CM16-0400101"]
    assert numbers(q="pillow", category="dmepos", outcome="overturned") == []
    assert numbers(q="lifting cartons", specialty="Orthopedic Surgery") == ["CM16-0400101"]


def test_a_stored_decision_is_indexed_once_and_exactly_as_the_triggers_index_it():
    ingest(letter("CM17-0000001", "Chronic lumbar radiculopathy.", *THREE_ITEMS))
    decision = Decision.objects.get()
    stored = index_row(decision.pk)
    assert len(stored) == 1
    # An update makes the triggers rewrite the row from the same tables.
    Decision.objects.filter(pk=decision.pk).update(clinical_summary=decision.clinical_summary)
    assert index_row(decision.pk) == stored
    assert index_size() == 1


def test_writes_after_a_batch_in_the_same_transaction_are_indexed_again():
    with transaction.atomic():
        decisions_store([read(letter("CM17-0000001", "Wrist sprain.", THREE_ITEMS[0])).rows])
        make_decision(case_number="CM16-0000009", summary="Epidural injection.")
    assert numbers(q="wrist") == ["CM17-0000001"]
    assert numbers(q="epidural") == ["CM16-0000009"]


def test_a_batch_that_fails_writes_nothing_and_defers_nothing():
    ingest(letter("CM17-0000001", "Wrist sprain.", THREE_ITEMS[0]))
    again = read(letter("CM17-0000001", "Ankle sprain.", THREE_ITEMS[1])).rows
    # The case number is taken; PostgreSQL's COPY raises the driver's own error.
    with pytest.raises((IntegrityError, psycopg.IntegrityError)), transaction.atomic():
        decisions_store([again])
    make_decision(case_number="CM16-0000009", summary="Epidural injection.")
    assert numbers(q="ankle") == []
    assert numbers(q="epidural") == ["CM16-0000009"]
    assert index_size() == 2


def test_a_deleted_decision_leaves_the_index():
    ingest(letter("CM17-0000001", "Epidural injection.", *THREE_ITEMS))
    make_decision(case_number="CM16-0000001", summary="Epidural injection.")
    Decision.objects.all().delete()
    assert numbers(q="epidural") == []
    assert index_size() == 0


def test_a_changed_summary_is_found_by_its_new_words_only():
    decision = make_decision(case_number="CM16-0000001", summary="Wrist sprain.")
    Decision.objects.filter(pk=decision.pk).update(clinical_summary="Ankle fracture.")
    assert numbers(q="ankle") == ["CM16-0000001"]
    assert numbers(q="wrist") == []


def test_items_added_changed_and_removed_follow_in_text_and_filters():
    decision = make_decision(case_number="CM16-0000001", items=[item("Cervical pillow")])
    DecisionItem.objects.bulk_create(
        [
            DecisionItem(
                decision=decision,
                position=1,
                treatment="Hot tub",
                category="dmepos",
                outcome="overturned",
                rationale="",
            )
        ]
    )
    assert numbers(q="hot tub", outcome="overturned", category="dmepos") == ["CM16-0000001"]
    DecisionItem.objects.filter(decision=decision, position=1).update(outcome="upheld")
    assert numbers(outcome="overturned") == []
    DecisionItem.objects.filter(decision=decision, position=1).delete()
    assert numbers(q="hot tub") == []
    assert numbers(q="cervical pillow") == ["CM16-0000001"]


def test_a_year_or_priority_corrected_later_moves_the_decision_between_filters():
    decision = make_decision(case_number="CM16-0000001")
    Decision.objects.filter(pk=decision.pk).update(year=2019, priority="expedited")
    assert numbers(year="2019", priority="expedited") == ["CM16-0000001"]
    assert numbers(year="2016") == []


def test_a_specialty_added_or_removed_moves_the_decision_in_and_out_of_its_filter():
    decision = make_decision(case_number="CM16-0000001", specialties=())
    DecisionSpecialty.objects.create(decision=decision, specialty="Physical Medicine & Rehab")
    assert numbers(specialty="Physical Medicine & Rehab") == ["CM16-0000001"]
    assert numbers(specialty="Physical Medicine") == []
    DecisionSpecialty.objects.filter(decision=decision).delete()
    assert numbers(specialty="Physical Medicine & Rehab") == []
