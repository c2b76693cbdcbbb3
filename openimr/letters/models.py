from datetime import timedelta
from typing import Any

from django.db import models

from openimr.core.clock import now
from openimr.core.errors import Conflict

# How long a sending step's claim on an e-mail holds (LetterService.sending_since): a mail
# server answers within seconds or not at all; a claim older than this is of a step that
# stopped (a server restarted while mailing), and staff may send the e-mail again.
SENDING_CLAIM = timedelta(minutes=15)
FROZEN = "an issued letter cannot be edited: a correction is a new amended letter"


class FrozenLetter(models.Model):
    """A letter as issued: written once, never changed or deleted (LC 4610.6(g): the
    determination binds the parties as issued). The PDF's SHA-256 lets anyone check that a
    copy is the one issued."""

    issued_at = models.DateTimeField()
    issued_by = models.CharField(max_length=150)
    text = models.TextField()
    html = models.TextField(help_text="The letter as an HTML fragment, escaped")
    pdf_path = models.CharField(max_length=500)
    pdf_sha256 = models.CharField(max_length=64)
    case_document = models.JSONField(
        help_text="The openimr.case/1 document the letter was built from"
    )
    content = models.JSONField(
        default=dict,
        blank=True,
        help_text="The letter as set (letters.domain.stored), for the copies mailed with an "
        "address block; empty for a letter issued before it was kept",
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise Conflict(FROZEN)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise Conflict(FROZEN)


class IssuedLetter(FrozenLetter):
    """The Final Determination Letter of a case: one per case."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="letter")

    class Meta:
        ordering = ("-issued_at",)

    def __str__(self) -> str:
        return f"FDL {self.case_id} {self.pdf_sha256[:12]}"


class AmendedLetter(FrozenLetter):
    """A correction: a new letter that names the one it amends, which stays as issued."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="amended_letters")
    amends = models.ForeignKey(IssuedLetter, on_delete=models.PROTECT, related_name="amendments")
    number = models.PositiveIntegerField(help_text="1 for the first amendment of the letter")
    reason = models.TextField()

    class Meta:
        ordering = ("case", "number")
        constraints = (
            models.UniqueConstraint(fields=("case", "number"), name="amended_letter_number_once"),
        )

    def __str__(self) -> str:
        return f"Amended FDL {self.case_id} #{self.number}"


class LetterService(models.Model):
    """Service of a letter (LC 4610.6(f)) or of a notice (8 CCR 9792.10.3, 9792.10.4(b)) on
    one party: by e-mail to a party that gave an address, else by mail, queued for printing.
    ``notice`` names the notice served; without one, ``pdf_sha256`` names the letter."""

    EMAIL, MAIL = "email", "mail"
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="letter_services")
    notice = models.ForeignKey(
        "cases.Notice",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="services",
        help_text="the notice served; none for a letter",
    )
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    party_role = models.CharField(max_length=40)
    party_name = models.CharField(max_length=300)
    method = models.CharField(max_length=8, choices=[(EMAIL, "E-mail"), (MAIL, "Mail")])
    address = models.CharField(max_length=254, blank=True, default="")
    postal_address = models.TextField(
        blank=True,
        default="",
        help_text="the postal address on file when served; none: staff must find one to mail it",
    )
    address_entered_by = models.CharField(
        max_length=150,
        blank=True,
        default="",
        help_text="staff who typed the postal address on the print queue before printing, "
        "none being on file; empty: the address is the one on file when served",
    )
    served_on = models.DateField()
    sent_at = models.DateTimeField(
        null=True, blank=True, help_text="e-mail handed to the server, or to the local outbox"
    )
    delivered_to = models.CharField(
        max_length=100,
        blank=True,
        default="",
        help_text="with no mail server: outbox/<file> (the local outbox) or console; "
        "empty: handed to the mail server",
    )
    sending_since = models.DateTimeField(
        null=True,
        blank=True,
        help_text="claimed by a sending step, which is mailing it now; an old claim is one "
        "whose step stopped",
    )
    printed_at = models.DateTimeField(null=True, blank=True, help_text="mail printed")
    printed_by = models.CharField(max_length=150, blank=True, default="", help_text="who printed")
    error = models.TextField(blank=True, default="")
    deadlines = models.TextField(
        blank=True,
        default="",
        help_text="implementation dates counted from this mailing, when they are not the "
        "letter's (8 CCR 9792.10.7(a); CCP 1013(a))",
    )

    class Meta:
        ordering = ("case", "id")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(method__in=("email", "mail")), name="letter_service_method"
            ),
        )

    def __str__(self) -> str:
        return f"{self.party_role} by {self.method}"

    @property
    def status(self) -> str:
        """Where this party's service stands, as staff read it."""
        if self.method == self.EMAIL:
            if self.unsent and self.being_sent:
                return "being sent now"
            if self.unsent and not self.error:
                # A send that never ran: one that failed turned the row to mail.
                return "not sent: the e-mail did not go out; send it again"
            if not self.sent_at:
                return f"not sent{': ' if self.error else ''}{self.error}"
            if self.in_outbox:
                return "delivered to outbox (no mail server)"
            return "printed to the console (no mail server)" if self.delivered_to else "sent"
        done = "printed" if self.printed_at else "in the print queue"
        if not self.printed_at and self.needs_address:
            done += "; no postal address on file: find one before mailing"
        return f"{self.error}; {done}" if self.error else done

    @property
    def unsent(self) -> bool:
        """An e-mail service whose sending step never ran (``letter_service_send_again``)."""
        return self.method == self.EMAIL and self.sent_at is None and bool(self.address)

    @property
    def being_sent(self) -> bool:
        """Claimed by a sending step that may still be mailing it (``SENDING_CLAIM``)."""
        since = self.sending_since
        return since is not None and since > now() - SENDING_CLAIM

    @property
    def outbox_file(self) -> str:
        """The outbox's file of the e-mail delivered there; "" for any other."""
        return self.delivered_to.removeprefix("outbox/") if self.in_outbox else ""

    @property
    def in_outbox(self) -> bool:
        return self.delivered_to.startswith("outbox/")

    @property
    def needs_address(self) -> bool:
        """Served by mail with no postal address on file: not served until staff find one."""
        return self.method == self.MAIL and not self.postal_address.strip()

    @property
    def mailing(self) -> tuple[str, ...]:
        """The address block of the copy mailed to the party: its name and the lines of its
        postal address, the one on file or the one staff typed on the print queue before
        printing (``address_entered_by``); none without either."""
        lines = [line.strip() for line in self.postal_address.splitlines() if line.strip()]
        return (self.party_name.strip(), *lines) if lines else ()

    @property
    def party(self) -> str:
        return self.party_role.replace("_", " ")

    @property
    def document(self) -> str:
        return "notice" if self.notice_id else "letter"
