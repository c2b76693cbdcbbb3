"""Storing cases: the same checks as `case validate`, all or nothing, audited."""

from dataclasses import replace

import pytest
from django.db import IntegrityError, transaction

from openimr.audit.models import AuditEvent
from openimr.cases import models
from openimr.cases.interchange import case_from_document
from openimr.cases.selectors import case_by_number
from openimr.cases.services import case_import, case_import_many
from openimr.core.case import Decision
from openimr.core.errors import Conflict, InvalidInput

pytestmark = pytest.mark.django_db


def test_an_imported_case_comes_back_exactly(three_item_doc):
    case = case_from_document(three_item_doc)
    case_import(case=case, actor="test")
    assert case_by_number(case.case_number) == case


def test_import_writes_an_audit_event_naming_the_actor(seed_doc):
    case_import(case=case_from_document(seed_doc), actor="intake-clerk")
    event = AuditEvent.objects.get()
    assert (event.actor_label, event.action, event.object_id) == (
        "intake-clerk",
        "case.imported",
        "CM14-0000001",
    )


def test_the_same_case_number_twice_is_a_conflict_unless_replaced(seed_doc):
    case = case_from_document(seed_doc)
    case_import(case=case, actor="test")
    with pytest.raises(Conflict):
        case_import(case=case, actor="test")
    changed = replace(case, clinical_summary="Rewritten.")
    case_import(case=changed, actor="test", replace=True)
    assert case_by_number(case.case_number).clinical_summary == "Rewritten."
    assert models.DisputedItem.objects.count() == 1


def test_a_case_breaking_a_rule_is_refused_by_the_service_too(seed_doc):
    case = case_from_document(seed_doc)
    broken = replace(case, items=(replace(case.items[0], decision=None),))
    with pytest.raises(InvalidInput) as caught:
        case_import(case=broken, actor="test")
    assert caught.value.problems[0].path == "$.items[0].decision"
    assert models.Case.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_a_batch_with_one_bad_case_stores_none(seed_doc, three_item_doc):
    good = case_from_document(three_item_doc)
    seed = case_from_document(seed_doc)
    bad = replace(seed, items=(replace(seed.items[0], rationale=""),))
    with pytest.raises(InvalidInput):
        case_import_many(cases=[good, bad], actor="test")
    assert models.Case.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [("category", "massage"), ("decision", "partly"), ("ur_outcome", "ignored")],
)
def test_the_database_itself_refuses_unknown_values(three_item_doc, field, value):
    case_import(case=case_from_document(three_item_doc), actor="test")
    item = models.DisputedItem.objects.first()
    setattr(item, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_decisions_survive_storage(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    stored = case_by_number("CM16-0400101")
    assert [i.decision for i in stored.items] == [
        Decision.UPHELD,
        Decision.OVERTURNED,
        Decision.UPHELD,
    ]
