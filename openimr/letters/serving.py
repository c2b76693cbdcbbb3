"""Serving an issued letter (LC 4610.6(f)) or a notice (8 CCR 9792.10.3, 9792.10.4(b)) on
every party: e-mail with the PDF attached to a party that gave an address, through Django's
e-mail backend once the issue is committed; a print-queue row for everyone else, who is
served by mail, and for a party whose e-mail could not be sent. One service row per party
and document (`LetterService`, naming a notice or, by its hash, a letter)."""

import logging
from collections.abc import Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q

from openimr.audit.services import audit_record
from openimr.cases.selectors import case_parties
from openimr.cases.services import case_notice_mailed, notice_stored_letter
from openimr.core.clock import CALIFORNIA, local_date, now
from openimr.core.errors import Conflict, NotFound
from openimr.core.mail import CASE_HEADER, delivered
from openimr.letters.models import (
    SENDING_CLAIM,
    AmendedLetter,
    FrozenLetter,
    IssuedLetter,
    LetterService,
)
from openimr.letters.render.text import render_text
from openimr.letters.rendering import render_pdf_bytes
from openimr.review.domain.implementation import Service

log = logging.getLogger(__name__)
SENDER = "letter-service"  # the audit's actor for what the sending step does on its own
Party = dict[str, str]  # role, name, email ("" to mail), postal ("" when none on file)


def service_method(case_number: str) -> Service:
    """How the claims administrator, who must implement the letter, is served: its receipt
    starts the implementation clocks (8 CCR 9792.10.7(a))."""
    parties = {p["role"]: p for p in case_parties(case_number)}
    payer = parties.get("claims_administrator", {"email": ""})
    return Service.ELECTRONIC if payer["email"] else Service.MAIL


def _row(party: Party, served_on: date, **document: Any) -> LetterService:
    return LetterService(
        party_role=party["role"],
        party_name=party["name"],
        method=LetterService.EMAIL if party["email"] else LetterService.MAIL,
        address=party["email"],
        postal_address=party.get("postal", ""),
        served_on=served_on,
        **document,
    )


def _serve(rows: Iterable[LetterService]) -> list[LetterService]:
    """Write the rows; their e-mails go out after the transaction commits, so a rolled-back
    issue sends nothing."""
    written = LetterService.objects.bulk_create(rows)
    emailed = [row.pk for row in written if row.method == LetterService.EMAIL]
    if emailed:
        transaction.on_commit(partial(_send, emailed))
    return written


def letter_serve(*, letter: FrozenLetter, case_number: str, served_on: date) -> list[LetterService]:
    """One service row per party of the letter."""
    case_id = letter.case_id  # type: ignore[attr-defined]
    return _serve(
        _row(party, served_on, case_id=case_id, pdf_sha256=letter.pdf_sha256)
        for party in case_parties(case_number)
    )


def notices_serve(*, built: Sequence[tuple[Any, Sequence[Party]]]) -> list[LetterService]:
    """One service row per party of each written notice (a `cases.Notice` with the parties
    its service names), served on the day it was issued."""
    return _serve(
        _row(party, local_date(notice.created_at), case_id=notice.case_id, notice_id=notice.pk)
        for notice, parties in built
        for party in parties
    )


def _letter_mail(row: LetterService) -> tuple[str, str, str, bytes]:
    found: FrozenLetter | None = (
        IssuedLetter.objects.filter(case_id=row.case_id, pdf_sha256=row.pdf_sha256).first()
        or AmendedLetter.objects.filter(case_id=row.case_id, pdf_sha256=row.pdf_sha256).first()
    )
    if found is None:
        raise LookupError(f"no issued letter {row.pdf_sha256[:12]}")
    number = row.case.case_number
    pdf = (Path(settings.MEDIA_ROOT) / found.pdf_path).read_bytes()
    if isinstance(found, AmendedLetter):
        # Named apart from the first letter, which the party holds under the same case:
        # its subject and file would otherwise read as the first letter sent again.
        k = found.number
        subject = f"Amended Final Determination Letter (amendment {k}), case {number}"
        return subject, found.text, f"{number}-FDL-amended-{k}.pdf", pdf
    return f"Final Determination Letter, case {number}", found.text, f"{number}-FDL.pdf", pdf


def _mail_of(row: LetterService) -> tuple[str, str, str, bytes]:
    """Subject, body, attachment name and PDF of the document a row serves. A notice's PDF
    is rendered from its frozen facts, the same bytes every time, in the copy addressed to
    the row's party (`openimr.letters.domain.notices.addressed`)."""
    notice = row.notice
    if notice is None:
        return _letter_mail(row)
    letter = notice_stored_letter(notice, row.party_role)
    pdf = render_pdf_bytes(letter)
    number = row.case.case_number
    name = f"{number}-{notice.kind}.pdf"
    return f"{notice.title}, case {number}", render_text(letter), name, pdf


def _claim(service_ids: Iterable[int], since: Any) -> int:
    """Claim the e-mails of ``service_ids`` still to send for one sending step, in one
    conditional UPDATE: of two steps on one e-mail (a double click on "send again" while the
    first step mails, or the issue's own step), the database lets one claim it, so it goes
    out once. A claim older than SENDING_CLAIM is of a step that stopped, and is taken."""
    return (
        LetterService.objects.filter(pk__in=service_ids, method=LetterService.EMAIL, sent_at=None)
        .exclude(address="")
        .filter(Q(sending_since=None) | Q(sending_since__lte=since - SENDING_CLAIM))
        .update(sending_since=since)
    )


def _send(service_ids: list[int], claimed: Any = None) -> None:
    """Mail each e-mail of ``service_ids`` this step claims (or, ``claimed``, claimed already
    at that instant by `letter_service_send_again`); one claimed by another step is its."""
    since = claimed or now()
    if claimed is None:
        _claim(service_ids, since)
    documents: dict[tuple[int | None, str, str], tuple[str, str, str, bytes]] = {}
    rows = LetterService.objects.filter(pk__in=service_ids, sent_at=None, sending_since=since)
    for row in rows.select_related("case", "notice"):
        _send_one(row, documents)


def _send_one(row: LetterService, documents: dict[Any, tuple[str, str, str, bytes]]) -> None:
    try:
        # A letter reads the same for every party; a notice is addressed to each.
        key = (row.notice_id, row.pdf_sha256, row.party_role if row.notice_id else "")
        if key not in documents:
            documents[key] = _mail_of(row)
        subject, body, name, pdf = documents[key]
        message = EmailMessage(
            subject=subject,
            body=body,
            to=[row.address],
            headers={CASE_HEADER: row.case.case_number},
        )
        message.attach(name, pdf, "application/pdf")
        where = delivered(message)
    except Exception as exc:  # any failure of one party's e-mail
        # The document is issued either way, and one party's failure must not keep the
        # others' e-mails from going: the party is served by mail instead.
        log.warning("service by e-mail failed for service %s: %s", row.pk, exc)
        letter_service_reroute_to_mail(row=row, reason=str(exc) or type(exc).__name__)
        return
    row.sent_at, row.delivered_to, row.sending_since = now(), where, None
    row.save(update_fields=["sent_at", "delivered_to", "sending_since"])


def letter_service_send_again(*, service_id: int, actor: Any) -> LetterService:
    """Send again the e-mail of a party whose service never went out: its row committed with
    the issue (or the notice), but the sending step that runs after the commit did not (the
    server stopped or restarted in between). Such a row is neither sent nor in the print
    queue, so the party would never be served (LC 4610.6(f); 8 CCR 9792.10.3, 9792.10.4(b)).
    NotFound for no such row; Conflict for a party served by mail, already sent, or being
    sent now (claimed by another step, ``_claim``): the send is claimed before the e-mail
    goes, so two clicks send it once. A send that fails again turns the service to mail, as
    the first would have."""
    since = now()
    with transaction.atomic():
        row = LetterService.objects.select_for_update().filter(pk=service_id).first()
        if row is None:
            raise NotFound(f"no letter or notice service {service_id}")
        _refuse_send_again(row)
        if not _claim([row.pk], since):
            row.refresh_from_db()
            _refuse_send_again(row)
            raise Conflict(_being_sent(row.party))
        audit_record(
            actor=actor,
            action=f"{row.document}.service.sent_again",
            object_type="case",
            object_id=row.case.case_number,
            detail={"service": row.pk, "party_role": row.party_role},
        )
        transaction.on_commit(partial(_send, [row.pk], since))
    return row


def _refuse_send_again(row: LetterService) -> None:
    party = row.party
    if row.method != LetterService.EMAIL:
        raise Conflict(f"the {party} is served by mail: print it from the print queue")
    if not row.address:  # a notice's row moved by the upgrade (letters 0006)
        raise Conflict(f"no e-mail address is on file for the {party}: nothing was sent")
    if row.sent_at is not None:
        when = row.sent_at.astimezone(CALIFORNIA).strftime("%m/%d/%Y %H:%M")
        raise Conflict(f"the e-mail to the {party} was sent on {when}: nothing was sent again")
    if row.being_sent:
        raise Conflict(_being_sent(party))


def _being_sent(party: str) -> str:
    return f"the e-mail to the {party} is being sent now: nothing was sent again"


def letter_service_reroute_to_mail(*, row: LetterService, reason: str) -> None:
    """An e-mail that could not be sent leaves the party unserved: the row turns to mail
    service and joins the print queue (LC 4610.6(f) requires service on every party), keeping
    the address and why the e-mail failed. Audited in the same transaction. A Notice of
    Assignment to the claims administrator is then mailed, and its records clock counts as
    for a mailed notice (8 CCR 9792.10.5(a)(1)); so is a request for eligibility
    information to the party asked, whose time to answer grows by the mail's 5 days
    (8 CCR 9792.10.3(c); CCP 1013(a))."""
    with transaction.atomic():
        row.method, row.sending_since = LetterService.MAIL, None
        row.error = f"e-mail to {row.address} failed: {reason}"[:500]
        row.save(update_fields=["method", "error", "sending_since"])
        audit_record(
            actor=SENDER,
            action=f"{row.document}.service.rerouted",
            object_type="case",
            object_id=row.case.case_number,
            detail={"service": row.pk, "party_role": row.party_role, "error": reason[:300]},
        )
        if row.notice is not None:
            # To be mailed the day it was issued, until staff mark it printed on a later one.
            case_notice_mailed(
                case_number=row.case.case_number,
                notice_id=row.notice.pk,
                party_role=row.party_role,
                at=row.notice.created_at,
                actor=SENDER,
            )
