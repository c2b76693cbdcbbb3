"""`openimr.case/1` grows an optional `rfa_date` per item: documents written before it stay
valid and round-trip unchanged; one that has it keeps it through a file, the database and
back; an impossible one is refused at its item."""

import copy
import json
from datetime import date

import pytest

from openimr.cases.interchange import case_from_document, case_to_json
from openimr.cases.mapping import case_from_row
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import
from openimr.core.errors import InvalidInput


def _problems(doc):
    with pytest.raises(InvalidInput) as caught:
        case_from_document(doc)
    return {p.path: p.message for p in caught.value.problems}


def _written_before_it(doc):
    # The parties' contacts are staff-only: the case never carries them (only the staff
    # export writes them back, test_an_imported_case_keeps_how_to_reach_each_party).
    doc.pop("contacts", None)
    for item in doc["items"]:
        item.pop("rfa_date", None)
    return doc


def test_a_document_without_it_is_valid_and_written_back_unchanged(three_item_doc):
    old = _written_before_it(three_item_doc)
    case = case_from_document(old)
    assert all(item.rfa_date is None for item in case.items)
    assert json.loads(case_to_json(case)) == old


def test_a_document_with_it_round_trips(three_item_doc):
    doc = _written_before_it(three_item_doc)
    doc["items"][1]["rfa_date"] = doc["dates"]["ur_decision"]
    case = case_from_document(doc)
    assert case.items[1].rfa_date == date.fromisoformat(doc["dates"]["ur_decision"])
    assert json.loads(case_to_json(case)) == doc


@pytest.mark.django_db
def test_the_date_survives_the_database(three_item_doc):
    _written_before_it(three_item_doc)
    three_item_doc["items"][0]["rfa_date"] = three_item_doc["dates"]["injury"]
    case_import(case=case_from_document(three_item_doc), actor="test")
    exported = json.loads(case_to_json(case_from_row(case_row(three_item_doc["case_number"]))))
    assert exported["items"][0]["rfa_date"] == three_item_doc["dates"]["injury"]
    assert "rfa_date" not in exported["items"][1]


@pytest.mark.parametrize(
    ("day", "words"),
    [("1999-01-01", "is before dates.injury"), ("2099-01-01", "is after dates.ur_decision")],
)
def test_a_date_out_of_order_is_refused_at_its_item(three_item_doc, day, words):
    doc = copy.deepcopy(three_item_doc)
    doc["items"][2]["rfa_date"] = day
    assert words in _problems(doc)["$.items[2].rfa_date"]


def test_a_date_that_is_not_a_date_is_refused_at_its_item(three_item_doc):
    three_item_doc["items"][0]["rfa_date"] = "02/20/2024"
    assert "$.items[0].rfa_date" in _problems(three_item_doc)
