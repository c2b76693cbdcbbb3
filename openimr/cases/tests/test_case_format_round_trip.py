"""openimr.case/1 import and export lose nothing."""

import json

import pytest

from conftest import DEMO
from openimr.cases.interchange import (
    case_from_document,
    case_from_json,
    case_to_json,
    imported_from_document,
)
from openimr.core.case_format import case_to_dict


@pytest.mark.parametrize("path", sorted(DEMO.glob("*.json")), ids=lambda p: p.name)
def test_every_demo_file_round_trips_unchanged(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    imported = imported_from_document(doc)
    assert json.loads(case_to_json(*imported)) == doc


@pytest.mark.parametrize("path", sorted(DEMO.glob("*.json")), ids=lambda p: p.name)
def test_the_case_alone_never_carries_the_staff_only_contacts_or_claim_number(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    public = case_to_dict(case_from_document({**doc, "claim_number": "WCAB-77-4410-QZ"}))
    assert public == {k: v for k, v in doc.items() if k not in ("contacts", "claim_number")}


def test_json_text_round_trips_through_the_case(three_item_doc):
    case = case_from_document(three_item_doc)
    assert case_from_json(case_to_json(case)) == case


def test_unicode_names_are_kept_as_written(three_item_doc):
    text = case_to_json(case_from_document(three_item_doc))
    assert "Zoë Łukasiewicz" in text
    assert "\\u" not in text
