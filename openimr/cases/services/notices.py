"""Notices to the parties: built from the case, frozen, and recorded as served on each
party with method and date (8 CCR 9792.10.4(b); 8 CCR 9792.10.3)."""

from collections.abc import Sequence
from dataclasses import fields
from datetime import date, datetime
from functools import cache

from openimr.audit.services import Actor
from openimr.cases import models
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.services.lifecycle import event_record
from openimr.core.clock import local_date
from openimr.core.db import rows_insert
from openimr.letters.domain.content import Letter
from openimr.letters.domain.notices import NoticeFacts, build_noarfi, build_screening_notice
from openimr.letters.domain.template import NOTICES_PATH, LetterTemplate, load_template
from openimr.letters.render.text import render_text

KINDS = ("noarfi", "ineligible", "deferred")
WORDING = "wording"  # the key of a notice's frozen template tables among its facts


def _long(value: date | None) -> str:
    return f"{value:%B} {value.day}, {value.year}" if value else "not stated"


def notice_facts(row: models.Case, *, at: datetime, records_due: str = "") -> NoticeFacts:
    app = row.application
    reasons = tuple(r["text"] for r in app.reasons)
    treatments = list(app.treatments.all())
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
        treatments=tuple(t.treatment for t in treatments),
        records_due=records_due,
        reasons=reasons,
        last_day=_long(app.last_day_to_file),
        sent_on=_long(local_date(at)),
        rfa_dates=tuple(_long(t.rfa_date) for t in treatments),
    )


@cache
def _notice_template() -> LetterTemplate:
    return load_template(None, NOTICES_PATH)


def notice_letter(kind: str, facts: NoticeFacts, template: LetterTemplate | None = None) -> Letter:
    t = template or _notice_template()
    return build_noarfi(facts, t) if kind == "noarfi" else build_screening_notice(facts, t, kind)


def _parties(app: models.Application, payer: ServiceMethod) -> list[tuple[str, str, ServiceMethod]]:
    """Who is served and how: e-mail where the party gave an address, otherwise mail; the
    claims administrator as ``payer`` says."""

    def by(address: str) -> ServiceMethod:
        return ServiceMethod.ELECTRONIC if address else ServiceMethod.MAIL

    parties = [
        ("employee", app.employee_name, by(app.employee_email)),
        ("claims administrator", app.claims_administrator_name, payer),
        (
            "requesting physician",
            app.requesting_physician_name,
            by(app.requesting_physician_email),
        ),
    ]
    if app.attorney_name:
        parties.append(("employee's attorney", app.attorney_name, by(app.attorney_email)))
    return [p for p in parties if p[1]]


def _stored(facts: NoticeFacts, kind: str, template: LetterTemplate) -> dict[str, object]:
    """The facts as the JSON column keeps them; flat, so no deep copy (dataclasses.asdict)
    on every notice of a busy day. With them the wording the notice was written in, so that
    it reads as served after the organization rewords its notices or moves."""
    stored: dict[str, object] = {f.name: getattr(facts, f.name) for f in fields(facts)}
    stored[WORDING] = {table: template.data[table] for table in ("organization", kind)}
    return stored


def notice_build(
    *, row: models.Case, kind: str, at: datetime, records_due: str = ""
) -> tuple[models.Notice, list[models.NoticeService]]:
    """The notice and its service on each party, not yet written (`notices_save`)."""
    facts, template = notice_facts(row, at=at, records_due=records_due), _notice_template()
    notice = models.Notice(
        case=row,
        kind=kind,
        created_at=at,
        facts=_stored(facts, kind, template),
        text=render_text(notice_letter(kind, facts, template)),
    )
    served_on = local_date(at)
    # The claims administrator files through the portal, so it is served electronically,
    # except a Notice of Assignment sent otherwise: its records clock counts from that
    # method (8 CCR 9792.10.5(a)(1)), and its service must say the same.
    payer = ServiceMethod.ELECTRONIC
    if kind == "noarfi" and row.noarfi_method:
        payer = ServiceMethod(row.noarfi_method)
    services = [
        models.NoticeService(
            notice=notice,
            party_role=role,
            party_name=name,
            method=method.value,
            served_on=served_on,
        )
        for role, name, method in _parties(row.application, payer)
    ]
    return notice, services


def notices_save(built: Sequence[tuple[models.Notice, list[models.NoticeService]]]) -> None:
    # The services take their notice's key when they are written.
    rows_insert([notice for notice, _ in built], keys=True)
    rows_insert([s for _, services in built for s in services])


def notice_issue(
    *, row: models.Case, kind: str, actor: Actor, at: datetime, records_due: str = ""
) -> models.Notice:
    built = notice_build(row=row, kind=kind, at=at, records_due=records_due)
    notices_save([built])
    event_record(row=row, actor=actor, at=at, kind="notice", detail={"notice": kind})
    return built[0]


def notice_stored_letter(notice: models.Notice) -> Letter:
    """The notice as issued, rebuilt from its frozen facts and wording (a notice frozen
    before its wording was kept reads in the wording of today)."""
    facts = dict(notice.facts)
    wording = facts.pop(WORDING, None)
    template = LetterTemplate(wording, "as issued") if wording else None
    facts["treatments"] = tuple(facts["treatments"])
    facts["reasons"] = tuple(facts["reasons"])
    facts["rfa_dates"] = tuple(facts.get("rfa_dates", ()))
    return notice_letter(notice.kind, NoticeFacts(**facts), template)
