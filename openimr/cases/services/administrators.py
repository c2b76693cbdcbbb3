"""Registered claims administrators and the cases linked to them.

A case names its claims administrator as free text; an API token acts for an account. The
link between them is a registered administrator (``ClaimsAdministrator``): an account is
registered as acting for one, and each case is linked to the administrator whose account
filed it, or else to the one whose name it carries (``administrator_key``). Only a linked
case's file is open to that administrator's tokens (``openimr.api.auth``); an unlinked case
is open to no token."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from pydantic import ValidationError

from openimr.audit.services import Actor, audit_record
from openimr.cases import models
from openimr.cases.contacts import ContactIn
from openimr.cases.domain.administrators import administrator_key
from openimr.core.clock import now
from openimr.core.errors import Conflict, InvalidInput, NotFound, Problem
from openimr.core.validation import problem_from_error


@dataclass(frozen=True)
class Registered:
    name: str
    username: str
    cases_linked: int  # cases linked by this registration (earlier links not counted)


def administrator_register(
    *,
    name: str,
    username: str,
    actor: Actor,
    address: str | None = None,
    email: str | None = None,
) -> Registered:
    """Register ``username`` as the account of the claims administrator ``name`` and link
    every unlinked case that names it. Registering the same pair again links cases that
    arrived unlinked since; an account acts for one administrator, and an administrator has
    one account: anything else is a Conflict and changes nothing. ``address`` and ``email``,
    when given, are set as by `administrator_contact_set`, checked before anything is written."""
    key = _key(name)
    contact = _contact(address, email)
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise NotFound(f"no user {username}")
    with transaction.atomic():
        found = models.ClaimsAdministrator.objects.select_for_update().filter(name_key=key).first()
        current = models.ClaimsAdministrator.objects.filter(account=user).first()
        if current is not None and current.name_key != key:
            raise Conflict(f"account {username} acts for {current.name} already")
        if found is not None and found.account_id not in (None, user.pk):
            raise Conflict(f"{found.name} is registered to another account already")
        if found is None:
            found = models.ClaimsAdministrator.objects.create(
                name=" ".join(name.split()), name_key=key, account=user, registered_at=now()
            )
        elif found.account_id is None:
            found.account = user
            found.save(update_fields=["account"])
        linked = _link_by_name(found)
        audit_record(
            actor=actor,
            action="claims_administrator.registered",
            object_type="claims_administrator",
            object_id=found.name,
            detail={"account": username, "cases_linked": linked},
        )
        if contact:
            _contact_write(found, contact, actor)
    return Registered(found.name, username, linked)


def administrator_contact_set(
    *, name: str, actor: Actor, address: str | None = None, email: str | None = None
) -> dict[str, str]:
    """Set (or, with "", clear) the postal address and e-mail a registered claims
    administrator's letters and notices go to when a case gave none for it (LC 4610.6(f):
    the determination is served on the claims administrator). What is not given (None) is
    kept. Checked by the application's own address and e-mail rules; refused whole."""
    key = _key(name)
    contact = _contact(address, email)
    with transaction.atomic():
        found = models.ClaimsAdministrator.objects.select_for_update().filter(name_key=key).first()
        if found is None:
            raise NotFound(f"no registered claims administrator {name!r}")
        _contact_write(found, contact, actor)
    return {"address": found.address, "email": found.email}


def _key(name: str) -> str:
    key = administrator_key(name)
    if not key or len(name) > 300:
        raise InvalidInput(
            [Problem("$.administrator", "give the claims administrator's name (1-300 characters)")]
        )
    return key


def _contact(address: str | None, email: str | None) -> dict[str, str]:
    """The fields given, validated as the application's (`contacts.ContactIn`): "" clears."""
    given = {k: v for k, v in (("address", address), ("email", email)) if v is not None}
    try:
        parsed = ContactIn.model_validate({k: v or None for k, v in given.items()})
    except ValidationError as exc:
        raise InvalidInput([problem_from_error(dict(e)) for e in exc.errors()]) from exc
    return {k: getattr(parsed, k) or "" for k in given}


def _contact_write(
    found: models.ClaimsAdministrator, contact: dict[str, str], actor: Actor
) -> None:
    changed = sorted(k for k, v in contact.items() if getattr(found, k) != v)
    if not changed:
        return
    for k in changed:
        setattr(found, k, contact[k])
    found.save(update_fields=changed)
    audit_record(
        actor=actor,
        action="claims_administrator.contact_changed",
        object_type="claims_administrator",
        object_id=found.name,
        detail={"changed": changed},
    )


def _link_by_name(administrator: models.ClaimsAdministrator) -> int:
    """Link the unlinked cases whose administrator's name has this key. Names are compared
    in Python (the key is not SQL): there are few distinct names, however many cases."""
    unlinked = models.Case.objects.filter(claims_administrator__isnull=True)
    names = unlinked.exclude(claims_administrator_name=None).values_list(
        "claims_administrator_name", flat=True
    )
    same = [n for n in set(names) if administrator_key(n) == administrator.name_key]
    if not same:
        return 0
    return unlinked.filter(claims_administrator_name__in=same).update(
        claims_administrator=administrator
    )


def _filer_administrator(filer: Actor) -> models.ClaimsAdministrator | None:
    """The registered administrator the filing account acts for, if it is registered."""
    account = getattr(filer, "pk", None) if getattr(filer, "is_authenticated", False) else None
    if account is None:
        return None
    return models.ClaimsAdministrator.objects.filter(account_id=account).first()


def other_administrator_problems(
    *, filer: Actor, named: Sequence[tuple[str, str]]
) -> list[Problem]:
    """A registered administrator's account files for its own claims, and each case it files
    is linked to it (`cases_link_administrators`): an application naming another registered
    administrator (``named``: where, the name given) would take that administrator's case,
    and the records later sent to it, out of its hands. Refused at the name; a name no
    account is registered for (its own written another way) is left to the filer."""
    own = _filer_administrator(filer)
    if own is None:
        return []
    keys = {administrator_key(name) for _, name in named} - {"", own.name_key}
    others = set(
        models.ClaimsAdministrator.objects.filter(name_key__in=keys).values_list(
            "name_key", flat=True
        )
    )
    said = f"names another registered claims administrator; this account files for {own.name}"
    return [
        Problem(f"{where}$.claims_administrator.name", said)
        for where, name in named
        if administrator_key(name) in others
    ]


def cases_link_administrators(rows: Sequence[models.Case], *, filer: Actor = None) -> None:
    """Set each new case's administrator before it is written: the filer's, when the filing
    account is registered (its portal filed it); else the registered one the case names.
    One or two small queries a batch, whatever its size or the register's: only the names
    the batch carries are looked up (this runs under the write lock of the filing)."""
    filers = _filer_administrator(filer)
    own = filers.pk if filers is not None else None
    if own is not None:
        for row in rows:
            row.claims_administrator_id = own
        return
    wanted = {administrator_key(row.claims_administrator_name) for row in rows} - {""}
    found = models.ClaimsAdministrator.objects.filter(name_key__in=wanted)
    keys = dict(found.values_list("name_key", "id"))
    if not keys:
        return
    for row in rows:
        row.claims_administrator_id = keys.get(administrator_key(row.claims_administrator_name))


def administrator_named(name: str | None) -> int | None:
    """The registered administrator a case naming ``name`` belongs to, if any."""
    key = administrator_key(name)
    if not key:
        return None
    found = models.ClaimsAdministrator.objects.filter(name_key=key).values_list("id", flat=True)
    return found.first()
