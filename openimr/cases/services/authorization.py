"""The claims administrator's report that it authorized disputed treatment before the
determination (8 CCR 9792.10.6(a)): every item, and the case is terminated by the same
service staff close it with (`case_close`); some, and those items leave the dispute."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction

from openimr.audit.services import Actor, actor_label
from openimr.cases import models
from openimr.cases.domain.authorization import (
    AuthorizationReport,
    Effect,
    report_effect,
    report_problems,
)
from openimr.cases.domain.eligibility import normalise_text
from openimr.cases.domain.lifecycle import State
from openimr.cases.services.flow import case_close
from openimr.cases.services.lifecycle import event_record
from openimr.core.clock import local_date, now
from openimr.core.errors import InvalidInput


@dataclass(frozen=True)
class AuthorizationResult:
    case_number: str
    state: str
    effect: Effect
    authorized: tuple[str, ...]
    authorized_on: date
    still_disputed: tuple[str, ...]


def _split_by_item(row: models.Case) -> bool:
    """Whether reviewers are designated item by item: their assignments name items by place."""
    # Imported when called: the reviewers app reads cases through their selectors.
    from openimr.reviewers import selectors as reviewer_selectors  # noqa: PLC0415

    return any(a.items for a in reviewer_selectors.assignments_for_case(row.pk))


@transaction.atomic
def case_authorization_report(
    *, case_number: str, report: AuthorizationReport, actor: Actor, at: datetime | None = None
) -> AuthorizationResult:
    """Record the report: InvalidInput listing every problem of it (`report_problems`),
    Conflict when the case cannot take it (`report_effect`), nothing written either way.
    The timeline and the audit trail say what was authorized, when, and who reported it."""
    at = at or now()
    row = models.Case.objects.select_for_update().get(case_number=case_number)
    items = list(row.items.order_by("position"))
    today = local_date(at)
    problems = report_problems(
        report,
        disputed=[i.treatment for i in items],
        ur_decision_date=row.date_ur_decision,
        today=today,
        authorized={a.treatment: a.authorized_on for a in row.authorized_items.all()},
    )
    if problems:
        raise InvalidInput(problems)
    named = {normalise_text(t) for t in report.treatments}
    chosen = [i for i in items if normalise_text(i.treatment) in named]
    effect = report_effect(
        State(row.state),
        disputed=len(items),
        authorized=len(chosen),
        split_by_item=_split_by_item(row),
        case_number=row.case_number,
    )
    listed = "; ".join(i.treatment for i in chosen)
    note = (
        f"The claims administrator reported that it authorized on "
        f"{report.authorized_on.isoformat()}: {listed}"
    )
    if effect is Effect.TERMINATED:
        case_close(row=row, target=State.TERMINATED, actor=actor, note=note, at=at)
    else:
        _items_leave(row, chosen, report.authorized_on, actor, at)
        detail = {
            "items": [i.treatment for i in chosen],
            "authorized_on": report.authorized_on.isoformat(),
        }
        event_record(row=row, actor=actor, at=at, kind="items_authorized", note=note, detail=detail)
    remaining = tuple(i.treatment for i in items if i not in chosen)
    return AuthorizationResult(
        case_number=row.case_number,
        state=row.state,
        effect=effect,
        authorized=tuple(i.treatment for i in chosen),
        authorized_on=report.authorized_on,
        still_disputed=remaining if effect is Effect.ITEMS_REMOVED else (),
    )


def _items_leave(
    row: models.Case,
    chosen: list[models.DisputedItem],
    authorized_on: date,
    actor: Actor,
    at: datetime,
) -> None:
    """Move the authorized items out of the dispute and close up the places of the others:
    everything after (the review, the letter) numbers the items 0..n-1."""
    models.AuthorizedItem.objects.bulk_create(
        models.AuthorizedItem(
            case=row,
            position_was=item.position,
            treatment=item.treatment,
            category=item.category,
            rfa_date=item.rfa_date,
            authorized_on=authorized_on,
            reported_at=at,
            reported_by=actor_label(actor),
        )
        for item in chosen
    )
    models.DisputedItem.objects.filter(pk__in=[i.pk for i in chosen]).delete()
    # In ascending order each place moved to is free: the one before it was moved already.
    for place, item in enumerate(row.items.order_by("position")):
        if item.position != place:
            item.position = place
            item.save(update_fields=["position"])
