"""Notices to the parties: built from the case, frozen, and served on each party as a letter
is (8 CCR 9792.10.4(b); 8 CCR 9792.10.3): e-mailed with the notice PDF to a party that gave
an address, queued for printing and mailing for the others (`openimr.letters.services`)."""

from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from datetime import date, datetime
from functools import cache
from typing import Any

from django.db import transaction

from openimr.audit.services import Actor
from openimr.cases import models
from openimr.cases.clocks import open_deadlines
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.eligibility import filing_period_over, normalise_text
from openimr.cases.services.lifecycle import clock_refresh, event_record
from openimr.core.addressing import literal
from openimr.core.clock import CALIFORNIA, local_date
from openimr.core.db import rows_insert
from openimr.letters.domain.content import Letter
from openimr.letters.domain.notices import (
    NoticeFacts,
    build_conversion_notice,
    build_information_request,
    build_noarfi,
    build_screening_notice,
)
from openimr.letters.domain.template import NOTICES_PATH, LetterTemplate, load_template
from openimr.letters.render.text import render_text

KINDS = ("noarfi", "ineligible", "deferred", "converted", "information_request")


def _long(value: date | None) -> str:
    return f"{value:%B} {value.day}, {value.year}" if value else "not stated"


def notice_facts(row: models.Case, *, at: datetime, records_due: str = "") -> NoticeFacts:
    app = getattr(row, "application", None)
    if app is None:
        return _imported_facts(row, at=at, records_due=records_due)
    # A reason screened before its wording was kept reads as the worker was told it.
    reasons = tuple(r.get("wording") or literal(r["text"]) for r in app.reasons)
    treatments = _still_disputed(row, list(app.treatments.all()))
    return NoticeFacts(
        case_number=row.case_number,
        claim_number=app.claim_number,
        employee_name=app.employee_name,
        claims_administrator=app.claims_administrator_name,
        requesting_physician=", ".join(
            filter(None, [app.requesting_physician_name, app.requesting_physician_specialty])
        ),
        ur_decision_date=_long(app.ur_decision_date),
        application_received=_long(app.received_on),
        expedited=row.priority == "expedited",
        formulary=row.priority == "formulary",
        treatments=tuple(t.treatment for t in treatments),
        records_due=records_due,
        reasons=reasons,
        reasons_worded=True,
        last_day=_long(app.last_day_to_file),
        sent_on=_long(local_date(at)),
        rfa_dates=tuple(_long(t.rfa_date) for t in treatments),
        filing_closed=app.last_day_to_file is not None
        and filing_period_over(app.last_day_to_file, local_date(at)),
    )


def _still_disputed(
    row: models.Case, treatments: list[models.ApplicationTreatment]
) -> list[models.ApplicationTreatment]:
    """The treatments the application disputes but those the claims administrator has
    since authorized (8 CCR 9792.10.6(a); `case_authorization_report`): a later notice
    names only what is still to be reviewed."""
    authorized = {normalise_text(a.treatment) for a in row.authorized_items.all()}
    if not authorized:
        return treatments
    return [t for t in treatments if normalise_text(t.treatment) not in authorized]


def _imported_facts(row: models.Case, *, at: datetime, records_due: str) -> NoticeFacts:
    """A case imported whole has no application: its notice (a conversion to expedited)
    states what the case itself records, the claim number too when the case came with one
    (`openimr.cases.import_claim`): the notice goes to the parties, who hold it already."""
    items = list(row.items.order_by("position"))
    return NoticeFacts(
        case_number=row.case_number,
        claim_number=row.claim_number or "not stated",
        employee_name=row.employee_name or "",
        claims_administrator=row.claims_administrator_name or "",
        requesting_physician=", ".join(
            filter(None, [row.requesting_physician_name, row.requesting_physician_specialty])
        ),
        ur_decision_date=_long(row.date_ur_decision),
        application_received=_long(row.date_application_received),
        expedited=row.priority == "expedited",
        formulary=row.priority == "formulary",
        treatments=tuple(i.treatment for i in items),
        records_due=records_due,
        sent_on=_long(local_date(at)),
        rfa_dates=tuple(_long(i.rfa_date) for i in items),
    )


@cache
def _notice_template() -> LetterTemplate:
    return load_template(None, NOTICES_PATH)


def notice_letter(
    kind: str, facts: NoticeFacts, template: LetterTemplate | None = None, reader: str = ""
) -> Letter:
    """The notice as ``reader`` (a party's role) is served it, addressed in its role
    (`addressed`); the file copy, in the third person, for no reader."""
    t = template or _notice_template()
    if kind == "noarfi":
        return build_noarfi(facts, t, reader)
    if kind == "converted":
        return build_conversion_notice(facts, t, reader)
    if kind == "information_request":
        return build_information_request(facts, t, reader)
    return build_screening_notice(facts, t, kind, reader)


def records_due_text(row: models.Case) -> str:
    """The records due date as a notice prints it (8 CCR 9792.10.5(a)); "" when the case's
    clocks have no records deadline (no Notice of Assignment yet, or the records are in)."""
    due = next((d for d in open_deadlines(row) if d.name == "records_due"), None)
    if due is None:
        return ""
    if isinstance(due.due, datetime):
        local = due.due.astimezone(CALIFORNIA)
        return f"{local:%B} {local.day}, {local.year} at {local:%H:%M} Pacific time"
    return f"{due.due:%B} {due.due.day}, {due.due.year}"


def information_due_text(row: models.Case) -> str:
    """The last day to answer a request for eligibility information, as a notice prints it
    (8 CCR 9792.10.3(c)); "" when no request awaits an answer."""
    found = (d for d in open_deadlines(row) if d.name == "eligibility_information_due")
    due = next(found, None)
    return _long(due.due) if due is not None and not isinstance(due.due, datetime) else ""


Party = dict[str, str]  # role, name, email ("" to mail), postal ("" when none on file)


# Who a notice is served on, in its order: every party but the employer.
_NOTICE_ROLES = ("employee", "claims_administrator", "requesting_physician", "attorney")


def _parties(row: models.Case, payer_by_email: bool) -> list[Party]:
    """Who is served: the parties the application names (the case, for one imported whole),
    each by e-mail where an address is on file, otherwise by mail to its postal address
    (kept with an e-mailed copy too, for when the e-mail fails; `Case.party_reach`). The
    claims administrator by e-mail only if ``payer_by_email``."""
    named = getattr(row, "application", None) or row
    reach = row.party_reach()
    if not payer_by_email:
        reach["claims_administrator"] = {**reach["claims_administrator"], "email": ""}
    return [
        {"role": role, "name": name, **reach[role]}
        for role in _NOTICE_ROLES
        if (name := getattr(named, f"{role}_name"))
    ]


# Facts of one kind of notice alone (a request for information), kept only when it has
# them: every other notice would store them empty, and reads them back as their default.
_OWN_FACTS = frozenset({"party_role", "party_asked", "information", "information_due"})


def _stored(facts: NoticeFacts) -> dict[str, object]:
    """The facts as the JSON column keeps them; flat, so no deep copy (dataclasses.asdict)
    on every notice of a busy day."""
    return {
        f.name: value
        for f in fields(facts)
        if (value := getattr(facts, f.name)) or f.name not in _OWN_FACTS
    }


# The key of each kind's wording per template, as hashing it cost 14 us a notice, a third of
# building its facts; the template is held so that its id names no other while cached.
_KEYS: dict[tuple[int, str], tuple[LetterTemplate, str, dict[str, object]]] = {}


def _wording(kind: str, template: LetterTemplate) -> models.NoticeWording:
    """The wording the notice is written in, so that it reads as served after the
    organization rewords its notices or moves; not yet written (`wordings_keep`)."""
    cached = _KEYS.get((id(template), kind))
    if cached is None or cached[0] is not template:
        tables = {table: template.data[table] for table in ("organization", kind)}
        if len(_KEYS) > 32:  # a template per deployment: only tests make more
            _KEYS.clear()
        cached = _KEYS[(id(template), kind)] = (template, models.wording_key(tables), tables)
    _, key, tables = cached
    return models.NoticeWording(sha256=key, tables=tables)


def parties_named(app: models.Application) -> list[Party]:
    """Every party the application names, each with the address it is served at: what a
    notice other than the Notice of Assignment is served on."""
    return _parties(app.case, payer_by_email=True)


def notice_build(
    *,
    row: models.Case,
    kind: str,
    at: datetime,
    records_due: str = "",
    extra: Mapping[str, Any] | None = None,
) -> tuple[models.Notice, list[Party]]:
    """The notice and the parties to serve it on, not yet written (`notices_save`);
    ``extra`` are facts of its kind alone (the information a party is asked for)."""
    payer_by_email = _payer_by_email(row, kind)
    if kind == "noarfi":
        # Its records due date counts from the method the notice is actually sent by.
        records_due = records_due_text(row) or records_due
    facts, template = notice_facts(row, at=at, records_due=records_due), _notice_template()
    facts = replace(facts, **extra) if extra else facts
    notice = models.Notice(
        case=row,
        kind=kind,
        created_at=at,
        facts=_stored(facts),
        text=render_text(notice_letter(kind, facts, template)),
        wording=_wording(kind, template),
    )
    return notice, _parties(row, payer_by_email)


def _payer_by_email(row: models.Case, kind: str) -> bool:
    """Whether the claims administrator is served by e-mail. The records clock counts from
    how the Notice of Assignment reaches it (8 CCR 9792.10.5(a)(1): 12 days sent
    electronically, 15 mailed), so that notice goes by e-mail only when it is to be sent
    electronically and there is an address on file, and the case records it mailed
    otherwise."""
    by_email = bool(row.party_reach()["claims_administrator"]["email"])
    if kind == "noarfi":
        by_email &= row.noarfi_method == ServiceMethod.ELECTRONIC.value
        row.noarfi_method = (ServiceMethod.ELECTRONIC if by_email else ServiceMethod.MAIL).value
    return by_email


def notices_save(built: Sequence[tuple[models.Notice, list[Party]]]) -> None:
    """Write the notices and serve each on its parties as letters are served (e-mail after
    commit, the print queue for the rest)."""
    # Imported when called: letters' services import these services.
    from openimr.letters.services import notices_serve  # noqa: PLC0415

    notices = [notice for notice, _ in built]
    kept = wordings_keep([n.wording for n in notices if n.wording is not None])
    for notice in notices:
        if notice.wording is not None:
            notice.wording = kept[notice.wording.sha256]
    # The service rows take their notice's key when they are written.
    rows_insert(notices, keys=True)
    notices_serve(built=built)


def wordings_keep(wordings: Sequence[models.NoticeWording]) -> dict[str, models.NoticeWording]:
    """The stored row of each of these wordings by its key, the ones not yet stored written
    now: one query for a batch whose wordings are all known (nearly every batch), one
    INSERT and one more query for those that are new. Safe when another process writes
    the same new wording at once: its row is kept, ours ignored on the unique key (on
    PostgreSQL the INSERT waits for the other's transaction to end), and both read it."""
    wanted = {w.sha256: w for w in wordings}
    kept = _wordings_stored(list(wanted))
    missing = [w for key, w in wanted.items() if key not in kept]
    if missing:
        models.NoticeWording.objects.bulk_create(missing, ignore_conflicts=True)
        kept |= _wordings_stored([w.sha256 for w in missing])
    return kept


def _wordings_stored(keys: list[str]) -> dict[str, models.NoticeWording]:
    return {w.sha256: w for w in models.NoticeWording.objects.filter(sha256__in=keys)}


def notice_issue(
    *, row: models.Case, kind: str, actor: Actor, at: datetime, records_due: str = ""
) -> models.Notice:
    built = notice_build(row=row, kind=kind, at=at, records_due=records_due)
    notices_save([built])
    event_record(row=row, actor=actor, at=at, kind="notice", detail={"notice": kind})
    return built[0]


def case_noarfi_served(*, case_number: str, notice_id: int, at: datetime, actor: Actor) -> bool:
    """The Notice of Assignment reached the claims administrator by mail, not as planned (its
    e-mail failed), or was mailed on a later day than issued: the records clock counts from
    that mailing (8 CCR 9792.10.5(a)(1), 15 days after the notice is mailed). Only the case's
    latest Notice of Assignment moves the clock; False when nothing changed."""
    with transaction.atomic():
        row = models.Case.objects.select_for_update().get(case_number=case_number)
        latest = row.notices.filter(kind="noarfi").order_by("-created_at", "-id").first()
        sent = row.noarfi_sent_at
        if latest is None or latest.pk != notice_id or sent is None:
            return False
        if row.noarfi_method == ServiceMethod.MAIL.value and local_date(at) <= local_date(sent):
            return False
        row.noarfi_method = ServiceMethod.MAIL.value
        row.noarfi_sent_at = max(sent, at) if local_date(at) > local_date(sent) else sent
        clock_refresh(row)
        row.save(update_fields=["noarfi_method", "noarfi_sent_at", "next_due_at", "next_due_name"])
        detail = {"notice": "noarfi", "mailed": local_date(row.noarfi_sent_at).isoformat()}
        event_record(row=row, actor=actor, at=at, kind="notice", detail=detail)
    return True


def notice_stored_letter(notice: models.Notice, reader: str = "") -> Letter:
    """The notice as issued, rebuilt from its frozen facts and wording (a notice frozen
    before its wording was kept reads in the wording of today): the copy served on the
    party ``reader`` names, or the file copy for none."""
    facts = dict(notice.facts)
    wording = notice.wording
    template = LetterTemplate(wording.tables, "as issued") if wording is not None else None
    facts["treatments"] = tuple(facts["treatments"])
    facts["reasons"] = tuple(facts["reasons"])
    facts["rfa_dates"] = tuple(facts.get("rfa_dates", ()))
    return notice_letter(notice.kind, NoticeFacts(**facts), template, reader)
