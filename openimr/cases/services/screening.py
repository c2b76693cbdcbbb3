"""Screening stored: what the IMRO already holds for a claim, and an outcome recorded on a
case with its events, clocks and notice (8 CCR 9792.10.3)."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openimr.audit.services import Actor, PendingEvent, audit_save
from openimr.cases import models
from openimr.cases.domain.application import Application
from openimr.cases.domain.claims import normalise_claim
from openimr.cases.domain.eligibility import (
    AuthorizedTreatment,
    EligibilityResult,
    Outcome,
    PriorReview,
    Reason,
    ReceivedApplication,
    ScreeningContext,
)
from openimr.cases.domain.lifecycle import State
from openimr.cases.services.lifecycle import (
    CLOCK_FIELDS,
    clock_refresh,
    transition_event,
)
from openimr.cases.services.notices import notice_issue
from openimr.core.clock import local_date

Held = dict[str, tuple[list[ReceivedApplication], list[tuple[str, date | None]]]]


def _held(claims: Iterable[str]) -> Held:
    """Applications on file for these claims, their decided items and their items since
    authorized, in four queries whatever the batch size; by the indexed comparable claim
    number (however it was written, 8 CCR 9792.10.3(a)(2)), so the cost stays flat however
    many cases the database holds, keyed by that comparable form. A screened-out application
    is closed: the copy sent to correct it is not its duplicate (8 CCR 9792.10.3), and it
    decided nothing. A terminated, issued or withdrawn one is held with its state, so that the
    rules say how it ended rather than call it the one under review; so is each item
    authorized out of a dispute under way, decided or withdrawn since: a withdrawal does not
    take back the claims administrator's authorization (8 CCR 9792.10.6(a))."""
    same_claim = list(
        models.Application.objects.filter(claim_key__in={normalise_claim(c) for c in claims})
        .exclude(case__state=State.INELIGIBLE.value)
        .values(
            "id",
            "case_id",
            "case__case_number",
            "claim_number",
            "claim_key",
            "ur_decision_date",
            "received_on",
            "case__state",
            "case__terminated_at",
        )
    )
    if not same_claim:
        return {}
    treatments: dict[int, list[str]] = defaultdict(list)
    rows = models.ApplicationTreatment.objects.filter(
        application_id__in=[a["id"] for a in same_claim]
    )
    for application_id, treatment in rows.order_by("position").values_list(
        "application_id", "treatment"
    ):
        treatments[application_id].append(treatment)
    decided: dict[int, list[tuple[str, date | None]]] = defaultdict(list)
    # A determination counts once it is made: QA's return to the reviewer clears its date
    # and leaves the items' draft decisions, which decide nothing.
    for case_id, treatment, on in models.DisputedItem.objects.filter(
        case_id__in=[a["case_id"] for a in same_claim],
        decision__isnull=False,
        case__date_decision__isnull=False,
    ).values_list("case_id", "treatment", "case__date_decision"):
        decided[case_id].append((treatment, on))
    authorized: dict[int, list[AuthorizedTreatment]] = defaultdict(list)
    for case_id, treatment, on in models.AuthorizedItem.objects.filter(
        case_id__in=[a["case_id"] for a in same_claim]
    ).values_list("case_id", "treatment", "authorized_on"):
        authorized[case_id].append(AuthorizedTreatment(treatment, on))
    held: Held = defaultdict(lambda: ([], []))
    for a in same_claim:
        received, decisions = held[a["claim_key"]]
        received.append(
            ReceivedApplication(
                a["case__case_number"],
                a["claim_number"],
                a["ur_decision_date"],
                tuple(treatments[a["id"]]),
                a["received_on"],
                State(a["case__state"]),
                local_date(a["case__terminated_at"]) if a["case__terminated_at"] else None,
                tuple(authorized[a["case_id"]]),
            )
        )
        decisions += decided[a["case_id"]]
    return held


class ScreeningContexts:
    """What each application of a batch is screened against: what is on file, and the
    batch's earlier applications that were not screened out (the same application twice in
    one file is a duplicate; a corrected copy of a refused one is not)."""

    def __init__(self, apps: Sequence[Application]) -> None:
        self._held = _held(app.claim_number for app in apps)
        self._earlier: dict[str, list[ReceivedApplication]] = defaultdict(list)

    def context(self, app: Application) -> ScreeningContext:
        claim = normalise_claim(app.claim_number)
        received, decided = self._held.get(claim, ([], []))
        prior = tuple(PriorReview(app.claim_number, t, on or app.received_on) for t, on in decided)
        return ScreeningContext(prior, (*received, *self._earlier[claim]))

    def add(self, app: Application, number: str, result: EligibilityResult) -> None:
        """Hold a screened application for the batch's later ones, unless screened out."""
        if result.outcome is Outcome.INELIGIBLE:
            return
        self._earlier[normalise_claim(app.claim_number)].append(
            ReceivedApplication(
                number,
                app.claim_number,
                app.ur_decision_date,
                tuple(t.treatment for t in app.treatments),
                app.received_on,
            )
        )


def screened_events(
    row: models.Case, result: EligibilityResult, *, actor: Actor, at: datetime, note: str = ""
) -> list[PendingEvent]:
    """Move a case from screening to its outcome in memory and start or stop its clocks;
    the events that record it, for the caller to write."""
    event = transition_event(
        row=row,
        target=State(result.outcome.value),
        actor=actor,
        at=at,
        note=note,
        detail={"reasons": [r.code for r in result.reasons]},
    )
    row.eligible_on = local_date(at) if result.outcome is Outcome.ELIGIBLE else None
    clock_refresh(row)
    return [event]


def outcome_store(stored: models.Application, result: EligibilityResult) -> None:
    stored.outcome = result.outcome.value
    stored.reasons = [_stored_reason(r) for r in result.reasons]
    stored.last_day_to_file = result.last_day_to_file


def _stored_reason(reason: Reason) -> dict[str, str]:
    """The reason as the application keeps it: with its wording for each party's copy of
    the notice, when it has one (`notice_facts`)."""
    stored = {"code": reason.code, "text": reason.text, "source": reason.source}
    if reason.wording:
        stored["wording"] = reason.wording
    return stored


def outcome_record(
    *,
    row: models.Case,
    stored: models.Application,
    result: EligibilityResult,
    actor: Actor,
    at: datetime,
    note: str = "",
) -> None:
    """Store a screening outcome on a case already written (a staff override), move the
    case to it, and send the ineligibility or deferral notice (8 CCR 9792.10.3)."""
    outcome_store(stored, result)
    stored.save(
        update_fields=["outcome", "reasons", "last_day_to_file", "override_reason", "override_by"]
    )
    audit_save(screened_events(row, result, actor=actor, at=at, note=note))
    row.save(update_fields=["state", "eligible_on", *CLOCK_FIELDS])
    if result.outcome is not Outcome.ELIGIBLE:
        notice_issue(row=row, kind=result.outcome.value, actor=actor, at=at)
