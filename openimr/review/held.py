"""The case as a reviewer's write holds it: its row locked, and the reviewer still on it.

A reviewer's write (an item's decision, the clinical summary, the submission to QA) and
staff withdrawing that reviewer (``review.reassign.reviewer_withdraw``) may come at the same
moment, from two app servers. The page's access check runs before the write's transaction,
so a withdrawal could commit in between: it set the drafts aside and freed the items, and
the write then put the withdrawn reviewer's work back on the case, for the reviewer taking
the items over to start from (LC 4610.6(d); LC 139.5(c), (d)). Each write takes the case's
row lock first, as the withdrawal does, and asks under it whether the reviewer was
withdrawn: one waits for the other, and a reviewer withdrawn first writes nothing. Taking
the case's lock before the determination's row, in the withdrawal's order, also keeps the
two from deadlocking on PostgreSQL."""

from typing import Any

from openimr.audit.services import Actor
from openimr.cases.services.review import case_locked
from openimr.core.clock import local_date, now
from openimr.core.errors import Conflict
from openimr.reviewers import selectors as reviewer_selectors


class ReviewerWithdrawn(Conflict):
    """The reviewer was withdrawn from the case before their write took the case: they no
    longer decide it, nor open its file (LC 139.5(c), (d))."""


def case_held(actor: Actor, case_number: str, *, not_done: str) -> Any:
    """The case row, locked until the caller's transaction ends, for ``actor`` to write on:
    ``ReviewerWithdrawn`` when staff withdrew them from it, saying ``not_done`` (what was
    not written). Staff, QA and services hold no assignment and are not refused here."""
    row = case_locked(case_number)
    if said := withdrawn_message(actor, case_number, not_done=not_done):
        raise ReviewerWithdrawn(said)
    return row


def withdrawn_message(actor: Actor, case_number: str, *, not_done: str) -> str | None:
    """What a reviewer staff withdrew from the case is told of their write, saying
    ``not_done``; None for anyone else (never withdrawn from it, or on it again)."""
    withdrawn = reviewer_selectors.withdrawn_from(actor, case_number)
    if withdrawn is None:
        return None
    on = local_date(withdrawn.withdrawn_at or now())
    return (
        f"staff withdrew you from case {case_number} on {on:%m/%d/%Y}: {not_done}, and "
        "the case is no longer yours to decide"
    )
