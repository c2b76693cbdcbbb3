"""Publishing this organization's own letters into the public corpus, de-identified: every
issued decision is published (LC 4610.6; domain.md §1, step 12), with no name of any party,
no reviewer identity (LC 4610.6(f)) and no identifier (45 CFR 164.514(b)(2)), and its PDF
rendered again from the de-identified case, never the PDF the parties received."""

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from openimr.audit.services import Actor, audit_event, audit_save
from openimr.core.case import Case
from openimr.core.case_format import case_from_dict, case_to_dict
from openimr.core.errors import InvalidInput, Problem
from openimr.decisions.ingest_selectors import (
    amended_numbers,
    issued_not_published,
    issued_numbers,
    published_versions,
)
from openimr.decisions.models import Decision, Source
from openimr.decisions.services.store import DecisionRows, decision_rows, decisions_store
from openimr.letters.rendering import letter_for, render_pdf_bytes
from openimr.letters.selectors import current_case
from openimr.records.services import file_store, files_discarded_on_error, files_held

log = logging.getLogger(__name__)
LAYOUT = "openimr"  # the letters this organization renders, not a parsed layout
FOLDER = "corpus/issued"
BATCH = 200


@dataclass(frozen=True)
class Published:
    published: list[str]
    already: list[str]


def publication_rows(case: Case, *, pdf: bool = True) -> DecisionRows:
    """The corpus rows of one case, de-identified, with its public PDF stored when ``pdf``
    (rendered from the de-identified case, so it holds no more than the rows do). Called
    inside the transaction that stores the rows, so that the file is held until they
    commit (`file_store`)."""
    rows, data = _rendered(case, pdf=pdf)
    if data is not None:
        rows.columns["letter_path"] = _pdf_stored(data)
    return rows


def _rendered(case: Case, *, pdf: bool) -> tuple[DecisionRows, bytes | None]:
    """The corpus rows of one case, de-identified, and its public PDF when ``pdf``, not yet
    stored: rendered before the transaction, since a render takes a while."""
    document = case_to_dict(case)
    rows = decision_rows(
        document=document, source=Source.ISSUED, layout=LAYOUT, content_sha256=_digest(document)
    )
    if not pdf:
        return rows, None
    public = case_from_dict(rows.columns["document"])
    return rows, render_pdf_bytes(letter_for(public))


def _pdf_stored(data: bytes) -> str:
    return file_store(data, folder=FOLDER, suffix=".pdf")[0]


def _digest(document: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()


def decisions_publish_cases(*, cases: Sequence[Case], actor: Actor, pdf: bool = True) -> Published:
    """Publish these decided cases, a batch per transaction, each with its audit event; a
    case already in the corpus is left as it is (publishing twice adds nothing)."""
    done = Published([], [])
    for start in range(0, len(cases), BATCH):
        _publish_batch(cases[start : start + BATCH], actor, pdf, done)
    return done


def _publish_batch(cases: Sequence[Case], actor: Actor, pdf: bool, done: Published) -> None:
    """New cases are published; a case of ours whose content changed since (a corrected
    letter) replaces its earlier version, so the corpus shows the letter as last issued; the
    rest are left as they are."""
    unique = list({c.case_number: c for c in cases}.values())
    stored = published_versions([c.case_number for c in unique])
    ours = {n: sha for n, (source, sha) in stored.items() if source == Source.ISSUED.value}
    changed = {
        c.case_number
        for c in unique
        if c.case_number in ours and ours[c.case_number] != _digest(case_to_dict(c))
    }
    fresh = [c for c in unique if c.case_number not in stored or c.case_number in changed]
    done.already.extend(c.case_number for c in cases if c.case_number in set(stored) - changed)
    rendered = [_rendered(case, pdf=pdf) for case in fresh]
    rows = [r for r, _ in rendered]
    with transaction.atomic(), files_discarded_on_error():
        # Stored inside the transaction, so that `openimr files sweep` never takes the PDF
        # of a letter being published (it holds each file, then looks for its row); every
        # file held first, in one order, so two batches of the same letters cannot
        # deadlock (`files_held`). A batch that rolls back removes the PDFs it wrote.
        digests = (hashlib.sha256(data).hexdigest() for _, data in rendered if data)
        files_held(digests, folder=FOLDER, suffix=".pdf")
        for r, data in rendered:
            if data is not None:
                r.columns["letter_path"] = _pdf_stored(data)
        # The corpus's triggers take the replaced letters out of the index.
        Decision.objects.filter(case_number__in=changed, source=Source.ISSUED).delete()
        decisions_store(rows)
        audit_save([_event(r, actor, replaced=r.case_number in changed) for r in rows])
    done.published.extend(r.case_number for r in rows)


def _event(rows: DecisionRows, actor: Actor, *, replaced: bool) -> Any:
    return audit_event(
        actor=actor,
        action="decision.republished" if replaced else "decision.published",
        object_type="case",
        object_id=rows.case_number,
        detail={"layout": LAYOUT, "letter_path": rows.columns["letter_path"]},
    )


def decisions_publish(*, case_numbers: Sequence[str] | None = None, actor: Actor) -> Published:
    """Publish issued letters: these case numbers, or every issued letter not yet in the
    corpus. The case is read as its latest letter states it (frozen with it: a correction's
    replaces the first letter's). InvalidInput, naming
    each one, for a case number without an issued letter; then nothing is published."""
    numbers, already = list(case_numbers or ()), list[str]()
    if case_numbers is None:
        # Corrected letters too: one whose publication after the correction failed is
        # still the earlier version in the corpus.
        numbers = list(dict.fromkeys([*issued_not_published(), *amended_numbers()]))
        waiting = set(numbers)
        # Counted, not read again: "already in the corpus" names every issued letter there.
        already = [n for n in issued_numbers() if n not in waiting]
    found = {n: current_case(n) for n in numbers}
    missing = [Problem(n, "has no issued letter to publish") for n, c in found.items() if not c]
    if missing:
        raise InvalidInput(missing, "nothing was published")
    done = decisions_publish_cases(cases=[c for c in found.values() if c], actor=actor)
    return Published(done.published, [*already, *done.already])


def decision_publish_after_issue(*, case_number: str, actor: Actor) -> None:
    """Run once the issuing transaction has committed: a failure here leaves the letter
    issued, and `openimr corpus publish` publishes it later."""
    try:
        decisions_publish(case_numbers=[case_number], actor=actor)
    except Exception:  # the letter stands; publication is retried by `corpus publish`
        log.exception("publishing case %s to the corpus failed", case_number)
