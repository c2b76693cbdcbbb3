"""Fixtures shared by the case pages' tests."""

import pytest
import time_machine

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import


@pytest.fixture
def case(three_item_doc):
    """The shared three-item document, imported as a case."""
    case = case_from_document(three_item_doc)
    case_import(case=case, actor="test")
    return case


@pytest.fixture
def intake_day():
    """The intake pages' tests' day: a Wednesday, 10 a.m. in California, clocks frozen."""
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        yield
