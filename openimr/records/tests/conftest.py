"""Fixtures of the case-file tests: a stored case, and records received into it."""

from collections.abc import Callable
from typing import Any

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import
from openimr.records import services
from openimr.records.models import Record
from openimr.records.tests.receiving import IMMEDIATE, pdf_of


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings: Any) -> None:
    """Extraction runs inside the upload, as the worker would run it a moment later."""
    settings.TASKS = IMMEDIATE


@pytest.fixture
def case(db: Any, three_item_doc: dict[str, Any]) -> Any:
    """CM16-0400101 as stored: a 52 year old woman, three disputed items."""
    case_import(case=case_from_document(three_item_doc), actor="test")
    return case_row("CM16-0400101")


@pytest.fixture
def receive(case: Any) -> Callable[..., Record]:
    """Receive a record into ``case`` from page texts (or bytes), as staff would upload it."""

    def receive_(*pages: str, data: bytes | None = None, **overrides: Any) -> Record:
        given: dict[str, Any] = {
            "case": case,
            "data": data if data is not None else pdf_of(*pages),
            "filename": "record.pdf",
            "submitted_by": services.Party.REQUESTING_PHYSICIAN,
            "via": services.Via.UPLOAD,
            "actor": "clerk",
        }
        return services.record_receive(**{**given, **overrides})

    return receive_
