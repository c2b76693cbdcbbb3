"""Eligibility screening of an application for Independent Medical Review (8 CCR 9792.10.3).

Each rule is a pure function ``(application, context, program) -> Iterator[Reason]`` that
names its legal source; ``screen`` runs them all, so a notice lists every reason at once.
A reason's ``wording`` has the placeholders of `openimr.core.addressing.addressed`, so that
each party's copy of the notice reads it in its role; its ``text`` is the worker's reading.

Reason codes are stable (stored with the screening, counted in statistics, matched by
notices); rename one only with a data migration:

- ``unsigned``: nobody signed the application for the employee.
- ``late``: received after the last day to file.
- ``no_ur_decision``: the UR decision is not attached.
- ``conditional_non_certification``: UR denied only for want of requested information.
- ``already_decided``: IMR already decided the same treatment on the same claim.
- ``duplicate``: the same dispute was already received, and is still to be decided.
- ``already_authorized``: the same dispute was already received, and the claims administrator
  authorized the treatment: the review ended, or the treatment left it.
- ``liability_disputed``: liability is disputed on other grounds; defers, not ineligible.
"""

import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from openimr.cases.domain.application import Application
from openimr.cases.domain.claims import normalise_claim
from openimr.cases.domain.deadlines import Program, filing_deadline
from openimr.cases.domain.lifecycle import State
from openimr.core.addressing import address, literal
from openimr.core.text import without_invisible


class Outcome(StrEnum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    DEFERRED = "deferred"


@dataclass(frozen=True)
class Reason:
    code: str
    text: str
    source: str
    # The text with the placeholders of `addressed` ("{Application} arrived after ..."); ""
    # for a text the same for every reader (a staff override, as staff wrote it).
    wording: str = ""


def _reason(code: str, wording: str, source: str) -> Reason:
    return Reason(code, address(wording, "employee", ""), source, wording)


@dataclass(frozen=True)
class EligibilityResult:
    outcome: Outcome
    reasons: tuple[Reason, ...]
    last_day_to_file: date


@dataclass(frozen=True)
class PriorReview:
    """A disputed treatment that IMR has already decided."""

    claim_number: str
    treatment: str
    decided_on: date


@dataclass(frozen=True)
class AuthorizedTreatment:
    """A disputed treatment the claims administrator reported it authorized, which left the
    dispute while the review went on with the others (8 CCR 9792.10.6(a))."""

    treatment: str
    authorized_on: date


@dataclass(frozen=True)
class ReceivedApplication:
    """An application on file before the one being screened is (never that one itself): filed
    earlier, though a backlog's may have been received on a later day; or a case imported
    whole with its claim number (`openimr case import`), whose document may leave a date out.
    Without its UR decision's date no application can be shown to dispute the same decision;
    without its day of receipt, the notice does not give one."""

    reference: str
    claim_number: str
    ur_decision_date: date | None
    treatments: tuple[str, ...]
    received_on: date | None
    # Where its case stands: None while it is being screened (a batch's earlier line). A
    # terminated one ended on ``ended_on``, when the treatment was authorized.
    state: State | None = None
    ended_on: date | None = None
    # Its treatments since authorized, each out of the dispute: a new application for one
    # of them is not its duplicate.
    authorized: tuple[AuthorizedTreatment, ...] = ()

    def still_disputed(self) -> tuple[str, ...]:
        gone = {normalise_text(a.treatment) for a in self.authorized}
        return tuple(t for t in self.treatments if normalise_text(t) not in gone)


@dataclass(frozen=True)
class ScreeningContext:
    """What is already on file for the claim, as far as screening needs it."""

    prior_reviews: tuple[PriorReview, ...] = ()
    received: tuple[ReceivedApplication, ...] = ()


# A case on file that has ended: decided (the letter issued) or terminated.
_ENDED = frozenset({State.ISSUED, State.TERMINATED})
# A case on file that nobody reviews: ended, or withdrawn (held only for what was authorized
# out of it before the withdrawal, which the withdrawal does not take back).
_NOT_UNDER_REVIEW = _ENDED | {State.WITHDRAWN}
Rule = Callable[[Application, ScreeningContext, Program], Iterator[Reason]]
DEFERRAL_CODES = frozenset({"liability_disputed"})
# Spelled out, not strftime("%B"): a notice must not change language with the server locale.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def spoken_date(day: date) -> str:
    """``March 3, 2024``: the way a notice writes a date."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _same_characters(text: str) -> str:
    # "é" arrives as one character or as "e" and a combining accent, digits full-width or
    # not: both look alike on the page, so they compare alike (NFKC); a soft hyphen or a
    # zero-width space inside a word shows nothing, so it splits nothing.
    return unicodedata.normalize("NFKC", without_invisible(text)).casefold()


def normalise_text(text: str) -> str:
    """Case, spacing, punctuation, Unicode form and invisible format characters do not make
    a different treatment or name: ``"MRI, Lumbar-Spine "``, ``"mri lumbar spine"`` and
    ``"mri lum\u00adbar spine"`` are the same (8 CCR 9792.10.3(a)(2))."""
    return " ".join("".join(c if c.isalnum() else " " for c in _same_characters(text)).split())


def _filing(application: Application, program: Program) -> tuple[date, str]:
    deadline = filing_deadline(application.ur_decision_date, application.ur_service_method, program)
    if isinstance(deadline.due, datetime):
        raise TypeError("the filing clock must count days, not hours")
    return deadline.due, deadline.source


def last_day_to_file(application: Application, program: Program) -> date:
    """The last day the application may arrive (LC 4610.5(h)(1); CCP 1013(a), 12a)."""
    return _filing(application, program)[0]


def filing_period_over(last_day: date, today: date) -> bool:
    """Whether a new application about the same UR decision would now arrive too late: it
    counts as filed the day the IMRO receives it (Avila v. UC Irvine Medical Center, WCAB
    2015), in time through its last day (LC 4610.5(h)(1))."""
    return today > last_day


def unsigned(
    application: Application, context: ScreeningContext, program: Program
) -> Iterator[Reason]:
    """The application must be signed by the employee, or for the employee by a
    representative, attorney or physician (LC 4610.5(d); 8 CCR 9792.10.1(b)); an unsigned
    one is incomplete (8 CCR 9792.10.3(a)(1)). A name without the signer's role does not
    show that the signer may act for the employee."""
    if (application.signed_by or "").strip() and application.signer_role is not None:
        return
    yield _reason(
        "unsigned",
        "{Application} was not signed. It must be signed by {employee}, or for {employee} by "
        "an attorney, a representative or a doctor.",
        "LC 4610.5(d); 8 CCR 9792.10.1(b); 8 CCR 9792.10.3(a)(1)",
    )


def late(application: Application, context: ScreeningContext, program: Program) -> Iterator[Reason]:
    """The application is filed when the IMR organization receives it (Avila v. UC Irvine
    Medical Center, WCAB 2015), and must arrive by the last day to file
    (LC 4610.5(h)(1); 8 CCR 9792.10.1(b)(1); CCP 1013(a); 8 CCR 9792.10.3(a)(1))."""
    last_day, source = _filing(application, program)
    if application.received_on <= last_day:
        return
    days, mail = program.rules["application_filing"].count, program.rules["mail_extension"].count
    yield _reason(
        "late",
        f"{{Application}} arrived after the last day to apply ({spoken_date(last_day)}). "
        f"The law gives {days} days from when the utilization review decision was served, "
        f"plus {mail} days when it came by mail.",
        f"{source}; 8 CCR 9792.10.3(a)(1)",
    )


def no_ur_decision(
    application: Application, context: ScreeningContext, program: Program
) -> Iterator[Reason]:
    """The application comes with a copy of the written UR decision it disputes
    (8 CCR 9792.10.1(b)(1)); without it the application is incomplete
    (8 CCR 9792.10.3(a)(1))."""
    if application.ur_decision_attached:
        return
    yield _reason(
        "no_ur_decision",
        "{Application} did not include a copy of the utilization review decision in dispute. "
        "An application must come with that decision letter.",
        "8 CCR 9792.10.1(b)(1); 8 CCR 9792.10.3(a)(1)",
    )


def conditional_non_certification(
    application: Application, context: ScreeningContext, program: Program
) -> Iterator[Reason]:
    """A UR decision that denied the request only because the physician did not send
    information it asked for decides nothing about medical necessity, so there is nothing
    for IMR to review (8 CCR 9792.10.3(a)(4))."""
    if not application.conditional_non_certification:
        return
    yield _reason(
        "conditional_non_certification",
        "The utilization review decision turned down the treatment only because it did not "
        "receive information it asked {physician} for; {physician} can send that information "
        "and ask for the treatment again.",
        "8 CCR 9792.10.3(a)(4)",
    )


def already_decided(
    application: Application, context: ScreeningContext, program: Program
) -> Iterator[Reason]:
    """A treatment that IMR already decided on the same claim is not reviewed again: the
    determination binds the parties (8 CCR 9792.10.3(a)(2); LC 4610.6(g)). One reason per
    treatment so decided."""
    claim = normalise_claim(application.claim_number)
    decided = {
        normalise_text(p.treatment): p
        for p in context.prior_reviews
        if normalise_claim(p.claim_number) == claim
    }
    for item in application.treatments:
        prior = decided.get(normalise_text(item.treatment))
        if prior is None:
            continue
        yield _reason(
            "already_decided",
            f"Independent Medical Review already decided the request for "
            f"{literal(item.treatment)} on this claim on {spoken_date(prior.decided_on)}. That "
            "decision is final for this request; it can only be appealed to the Workers' "
            "Compensation Appeals Board.",
            "8 CCR 9792.10.3(a)(2); LC 4610.6(g)",
        )


def _in_common(
    application: Application, other: ReceivedApplication, treatments: Sequence[str]
) -> list[str]:
    """Which of ``treatments`` (of ``other``) this application disputes too, when both are
    about the same UR decision on the same claim."""
    if (
        normalise_claim(other.claim_number) != normalise_claim(application.claim_number)
        or other.ur_decision_date != application.ur_decision_date
    ):
        return []
    mine = {normalise_text(t.treatment) for t in application.treatments}
    return [t for t in treatments if normalise_text(t) in mine]


def _received(application: Application, other: ReceivedApplication) -> str:
    # Said only of one about the same UR decision (`_in_common`), so the dates are one.
    on = f" on {spoken_date(other.received_on)}" if other.received_on else ""
    return (
        f"We already received an application about the same utilization review decision "
        f"(dated {spoken_date(application.ur_decision_date)}){on}, "
        f"reference {literal(other.reference)}."
    )


def duplicate(
    application: Application, context: ScreeningContext, program: Program
) -> Iterator[Reason]:
    """An application already on file for the same claim, the same UR decision (its date)
    and at least one of the same treatments is the one reviewed; this one adds nothing
    (8 CCR 9792.10.3(a)(2)). So whatever the days of receipt: a backlog copy received
    before the one on file, filed after it, would otherwise have the dispute reviewed
    twice, as the one on file is not screened again. Only while the one on file is still
    to be decided, and only for a treatment it still disputes: one decided is said by
    ``already_decided``, a treatment authorized by ``already_authorized``; neither is "the one
    we review", nor is a withdrawn one."""
    for other in context.received:
        if other.state in _NOT_UNDER_REVIEW or not _in_common(
            application, other, other.still_disputed()
        ):
            continue
        said = _received(application, other)
        yield _reason(
            "duplicate",
            f"{said} That application is the one we review, so this copy is closed.",
            "8 CCR 9792.10.3(a)(2)",
        )


def already_authorized(
    application: Application, context: ScreeningContext, program: Program
) -> Iterator[Reason]:
    """An application on file for the same dispute (claim, UR decision, a treatment in
    common) whose review was terminated because the claims administrator authorized the
    disputed treatment (8 CCR 9792.10.6(a)): the dispute was received once and has ended
    with the treatment granted, so this one has nothing left to review
    (8 CCR 9792.10.3(a)(2)). So too, one reason each, for a treatment of a case on file,
    under way, decided or withdrawn since, that the claims administrator reported authorized
    and that left the dispute (8 CCR 9792.10.6(a)): the authorization is the administrator's
    act on the request, and the worker's withdrawal ends the request for review of what was
    still disputed, not the authorization. Not a duplicate of a review under way: the notice
    says the treatment was authorized."""
    for other in context.received:
        for why in _why_authorized(application, other):
            yield _reason(
                "already_authorized",
                f"{_received(application, other)} {why} If the treatment has not been given, "
                "{employee} may contact {administrator}.",
                "8 CCR 9792.10.6(a); 8 CCR 9792.10.3(a)(2)",
            )


def _why_authorized(application: Application, other: ReceivedApplication) -> Iterator[str]:
    """How the claims administrator's authorization left ``other`` nothing of this
    application to review: its whole review ended, or treatments in common left it."""
    if other.state is State.TERMINATED:
        if _in_common(application, other, other.treatments):
            ended = f" on {spoken_date(other.ended_on)}" if other.ended_on else ""
            yield (
                f"Its review was ended{ended} because {{administrator}} authorized the "
                "treatment in dispute, so there is nothing left for Independent Medical "
                "Review to decide."
            )
        return
    for item in other.authorized:
        if _in_common(application, other, [item.treatment]):
            yield (
                f"{{Administrator}} reported that the request for {literal(item.treatment)} "
                f"was authorized on {spoken_date(item.authorized_on)}, so it is no longer in "
                "dispute and there is nothing about it for Independent Medical Review to decide."
            )


def liability_disputed(
    application: Application, context: ScreeningContext, program: Program
) -> Iterator[Reason]:
    """When the claims administrator disputes liability for the injury or body part on a
    ground other than medical necessity, the review is deferred until that is resolved,
    unless the claims administrator agrees to proceed (8 CCR 9792.10.3(a)(3), (d))."""
    if not application.disputed_other_than_medical_necessity:
        return
    if application.claims_administrator_agrees_to_proceed is True:
        return
    yield _reason(
        "liability_disputed",
        "Liability for this injury or body part is disputed by {administrator}, for a reason "
        "other than whether the treatment is medically necessary. The review waits until that "
        "dispute is settled; {administrator} may instead agree to go ahead.",
        "8 CCR 9792.10.3(a)(3), (d)",
    )


RULES: tuple[Rule, ...] = (
    unsigned,
    late,
    no_ur_decision,
    conditional_non_certification,
    already_decided,
    duplicate,
    already_authorized,
    liability_disputed,
)


def screen(
    application: Application, context: ScreeningContext, program: Program
) -> EligibilityResult:
    """The Administrative Director's finding on an application (8 CCR 9792.10.3(a), (c)):
    ineligible if any rule says so, with every reason found, deferral ones included;
    otherwise deferred if liability is disputed (8 CCR 9792.10.3(d)); otherwise eligible,
    with no reasons."""
    reasons = tuple(r for rule in RULES for r in rule(application, context, program))
    codes = {reason.code for reason in reasons}
    if codes - DEFERRAL_CODES:
        outcome = Outcome.INELIGIBLE
    elif codes:
        outcome = Outcome.DEFERRED
    else:
        outcome = Outcome.ELIGIBLE
    return EligibilityResult(outcome, reasons, last_day_to_file(application, program))
