"""The cases an audit event names in a list (``detail.cases``), kept as rows of their own
(``AuditEventCase``) so that a case's trail finds the event on SQLite, which cannot search
inside a JSON list, as on PostgreSQL. HIPAA 45 CFR 164.528 (an accounting of a case's
disclosures) and 164.312(b) (audit controls): a case shown in a staff list was looked at,
and its exported trail must say so."""

from collections.abc import Mapping, Sequence
from typing import Any

from openimr.audit.models import AuditEvent, AuditEventCase
from openimr.core.db import values_insert

LISTED = "cases"
_NUMBER_MAX = AuditEventCase._meta.get_field("case_number").max_length or 60


def listed(detail: Mapping[str, Any]) -> list[str]:
    """The case numbers an event's detail lists, each once: the rows it must have."""
    cases = detail.get(LISTED) if detail else None
    if not isinstance(cases, list):
        return []
    return sorted({str(number)[:_NUMBER_MAX] for number in cases})


def index_write(events: Sequence[tuple[int, Mapping[str, Any]]]) -> None:
    """One row for each (event id, case it lists), in the caller's transaction."""
    values_insert(
        AuditEventCase,
        [
            {"event_id": key, "case_number": n[:_NUMBER_MAX]}
            for key, detail in events
            for n in listed(detail)
        ],
    )


def index_mismatches() -> list[tuple[int, str]]:
    """Each (event id, what is wrong) where the index and the events' lists disagree: a
    row removed hides a list from a case's trail, though the chain, which does not cover
    the index, is intact (``openimr audit verify`` reports them)."""
    events = AuditEvent.objects.filter(detail__has_key=LISTED).values_list("id", "detail")
    expected = {(key, n) for key, detail in events.iterator(5000) for n in listed(detail)}
    stored = set(AuditEventCase.objects.values_list("event_id", "case_number").iterator(5000))
    missing = [
        (key, f"it lists case {n}, missing from the case index") for key, n in expected - stored
    ]
    extra = [
        (key, f"the case index names case {n}, which it does not list")
        for key, n in stored - expected
    ]
    return sorted(missing + extra)
