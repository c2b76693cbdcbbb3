"""Whether a case file still takes a new record, and what staff must be told when it does.

Records go to the IMRO for the expert reviewer's examination (8 CCR 9792.10.5(a)), who
decides on the documents submitted under that section (8 CCR 9792.10.6(b)(1)). Once the
Final Determination Letter is issued it is the Administrative Director's determination and
binds the parties (LC 4610.6(g)): no reviewer reads the file again. A correction of the
letter may fix its wording, never a decision, so it needs no new evidence; a successful
appeal sends the dispute to a different reviewer (LC 4610.6(h), (i)), as a new case whose
``remand_of`` names this one, and the records for that review go to the new case.

A case withdrawn by the applicant, or terminated because the claims administrator
authorized the treatment (8 CCR 9792.10.6(a)), ends with no review at all: a record sent
to it would be medical information kept for nobody to read.

A case found ineligible, or deferred while liability is disputed, has not ended: staff may
ask a party for what eligibility needs and screen it again, overriding the outcome with a
written reason (8 CCR 9792.10.3, (c)), and a deferred case re-enters screening once
liability is settled (8 CCR 9792.10.3(b)). A record sent to it may be just what the new
screening needs, so it is kept, not refused; staff are told that it came after the
determination and is read only if the case is found eligible, and the case file marks it.
"""

from dataclasses import dataclass
from datetime import date, datetime

from openimr.core.clock import local_date
from openimr.core.dates import in_sentence


@dataclass(frozen=True)
class CaseFileStage:
    """What the rule reads of the case: its number, whether its letter has issued, whether
    the determination waits in quality assurance, the day it was decided, how it ended
    without a review ("withdrawn", "terminated") if it did, and whether screening left it
    "ineligible" or "deferred", with when (its notice; None when no notice was sent)."""

    case_number: str
    issued: bool
    in_qa: bool
    decided_on: date | None
    ended_unreviewed: str | None = None
    screened_out: str | None = None
    screened_out_at: datetime | None = None


def _decided(stage: CaseFileStage) -> str:
    return f"decided on {in_sentence(stage.decided_on)}" if stage.decided_on else "decided"


def receipt_refusal(stage: CaseFileStage) -> str | None:
    """Why a new record is refused, or None: refused once the letter has issued
    (LC 4610.6(g), (h); 8 CCR 9792.10.6(b)(1)), or once the case was withdrawn or terminated
    (8 CCR 9792.10.6(a)) and no review will read it."""
    if stage.ended_unreviewed:
        return (
            f"case {stage.case_number} was {stage.ended_unreviewed} and will not be reviewed; "
            f"records are no longer accepted"
        )
    if not stage.issued:
        return None
    return (
        f"case {stage.case_number} was {_decided(stage)} and its Final Determination Letter "
        f"has been issued; records are no longer accepted (records for a review ordered on "
        f"appeal go to that review's own case)"
    )


def receipt_warning(stage: CaseFileStage) -> str | None:
    """What staff must know about a record accepted while the determination is in quality
    assurance: the reviewer decided without it, so the letter will not list it as reviewed
    unless QA returns the case to review (8 CCR 9792.10.6(b)(1)); or while screening has
    found the case ineligible or deferred it (8 CCR 9792.10.3): kept, read only if a new
    screening finds it eligible."""
    if stage.screened_out:
        return _screened_out_warning(stage)
    if stage.issued or not stage.in_qa:
        return None
    return (
        f"case {stage.case_number} was {_decided(stage)} and the determination is in quality "
        f"assurance: the reviewer did not see this record, and the letter will not list it "
        f"unless quality assurance returns the case to review"
    )


def _screened_out_warning(stage: CaseFileStage) -> str:
    at = stage.screened_out_at
    on = f" on {in_sentence(local_date(at))}" if at else ""
    kept = "the record is kept in the case file"
    read = "is read only if the case is screened again and found eligible"
    if stage.screened_out == "deferred":
        said = f"was deferred{on} until liability is settled: {kept}, and {read}"
        return f"case {stage.case_number} {said}"
    return (
        f"case {stage.case_number} was found ineligible{on}: {kept}, {RECEIVED_AFTER}, and {read}"
    )


RECEIVED_AFTER = "received after the ineligibility determination"


def received_after_screening(stage: CaseFileStage, received_at: datetime) -> str:
    """What the case file says of a record received while screening had left the case
    ineligible or deferred (8 CCR 9792.10.3): "" for one received before the determination,
    or when no notice says when it was made."""
    at = stage.screened_out_at
    if not stage.screened_out or at is None or received_at < at:
        return ""
    if stage.screened_out == "deferred":
        return "received after the deferral"
    return RECEIVED_AFTER
