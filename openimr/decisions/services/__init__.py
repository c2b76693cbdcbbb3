"""Writes to the public corpus: storing letters as decisions (`store`), reading published
letters into it (`ingest`), publishing this organization's own letters (`publish`). Every
stored document is de-identified first."""

from openimr.decisions.services.ingest import Summary as IngestSummary
from openimr.decisions.services.ingest import corpus_ingest
from openimr.decisions.services.publish import (
    Published,
    decision_publish_after_issue,
    decisions_publish,
    decisions_publish_cases,
    publication_rows,
)
from openimr.decisions.services.store import (
    DecisionRows,
    SourceRead,
    StoreOutcome,
    decision_rows,
    decisions_store,
    sources_store,
)

__all__ = [
    "DecisionRows",
    "IngestSummary",
    "Published",
    "SourceRead",
    "StoreOutcome",
    "corpus_ingest",
    "decision_publish_after_issue",
    "decision_rows",
    "decisions_publish",
    "decisions_publish_cases",
    "decisions_store",
    "publication_rows",
    "sources_store",
]
