"""Reads that ingest and publication need (the corpus's public reads are in selectors.py)."""

from django.db.models import QuerySet

from openimr.audit.services import AuditEvent
from openimr.decisions.models import Decision, SourceFile


def issued_numbers() -> list[str]:
    """Case numbers whose letter was issued here, oldest first. The audit trail is the
    record of issuing ("letter.issued", written in the issuing transaction), so it lists
    every issued letter without reaching into the letters app."""
    issued = AuditEvent.objects.filter(action="letter.issued", object_type="case")
    return list(dict.fromkeys(issued.order_by("id").values_list("object_id", flat=True)))


def amended_numbers() -> list[str]:
    """Case numbers with a corrected letter ("letter.amended", written in the transaction
    that issued the correction), oldest first."""
    amended = AuditEvent.objects.filter(action="letter.amended", object_type="case")
    return list(dict.fromkeys(amended.order_by("id").values_list("object_id", flat=True)))


def issued_not_published() -> list[str]:
    """Case numbers whose letter was issued here and is not in the corpus yet, oldest first."""
    published = set(Decision.objects.values_list("case_number", flat=True).iterator(10_000))
    return [n for n in issued_numbers() if n not in published]


def published_versions(case_numbers: list[str]) -> dict[str, tuple[str, str]]:
    """Those of these case numbers already in the corpus, each with its source and the
    SHA-256 of the content it was stored from."""
    found = Decision.objects.filter(case_number__in=case_numbers)
    return {
        n: (src, sha)
        for n, src, sha in found.values_list("case_number", "source", "content_sha256")
    }


def seen_hashes() -> set[str]:
    """Every source file's hash ingest has stored: a file with one of these is skipped."""
    return set(SourceFile.objects.values_list("sha256", flat=True).iterator(chunk_size=10_000))


def stored_hashes(hashes: list[str]) -> set[str]:
    """Which of these hashes a source file row now holds (another ingest may have stored it)."""
    return set(SourceFile.objects.filter(sha256__in=hashes).values_list("sha256", flat=True))


def pointed_paths(paths: list[str]) -> set[str]:
    """Which of these PDF paths (under MEDIA_ROOT) a decision points to."""
    return set(Decision.objects.filter(letter_path__in=paths).values_list("letter_path", flat=True))


def withheld_paths() -> list[str]:
    """The PDF paths `openimr corpus recheck` withheld, oldest first: its audit row
    ("corpus.pdf_withheld") is written in the transaction that empties the letter's path,
    so it names every such file even when the run ended before removing it."""
    events = AuditEvent.objects.filter(action="corpus.pdf_withheld", object_type="decision")
    details = events.order_by("id").values_list("detail", flat=True).iterator(10_000)
    return [p for p in dict.fromkeys(str(d.get("letter_path") or "") for d in details) if p]


def failed_sources(limit: int = 500) -> list[SourceFile]:
    """Failed source files, newest first, for the staff list: those of a path read and
    parsed since (resolved) are not failures any more."""
    return list(_failed().filter(resolved_at=None)[:limit])


def failed_count() -> int:
    return _failed().filter(resolved_at=None).count()


def resolved_count() -> int:
    """Failures kept but no longer listed: their path was read again and parsed."""
    return _failed().exclude(resolved_at=None).count()


def _failed() -> "QuerySet[SourceFile]":
    return SourceFile.objects.filter(status=SourceFile.Status.FAILED)
