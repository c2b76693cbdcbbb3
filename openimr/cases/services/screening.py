"""Screening stored: what the IMRO already holds for a claim, and an outcome recorded on a
case with its events, clocks and notice (8 CCR 9792.10.3)."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Q

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


@dataclass
class _OnFile:
    """A case on file for one of the claims, filed or imported whole, as screening reads it."""

    case_id: int
    reference: str
    claim_number: str
    claim_key: str
    ur_decision_date: date | None
    received_on: date | None
    state: str
    terminated_at: datetime | None
    treatments: list[str] = field(default_factory=list)


def _filed(keys: set[str]) -> list[_OnFile]:
    """Applications on the claims with the treatments they dispute, in two queries. A
    screened-out application is closed: the copy sent to correct it is not its duplicate
    (8 CCR 9792.10.3), and it decided nothing."""
    rows = (
        models.Application.objects.filter(claim_key__in=keys)
        .exclude(case__state=State.INELIGIBLE.value)
        .values_list(
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
    filed = {row[0]: _OnFile(*row[1:]) for row in rows}
    treatments = models.ApplicationTreatment.objects.filter(application_id__in=list(filed))
    for application_id, treatment in treatments.order_by("position").values_list(
        "application_id", "treatment"
    ):
        filed[application_id].treatments.append(treatment)
    return list(filed.values())


def _imported(keys: set[str]) -> list[_OnFile]:
    """Cases imported whole with a claim number (`openimr case import`), which have no
    application: the same dispute received once, decided or ended alike
    (8 CCR 9792.10.3(a)(2)). One imported without a claim number shares no claim that
    can be shown, and stays out. Their treatments are read with the decided items
    (`_items_read`), as their disputed items are the only list of them."""
    rows = (
        models.Case.objects.filter(claim_key__in=keys, application__isnull=True)
        .exclude(state=State.INELIGIBLE.value)
        .values_list(
            "id",
            "case_number",
            "claim_number",
            "claim_key",
            "date_ur_decision",
            "date_application_received",
            "state",
            "terminated_at",
        )
    )
    return [_OnFile(*row) for row in rows]


def _items_read(
    held: list[_OnFile], imported: dict[int, _OnFile]
) -> dict[int, list[tuple[str, date | None]]]:
    """The items each held case decided, by case; an imported case's items are also its
    treatments. A determination counts once it is made: QA's return to the reviewer clears
    its date and leaves the items' draft decisions, which decide nothing."""
    decided: dict[int, list[tuple[str, date | None]]] = defaultdict(list)
    made = Q(decision__isnull=False, case__date_decision__isnull=False)
    rows = models.DisputedItem.objects.filter(
        made | Q(case_id__in=list(imported)), case_id__in=[h.case_id for h in held]
    )
    for case_id, treatment, decision, on in rows.order_by("position").values_list(
        "case_id", "treatment", "decision", "case__date_decision"
    ):
        if case_id in imported:
            imported[case_id].treatments.append(treatment)
        if decision is not None and on is not None:
            decided[case_id].append((treatment, on))
    return decided


def _authorized_read(
    held: list[_OnFile], imported: dict[int, _OnFile]
) -> dict[int, list[AuthorizedTreatment]]:
    """Each item authorized out of a held case's dispute, under way, decided or withdrawn
    since: a withdrawal does not take back the claims administrator's authorization
    (8 CCR 9792.10.6(a)). An imported case's was one of its treatments, and left its items."""
    authorized: dict[int, list[AuthorizedTreatment]] = defaultdict(list)
    for case_id, treatment, on in models.AuthorizedItem.objects.filter(
        case_id__in=[h.case_id for h in held]
    ).values_list("case_id", "treatment", "authorized_on"):
        authorized[case_id].append(AuthorizedTreatment(treatment, on))
        if case_id in imported:
            imported[case_id].treatments.append(treatment)
    return authorized


def _held(claims: Iterable[str]) -> Held:
    """Cases on file for these claims, their decided items and their items since authorized,
    in at most five queries whatever the batch size; by the indexed comparable claim number
    (however it was written, 8 CCR 9792.10.3(a)(2)), so the cost stays flat however many
    cases the database holds, keyed by that comparable form. A terminated, issued or
    withdrawn one is held with its state, so that the rules say how it ended rather than
    call it the one under review."""
    keys = {normalise_claim(c) for c in claims}
    imported = {h.case_id: h for h in _imported(keys)}
    held = _filed(keys) + list(imported.values())
    if not held:
        return {}
    decided = _items_read(held, imported)
    authorized = _authorized_read(held, imported)
    found: Held = defaultdict(lambda: ([], []))
    for h in held:
        received, decisions = found[h.claim_key]
        received.append(
            ReceivedApplication(
                h.reference,
                h.claim_number,
                h.ur_decision_date,
                tuple(h.treatments),
                h.received_on,
                State(h.state),
                local_date(h.terminated_at) if h.terminated_at else None,
                tuple(authorized[h.case_id]),
            )
        )
        decisions += decided[h.case_id]
    return found


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
