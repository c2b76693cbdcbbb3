"""Taking a case away from a reviewer who attested no conflict, and checking that a reviewer
still qualifies when their determination leaves them (LC 139.5(c); domain.md §2, §4).

A reviewer who attested may stop qualifying before they decide: suspended from the panel,
a license or board certification lapsed or a sanction opened (LC 139.5(c) asks for a
non-restricted license, a current board certification and no history of discipline), a
conflict found late (LC 139.5(d)), or simply unable to decide in time (ill). The medical
director then withdraws them with a written reason and the items go to another
conflict-free, qualified reviewer through the normal matching.

The clocks do not restart. The determination is due 30 days (3 when expedited, 5 working
days for a formulary drug) "from receipt of the request and supporting documents"
(LC 4610.6(d); domain.md §2): the reviewer's assignment is not an event any deadline counts
from, so a new reviewer inherits the deadline the case already has.

Once the determination is submitted it is the reviewer's determination made (LC 4610.6(d))
and in QA; once issued it binds the parties (LC 4610.6(g)). Neither can lose its reviewer:
QA returns the case to review first, and an issued letter is corrected, never re-decided.
"""

from datetime import date

from openimr.cases.domain.lifecycle import State
from openimr.reviewers.domain.credentials import (
    QUALIFICATIONS,
    Reason,
    no_current_board_certification,
    no_unrestricted_license,
    open_discipline,
)
from openimr.reviewers.domain.panel import Reviewer

SOURCE = "LC 139.5(c)"

# A reviewer holds the case from the assignment until the determination leaves review.
WITHDRAWABLE = frozenset({State.ELIGIBLE, State.ASSIGNED, State.RECORDS_COMPLETE, State.IN_REVIEW})

_REFUSALS = {
    State.QA: (
        "the determination was submitted and is with QA: its reviewer cannot be withdrawn. "
        "QA returns it to review first if the reviewer must be replaced; nothing was changed"
    ),
    State.ISSUED: (
        "the determination was issued and binds the parties (LC 4610.6(g)): its reviewer "
        "cannot be withdrawn; a wording error is corrected by an amended letter. "
        "Nothing was changed"
    ),
}


def withdrawal_refusal(state: State) -> str | None:
    """Why the reviewer of a case in ``state`` may not be withdrawn, or None when they may:
    only while the determination is still to be made (see the module's docstring)."""
    if state in WITHDRAWABLE:
        return None
    return _REFUSALS.get(
        state,
        f"the case is {state.label.lower()}: there is no review to take a reviewer off; "
        "nothing was changed",
    )


def lapses(reviewer: Reviewer | None, reviewer_id: str, on: date) -> list[Reason]:
    """What a reviewer who attested no longer holds on ``on``: their place on the active
    panel (``reviewer`` None: suspended), an unrestricted license in force, a board
    certification in force, a record free of open discipline (LC 139.5(c)). Checked when
    the determination is submitted and when QA approves it, since credentials lapse
    between the attestation and the decision. Experience, hours and re-verification were
    weighed at the choice and do not lapse on a date."""
    if reviewer is None:
        text = f"{reviewer_id} is suspended: no longer on the active panel."
        return [Reason("suspended", text, QUALIFICATIONS)]
    rules = (no_unrestricted_license, no_current_board_certification, open_discipline)
    return [reason for rule in rules for reason in rule(reviewer, on)]
