"""Serving an issued letter on every party (LC 4610.6(f)): e-mail to a party that gave an
address, through Django's e-mail backend once the issue is committed; a print-queue row for
everyone else, who is served by mail, and for a party whose e-mail could not be sent."""

import logging
from datetime import date
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from openimr.audit.services import audit_record
from openimr.cases.selectors import case_parties
from openimr.core.clock import now
from openimr.letters.models import FrozenLetter, LetterService
from openimr.review.domain.implementation import Service

log = logging.getLogger(__name__)
SENDER = "letter-service"  # the audit's actor for what the sending step does on its own


def service_method(case_number: str) -> Service:
    """How the claims administrator, who must implement the letter, is served: its receipt
    starts the implementation clocks (8 CCR 9792.10.7(a))."""
    parties = {p["role"]: p for p in case_parties(case_number)}
    payer = parties.get("claims_administrator", {"email": ""})
    return Service.ELECTRONIC if payer["email"] else Service.MAIL


def letter_serve(*, letter: FrozenLetter, case_number: str, served_on: date) -> list[LetterService]:
    """One service row per party; e-mails go out after the transaction commits, so a
    rolled-back issue sends nothing."""
    rows = LetterService.objects.bulk_create(
        LetterService(
            case_id=letter.case_id,  # type: ignore[attr-defined]
            pdf_sha256=letter.pdf_sha256,
            party_role=party["role"],
            party_name=party["name"],
            method=LetterService.EMAIL if party["email"] else LetterService.MAIL,
            address=party["email"],
            served_on=served_on,
        )
        for party in case_parties(case_number)
    )
    emailed = [row.pk for row in rows if row.method == LetterService.EMAIL]
    if emailed:
        transaction.on_commit(partial(_send, letter.pk, type(letter), emailed))
    return rows


def _send(letter_id: int, model: type[FrozenLetter], service_ids: list[int]) -> None:
    letter = model.objects.get(pk=letter_id)  # type: ignore[attr-defined]
    pdf = (Path(settings.MEDIA_ROOT) / letter.pdf_path).read_bytes()
    for row in LetterService.objects.filter(pk__in=service_ids).select_related("case"):
        message = EmailMessage(
            subject=f"Final Determination Letter, case {letter.case.case_number}",
            body=letter.text,
            to=[row.address],
        )
        message.attach(f"{letter.case.case_number}-FDL.pdf", pdf, "application/pdf")
        try:
            message.send()
        except Exception as exc:  # any failure of one party's e-mail
            # The letter is issued either way, and one party's failure must not keep the
            # others' e-mails from going: the party is served by mail instead.
            log.warning("letter service by e-mail failed for service %s: %s", row.pk, exc)
            letter_service_reroute_to_mail(row=row, reason=str(exc) or type(exc).__name__)
            continue
        row.sent_at = now()
        row.save(update_fields=["sent_at"])


def letter_service_reroute_to_mail(*, row: LetterService, reason: str) -> None:
    """An e-mail that could not be sent leaves the party unserved: the row turns to mail
    service and joins the print queue (LC 4610.6(f) requires service on every party), keeping
    the address and why the e-mail failed. Audited in the same transaction."""
    with transaction.atomic():
        row.method = LetterService.MAIL
        row.error = f"e-mail to {row.address} failed: {reason}"[:500]
        row.save(update_fields=["method", "error"])
        audit_record(
            actor=SENDER,
            action="letter.service.rerouted",
            object_type="case",
            object_id=row.case.case_number,
            detail={"service": row.pk, "party_role": row.party_role, "error": reason[:300]},
        )
