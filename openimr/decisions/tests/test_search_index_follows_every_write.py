"""The index is kept by the database's triggers: rows written by any means (the ORM, bulk
inserts, raw SQL) are found, changed rows are found by their new text only, deleted rows
are gone."""

import pytest
from django.db import connection

from openimr.decisions.models import Decision, DecisionItem, DecisionSpecialty
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


def numbers(**params: str) -> list[str]:
    return [h.case_number for h in search(parse(params)).hits]


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


def test_a_deleted_decision_leaves_the_index():
    make_decision(case_number="CM16-0000001", summary="Epidural injection.")
    Decision.objects.all().delete()
    assert numbers(q="epidural") == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM decisions_search")
            assert cursor.fetchone()[0] == 0


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
