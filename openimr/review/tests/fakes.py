"""A stand-in for the records app's selectors (``openimr.records.selectors``), shaped as the
workspace reads them, so the review's tests run before the records layer is there.
INTEGRATION POINT: once it is, tests can store a real record instead."""

from datetime import date
from types import SimpleNamespace
from typing import Any

from openimr.review import case_file

RECORD_PAGES = {
    "7": (
        "PROGRESS NOTE 08/30/2016\nHistory: 52 year old woman injured 08/03/2015 lifting boxes.",
        "Exam: positive straight-leg raise on the left; reduced ankle reflex.\n"
        "Plan: MRI of the lumbar spine. Physical therapy 12 visits.",
    )
}
DRAFT = (
    ("This 52 year old female was injured on August 3, 2015 while lifting boxes.", 1),
    (
        "The most recent progress note, dated August 30, 2016, documents a positive "
        "straight-leg raise on the left and a reduced ankle reflex.",
        2,
    ),
)


def install_records_layer(monkeypatch: Any) -> SimpleNamespace:
    """The records app's selectors as the workspace calls them, with one two-page progress
    note (record 7), until the records layer is there to call."""
    note = SimpleNamespace(
        pk=7,
        display_title="Progress note",
        author="Ramón Ortega-Vásquez, MD",
        date_of_service=date(2016, 8, 30),
        kind="progress_note",
        page_count=2,
    )
    fake = SimpleNamespace(
        case_file=lambda row: [note],
        record_pages=lambda record_id, row: [
            SimpleNamespace(number=n, text=t)
            for n, t in enumerate(RECORD_PAGES.get(str(record_id), ()), 1)
        ],
        case_page_texts=lambda row: list(RECORD_PAGES.get("7", ())),
        case_search=lambda row, query: [
            SimpleNamespace(record_id=7, page=n, snippet=t[:60])
            for n, t in enumerate(RECORD_PAGES["7"], 1)
            if query.lower() in t.lower()
        ],
        summary_draft=lambda row: SimpleNamespace(
            sentences=[
                SimpleNamespace(text=t, sources=[SimpleNamespace(document_id="7", page=p)])
                for t, p in DRAFT
            ]
        ),
        documents_reviewed=lambda row: ["Progress note, Ramón Ortega-Vásquez, MD, 08/30/2016"],
    )
    monkeypatch.setattr(case_file, "_selectors", lambda: fake)
    return fake
