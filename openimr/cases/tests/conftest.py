"""Fixtures shared by the case pages' tests."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import


@pytest.fixture
def case(three_item_doc):
    """The shared three-item document, imported as a case."""
    case = case_from_document(three_item_doc)
    case_import(case=case, actor="test")
    return case
