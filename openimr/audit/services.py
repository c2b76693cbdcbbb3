"""Writing the audit trail. Callers run inside their own transaction.atomic(); each write
joins it (or opens one), locks the chain head, links its events after it and moves it, so
the events, their chain and the change they record commit or vanish together."""

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import connections, router, transaction
from django.http import Http404, HttpRequest
from django.utils import timezone

from openimr.audit import case_index, chain, context
from openimr.audit.models import AuditEvent
from openimr.core.access import user_works_intake
from openimr.core.clock import now
from openimr.core.db import values_insert

__all__ = [
    "Actor",
    "AuditEvent",
    "PendingEvent",
    "actor_label",
    "audit_event",
    "audit_list_viewed",
    "audit_record",
    "audit_save",
    "staff_page_audited",
]

Actor = AbstractBaseUser | AnonymousUser | str | None


def actor_label(actor: Actor) -> str:
    return _actor_fields(actor)[1]


def _actor_fields(actor: Actor) -> tuple[User | None, str]:
    if isinstance(actor, User):
        return actor, actor.get_username()
    if isinstance(actor, str):
        return None, actor
    return None, "anonymous"


def _role(actor: Actor) -> str:
    return context.SYSTEM if isinstance(actor, str) else context.role_of(actor)


@dataclass(frozen=True)
class PendingEvent:
    """An audit event not yet written, with AuditEvent's columns: a batch of changes writes
    its events with one statement (`audit_save`), inside the transaction of the changes.
    Not a model instance, whose construction cost as much as writing it. The chain's
    columns are added when it is written."""

    at: datetime
    actor_id: int | None
    actor_label: str
    action: str
    object_type: str
    object_id: str
    detail: dict[str, Any]
    role: str = ""
    request_id: str = ""


_SCALARS = (str, int, bool, type(None))
# What a refused look names comes from outside (a case number typed into an address, a
# username into the login form): it is kept cut to its column, which PostgreSQL would
# otherwise refuse, losing the refusal's own audit row with a server error.
_OBJECT_ID_MAX = AuditEvent._meta.get_field("object_id").max_length or 60


def _plain(detail: dict[str, Any] | None) -> dict[str, Any]:
    """The detail as the database gives it back (string keys, lists for tuples), so the
    hash computed now is the one `audit verify` computes from the stored row. Most details
    are flat, with string keys and plain values: those are as they come back already, and
    skip the round trip through JSON (a third of the chain's cost per event)."""
    if not detail:
        return {}
    if all(type(k) is str and type(v) in _SCALARS for k, v in detail.items()):
        return detail
    plain: dict[str, Any] = json.loads(json.dumps(detail))
    return plain


def audit_event(
    *,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> PendingEvent:
    user, label = _actor_fields(actor)
    when = at or now()
    request = context.current()
    return PendingEvent(
        when if timezone.is_aware(when) else timezone.make_aware(when),
        user.pk if user else None,
        label,
        action,
        object_type,
        object_id[:_OBJECT_ID_MAX],
        _plain(detail),
        _role(actor),
        request.request_id if request else "",
    )


def _chained(events: Sequence[PendingEvent], alias: str) -> list[dict[str, Any]]:
    """Lock the chain head, link the events after it and move it: inside a transaction."""
    connection = connections[alias]
    lane, last_hash, length = chain.head_lock(connection)
    rows = chain.link(last_hash, [vars(event) for event in events], lane)
    chain.head_move(connection, lane, rows[-1]["hash"], length + len(rows))
    return rows


def audit_save(events: Sequence[PendingEvent]) -> None:
    if not events:
        return
    alias = router.db_for_write(AuditEvent)
    listing = any(case_index.listed(event.detail) for event in events)
    with transaction.atomic(using=alias, savepoint=False):
        keys = values_insert(AuditEvent, _chained(events, alias), keys=listing)
        if listing:
            case_index.index_write([(k, e.detail) for k, e in zip(keys, events, strict=True)])


def audit_record(
    *,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    event = audit_event(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
        at=at,
    )
    alias = router.db_for_write(AuditEvent)
    with transaction.atomic(using=alias, savepoint=False):
        [row] = _chained([event], alias)
        # Written as audit_save writes a batch, not through the ORM's create(), whose
        # compiling of the INSERT was a fifth of auditing a staff list's view on SQLite
        # (docs/benchmarks.md, session 25): every audited page pays it.
        [key] = values_insert(AuditEvent, [row], keys=True)
        case_index.index_write([(key, event.detail)])
    stored = AuditEvent(id=key, **row)
    stored._state.adding, stored._state.db = False, alias
    return stored


LIST_VIEWED = "list.viewed"


def audit_list_viewed(
    *, actor: Actor, page: str, cases: Iterable[str], detail: dict[str, Any] | None = None
) -> AuditEvent:
    """A staff page listing several cases with their PHI (names, postal and e-mail addresses,
    treatments): one event naming the page and every case it showed, so that a look at a
    case through a list is found as surely as a look at its own page. HIPAA 45 CFR
    164.312(b) (audit controls over activity in systems holding PHI); one event a page,
    not one a case, so that a queue reloaded all day does not bury the trail."""
    return audit_record(
        actor=actor,
        action=LIST_VIEWED,
        object_type="page",
        object_id=page,
        detail={**(detail or {}), "cases": sorted(set(cases))},
    )


View = TypeVar("View", bound=Callable[..., Any])


def staff_page_audited(action: str, object_type: str = "page") -> Callable[[View], View]:
    """``openimr.core.access.staff_page`` (log in first, then 404 for anyone without a staff
    role) for a page that shows PHI, whose refusal is audited as ``<action>.refused``
    with what was asked (the URL's own parameter, else the page's name): a reviewer trying
    the staff's outbox or print queue is a denied access to PHI, recorded as every other
    one is (HIPAA 45 CFR 164.312(b))."""

    def decorate(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not user_works_intake(request.user):
                asked = next(iter(kwargs.values()), None)
                page = request.resolver_match.view_name if request.resolver_match else ""
                audit_record(
                    actor=request.user,
                    action=f"{action}.refused",
                    object_type=object_type,
                    object_id=str(asked if asked is not None else page),
                )
                raise Http404("No such page")
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
