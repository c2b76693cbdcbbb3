"""`openimr corpus recheck`: the rule that a letter de-identification changed is published
without its PDF (openimr.decisions.ingest_reader), applied to the letters ingested before
the rule existed.

Each published letter that still has a PDF is read again from that stored PDF, in a
sandbox reader under the PDF limits, by the very function ingest runs
(``read_published``). When de-identification changes its text, the PDF still prints what
was removed (a telephone number, a date of birth, a name after "Patient:"), so the letter
loses it: ``letter_path`` emptied (the PDF link answers 404 and the page offers none), the
warning ingest gives such a letter added to the decision and its source file, one audit
row per letter in the same transaction, and the file removed from the stored files once
that has committed (no other letter names it: files are stored by their content's hash).

A run that ends between that commit and the file's removal (killed, or a file that could
not be removed) leaves a file no letter names, and its letter has no PDF for a next run to
read: each run therefore first removes the files an earlier run withheld (their audit rows
name them) that are still there and that no letter names, and counts them.

First, the stored reviewer specialties are read again as the parser now reads a printed
one (``recheck_specialties``: "Sports Medicinea" is "Sports Medicine"), from the rows alone.

Idempotent: a letter without a PDF is not read, so a second run changes nothing. The
stored de-identified text is left as it is (it was de-identified when it was stored). A
stored PDF that is missing or cannot be read again is counted and named, and left as it
is: the summary says so, and an operator decides."""

import logging
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from openimr.audit.services import Actor, audit_record
from openimr.core import sandbox
from openimr.decisions.ingest_reader import ReadLetter, read_published
from openimr.decisions.ingest_selectors import pointed_paths, withheld_paths
from openimr.decisions.models import Decision, Source, SourceFile
from openimr.decisions.services.ingest import CHUNK, WITHHELD
from openimr.decisions.services.recheck_specialties import Renamed, specialties_read_again

# Letters whose PDFs are read before their answers are written: the readers stay busy
# while a chunk is written, and at most this many files are held in memory per reader.
AHEAD = 4
log = logging.getLogger(__name__)


@dataclass
class RecheckSummary:
    checked: int = 0
    withheld: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    # withheld PDFs an earlier run left on disk, removed by this one (relative paths)
    left_behind: list[str] = field(default_factory=list)
    dry_run: bool = False
    # spellings of specialties read as the known names (``recheck_specialties``)
    specialties: list[Renamed] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "withheld": self.withheld,
            "missing": self.missing,
            "unreadable": [{"case_number": n, "reason": r} for n, r in self.unreadable],
            "left_behind": self.left_behind,
            "dry_run": self.dry_run,
            "specialties": [
                {"printed": r.printed, "name": r.name, "letters": r.letters}
                for r in self.specialties
            ],
        }


@dataclass(frozen=True)
class _Letter:
    id: int
    case_number: str
    letter_path: str


def corpus_recheck(*, actor: Actor, workers: int = 1, dry_run: bool = False) -> RecheckSummary:
    """Read each published letter's stored PDF again and withhold the PDF of every letter
    whose de-identification changes its text, and read the stored specialties again as the
    parser now reads them (``recheck_specialties``) (``dry_run``: only say which)."""
    summary = RecheckSummary(dry_run=dry_run, left_behind=_left_behind())
    # The rows alone, read first: a spelling or two, where the PDFs take hours at a million.
    summary.specialties = specialties_read_again(actor=actor, dry_run=dry_run)
    if not dry_run:
        _remove_files(summary.left_behind)
    limits = sandbox.Limits(
        seconds=settings.OPENIMR_PDF_TIMEOUT_SECONDS,
        memory_bytes=settings.OPENIMR_PDF_MEMORY_MB * sandbox.MB,
    )
    with sandbox.Readers(workers) as readers, ThreadPoolExecutor(workers) as threads:
        ahead: deque[tuple[list[_Letter], Future[list[Any]]]] = deque()
        for chunk in _chunks(_letters_with_a_pdf(), summary):
            datas = [_bytes(letter) for letter in chunk]
            ahead.append((chunk, threads.submit(readers.run_each, read_published, datas,
                                                limits=limits)))  # fmt: skip
            while len(ahead) >= AHEAD * workers:
                _answered(*ahead.popleft(), summary, actor)
        while ahead:
            _answered(*ahead.popleft(), summary, actor)
    return summary


def _letters_with_a_pdf() -> Iterator[_Letter]:
    """Published letters that have a PDF, by id, read a page at a time."""
    last = 0
    while True:
        page = list(
            Decision.objects.filter(source=Source.PUBLISHED, id__gt=last)
            .exclude(letter_path="")
            .order_by("id")
            .values_list("id", "case_number", "letter_path")[:1000]
        )
        if not page:
            return
        yield from (_Letter(*row) for row in page)
        last = page[-1][0]


def _chunks(letters: Iterator[_Letter], summary: RecheckSummary) -> Iterator[list[_Letter]]:
    """Letters whose PDF is on disk, ``CHUNK`` at a time; the others counted as missing."""
    chunk: list[_Letter] = []
    for letter in letters:
        if _file(letter.letter_path) is None:
            summary.missing.append(letter.case_number)
            continue
        chunk.append(letter)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _left_behind() -> list[str]:
    """The files an earlier run withheld that are still on disk and that no letter names."""
    paths = [p for p in withheld_paths() if _file(p) is not None]
    named = pointed_paths(paths)
    return [p for p in paths if p not in named]


def _file(relative: str) -> Path | None:
    """The stored PDF, or None when it is missing or its path leaves MEDIA_ROOT."""
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / relative).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


def _bytes(letter: _Letter) -> bytes:
    path = _file(letter.letter_path)
    return b"" if path is None else path.read_bytes()


def _answered(
    chunk: list[_Letter], future: "Future[list[Any]]", summary: RecheckSummary, actor: Actor
) -> None:
    try:
        answers = future.result()
    except Exception as exc:  # the readers themselves failed: each letter unread, with why
        answers = [exc] * len(chunk)
    changed = []
    for letter, answer in zip(chunk, answers, strict=True):
        summary.checked += 1
        if not isinstance(answer, ReadLetter):
            summary.unreadable.append((letter.case_number, str(answer) or type(answer).__name__))
        elif answer.changed:
            changed.append(letter)
    summary.withheld += [letter.case_number for letter in changed]
    if changed and not summary.dry_run:
        _withhold(changed, actor)


def _withhold(letters: list[_Letter], actor: Actor) -> None:
    """The letters lose their PDF, with the warning and an audit row each; the files go
    once that has committed."""
    with transaction.atomic():
        for letter in letters:
            _withhold_one(letter, actor)
        paths = [letter.letter_path for letter in letters]
        transaction.on_commit(lambda: _remove_files(paths))


def _withhold_one(letter: _Letter, actor: Actor) -> None:
    decision = Decision.objects.select_for_update().get(id=letter.id)
    if decision.letter_path != letter.letter_path:  # changed since it was read: left as is
        return
    decision.letter_path = ""
    decision.warnings = _with_warning(decision.warnings)
    decision.save(update_fields=["letter_path", "warnings"])
    for source in SourceFile.objects.filter(decision_id=letter.id):
        source.warnings = _with_warning(source.warnings)
        source.save(update_fields=["warnings"])
    audit_record(
        actor=actor,
        action="corpus.pdf_withheld",
        object_type="decision",
        object_id=letter.case_number,
        detail={"letter_path": letter.letter_path, "reason": WITHHELD},
    )


def _with_warning(warnings: Any) -> list[Any]:
    kept = list(warnings) if isinstance(warnings, list) else []
    return kept if WITHHELD in kept else [*kept, WITHHELD]


def _remove_files(paths: list[str]) -> None:
    """Each withheld PDF's file, unless another letter still names it. One that cannot be
    removed is logged and left for the next run (`_left_behind`), the others still go."""
    for relative in set(paths) - pointed_paths(paths):
        path = _file(relative)
        try:
            if path is not None:
                os.remove(path)
        except OSError as exc:
            log.warning("withheld PDF %s left on disk: %s", relative, exc)
